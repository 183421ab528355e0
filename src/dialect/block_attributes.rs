//! Block attribute lists: lines holding only `{:...}`, found outside code,
//! removed from the Markdown and recorded for the block they belong to.

use std::ops::Range;

use memchr::memmem;

use super::{in_ranges, Applies, BlockAttributes, Expander};
use crate::diag::{Code, Diagnostic};
use crate::syntax::attributes;

impl Expander<'_, '_> {
    /// A line holding only `{:...}`: removed from the Markdown (leaving a
    /// blank line, which also ends the block above) and recorded for the
    /// block right above it, or, after a blank line, the block right below.
    pub(super) fn block_attributes(
        &mut self,
        source: usize,
        text: &str,
        base: usize,
        line: Range<usize>,
        copied_to: &mut usize,
    ) {
        let written = text[line.clone()].trim();
        let at = base + line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
        let attributes = match attributes::parse(written) {
            Ok((attributes, len)) if len == written.len() => attributes,
            Ok(_) | Err(attributes::AttributeError::NotAList) => return,
            Err(attributes::AttributeError::Invalid(message)) => {
                self.report(Diagnostic::new(Code::DialectAttribute, message).with_help(attributes::HELP), source, at);
                return;
            }
        };
        let blank = |l: &str| l.trim().is_empty();
        let previous = text[..line.start].strip_suffix('\n').map(|before| before.rsplit('\n').next().unwrap_or(before));
        let next = text[line.end..].strip_prefix('\n').map(|after| after.split('\n').next().unwrap_or(after));
        let applies = match (previous.is_some_and(|l| !blank(l)), next.is_some_and(|l| !blank(l))) {
            (true, _) => Applies::Previous,
            (false, true) => Applies::Next,
            (false, false) => {
                let d = Diagnostic::new(
                    Code::DialectAttribute,
                    "this attribute list is not next to a block; it is shown as written",
                )
                .with_help("put it on the line right after the paragraph, heading, list or table it is for");
                self.report(d, source, at);
                return;
            }
        };
        self.verbatim(source, text, *copied_to..line.start, base);
        let location = self.out.sources[source].location(at);
        self.out.block_attributes.push(BlockAttributes {
            offset: self.out.markdown.len(),
            applies,
            attributes,
            location,
        });
        *copied_to = line.end;
    }
}

/// Lines outside code that hold only an attribute list, without their `\n`.
pub(super) fn attribute_lines(text: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    for at in memmem::find_iter(bytes, b"{:") {
        // Only spaces or tabs before it on its line. Most are spans inside
        // prose, which the byte before them tells.
        let start = at - bytes[..at].iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
        if start > 0 && bytes[start - 1] != b'\n' {
            continue;
        }
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
        let content = &text[start..line_end];
        let indent = content.len() - content.trim_start().len();
        if indent < 4 && content.trim_end().ends_with('}') && !in_ranges(code, start) {
            lines.push(start..line_end);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::attribute_lines;

    #[test]
    fn only_lines_holding_nothing_but_a_list() {
        let text = "Para _x_{:.a}\n{:.note}\n  {:#id}  \n    {:.code}\n{:.a} text\n\u{a0}{:.nbsp}\n\t{:.tab}\n{:.last}";
        let found: Vec<&str> = attribute_lines(text, &[]).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["{:.note}", "  {:#id}  ", "\t{:.tab}", "{:.last}"]);
        let all_code = std::iter::once(0..text.len()).collect::<Vec<_>>();
        assert!(attribute_lines(text, &all_code).is_empty());
    }
}
