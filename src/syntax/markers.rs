//! The markers the expansion leaves in the Markdown for the Markdown stage:
//! a construct's placeholder, and the two ends of a cross-link whose text
//! needs no Markdown. Each holds private-use characters that source text
//! never does (they are replaced at load), so content cannot fake one.

/// A construct placeholder is `\u{E000}N\u{E001}`, N the construct's index.
pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

// A cross-link is `⸢\u{E002}N\u{E003}text\u{E004}⸣`. Its outer characters
// are Unicode punctuation, as the `[` and `)` of `[text](url)` are, so
// emphasis next to the link pairs exactly as it would around a Markdown
// link: `a*link*b` stays literal either way.
const LINK_START: &str = "⸢\u{E002}";
const LINK_INDEX_END: char = '\u{E003}';
const LINK_END: &str = "\u{E004}⸣";

/// The private-use characters of all markers, which source text must not hold.
pub const RESERVED: [char; 5] = [OPEN, CLOSE, '\u{E002}', LINK_INDEX_END, '\u{E004}'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Placeholder of `Expanded::constructs[N]`.
    Construct(usize),
    /// Start of the text of `Expanded::links[N]`.
    LinkStart(usize),
    /// End of a cross-link's text.
    LinkEnd,
}

pub fn push_placeholder(out: &mut String, index: usize) {
    out.push(OPEN);
    push_decimal(out, index);
    out.push(CLOSE);
}

pub fn push_link_start(out: &mut String, index: usize) {
    out.push_str(LINK_START);
    push_decimal(out, index);
    out.push(LINK_INDEX_END);
}

pub fn push_link_end(out: &mut String) {
    out.push_str(LINK_END);
}

/// The marker that starts at byte `at` of `text`, and its length.
pub fn read(text: &str, at: usize) -> Option<(Marker, usize)> {
    let rest = text.get(at..)?;
    if rest.starts_with(LINK_END) {
        return Some((Marker::LinkEnd, LINK_END.len()));
    }
    let (body, end, make): (_, char, fn(usize) -> Marker) = if let Some(body) = rest.strip_prefix(OPEN) {
        (body, CLOSE, Marker::Construct)
    } else {
        (rest.strip_prefix(LINK_START)?, LINK_INDEX_END, Marker::LinkStart)
    };
    let (mut index, mut digits) = (0usize, 0);
    for digit in body.bytes().map_while(|b| b.is_ascii_digit().then(|| usize::from(b - b'0'))) {
        index = index.checked_mul(10)?.checked_add(digit)?;
        digits += 1;
    }
    if digits == 0 || !body[digits..].starts_with(end) {
        return None;
    }
    Some((make(index), rest.len() - body.len() + digits + end.len_utf8()))
}

/// Where the next marker in `text` at or after byte `from` starts, found
/// by its private-use character.
pub fn find(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    reserved(bytes, from)
        .filter_map(|(at, c)| {
            // A link start's private-use character comes after its punctuation.
            let start = match c {
                OPEN | '\u{E004}' => at,
                '\u{E002}' => {
                    at.checked_sub('⸢'.len_utf8()).filter(|&start| bytes[start..].starts_with(LINK_START.as_bytes()))?
                }
                _ => return None,
            };
            Some(start).filter(|&start| start >= from && read(text, start).is_some())
        })
        .next()
}

/// Whether `text` holds any of the `RESERVED` characters.
pub fn holds_reserved(text: &str) -> bool {
    reserved(text.as_bytes(), 0).next().is_some()
}

/// Where a `RESERVED` character starts in `bytes`, at or after `from`,
/// and which. They are U+E000 to U+E004, 0xEE 0x80 0x80 to 0x84 in UTF-8:
/// a byte search instead of a walk over every character.
fn reserved(bytes: &[u8], from: usize) -> impl Iterator<Item = (usize, char)> + '_ {
    let rest = bytes.get(from..).unwrap_or_default();
    let prefixes = memchr::memmem::find_iter(rest, b"\xEE\x80").map(move |i| from + i);
    prefixes.filter_map(|at| match bytes.get(at + 2) {
        Some(&last @ 0x80..=0x84) => char::from_u32(0xE000 + u32::from(last - 0x80)).map(|c| (at, c)),
        _ => None,
    })
}

/// Appends `n` in decimal: cheaper than formatting, once per marker.
pub fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_read_back_as_written() {
        let mut text = String::from("a ");
        push_placeholder(&mut text, 12);
        push_link_start(&mut text, 0);
        text.push_str("the 2 rules");
        push_link_end(&mut text);
        let construct = 2;
        let link = construct + read(&text, construct).unwrap().1;
        assert_eq!(read(&text, construct), Some((Marker::Construct(12), link - construct)));
        assert_eq!(read(&text, link).map(|(m, _)| m), Some(Marker::LinkStart(0)));
        let end = text.find('\u{E004}').unwrap();
        assert_eq!(read(&text, end), Some((Marker::LinkEnd, text.len() - end)));
        assert_eq!(find(&text, 0), Some(construct));
        assert_eq!(find(&text, construct + 1), Some(link));
        assert_eq!(find(&text, link + 1), Some(end));
        assert_eq!(find(&text, end + 1), None);
        assert_eq!(read(&text, 0), None);
        assert!(holds_reserved(&text) && !holds_reserved("a ⸢b⸣ \u{E005}"));
    }

    #[test]
    fn broken_markers_are_not_read() {
        for text in [
            "\u{E000}\u{E001}",
            "\u{E000}12",
            "⸢\u{E002}x\u{E003}",
            "\u{E002}1\u{E003}",
            "\u{E000}99999999999999999999999\u{E001}",
        ] {
            assert_eq!(read(text, 0), None, "{text:?}");
            assert_eq!(find(text, 0), None, "{text:?}");
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 42, 1_234_567, usize::MAX] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}
