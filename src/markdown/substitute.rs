//! The expansion's markers swapped for what they stand for: a construct's
//! placeholder (icons, images, offer blocks) for helpgen's HTML, a plain
//! cross-link's markers for the link's start and end. A paragraph that is a
//! single placeholder takes the construct's block form (a `<figure>`, an
//! offer `<div>`), any other placeholder its inline form.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

use crate::dialect::{Construct, Expanded};
use crate::syntax::markers::{self, Marker};

/// The block form, if a paragraph's source is one placeholder on its own:
/// its events are then that placeholder's text and the paragraph's end.
pub(super) fn block_form<'c>(paragraph: &str, constructs: &'c [Construct]) -> Option<&'c str> {
    let n = sole_placeholder(paragraph)?;
    constructs.get(n)?.block.as_deref()
}

/// Where the expansion wrote markers, so that the texts holding one are
/// found without searching every text.
pub(super) struct Placeholders<'e> {
    offsets: &'e [usize],
    /// The first marker not before the last event looked at.
    next: usize,
}

impl<'e> Placeholders<'e> {
    pub fn new(offsets: &'e [usize]) -> Placeholders<'e> {
        Placeholders { offsets, next: 0 }
    }

    /// Whether the text or HTML whose source is `range` holds a marker.
    #[inline]
    pub fn within(&mut self, range: &Range<usize>) -> bool {
        if self.offsets.is_empty() {
            return false;
        }
        // Texts come in source order, so the cursor only moves on; one that
        // does not is looked up.
        if self.next > 0 && self.offsets[self.next - 1] >= range.start {
            self.next = self.offsets.partition_point(|&at| at < range.start);
        }
        while self.offsets.get(self.next).is_some_and(|&at| at < range.start) {
            self.next += 1;
        }
        self.offsets.get(self.next).is_some_and(|&at| at < range.end)
    }

    /// The markers from the first one `within` found on.
    pub fn found(&self) -> &'e [usize] {
        self.offsets.get(self.next..).unwrap_or_default()
    }
}

/// Which event a text comes from, and so which its pieces are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Html,
    InlineHtml,
}

impl Kind {
    /// The kind of `event` and its text, if it holds text markers can be in.
    pub fn of<'a, 'e>(event: &'a mut Event<'e>) -> Option<(Kind, &'a mut CowStr<'e>)> {
        match event {
            Event::Text(text) => Some((Kind::Text, text)),
            Event::Html(html) => Some((Kind::Html, html)),
            Event::InlineHtml(html) => Some((Kind::InlineHtml, html)),
            _ => None,
        }
    }

    pub fn event(self, text: CowStr<'_>) -> Event<'_> {
        match self {
            Kind::Text => Event::Text(text),
            Kind::Html => Event::Html(text),
            Kind::InlineHtml => Event::InlineHtml(text),
        }
    }
}

/// What a text or HTML event holding markers becomes: its text or HTML
/// around the markers, and for each marker what it stands for.
pub(super) enum Piece<'e> {
    /// Text or HTML (a construct's is inline HTML), with its source range.
    Text(Kind, CowStr<'e>, Range<usize>),
    /// The text of `Expanded::links[index]` starts. `end` is where the
    /// link's end marker ends: an attribute list after the link starts there.
    LinkStart {
        index: usize,
        range: Range<usize>,
        end: usize,
    },
    LinkEnd(Range<usize>),
}

/// The `kind` event holding `text` cut at its markers, pushed onto `out`.
/// `markers` are the expansion's marker offsets, from the first one inside
/// the event's source `range`: where the text is as written, they say where
/// its markers are, each piece then with its own range. Pieces borrow the
/// expanded article and the constructs' HTML.
pub(super) fn push<'e>(
    kind: Kind,
    text: CowStr<'e>,
    range: Range<usize>,
    markers: &[usize],
    expanded: &'e Expanded<'e>,
    out: &mut Vec<Piece<'e>>,
) {
    let markdown = expanded.markdown.as_str();
    if markdown.get(range.clone()) == Some(&*text) {
        let inside = markers.iter().take_while(|&&at| at < range.end).map(|&at| at - range.start);
        let source = &markdown[range.clone()];
        return cut(source, inside, Some(range.start), kind, &expanded.constructs, out);
    }
    // Not as written (an entity, an escape): the markers are searched
    // for, and every piece shares the event's range.
    let positions = std::iter::successors(markers::find(&text, 0), |&at| markers::find(&text, at + 1));
    let mut pieces = Vec::new();
    cut(&text, positions, None, kind, &expanded.constructs, &mut pieces);
    out.extend(pieces.into_iter().map(|piece| match piece {
        Piece::Text(kind, text, _) => Piece::Text(kind, text.to_string().into(), range.clone()),
        Piece::LinkStart { index, .. } => Piece::LinkStart { index, range: range.clone(), end: range.end },
        Piece::LinkEnd(_) => Piece::LinkEnd(range.clone()),
    }));
}

/// Cuts `text` at the markers starting at `positions` (offsets in it).
/// `base`, the offset of `text` in the Markdown, gives the pieces their
/// ranges; without it, they are left for the caller to set.
fn cut<'t>(
    text: &'t str,
    positions: impl Iterator<Item = usize>,
    base: Option<usize>,
    kind: Kind,
    constructs: &'t [Construct],
    out: &mut Vec<Piece<'t>>,
) {
    let base_of = |at: usize| base.unwrap_or(0) + at;
    let push_text = |out: &mut Vec<Piece<'t>>, from: usize, to: usize| {
        if from < to {
            out.push(Piece::Text(kind, CowStr::Borrowed(&text[from..to]), base_of(from)..base_of(to)));
        }
    };
    let mut rest_from = 0;
    let mut positions = positions.peekable();
    while let Some(at) = positions.next() {
        let Some((marker, len)) = markers::read(text, at).filter(|_| at >= rest_from) else { continue };
        push_text(out, rest_from, at);
        let range = base_of(at)..base_of(at + len);
        rest_from = at + len;
        match marker {
            Marker::Construct(n) => {
                if let Some(construct) = constructs.get(n) {
                    out.push(Piece::Text(Kind::InlineHtml, CowStr::Borrowed(&construct.inline), range));
                }
            }
            Marker::LinkStart(index) => {
                // Link texts hold no marker: the next one is the link's end.
                let end = positions.peek().and_then(|&end| match markers::read(text, end) {
                    Some((Marker::LinkEnd, len)) => Some(base_of(end + len)),
                    _ => None,
                });
                out.push(Piece::LinkStart { index, end: end.unwrap_or(range.end), range });
            }
            Marker::LinkEnd => out.push(Piece::LinkEnd(range)),
        }
    }
    push_text(out, rest_from, text.len());
}

fn sole_placeholder(text: &str) -> Option<usize> {
    // Most paragraphs are prose: not worth searching.
    let text = text.trim();
    match markers::read(text, 0) {
        Some((Marker::Construct(n), len)) if len == text.len() => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Placeholders;

    #[test]
    fn placeholders_are_found_by_source_range_in_any_order() {
        let mut placeholders = Placeholders::new(&[10, 40]);
        assert!(!placeholders.within(&(0..10)));
        assert!(placeholders.within(&(5..15)));
        assert!(placeholders.within(&(30..50)));
        assert!(!placeholders.within(&(50..60)));
        // An event earlier than the last one looked at.
        assert!(placeholders.within(&(8..12)));
        assert!(!placeholders.within(&(11..20)));
    }
}
