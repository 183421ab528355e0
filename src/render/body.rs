//! Article bodies to HTML for one reader language: the HTML written once by
//! the parse stage, with each link opened here, pointing at the target page
//! in the reader's language and carrying its attribute list
//! (`{:target="_blank"}`).

use crate::escape;
use crate::markdown::{LinkTarget, ParsedDoc};

/// Where a link points, for one reader language.
pub struct Href {
    pub url: String,
    /// The language of the target's text when it is not the reader's.
    pub hreflang: Option<String>,
}

pub fn to_html(doc: &ParsedDoc, resolve: impl Fn(&LinkTarget) -> Option<Href>) -> String {
    let mut html = String::new();
    doc.write_html(&mut html, |link, out| {
        let href = match &link.target {
            LinkTarget::External(url) => Some(Href { url: url.clone(), hreflang: None }),
            LinkTarget::SamePage(anchor) => Some(Href { url: format!("#{anchor}"), hreflang: None }),
            target => resolve(target),
        };
        out.push_str("<a href=\"");
        match &href {
            Some(href) => escape::push_html(out, &href.url),
            // Only reached when the build already failed on this link.
            None => out.push('#'),
        }
        out.push('"');
        if let Some(lang) = href.as_ref().and_then(|h| h.hreflang.as_deref()) {
            out.push_str(&format!(" hreflang=\"{}\"", escape::html(lang)));
        }
        if !link.title.is_empty() {
            out.push_str(&format!(" title=\"{}\"", escape::html(&link.title)));
        }
        if let Some(attributes) = &link.attributes {
            attributes.write_html(out);
        }
        out.push('>');
    });
    html
}
