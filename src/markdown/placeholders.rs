//! Unfinished text that should not reach customers unnoticed: `TODO` and
//! `FIXME` markers outside code, and headings with nothing under them.
//! Reported as info: a writer's reminder, not a broken page.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diag::{Code, Diagnostic};
use crate::dialect::Expanded;

/// Looks at the events of one article in order. Code blocks reach it
/// already written as HTML, so markers in code are never seen.
pub struct Unfinished {
    /// Most articles hold no marker at all: one search over the whole text
    /// is far cheaper than one per text event.
    any_marker: bool,
    /// The open heading section: its level, start offset, and whether
    /// anything but a heading came after it.
    section: Option<(u8, usize, bool)>,
    /// Inside a heading, whose own elements (`## The _Plan_ menu`) are not
    /// content under it.
    in_heading: bool,
}

impl Unfinished {
    pub fn new(markdown: &str) -> Unfinished {
        Unfinished { any_marker: finder().is_match(markdown), section: None, in_heading: false }
    }

    #[inline]
    pub fn observe(&mut self, event: &Event, range: &Range<usize>, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
        match event {
            Event::Text(text) if self.any_marker => {
                for (marker, at) in MARKERS.iter().zip(find_words(text)) {
                    let Some(at) = at else { continue };
                    let d = Diagnostic::new(Code::PlaceholderTodo, format!("`{marker}` left in the text"));
                    // Exact where the text is as written; inside text with
                    // escapes or entities, close to the marker.
                    diags.push(d.at(expanded.location(range.start + at.min(range.len()))));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level as u8;
                if let Some((open_level, at, false)) = self.section {
                    if level <= open_level {
                        diags.push(empty_section(expanded, at));
                    }
                }
                self.section = Some((level, range.start, false));
                self.in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => self.in_heading = false,
            Event::Start(_) | Event::Html(_) | Event::Rule => self.element(),
            _ => {}
        }
    }

    /// An element starts: outside a heading's own text, it is content
    /// under the heading.
    pub fn element(&mut self) {
        if let (Some((_, _, content)), false) = (self.section.as_mut(), self.in_heading) {
            *content = true;
        }
    }

    pub fn finish(self, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
        if let Some((_, at, false)) = self.section {
            diags.push(empty_section(expanded, at));
        }
    }
}

fn empty_section(expanded: &Expanded, at: usize) -> Diagnostic {
    Diagnostic::new(Code::PlaceholderEmptySection, "this heading has nothing under it").at(expanded.location(at))
}

const MARKERS: [&str; 2] = ["TODO", "FIXME"];

/// Finds every marker in one pass, built once.
fn finder() -> &'static AhoCorasick {
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    // Two fixed, valid words: building cannot fail.
    FINDER.get_or_init(|| AhoCorasick::new(MARKERS).expect("the markers build a searcher"))
}

/// Where each marker first stands as a word of its own in `text` (not
/// `TODOs` or `STODO`), in the order of `MARKERS`.
fn find_words(text: &str) -> [Option<usize>; 2] {
    let mut found = [None; 2];
    for m in finder().find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            found[m.pattern().as_usize()].get_or_insert(m.start());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::find_words;

    #[test]
    fn markers_are_whole_words() {
        assert_eq!(find_words("a TODO: b TODO"), [Some(2), None]);
        assert_eq!(find_words("TODOs and STODO"), [None, None]);
        assert_eq!(find_words("(FIXME) TODO"), [Some(8), Some(1)]);
    }
}
