//! Article bodies to HTML for one reader language. Every link is written
//! here from the article's classified `DocLink`s: cross-links get the URL of
//! the target page in the reader's language, and attribute lists written
//! after a link (`{:target="_blank"}`) are applied.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::escape;
use crate::markdown::{LinkTarget, ParsedDoc};

/// Where a link points, for one reader language.
pub struct Href {
    pub url: String,
    /// The language of the target's text when it is not the reader's.
    pub hreflang: Option<String>,
}

pub fn to_html(doc: &ParsedDoc, resolve: impl Fn(&LinkTarget) -> Option<Href>) -> String {
    let mut ordinal = 0;
    let events = doc.events.iter().map(|event| match event {
        Event::Start(Tag::Link { dest_url, title, .. }) => {
            let link = doc.links.get(ordinal);
            ordinal += 1;
            let href = match link.map(|l| &l.target) {
                Some(LinkTarget::External(url)) => Some(Href { url: url.clone(), hreflang: None }),
                Some(LinkTarget::SamePage(anchor)) => Some(Href { url: format!("#{anchor}"), hreflang: None }),
                Some(target) => resolve(target),
                None => Some(Href { url: dest_url.to_string(), hreflang: None }),
            };
            let mut html = String::from("<a href=\"");
            match &href {
                Some(href) => escape::push_html(&mut html, &href.url),
                // Only reached when the build already failed on this link.
                None => html.push('#'),
            }
            html.push('"');
            if let Some(lang) = href.as_ref().and_then(|h| h.hreflang.as_deref()) {
                html.push_str(&format!(" hreflang=\"{}\"", escape::html(lang)));
            }
            if !title.is_empty() {
                html.push_str(&format!(" title=\"{}\"", escape::html(title)));
            }
            if let Some(attributes) = link.and_then(|l| l.attributes.as_ref()) {
                html.push_str(&attributes.to_html());
            }
            html.push('>');
            Event::InlineHtml(html.into())
        }
        Event::End(TagEnd::Link) => Event::InlineHtml("</a>".into()),
        _ => event.clone(),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}
