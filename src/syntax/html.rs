//! Raw HTML read as a browser reads it: the start tags of a fragment, from
//! html5gum's WHATWG tokenizer, with names lowercased, character references
//! in values decoded, and the text of `<script>`, `<style>`, `<noscript>`,
//! `<textarea>`, `<title>` and the like read as text, not as tags. Every
//! check of raw HTML (content security, the ids it defines, theme icons)
//! reads it through here, so none can be fooled where the others are not.

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
pub fn start_tags(html: &str) -> impl Iterator<Item = StartTag> + '_ {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter).filter_map(|token| match token {
        Ok(Token::StartTag(tag)) => Some(StartTag {
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
        }),
        _ => None,
    })
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
