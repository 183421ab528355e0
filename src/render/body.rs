//! Article bodies to HTML for one reader language: the parsed events, with
//! each `helpgen-link:N` destination replaced by the URL of the target page
//! in that language.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::dialect::{CrossLink, CROSS_LINK_SCHEME};
use crate::escape;
use crate::markdown::ParsedDoc;

/// Where a cross-link points, for one reader language.
pub struct Href {
    pub url: String,
    /// The language of the target's text when it is not the reader's.
    pub hreflang: Option<String>,
}

pub fn to_html(doc: &ParsedDoc, links: &[CrossLink], resolve: impl Fn(&CrossLink) -> Option<Href>) -> String {
    // For each open link: whether it was replaced by raw HTML, so its end
    // must be too.
    let mut open_links: Vec<bool> = Vec::new();
    let events = doc.events.iter().map(|event| match event {
        Event::Start(Tag::Link { dest_url, title, .. }) => {
            let Some(index) = dest_url
                .strip_prefix(CROSS_LINK_SCHEME)
                .and_then(|n| n.parse::<usize>().ok())
            else {
                open_links.push(false);
                return event.clone();
            };
            open_links.push(true);
            let href = links.get(index).and_then(&resolve);
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
            html.push('>');
            Event::InlineHtml(html.into())
        }
        Event::End(TagEnd::Link) => {
            if open_links.pop().unwrap_or(false) {
                Event::InlineHtml("</a>".into())
            } else {
                event.clone()
            }
        }
        _ => event.clone(),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}
