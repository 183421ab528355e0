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
    pub front_matter: String,
    pub body: String,
    /// The body's absolute addresses that the article wrote as such.
    pub hand_written: Vec<String>,
}

impl MarkdownPage {
    pub const FILE: &'static str = "index.md";

    pub fn into_file(self) -> super::OutputFile {
        let mut text = self.front_matter;
        text.push_str(&self.body);
        super::OutputFile::new(format!("{}{}", self.site_path, Self::FILE), text)
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
        let mut body = String::with_capacity(page.article.source.body().len() + 256);
        let mut hand_written = Vec::new();
        page.article.doc.write_markdown(&mut body, |link, out| {
            let url = self.address(page, &page_url, link);
            out.push_str(&crate::escape::markdown_url(&url));
            if !link.title.is_empty() {
                out.push_str(" \"");
                out.push_str(&link.title.replace('\\', "\\\\").replace('"', "\\\""));
                out.push('"');
            }
            if matches!(link.target, LinkTarget::External(_)) {
                hand_written.push(url);
            }
        });
        // The source's blank lines after its front matter are the twin's own.
        let body = format!("{}\n", body.trim_matches('\n'));
        MarkdownPage { site_path: page.site_path(), front_matter: format!("---\n{yaml}---\n\n"), body, hand_written }
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
