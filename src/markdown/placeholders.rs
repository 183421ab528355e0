//! Unfinished text that should not reach customers unnoticed: `TODO` and
//! `FIXME` markers outside code, and headings with nothing under them.
//! Reported as info: a writer's reminder, not a broken page.

use memchr::memmem;
use pulldown_cmark::{Event, Tag, TagEnd};

use super::Spanned;
use crate::diag::Diagnostic;
use crate::dialect::Expanded;

pub fn check(events: &[Spanned], expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
    let finders = MARKERS.map(|m| (m, memmem::Finder::new(m)));
    // Most articles hold no marker at all: one search over the whole text
    // is far cheaper than one per text event.
    let source = expanded.markdown.as_bytes();
    let any_marker = finders.iter().any(|(_, finder)| finder.find(source).is_some());
    let mut in_code = false;
    // The open heading section: its level, start offset, and whether
    // anything but a heading came after it.
    let mut section: Option<(u8, usize, bool)> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) if any_marker && !in_code => {
                for (marker, finder) in &finders {
                    if let Some(at) = find_word(text, finder) {
                        let d = Diagnostic::info("placeholder.todo", format!("`{marker}` left in the text"));
                        // Text offsets inside merged text are close enough to
                        // the marker's own; point at the text's start plus it.
                        diags.push(d.at(expanded.location(range.start + at.min(range.len()))));
                    }
                }
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level as u8;
                if let Some((open_level, at, false)) = section {
                    if level <= open_level {
                        diags.push(empty_section(expanded, at));
                    }
                }
                section = Some((level, range.start, false));
            }
            Event::End(TagEnd::Heading(_)) => {}
            Event::Start(_) | Event::Html(_) | Event::Rule => {
                if let Some((_, _, content)) = section.as_mut() {
                    *content = true;
                }
            }
            _ => {}
        }
    }
    if let Some((_, at, false)) = section {
        diags.push(empty_section(expanded, at));
    }
}

fn empty_section(expanded: &Expanded, at: usize) -> Diagnostic {
    Diagnostic::info("placeholder.empty-section", "this heading has nothing under it").at(expanded.location(at))
}

const MARKERS: [&str; 2] = ["TODO", "FIXME"];

/// The marker as a word of its own (not `TODOs` or `STODO`).
fn find_word(text: &str, marker: &memmem::Finder) -> Option<usize> {
    let length = marker.needle().len();
    marker.find_iter(text.as_bytes()).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + length..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use memchr::memmem::Finder;

    use super::find_word;

    #[test]
    fn markers_are_whole_words() {
        assert_eq!(find_word("a TODO: b", &Finder::new("TODO")), Some(2));
        assert_eq!(find_word("TODOs and STODO", &Finder::new("TODO")), None);
        assert_eq!(find_word("(FIXME)", &Finder::new("FIXME")), Some(1));
    }
}
