//! Construct placeholders (icons, images, offer blocks) swapped for
//! helpgen's HTML. A paragraph that is a single placeholder takes the
//! construct's block form (a `<figure>`, an offer `<div>`), any other
//! placeholder its inline form.

use std::ops::Range;

use pulldown_cmark::Event;

use super::Spanned;
use crate::dialect::{Construct, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};

/// The block form, if a paragraph's source is one placeholder on its own:
/// its events are then that placeholder's text and the paragraph's end.
pub(super) fn block_form<'c>(paragraph: &str, constructs: &'c [Construct]) -> Option<&'c str> {
    let n = sole_placeholder(paragraph)?;
    constructs.get(n)?.block.as_deref()
}

/// Whether `event` holds a placeholder to replace.
pub(super) fn has_placeholder(event: &Event, constructs: &[Construct]) -> bool {
    match event {
        Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
            // Few texts hold a character whose UTF-8 starts like a
            // placeholder's: one `memchr` rules out the others.
            !constructs.is_empty()
                && memchr::memchr(PLACEHOLDER_LEAD, text.as_bytes()).is_some()
                && text.contains(PLACEHOLDER_OPEN)
        }
        _ => false,
    }
}

/// The first byte of the placeholder's UTF-8, as of every U+E000 to U+EFFF.
const PLACEHOLDER_LEAD: u8 = 0xEE;
const _: () = assert!(PLACEHOLDER_OPEN as u32 >> 12 == 0xE);

/// `event`, which has placeholders, with them replaced, pushed onto `out`:
/// a text becomes text and inline HTML pieces, so headings and checks still
/// see the text, each piece with its own range when the text is as written.
pub(super) fn push<'e>(
    event: Event<'e>,
    range: Range<usize>,
    markdown: &str,
    constructs: &[Construct],
    out: &mut Vec<Spanned<'e>>,
) {
    match event {
        Event::Text(text) => {
            let as_written = markdown.get(range.clone()) == Some(&*text);
            for (piece, within) in split_placeholders(&text) {
                let event = match piece {
                    Piece::Text(t) => Event::Text(t.to_string().into()),
                    Piece::Construct(n) => match constructs.get(n) {
                        Some(c) => Event::InlineHtml(c.inline.clone().into()),
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
                .into_iter()
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
fn split_placeholders(text: &str) -> Vec<(Piece<'_>, Range<usize>)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find(PLACEHOLDER_OPEN).map(|i| at + i) {
        let digits = open + PLACEHOLDER_OPEN.len_utf8();
        let Some(close) = text[digits..].find(PLACEHOLDER_CLOSE).map(|i| digits + i) else {
            break;
        };
        let Ok(index) = text[digits..close].parse::<usize>() else {
            break;
        };
        if open > at {
            pieces.push((Piece::Text(&text[at..open]), at..open));
        }
        at = close + PLACEHOLDER_CLOSE.len_utf8();
        pieces.push((Piece::Construct(index), open..at));
    }
    if at < text.len() {
        pieces.push((Piece::Text(&text[at..]), at..text.len()));
    }
    pieces
}

fn sole_placeholder(text: &str) -> Option<usize> {
    let digits = text.trim().strip_prefix(PLACEHOLDER_OPEN)?.strip_suffix(PLACEHOLDER_CLOSE)?;
    digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok()).flatten()
}
