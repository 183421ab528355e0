//! The text of kramdown attribute lists written after inline elements and
//! at the end of headings (`_Menu_{:.menu-item}`, `## Title {:.a}`): where
//! they start and end in the expanded Markdown, for the pass to apply them
//! and leave them out.

use std::ops::Range;

use pulldown_cmark::CowStr;

/// What is left of a text that starts inside the attribute list ending at
/// `cut`, if anything, and its range. Where the text is not as written (an
/// entity, an escape), the list cannot end inside it: it is all list.
pub(super) fn after_attribute_list<'e>(
    text: &CowStr<'e>,
    range: &Range<usize>,
    cut: usize,
    markdown: &str,
) -> Option<(CowStr<'e>, Range<usize>)> {
    if range.end <= cut || markdown.get(range.clone()) != Some(&**text) {
        return None;
    }
    let rest = cut - range.start;
    let text = match text {
        CowStr::Borrowed(text) => CowStr::Borrowed(&text[rest..]),
        text => text[rest..].to_string().into(),
    };
    Some((text, cut..range.end))
}

/// The text from `at` to the end of its line, where an attribute list ends.
pub(super) fn list_line(markdown: &str, at: usize) -> &str {
    let rest = markdown.get(at..).unwrap_or_default();
    &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())]
}

/// Where the attribute list ending a heading's line starts (`## Title {:.a}`
/// for `opening` `{:`, or the text line of a two-line heading).
pub(super) fn trailing_list(markdown: &str, heading: &Range<usize>, opening: &str) -> Option<usize> {
    let mut found = None;
    let mut start = heading.start;
    for line in markdown.get(heading.clone())?.split_inclusive('\n') {
        let block = line.trim_end().strip_suffix('}').and_then(|text| text.rfind('{'));
        if let Some(open) = block.filter(|&open| line[open..].starts_with(opening)) {
            found = Some(start + open);
        }
        start += line.len();
    }
    found
}
