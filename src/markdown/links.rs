//! Every link of an article, classified once: a cross-link to another
//! article (by source path or by an old-style URL slug), an anchor on the
//! same page, or an external URL. Resolve checks them against the site;
//! render turns them into `<a>` for each reader language.

use std::ops::Range;

use crate::diag::{Code, Diagnostic, Location};
use crate::dialect::{CrossLink, Expanded};
use crate::ids::{normalize_relative, ArticlePath};
use crate::offers::OfferId;
use crate::syntax::attributes::Attributes;
use crate::syntax::{self, percent_decode, CROSS_LINK_SCHEME};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Another article by its path below the language folder.
    Article { path: ArticlePath, anchor: Option<String> },
    /// An old-style site URL (`/manage-workloads`, `/fr/manage-workloads/`):
    /// a slug, or a `redirect_from` entry, without the language.
    Url { path: String, anchor: Option<String> },
    /// `#anchor` on the same page.
    SamePage(String),
    /// Anything else (`https:`, `mailto:`, a file such as `/files/a.pdf`), as written.
    External(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    pub target: LinkTarget,
    /// The Markdown link title (`[t](u "title")`), if any.
    pub title: String,
    /// From a kramdown attribute list after the link: `[t](u){:target="_blank"}`.
    pub attributes: Option<Attributes>,
    pub location: Location,
    /// The offers of the `{% offer %}` block the link is written in; empty
    /// outside every block (the article's own offers then apply).
    pub offers: Vec<OfferId>,
}

/// The link a `Start(Link)` event opens, when it is not a cross-link.
pub fn classify(
    dest_url: &str,
    title: &str,
    range: &Range<usize>,
    expanded: &Expanded,
    diags: &mut Vec<Diagnostic>,
) -> DocLink {
    let title = title.to_string();
    let location = expanded.location(range.start);
    let target = match classify_url(dest_url, &expanded.article.path, expanded.base_path) {
        Ok(target) => target,
        Err(message) => {
            diags.push(Diagnostic::new(Code::LinkInvalid, message).at(location.clone()));
            LinkTarget::External(dest_url.to_string())
        }
    };
    let offers = expanded.offers_at(range.start).to_vec();
    DocLink { target, title, attributes: None, location, offers }
}

/// The index in `Expanded::links` of a cross-link written as a Markdown
/// link, from its destination.
pub fn cross_link_index(dest_url: &str) -> Option<usize> {
    dest_url.strip_prefix(CROSS_LINK_SCHEME)?.parse().ok()
}

/// The link `Expanded::links[index]`, met at `range`.
pub fn cross_link(index: usize, title: String, range: &Range<usize>, expanded: &Expanded) -> DocLink {
    let (target, location) = match expanded.links.get(index) {
        Some(CrossLink { target, anchor, location }) => {
            (LinkTarget::Article { path: target.clone(), anchor: anchor.clone() }, location.clone())
        }
        // Only a link written by hand as `helpgen-link:N` can miss.
        None => (LinkTarget::External(String::new()), expanded.location(range.start)),
    };
    let offers = expanded.offers_at(range.start).to_vec();
    DocLink { target, title, attributes: None, location, offers }
}

