//! Unfinished text that should not reach customers unnoticed: `TODO` and
//! `FIXME` markers outside code, and headings with nothing under them.
//! Reported as info: a writer's reminder, not a broken page.

use std::ops::Range;

use memchr::memmem;
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diag::Diagnostic;
use crate::dialect::Expanded;

/// Looks at the events of one article in order. Code blocks reach it
/// already written as HTML, so markers in code are never seen.
pub struct Unfinished {
    finders: [(&'static str, memmem::Finder<'static>); 2],
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
        let finders = MARKERS.map(|m| (m, memmem::Finder::new(m)));
        let any_marker = finders.iter().any(|(_, finder)| finder.find(markdown.as_bytes()).is_some());
        Unfinished { finders, any_marker, section: None, in_heading: false }
    }

    /// Whether texts need to be shown to `observe`.
    pub fn looks_at_text(&self) -> bool {
        self.any_marker
    }

    #[inline]
    pub fn observe(&mut self, event: &Event, range: &Range<usize>, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
        match event {
            Event::Text(text) if self.any_marker => {
                for (marker, finder) in &self.finders {
                    if let Some(at) = find_word(text, finder) {
                        let d = Diagnostic::info("placeholder.todo", format!("`{marker}` left in the text"));
                        // Exact where the text is as written; inside text
                        // with escapes or entities, close to the marker.
                        diags.push(d.at(expanded.location(range.start + at.min(range.len()))));
                    }
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
