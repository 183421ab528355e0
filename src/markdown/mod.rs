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
mod heading_id;
mod links;
mod pass;
mod placeholders;
mod security;
mod substitute;

use std::ops::Range;

use pulldown_cmark::Event;

pub use heading_id::slugify;
pub use links::{DocLink, LinkTarget};
use pass::{Findings, Pass};

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
    /// Where in `html` the opening tag of `links[n]` goes.
    link_openings: Vec<usize>,
    pub headings: Vec<Heading>,
    /// One per `Start(Link)` event, in order.
    pub links: Vec<DocLink>,
    /// Ids defined other than by headings: raw HTML, attribute lists.
    pub anchors: Vec<String>,
    /// The body has a code block, so its page needs the highlight styles.
    pub has_code: bool,
    /// The body has the workstation check, so its page needs its script.
    pub has_selfcheck: bool,
}

impl ParsedDoc {
    pub fn has_anchor(&self, id: &str) -> bool {
        self.headings.iter().any(|h| h.id == id) || self.anchors.iter().any(|a| a == id)
    }

    /// The body HTML with each link opened by `open_link`.
    pub fn write_html(&self, out: &mut String, mut open_link: impl FnMut(&DocLink) -> String) {
        let mut from = 0;
        for (n, &at) in self.link_openings.iter().enumerate() {
            out.push_str(&self.html[from..at]);
            match self.links.get(n) {
                Some(link) => out.push_str(&open_link(link)),
                None => out.push_str("<a>"),
            }
            from = at;
        }
        out.push_str(&self.html[from..]);
    }
}

type Spanned<'e> = (Event<'e>, Range<usize>);

/// Where a link opens in the written HTML. Made of the placeholder
/// characters, which content cannot hold, so no text is mistaken for it.
const LINK_MARK: &str = "\u{E000}\u{E001}";

pub fn parse(expanded: &Expanded, highlighter: &Highlighter, diags: &mut Vec<Diagnostic>) -> ParsedDoc {
    let (html, (found, rerun)) = write(expanded, highlighter, &[]);
    let (html, found) = match rerun {
        // Rare: an explicit heading id written below an automatic one that
        // may have taken it. Explicit ids win, so the article is written
        // again with them known from the start.
        Some(explicit_ids) => {
            let (html, (found, _)) = write(expanded, highlighter, &explicit_ids);
            (html, found)
        }
        None => (html, found),
    };
    diags.extend(found.diags);
    ParsedDoc {
        html: html.html,
        link_openings: html.link_openings,
        headings: found.headings,
        links: found.links,
        anchors: found.anchors,
        has_code: found.has_code,
        has_selfcheck: expanded.selfcheck,
    }
}

type Written = (LinkCutter, (Findings, Option<Vec<String>>));

fn write<'e>(expanded: &'e Expanded<'e>, highlighter: &'e Highlighter, reserved_ids: &[String]) -> Written {
    let mut pass = Pass::new(expanded, highlighter, reserved_ids);
    // HTML runs a little longer than its Markdown.
    let html = String::with_capacity(expanded.markdown.len() + expanded.markdown.len() / 4);
    let mut writer = LinkCutter { html, link_openings: Vec::new() };
    // The writer never fails, so neither does writing.
    let _ = pulldown_cmark::html::write_html_fmt(&mut writer, &mut pass);
    (writer, pass.finish())
}

/// Receives the HTML and notes where links open.
struct LinkCutter {
    html: String,
    link_openings: Vec<usize>,
}

impl std::fmt::Write for LinkCutter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if s == LINK_MARK {
            self.link_openings.push(self.html.len());
        } else {
            self.html.push_str(s);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
