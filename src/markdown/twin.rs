//! The Markdown twin of an article: its expanded Markdown as the writer
//! wrote it, with what only helpgen understands taken out. Constructs
//! become their Markdown form (an image with its absolute address, a
//! requirement table as a table), kramdown attribute lists go, and every
//! link's address is left open for the render stage, which writes the
//! absolute URL for the reader's language, as it does for the HTML.

use std::ops::Range;

use crate::dialect::Expanded;
use crate::syntax::markers::{self, Marker};

/// An article's Markdown with a slot for the address of each link.
#[derive(Debug, Clone, Default)]
pub struct MarkdownTwin {
    text: String,
    /// Where in `text` the address of `ParsedDoc::links[n]` goes, in order.
    slots: Vec<(usize, usize)>,
}

impl MarkdownTwin {
    /// Appends the body's Markdown (no blank line before it, one line
    /// break after it) with each slot filled by `address`, which appends
    /// the address of the link with the given index.
    pub fn write(&self, out: &mut String, mut address: impl FnMut(usize, &mut String)) {
        out.reserve(self.text.len() + self.slots.len() * 64);
        let mut from = 0;
        for &(at, link) in &self.slots {
            out.push_str(&self.text[from..at]);
            address(link, out);
            from = at;
        }
        out.push_str(&self.text[from..]);
    }
}

/// What the pass found that the twin writes differently from the source.
#[derive(Debug, Default)]
pub(super) struct TwinEdits {
    edits: Vec<(Range<usize>, Edit)>,
    /// For each of the expansion's cross-links, the link it became, if any.
    cross_links: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// A kramdown attribute list the page applied: no Markdown reader would.
    Drop,
    /// From the `]` ending a link's text to the link's end: `](address)`
    /// of link N.
    Address(usize),
}

impl TwinEdits {
    pub fn new(cross_links: usize) -> TwinEdits {
        TwinEdits { edits: Vec::new(), cross_links: vec![None; cross_links] }
    }

    pub fn drop(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.edits.push((range, Edit::Drop));
        }
    }

    /// Link `link` is written at `range` as Markdown (`[text](url)`,
    /// `[text][ref]`, `[text]`): its address part becomes a slot.
    pub fn markdown_link(&mut self, markdown: &str, range: &Range<usize>, link: usize) {
        if let Some(end) = markdown.get(range.clone()).and_then(link_text_end) {
            self.edits.push((range.start + end..range.end, Edit::Address(link)));
        }
    }

    /// The expansion's cross-link `index`, written with markers, became link `link`.
    pub fn cross_link(&mut self, index: usize, link: usize) {
        if let Some(slot) = self.cross_links.get_mut(index) {
            *slot = Some(link);
        }
    }
}

/// The twin of `expanded`, given what the pass found.
pub(super) fn build(expanded: &Expanded, found: TwinEdits) -> MarkdownTwin {
    let markdown = expanded.markdown.as_str();
    let mut replacements: Vec<(Range<usize>, Replacement)> =
        found.edits.into_iter().map(|(range, edit)| (range, Replacement::Edit(edit))).collect();
    // The cross-link whose text is being read, between its two markers.
    let mut open = None;
    for &at in &expanded.placeholders {
        let Some((marker, len)) = markers::read(markdown, at) else { continue };
        let replacement = match marker {
            Marker::Construct(n) => match expanded.constructs.get(n) {
                // A block on its own, which the expansion set apart with
                // blank lines of its own besides the writer's.
                Some(construct) if construct.block.is_some() && markdown[..at].ends_with("\n\n") => {
                    Replacement::Block(&construct.markdown)
                }
                Some(construct) => Replacement::Text(&construct.markdown),
                None => Replacement::Edit(Edit::Drop),
            },
            Marker::LinkStart(index) => {
                open = found.cross_links.get(index).copied().flatten();
                Replacement::Text(if open.is_some() { "[" } else { "" })
            }
            Marker::LinkEnd => Replacement::Edit(open.take().map_or(Edit::Drop, Edit::Address)),
        };
        replacements.push((at..at + len, replacement));
    }
    replacements.sort_by_key(|(range, _)| range.start);

    let mut twin = MarkdownTwin { text: String::with_capacity(markdown.len() + 256), slots: Vec::new() };
    let mut copied = 0;
    for (range, replacement) in replacements {
        // Edits never overlap; if one did, the first one met wins.
        if range.start < copied {
            continue;
        }
        let mut end = range.end;
        twin.text.push_str(&markdown[copied..range.start]);
        match replacement {
            Replacement::Text(text) => push_indented(&mut twin.text, text),
            Replacement::Block(text) => {
                // One blank line on each side, however many were written.
                twin.text.truncate(twin.text.trim_end_matches('\n').len());
                if !twin.text.is_empty() {
                    twin.text.push_str("\n\n");
                }
                twin.text.push_str(text);
                let blank = markdown[end..].bytes().take_while(|&b| b == b'\n').count();
                if blank > 0 {
                    end += blank;
                    twin.text.push_str("\n\n");
                }
            }
            Replacement::Edit(Edit::Drop) => {}
            Replacement::Edit(Edit::Address(link)) => {
                twin.text.push_str("](");
                twin.slots.push((twin.text.len(), link));
                twin.text.push(')');
            }
        }
        copied = end;
    }
    twin.text.push_str(&markdown[copied..]);
    // The blank lines between the source's front matter and its text, and
    // at its end, are not the twin's: its writer adds its own.
    let end = twin.text.trim_end_matches('\n').len();
    twin.text.truncate(end);
    twin.text.push('\n');
    let lead = twin.text.len() - twin.text.trim_start_matches('\n').len();
    if lead > 0 {
        twin.text.drain(..lead);
        twin.slots.iter_mut().for_each(|(at, _)| *at -= lead);
    }
    twin
}

