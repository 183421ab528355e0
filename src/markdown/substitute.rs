//! Construct placeholders (icons, images, offer blocks) swapped for
//! helpgen's HTML. A paragraph that is a single placeholder takes the
//! construct's block form (a `<figure>`, an offer `<div>`), any other
//! placeholder its inline form.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

use super::Spanned;
use crate::dialect::{Construct, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};

/// The block form, if a paragraph's source is one placeholder on its own:
/// its events are then that placeholder's text and the paragraph's end.
pub(super) fn block_form<'c>(paragraph: &str, constructs: &'c [Construct]) -> Option<&'c str> {
    let n = sole_placeholder(paragraph)?;
    constructs.get(n)?.block.as_deref()
}

/// Where the expansion wrote placeholders, so that the texts holding one
/// are found without searching every text.
pub(super) struct Placeholders<'e> {
    offsets: &'e [usize],
    /// The first placeholder not before the last event looked at.
    next: usize,
}

impl<'e> Placeholders<'e> {
    pub fn new(offsets: &'e [usize]) -> Placeholders<'e> {
        Placeholders { offsets, next: 0 }
    }

    /// Whether the text or HTML whose source is `range` holds a placeholder.
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
}

/// `event`, which has placeholders, with them replaced, pushed onto `out`:
/// a text becomes text and inline HTML pieces, so headings and checks still
/// see the text, each piece with its own range when the text is as written.
/// Pieces borrow the article's text and the constructs' HTML.
pub(super) fn push<'e>(
    event: Event<'e>,
    range: Range<usize>,
    markdown: &str,
    constructs: &'e [Construct],
    out: &mut Vec<Spanned<'e>>,
) {
    match event {
        Event::Text(text) => {
            let as_written = markdown.get(range.clone()) == Some(&*text);
            let borrowed = match text {
                CowStr::Borrowed(text) => Some(text),
                _ => None,
            };
            for (piece, within) in split_placeholders(&text) {
                let event = match piece {
                    Piece::Text(t) => Event::Text(match borrowed {
                        Some(whole) => CowStr::Borrowed(&whole[within.clone()]),
                        None => t.to_string().into(),
                    }),
                    Piece::Construct(n) => match constructs.get(n) {
                        Some(c) => Event::InlineHtml(CowStr::Borrowed(&c.inline)),
                        None => continue,
                    },
                };
                let piece_range =
                    if as_written { range.start + within.start..range.start + within.end } else { range.clone() };
                out.push((event, piece_range));
            }
        }
        Event::Html(ref html) | Event::InlineHtml(ref html) => {
            let replaced: String = split_placeholders(html)
                .map(|(piece, _)| match piece {
                    Piece::Text(t) => t,
                    Piece::Construct(n) => constructs.get(n).map_or("", |c| c.inline.as_str()),
                })
                .collect();
            let event = match event {
                Event::Html(_) => Event::Html(replaced.into()),
                _ => Event::InlineHtml(replaced.into()),
            };
            out.push((event, range));
        }
        event => out.push((event, range)),
    }
}

enum Piece<'t> {
    Text(&'t str),
    Construct(usize),
}

/// The pieces of `text`, each with its byte range in it.
fn split_placeholders(text: &str) -> Pieces<'_> {
    Pieces { text, at: 0 }
}

struct Pieces<'t> {
    text: &'t str,
    /// Where the next piece starts.
    at: usize,
}

impl<'t> Iterator for Pieces<'t> {
    type Item = (Piece<'t>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let (text, at) = (self.text, self.at);
        if at >= text.len() {
            return None;
        }
        let placeholder = text[at..].find(PLACEHOLDER_OPEN).map(|i| at + i).and_then(|open| {
            let digits = open + PLACEHOLDER_OPEN.len_utf8();
            let close = text[digits..].find(PLACEHOLDER_CLOSE).map(|i| digits + i)?;
            let index = text[digits..close].parse::<usize>().ok()?;
            Some((open, index, close + PLACEHOLDER_CLOSE.len_utf8()))
        });
        let piece = match placeholder {
            Some((open, _, _)) if open > at => (Piece::Text(&text[at..open]), at..open),
            Some((open, index, end)) => (Piece::Construct(index), open..end),
            // The rest, a marker without a readable number included.
            None => (Piece::Text(&text[at..]), at..text.len()),
        };
        self.at = piece.1.end;
        Some(piece)
    }
}

fn sole_placeholder(text: &str) -> Option<usize> {
    // Most paragraphs are prose: not worth searching.
    let text = text.trim();
    if !text.starts_with(PLACEHOLDER_OPEN) {
        return None;
    }
    let mut pieces = split_placeholders(text);
    match (pieces.next(), pieces.next()) {
        (Some((Piece::Construct(n), _)), None) => Some(n),
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
