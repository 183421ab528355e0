//! Markdown for readers that prefer it (assistants, scripts): each
//! article's twin at `/<lang>/<slug>/index.md`, beside its page, with a
//! short front matter and every address absolute, so that the text means
//! the same wherever it is pasted.

use serde::Serialize;

use super::body::Href;
use super::Renderer;
use crate::markdown::{DocLink, LinkTarget};
use crate::resolve::Page;

/// A page's Markdown twin, before it is a file: `llms-full.txt` gathers
/// the bodies of a language's twins too.
pub struct MarkdownPage {
    /// `fr/browser-setup/`
    pub site_path: String,
    /// The front matter, then the body.
    pub(super) text: String,
    pub(super) body_start: usize,
    /// Where in `text` the addresses helpgen resolved are (those the
    /// article wrote as absolute addresses are its own), for the check of
    /// the build's links.
    pub(super) links: Vec<std::ops::Range<usize>>,
}

impl MarkdownPage {
    pub const FILE: &'static str = "index.md";

    pub fn path(&self) -> String {
        format!("{}{}", self.site_path, Self::FILE)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    pub fn into_file(self) -> super::OutputFile {
        super::OutputFile::new(self.path(), self.text)
    }
}

/// The twin's front matter: what a reader needs to know about the text,
/// nothing of how helpgen builds it.
#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    offers: &'a [String],
    /// The language of the text, another than the page's when it falls back.
    language: &'a str,
}

impl Renderer<'_> {
    pub(super) fn markdown_page(&self, page: &Page) -> MarkdownPage {
        let source = &page.article.source;
        let front = FrontMatter {
            title: &source.front.title,
            description: source.front.description.as_deref().filter(|d| !d.trim().is_empty()),
            offers: &source.front.product_label,
            language: source.lang.as_str(),
        };
        // Serializing strings and a list of strings cannot fail.
        let yaml = serde_yaml::to_string(&front).unwrap_or_default();
        let page_url = self.config.base_url.url_of(&page.site_path());
        let mut text = format!("---\n{yaml}---\n\n");
        let body_start = text.len();
        let mut links = Vec::new();
        page.article.doc.write_markdown(&mut text, |link, out| {
            let url = self.address(page, &page_url, link);
            let destination = crate::escape::markdown_url(&url);
            if !matches!(link.target, LinkTarget::External(_)) {
                // Without the angle brackets a destination may need.
                let inner = if destination.starts_with('<') { 1..destination.len() - 1 } else { 0..destination.len() };
                links.push(out.len() + inner.start..out.len() + inner.end);
            }
            out.push_str(&destination);
            if !link.title.is_empty() {
                out.push_str(" \"");
                out.push_str(&link.title.replace('\\', "\\\\").replace('"', "\\\""));
                out.push('"');
            }
        });
        MarkdownPage { site_path: page.site_path(), text, body_start, links }
    }

    /// A link's address as the twin writes it: absolute, in the reader's
    /// language.
    fn address(&self, page: &Page, page_url: &str, link: &DocLink) -> String {
        let origin = self.config.base_url.origin();
        match &link.target {
            LinkTarget::External(url) => absolute(url, origin, page_url),
            LinkTarget::SamePage(anchor) => format!("{page_url}#{anchor}"),
            target => match self.href(page, target) {
                Some(Href { url, .. }) => format!("{origin}{url}"),
                // Only reached when the build already failed on this link.
                None => page_url.to_string(),
            },
        }
    }
}

/// `url` as written in the article, made absolute against the page's URL:
/// the twin's text is read away from the page too.
fn absolute(url: &str, origin: &str, page_url: &str) -> String {
    let scheme = url.find(':').is_some_and(|colon| !url[..colon].contains(['/', '?', '#']));
    if scheme || url.starts_with("//") || url.is_empty() {
        url.to_string()
    } else if url.starts_with('/') {
        format!("{origin}{url}")
    } else {
        format!("{page_url}{url}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_made_absolute_against_the_page() {
        let page = "https://help.example.com/docs/fr/plan/";
        let origin = "https://help.example.com";
        assert_eq!(absolute("mailto:a@b.c", origin, page), "mailto:a@b.c");
        assert_eq!(absolute("https://x.org/a", origin, page), "https://x.org/a");
        assert_eq!(absolute("/files/a.pdf", origin, page), "https://help.example.com/files/a.pdf");
        assert_eq!(absolute("files/a.pdf", origin, page), "https://help.example.com/docs/fr/plan/files/a.pdf");
        assert_eq!(absolute("a/b:c", origin, page), "https://help.example.com/docs/fr/plan/a/b:c");
    }
}