enum Replacement<'e> {
    Edit(Edit),
    Text(&'e str),
    /// A construct that is a paragraph of its own.
    Block(&'e str),
}

/// Appends `text`; when the line so far is only blanks (the construct sits
/// in a list item), its later lines get the same blanks, so that all of it
/// stays in the item.
fn push_indented(out: &mut String, text: &str) {
    let line = &out[out.rfind('\n').map_or(0, |i| i + 1)..];
    if line.is_empty() || !line.bytes().all(|b| b == b' ' || b == b'\t') || !text.contains('\n') {
        return out.push_str(text);
    }
    let indent = line.to_string();
    let mut lines = text.split('\n');
    out.push_str(lines.next().unwrap_or_default());
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&indent);
        }
        out.push_str(line);
    }
}

/// Where the `]` that ends a link's text is in the link's source `[text]...`:
/// brackets inside the text are balanced or escaped, and code spans in it
/// are skipped, as the parser reads them. Linear in the source, however its
/// backticks are arranged.
fn link_text_end(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    if bytes.first() != Some(&b'[') {
        return None;
    }
    let closing = closing_runs(bytes);
    let mut depth = 0usize;
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                // A code span ends at the next run as long; without one, the
                // backticks are text.
                i = match closing.get(&i) {
                    Some(&close) => close + run,
                    None => i + run,
                };
                continue;
            }
            b'[' => depth += 1,
            b']' if depth == 0 => return Some(i),
            b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// For each run of backticks in `bytes`, by where it starts, where the next
/// run of the same length starts, if one does.
fn closing_runs(bytes: &[u8]) -> std::collections::HashMap<usize, usize> {
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'`', &bytes[i..]) {
        let start = i + found;
        let len = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        runs.push((start, len));
        i = start + len;
    }
    let mut next_of_length = std::collections::HashMap::new();
    let mut closing = std::collections::HashMap::new();
    for &(start, len) in runs.iter().rev() {
        if let Some(next) = next_of_length.insert(len, start) {
            closing.insert(start, next);
        }
    }
    closing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_link_text_is_found_past_nested_brackets_and_code() {
        assert_eq!(link_text_end("[a](b)"), Some(2));
        assert_eq!(link_text_end("[a [b] c][ref]"), Some(8));
        assert_eq!(link_text_end("[a \\] b](x)"), Some(7));
        assert_eq!(link_text_end("[`]` code](x)"), Some(9));
        assert_eq!(link_text_end("[``a`]``][r]"), Some(8));
        assert_eq!(link_text_end("[open"), None);
        assert_eq!(link_text_end("[`a ``b` c] ``](x)"), Some(10));
        assert_eq!(link_text_end("a](b)"), None);
    }

    #[test]
    fn a_multi_line_construct_stays_in_its_list_item() {
        let mut out = String::from("- item\n\n  ");
        push_indented(&mut out, "| a |\n| --- |\n\nlast");
        assert_eq!(out, "- item\n\n  | a |\n  | --- |\n\n  last");
        let mut out = String::from("text ");
        push_indented(&mut out, "a\nb");
        assert_eq!(out, "text a\nb");
    }
}
