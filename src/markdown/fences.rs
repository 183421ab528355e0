//! Fenced code blocks that CommonMark reads otherwise than kramdown did:
//! a fence inside a numbered step whose lines are not indented ends the
//! list (kramdown kept it in the step), and a fence that is never closed
//! turns the rest of the article into code. Found line by line in the
//! Markdown the tags expanded to (a `{% highlight %}` block is a fence
//! there), and reported at the writer's line with the indentation to use.

use crate::diag::{Code, Diagnostic};

/// A fence CommonMark will read otherwise than the writer meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FenceProblem {
    /// Byte offset of the fence's line.
    pub offset: usize,
    pub kind: FenceKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FenceKind {
    /// Between two numbered steps but indented less than their text: the
    /// list ends at it, and the steps after it start a new list. Indenting it by `indent` spaces keeps it in the step.
    OutsideItem { indent: usize },
    /// Never closed: everything after it is code.
    Unclosed,
}

/// The warning for a fence CommonMark reads otherwise than the writer meant.
pub fn diagnostic(kind: &FenceKind) -> Diagnostic {
    match kind {
        FenceKind::OutsideItem { indent } => Diagnostic::new(
            Code::DialectFenceOutsideItem,
            "this code block ends the list: its fence is indented less than the step above",
        )
        .with_help(format!(
            "indent the code block's lines, fences included, by {indent} spaces to keep it in the step"
        )),
        FenceKind::Unclosed => Diagnostic::new(
            Code::DialectUnclosedFence,
            "this code block is never closed: everything after it is shown as code",
        )
        .with_help("close it with a line of the same fence (```), as long as the opening one"),
    }
}

/// An open fence: its character, length, indentation and line.
struct Open {
    marker: u8,
    len: usize,
    indent: usize,
    offset: usize,
    /// Set when the fence is shallower than the list item before it.
    item_indent: Option<usize>,
}

pub fn fence_problems(text: &str) -> Vec<FenceProblem> {
    let mut problems = Vec::new();
    if !text.contains("```") && !text.contains("~~~") {
        return problems;
    }
    // The content indentation of each list item the text is in, outermost
    // first.
    let mut items: Vec<Item> = Vec::new();
    let mut open: Option<Open> = None;
    // A fence shallower than its step, closed: confirmed when a step follows.
    let mut pending: Option<(usize, usize)> = None;
    let mut after_blank = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = line[indent..].trim_end();
        if let Some(fence) = &open {
            if closes(rest, fence) && indent < fence.indent + 4 {
                pending = fence.item_indent.map(|indent| (fence.offset, indent));
                open = None;
            }
            continue;
        }
        if rest.is_empty() {
            after_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut after_blank, false);
        let innermost = items.last().map_or(0, |item| item.content);
        if let Some((marker, len)) = opens(rest).filter(|_| indent < 4 + innermost) {
            // Shallower than every step it is among: outside the list.
            // Only numbered steps: bullet lists around code are often two lists.
            let outer = items.first().filter(|outer| outer.numbered && indent < outer.content);
            let item_indent = outer.map(|outer| outer.content);
            open = Some(Open { marker, len, indent, offset: at + indent, item_indent });
            continue;
        }
        match list_item(line) {
            Some(item) => {
                if let Some((offset, indent)) = pending.take().filter(|_| item.numbered) {
                    problems.push(FenceProblem { offset, kind: FenceKind::OutsideItem { indent } });
                }
                // A step of this level ends the deeper ones before it.
                items.retain(|open| open.content <= indent);
                items.push(item);
            }
            None => {
                pending = None;
                // Text shallower than the steps after a blank line ends the
                // list; right after a step, it continues the step's text.
                if blank_before && items.first().is_some_and(|outer| indent < outer.content) {
                    items.clear();
                }
            }
        }
    }
    if let Some(fence) = open {
        problems.push(FenceProblem { offset: fence.offset, kind: FenceKind::Unclosed });
    }
    problems
}

/// A line opening a fence: its character and length.
fn opens(rest: &str) -> Option<(u8, usize)> {
    let marker = *rest.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == marker).count();
    // A backtick fence's info string may not hold a backtick.
    let info_ok = marker == b'~' || !rest[len..].contains('`');
    (len >= 3 && info_ok).then_some((marker, len))
}

fn closes(rest: &str, fence: &Open) -> bool {
    let len = rest.bytes().take_while(|&b| b == fence.marker).count();
    len >= fence.len && rest[len..].trim().is_empty()
}

/// A list item: where its text starts, and whether it is a numbered step.
#[derive(Debug, Clone, Copy)]
struct Item {
    content: usize,
    numbered: bool,
}

/// The list item `line` begins, if it begins one: `- `, `* `, `+ `, `1. `
/// or `1) ` after its indentation.
fn list_item(line: &str) -> Option<Item> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match (digits, rest.as_bytes().get(digits)) {
        (0, Some(b'-' | b'*' | b'+')) => 1,
        (1..=9, Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    let after = &rest[marker..];
    let spaces = after.len() - after.trim_start_matches(' ').len();
    let item = Item { content: indent + marker + spaces.min(4), numbered: digits > 0 };
    (spaces >= 1 && !after.trim().is_empty()).then_some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(usize, FenceKind)> {
        let line = |offset: usize| text[..offset].matches('\n').count() + 1;
        fence_problems(text).into_iter().map(|p| (line(p.offset), p.kind)).collect()
    }

    #[test]
    fn a_fence_between_two_steps_belongs_to_the_first() {
        let text = "1. Open the file:\n```json\n{ \"a\": 1 }\n```\n2. Save it.\n";
        assert_eq!(kinds(text), [(2, FenceKind::OutsideItem { indent: 3 })]);
        let blank_lines = "1. Run:\n\n```\nx\n```\n\n2. Then this.\n";
        assert_eq!(kinds(blank_lines), [(3, FenceKind::OutsideItem { indent: 3 })]);
        // Bullet lists around a code block are often two lists on purpose.
        assert!(kinds("- Run:\n\n```\nx\n```\n\n- Then this.\n").is_empty());
    }

    /// A fence indented like its step's text, after the step's own list,
    /// is in the step: only a fence shallower than every step is outside.
    #[test]
    fn a_fence_after_a_nested_list_belongs_to_its_step() {
        let text = "1. Pick:\n   - one\n   - two\n\n   ```\n   x\n   ```\n2. Save.\n";
        assert!(kinds(text).is_empty(), "{:?}", kinds(text));
        let problems = fence_problems("1. Pick:\n   - one\n ```\n x\n ```\n2. Save.\n");
        assert_eq!(problems.iter().map(|p| p.offset).collect::<Vec<_>>(), [19]);
    }

    #[test]
    fn indented_fences_and_fences_after_a_list_are_fine() {
        assert!(kinds("1. Open:\n   ```\n   x\n   ```\n2. Save.\n").is_empty());
        assert!(kinds("1. Open.\n2. Save.\n\n```\nx\n```\n\nText.\n").is_empty());
        assert!(kinds("Text\n\n````\n```\n````\n").is_empty());
        assert!(kinds("1. Step.\n\n```\nx\n```\n\nMore text.\n\n2. Step.\n").is_empty());
    }

    #[test]
    fn an_unclosed_fence_is_found() {
        assert_eq!(kinds("Intro\n\n```\ncode\n\n## Heading\n"), [(3, FenceKind::Unclosed)]);
        assert_eq!(kinds("~~~\n```\n"), [(1, FenceKind::Unclosed)]);
    }
}
