//! Where in the page a tag lands, as far as the tokenizer needs to know:
//! the HTML text elements (`<style>`, `<textarea>`, ...) hold text up to
//! their end tag, but inside SVG or MathML the same names are ordinary
//! elements whose content is markup. This follows the parts of the HTML
//! tree-building rules that decide it: foreign content, its integration
//! points, and the tags that break out of it.

use std::collections::BTreeMap;

use html5gum::{HtmlString, Spanned, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Namespace {
    Html,
    Svg,
    MathMl,
}

/// The open elements that matter: those of SVG and MathML, and HTML ones
/// opened inside them (in a `<foreignObject>`, say), so that their end
/// returns to foreign content.
#[derive(Debug, Default)]
pub struct Context {
    open: Vec<(Vec<u8>, Namespace, bool)>,
}

impl Context {
    /// A start tag was read: the tokenizer's next state, if not data.
    pub fn start(
        &mut self,
        name: &[u8],
        self_closing: bool,
        attributes: &BTreeMap<HtmlString, Spanned<HtmlString, usize>>,
    ) -> Option<State> {
        let namespace = self.namespace_of(name, attributes);
        if namespace != Namespace::Html {
            if !self_closing {
                let integration = integration_point(namespace, name, attributes);
                self.open.push((name.to_vec(), namespace, integration));
            }
            return None;
        }
        match name {
            b"svg" | b"math" if !self_closing => {
                let namespace = if name == b"svg" { Namespace::Svg } else { Namespace::MathMl };
                self.open.push((name.to_vec(), namespace, false));
                None
            }
            b"textarea" | b"title" => Some(State::RcData),
            b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => Some(State::RawText),
            b"script" => Some(State::ScriptData),
            b"plaintext" => Some(State::PlainText),
            _ => {
                // Inside foreign content, HTML elements are tracked so that
                // their end tags lead back to it.
                if !self.open.is_empty() && !self_closing && !VOID.contains(&name) {
                    self.open.push((name.to_vec(), Namespace::Html, false));
                }
                None
            }
        }
    }

    /// An end tag closes the innermost open element of its name, with all
    /// those opened after it; others are ignored.
    pub fn end(&mut self, name: &[u8]) {
        if let Some(at) = self.open.iter().rposition(|(open, ..)| open == name) {
            self.open.truncate(at);
        }
    }

    /// The namespace an element with this start tag gets, leaving foreign
    /// content first if the tag breaks out of it.
    fn namespace_of(
        &mut self,
        name: &[u8],
        attributes: &BTreeMap<HtmlString, Spanned<HtmlString, usize>>,
    ) -> Namespace {
        let Some(&(ref parent, namespace, integration)) = self.open.last() else { return Namespace::Html };
        if namespace == Namespace::Html {
            return Namespace::Html;
        }
        let mathml_text = namespace == Namespace::MathMl
            && matches!(parent.as_slice(), b"mi" | b"mo" | b"mn" | b"ms" | b"mtext")
            && !matches!(name, b"mglyph" | b"malignmark");
        if integration || mathml_text {
            return Namespace::Html;
        }
        let font_breaks_out =
            name == b"font" && ["color", "face", "size"].iter().any(|a| attributes.contains_key(a.as_bytes()));
        if BREAKOUT.contains(&name) || font_breaks_out {
            // Back to the nearest HTML element, or out of foreign content.
            let html = self.open.iter().rposition(|(_, ns, _)| *ns == Namespace::Html).map_or(0, |i| i + 1);
            self.open.truncate(html);
            return Namespace::Html;
        }
        if namespace == Namespace::MathMl && parent.as_slice() == b"annotation-xml" && name == b"svg" {
            return Namespace::Svg;
        }
        namespace
    }
}

/// Foreign elements whose content is HTML again.
fn integration_point(
    namespace: Namespace,
    name: &[u8],
    attributes: &BTreeMap<HtmlString, Spanned<HtmlString, usize>>,
) -> bool {
    match namespace {
        Namespace::Svg => matches!(name, b"foreignobject" | b"desc" | b"title"),
        Namespace::MathMl => {
            name == b"annotation-xml"
                && attributes.get(b"encoding".as_slice()).is_some_and(|e| {
                    let encoding = e.value.to_ascii_lowercase();
                    encoding == b"text/html" || encoding == b"application/xhtml+xml"
                })
        }
        Namespace::Html => false,
    }
}

/// HTML tags that end foreign content where they appear.
const BREAKOUT: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

/// Elements that have no end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source", b"track", b"wbr",
];
