//! Stage 2b, parse (Markdown): the one pulldown-cmark pass over an expanded
//! article, streamed from the parser to the HTML writer (see `pass`).
//!
//! On the way: the content's HTML is checked; construct placeholders (icons,
//! images, offer blocks) become their HTML; kramdown span and block
//! attributes apply (`_Menu_{:.menu-item}`, `{:.note}`); every heading gets
//! a GitHub-style id; fenced code is highlighted. The HTML is kept with the
//! places where links open, so the render stage writes it once per reader
//! language without parsing again.

mod block_attributes;
mod fences;
mod heading_id;
mod html;
mod links;
mod pass;
mod placeholders;
mod security;
mod span_lists;
mod substitute;
mod twin;

pub use heading_id::slugify;
use html::HtmlWriter;
pub use links::{DocLink, LinkTarget};
use pass::{Findings, Pass};
pub use twin::MarkdownTwin;

use crate::diag::Diagnostic;
use crate::dialect::Expanded;
use crate::highlight::Highlighter;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// Plain text, for the table of contents.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct ParsedDoc {
    /// The article's HTML without the opening tags of its links: link
    /// targets are the only part that depends on the reader's language.
    html: String,
    /// Where in `html` the opening tag of `links[n]` goes; `None` for a link
    /// in an image's description, which only its text shows.
    link_openings: Vec<Option<usize>>,
    pub headings: Vec<Heading>,
    /// One per `Start(Link)` event, in order.
    pub links: Vec<DocLink>,
    /// Ids defined other than by headings: raw HTML, attribute lists.
    pub anchors: Vec<String>,
    /// The body has a code block, so its page needs the highlight styles.
    pub has_code: bool,
    /// The body has the workstation check, so its page needs its script.
    pub has_selfcheck: bool,
    /// The body as Markdown for readers of Markdown, links left open.
    twin: MarkdownTwin,
}

impl ParsedDoc {
    pub fn has_anchor(&self, id: &str) -> bool {
        self.headings.iter().any(|h| h.id == id) || self.anchors.iter().any(|a| a == id)
    }

    /// The body HTML with each link opened by `open_link`, which appends
    /// the link's opening tag to the HTML it is given.
    pub fn write_html(&self, out: &mut String, mut open_link: impl FnMut(&DocLink, &mut String)) {
        // An opening tag is rarely longer than this: the HTML is written
        // without growing.
        out.reserve(self.html.len() + self.links.len() * 64);
        let mut from = 0;
        for (at, link) in self.link_openings.iter().zip(&self.links) {
            if let Some(at) = *at {
                out.push_str(&self.html[from..at]);
                open_link(link, out);
                from = at;
            }
        }
        out.push_str(&self.html[from..]);
    }

    /// The body as Markdown, each link's address written by `address`.
    pub fn write_markdown(&self, out: &mut String, mut address: impl FnMut(&DocLink, &mut String)) {
        self.twin.write(out, |index, out| {
            if let Some(link) = self.links.get(index) {
                address(link, out);
            }
        });
    }
}

pub fn parse(expanded: &Expanded, highlighter: &Highlighter, diags: &mut Vec<Diagnostic>) -> ParsedDoc {
    let (html, found, rerun) = write(expanded, highlighter, &[]);
    let (html, mut found) = match rerun {
        // Rare: an explicit heading id written below an automatic one that
        // may have taken it. Explicit ids win, so the article is written
        // again with them known from the start.
        Some(explicit_ids) => {
            let (html, found, _) = write(expanded, highlighter, &explicit_ids);
            (html, found)
        }
        None => (html, found),
    };
    diags.extend(std::mem::take(&mut found.diags));
    let twin = twin::build(expanded, std::mem::take(&mut found.twin));
    for problem in fences::fence_problems(&expanded.markdown) {
        diags.push(fences::diagnostic(&problem.kind).at(expanded.location(problem.offset)));
    }
    ParsedDoc {
        html: kept(html.html),
        link_openings: html.link_openings,
        headings: found.headings,
        links: found.links,
        anchors: found.anchors,
        has_code: found.has_code,
        has_selfcheck: expanded.selfcheck,
        twin,
    }
}

/// The HTML as the model keeps it. It was written with room to spare;
/// kept until the site is rendered, the spare would be a third of the
/// model at 10,000 articles, so it goes.
fn kept(html: String) -> String {
    if html.capacity() > html.len() + html.len() / 8 {
        html.as_str().to_owned()
    } else {
        html
    }
}

type Written = (HtmlWriter, Findings, Option<Vec<String>>);

fn write<'e>(expanded: &'e Expanded<'e>, highlighter: &'e Highlighter, reserved_ids: &[String]) -> Written {
    Pass::new(expanded, highlighter, reserved_ids).run()
}

#[cfg(test)]
mod tests;