/// What a Markdown link destination points at, for an article at `from`.
/// What a link's address leads to. `base_path` (`/docs/`) is where the site
/// is published: a root-relative address below it names a page of the site.
pub fn classify_url(url: &str, from: &ArticlePath, base_path: &str) -> Result<LinkTarget, String> {
    if let Some(anchor) = url.strip_prefix('#') {
        return Ok(LinkTarget::SamePage(percent_decode(anchor)));
    }
    if has_scheme(url) || url.starts_with("//") || url.is_empty() {
        return Ok(LinkTarget::External(url.to_string()));
    }
    let (path, anchor) = match url.split_once('#') {
        Some((path, anchor)) => (path, Some(percent_decode(anchor)).filter(|a| !a.is_empty())),
        None => (url, None),
    };
    let mut path = percent_decode(path.split('?').next().unwrap_or(path));
    if path.ends_with(".md") {
        // `/a/b.md` is below the language folder; `b.md` and `../b.md`
        // are relative to the linking article, as on GitHub.
        let joined = match path.strip_prefix('/') {
            Some(rooted) => rooted.to_string(),
            None => match from.as_str().rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/{path}"),
                None => path.clone(),
            },
        };
        let path = ArticlePath::parse(&joined).map_err(|e| format!("the link `{url}` is invalid: {e}"))?;
        return Ok(LinkTarget::Article { path, anchor });
    }
    // A page's URL (`/docs/fr/setup/`) is a site path once the base is off.
    if let Some(below) = path.strip_prefix(base_path).filter(|_| base_path != "/") {
        path = format!("/{below}");
    }
    if path.starts_with('/') && path.trim_matches('/').is_empty() {
        // The site's root, whose page sends readers to their home.
        return Ok(LinkTarget::Url { path: String::new(), anchor });
    }
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        // A file (`/files/guide.pdf`, `img/a.png`): not an article.
        return Ok(LinkTarget::External(url.to_string()));
    }
    let normalized = normalize_relative(&path).map_err(|e| format!("the link `{url}` is invalid: {e}"))?;
    Ok(LinkTarget::Url { path: normalized, anchor })
}

fn has_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Ids that raw HTML in the article defines (`<a id="x">`, `<a name="x">`),
/// which links may target like heading ids.
pub fn html_anchors(html: &str, anchors: &mut Vec<String>) {
    // Most HTML events are a lone tag without attributes.
    if !html.contains('=') {
        return;
    }
    for tag in syntax::html::start_tags(html) {
        let ids = tag.attributes.into_iter().filter(|a| (a.name == "id" || a.name == "name") && !a.value.is_empty());
        anchors.extend(ids.map(|a| a.value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from() -> ArticlePath {
        ArticlePath::parse("guide/setup/start.md").unwrap()
    }

    fn article(path: &str, anchor: Option<&str>) -> LinkTarget {
        LinkTarget::Article { path: ArticlePath::parse(path).unwrap(), anchor: anchor.map(str::to_string) }
    }

    #[test]
    fn markdown_paths_are_relative_to_the_article_or_the_language_root() {
        assert_eq!(classify_url("other.md", &from(), "/"), Ok(article("guide/setup/other.md", None)));
        assert_eq!(
            classify_url("../intro.md#first-steps", &from(), "/"),
            Ok(article("guide/intro.md", Some("first-steps")))
        );
        assert_eq!(classify_url("/faq/edge.md", &from(), "/"), Ok(article("faq/edge.md", None)));
        assert_eq!(
            classify_url("%C3%BCber.md#%C3%BCbersicht", &from(), "/"),
            Ok(article("guide/setup/über.md", Some("übersicht")))
        );
        assert!(classify_url("../../../x.md", &from(), "/").unwrap_err().contains("climbs out"));
    }

    #[test]
    fn site_urls_anchors_and_external_links() {
        let url = |p: &str, a: Option<&str>| LinkTarget::Url { path: p.to_string(), anchor: a.map(str::to_string) };
        assert_eq!(classify_url("/manage-workloads", &from(), "/"), Ok(url("manage-workloads", None)));
        assert_eq!(classify_url("/fr/manage-workloads/#x", &from(), "/"), Ok(url("fr/manage-workloads", Some("x"))));
        assert_eq!(classify_url("#%C3%BCbersicht", &from(), "/"), Ok(LinkTarget::SamePage("übersicht".into())));
        // Under a base path, a page's URL starts with it.
        assert_eq!(classify_url("/docs/fr/setup/", &from(), "/docs/"), Ok(url("fr/setup", None)));
        assert_eq!(classify_url("/docs/guide.md", &from(), "/docs/"), Ok(article("docs/guide.md", None)));
        for external in
            ["https://example.com/a.md", "mailto:a@b.c", "//cdn.example.com/x", "/files/guide.pdf", "img/a.png"]
        {
            assert_eq!(classify_url(external, &from(), "/"), Ok(LinkTarget::External(external.into())), "{external}");
        }
    }
}
