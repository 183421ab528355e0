//! Raw HTML read as a browser reads it: the start tags of a fragment, from
//! html5gum's WHATWG tokenizer, with names lowercased, character references
//! in values decoded, and the text of `<script>`, `<style>`, `<noscript>`,
//! `<textarea>`, `<title>` and the like read as text, not as tags, where
//! the browser's tree builder says so (not inside SVG or MathML). Every
//! check of raw HTML (content security, the ids it defines, theme icons)
//! reads it through here, so none can be fooled where the others are not.

mod context;

use context::Context;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// A start tag and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag {
    /// Lowercase, as the browser matches it.
    pub name: String,
    /// Byte offset of its `<` in the fragment.
    pub at: usize,
    /// Byte offset just past its `>`, where its content starts.
    pub end: usize,
    /// In the order of their names; a repeated attribute counts once, as in
    /// the browser.
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Lowercase.
    pub name: String,
    /// With character references decoded; empty for a bare attribute.
    pub value: String,
    /// Byte offset of its name in the fragment.
    pub at: usize,
}

impl Attribute {
    /// An `on...` attribute with code in it: a bare `online` is not a handler.
    pub fn is_event_handler(&self) -> bool {
        self.name.len() > 2 && self.name.starts_with("on") && !self.value.is_empty()
    }
}

impl StartTag {
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

/// The start tags of `html`, in order. Comments, end tags and text are
/// skipped; malformed markup is read with the browser's recovery.
pub fn start_tags(html: &str) -> StartTags<'_> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // The states are switched here, as the browser's tree builder does.
    emitter.naively_switch_states(false);
    StartTags {
        tokenizer: Tokenizer::new_with_emitter(html, emitter),
        context: Context::default(),
        tags_crossing: Vec::new(),
        boundaries: &[],
        ends_inside_tag: None,
        html,
        read_to: 0,
    }
}

/// The start tags of a fragment, and what the reading found about where it
/// ends: a fragment whose last tag never closes takes the page's own markup
/// after it into that tag.
pub struct StartTags<'a> {
    tokenizer: Tokenizer<html5gum::StringReader<'a>, DefaultEmitter<usize>>,
    context: Context,
    boundaries: &'a [usize],
    tags_crossing: Vec<usize>,
    ends_inside_tag: Option<usize>,
    html: &'a str,
    /// Where the last tag or comment ended.
    read_to: usize,
}

impl<'a> StartTags<'a> {
    /// `html` is pieces joined at `boundaries` (offsets in it), with the
    /// page's own markup between them in the page: tags that cross one are
    /// remembered, as the browser reads that markup into them.
    pub fn with_boundaries(mut self, boundaries: &'a [usize]) -> Self {
        self.boundaries = boundaries;
        self
    }

    /// Offsets of the tags (start or end) that cross a boundary, then of
    /// a tag left open at the end; complete once the iterator is exhausted.
    pub fn unclosed(&self) -> impl Iterator<Item = usize> + '_ {
        self.tags_crossing.iter().copied().chain(self.ends_inside_tag)
    }

    /// The tag the fragment ends in starts at the first `<` that can open
    /// one after the last tag or comment read.
    fn open_tag_start(&self) -> usize {
        let rest = self.html.get(self.read_to..).unwrap_or_default().as_bytes();
        let opens = rest.windows(2).position(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'));
        self.read_to + opens.unwrap_or(0)
    }

    fn crossing(&mut self, start: usize, end: usize) {
        self.read_to = end;
        let at = self.boundaries.partition_point(|&b| b <= start);
        if self.boundaries.get(at).is_some_and(|&b| b < end) {
            self.tags_crossing.push(start);
        }
    }
}

impl Iterator for StartTags<'_> {
    type Item = StartTag;

    fn next(&mut self) -> Option<StartTag> {
        loop {
            match self.tokenizer.next()? {
                Ok(Token::StartTag(tag)) => {
                    self.crossing(tag.span.start, tag.span.end);
                    if let Some(state) = self.context.start(&tag.name, tag.self_closing, &tag.attributes) {
                        self.tokenizer.set_state(state);
                    }
                    return Some(StartTag {
                        name: String::from_utf8_lossy(&tag.name).into_owned(),
                        at: tag.span.start,
                        end: tag.span.end,
                        attributes: tag
                            .attributes
                            .into_iter()
                            .map(|(name, value)| Attribute {
                                name: String::from_utf8_lossy(&name).into_owned(),
                                at: value.span.start,
                                value: String::from_utf8_lossy(&value.value).into_owned(),
                            })
                            .collect(),
                    });
                }
                Ok(Token::EndTag(tag)) => {
                    self.crossing(tag.span.start, tag.span.end);
                    self.context.end(&tag.name);
                }
                Ok(Token::Comment(comment)) => self.read_to = comment.span.end,
                Ok(Token::Error(error)) if error.value == html5gum::Error::EofInTag => {
                    self.ends_inside_tag = Some(self.open_tag_start());
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> Vec<String> {
        start_tags(html).map(|t| t.name).collect()
    }

    #[test]
    fn tags_have_positions_and_decoded_attributes() {
        let tags: Vec<StartTag> = start_tags("x <A HREF='&#106;s' id=top>y</a>").collect();
        assert_eq!(tags.len(), 1);
        assert_eq!((tags[0].name.as_str(), tags[0].at), ("a", 2));
        let href = tags[0].attribute("href").unwrap();
        assert_eq!((href.value.as_str(), href.at), ("js", 5));
        assert_eq!(tags[0].attribute("id").unwrap().value, "top");
    }

    #[test]
    fn comments_and_quoted_markup_are_not_tags() {
        assert!(names("<!-- <script>x</script> -->").is_empty());
        assert_eq!(names("<p title=\"<img src=x>\">"), ["p"]);
    }

    /// Inside these elements a browser sees text up to the closing tag, so
    /// a tag inside an attribute-looking text after it is real.
    #[test]
    fn raw_text_elements_end_where_the_browser_ends_them() {
        assert_eq!(names("<noscript><p title=\"</noscript><img src=x>\">"), ["noscript", "img"]);
        assert_eq!(names("<style>a { content: '<b>' }</style><i>"), ["style", "i"]);
        assert_eq!(names("<textarea><b></textarea>"), ["textarea"]);
    }

    /// Markup-flavoured text of any shape: every position is a character
    /// boundary inside it, where the tag or attribute it names is written.
    fn markup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            4 => proptest::sample::select(&[
                "<", ">", "</", "/>", "<!--", "-->", "=", "\"", "'", " ", "\n", "&", "&#106;", "a", "img", "p",
                "on", "onerror", "href", "id", "script", "noscript", "style", "textarea", "title", "x",
            ][..])
            .prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn positions_point_at_what_they_name(html in markup()) {
            for tag in start_tags(&html) {
                proptest::prop_assert!(html.is_char_boundary(tag.at) && html[tag.at..].starts_with('<'));
                for attribute in &tag.attributes {
                    proptest::prop_assert!(html.is_char_boundary(attribute.at) && attribute.at < html.len());
                    // A NUL in a name is read as U+FFFD, as the browser does.
                    let written = html[attribute.at..].to_ascii_lowercase().replace('\0', "\u{fffd}");
                    proptest::prop_assert!(written.starts_with(&attribute.name), "{html:?}: {attribute:?}");
                }
            }
        }
    }
}
