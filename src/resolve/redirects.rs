//! `redirect_from`: old URLs that must keep working. Each becomes a small
//! page at the old path pointing at the article in the language that
//! declared it. An old URL may not shadow a real page, another redirect, or
//! a path helpgen writes itself.

use std::collections::BTreeMap;

use super::Site;
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::ids::{normalize_relative, ArticlePath, LangId};

#[derive(Debug, Clone)]
pub struct Redirect {
    pub lang: LangId,
    pub target: ArticlePath,
    /// Where the `redirect_from` entry is written.
    pub location: Location,
}

/// Paths helpgen writes at the site root.
const RESERVED: &[&str] =
    &["assets", "media", "index.html", "404.html", "sitemap.xml", "robots.txt", "llms.txt", "_redirects", "_headers"];

/// The static redirect rules Cloudflare Pages reads from `_redirects`.
pub const HOST_RULE_LIMIT: usize = 2_000;

/// `/old/url/`, `old/url`, `/old/url/index.html` -> `old/url`; `/old.html`
/// stays a file. `None` for paths that could leave the site root or hold
/// characters a file name cannot.
pub fn normalize(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw.strip_suffix("index.html").unwrap_or(raw);
    if raw.contains(['?', '#', '\\', ':', '"', '<', '>', '|', '*']) || raw.chars().any(char::is_control) {
        return None;
    }
    let path = normalize_relative(raw).ok()?;
    (!path.split('/').any(|segment| segment.starts_with('.'))).then_some(path)
}

pub(super) fn index(site: &Site, diags: &mut Diagnostics) -> BTreeMap<String, Redirect> {
    let mut redirects: BTreeMap<String, Redirect> = BTreeMap::new();
    for article in &site.articles {
        let source = &article.source;
        if let Some(to) = source.front.redirect_to.as_deref().filter(|to| !is_redirect_target(to)) {
            let location = source.front_matter_value_location("redirect_to", to);
            diags.push(
                Diagnostic::new(
                    Code::RedirectInvalid,
                    format!("`redirect_to: {to}` is not a URL readers can be sent to"),
                )
                .at(location)
                .with_help("write an http(s) URL or a path from the site root, such as `/fr/new-article/`"),
            );
        }
        for old in &source.front.redirect_from {
            let location = source.front_matter_value_location("redirect_from", old);
            let Some(path) = normalize(old) else {
                diags.push(
                    Diagnostic::new(Code::RedirectInvalid, format!("`{old}` cannot be used as a URL path"))
                        .at(location)
                        .with_help("write a path below the site root, such as `/old-article/`"),
                );
                continue;
            };
            if let Some(shadowed) = shadowed_page(site, &path) {
                let message = format!("`{old}` is the URL of a real page ({shadowed}); the redirect would hide it");
                diags.push(Diagnostic::new(Code::RedirectCollision, message).at(location));
                continue;
            }
            if let Some(first) = redirects.get(&path) {
                let message =
                    format!("`{old}` already redirects to `{}` (declared at {})", first.target, first.location);
                diags.push(Diagnostic::new(Code::RedirectCollision, message).at(location));
                continue;
            }
            let redirect = Redirect { lang: source.lang.clone(), target: source.path.clone(), location };
            redirects.insert(path, redirect);
        }
    }
    let moved = site.articles.iter().filter(|a| a.source.front.redirect_to.is_some()).count();
    if redirects.len() + moved > HOST_RULE_LIMIT {
        let first_over = redirects.values().nth(HOST_RULE_LIMIT.saturating_sub(moved));
        let mut diagnostic = Diagnostic::new(
            Code::RedirectHostLimit,
            format!(
                "{} redirects ({} `redirect_from`, {moved} `redirect_to`): `_redirects` holds more rules than \
                 Cloudflare Pages reads ({HOST_RULE_LIMIT})",
                redirects.len() + moved,
                redirects.len()
            ),
        )
        .with_help("the redirect pages work on any host; on Cloudflare Pages, move the oldest to a bulk redirect list");
        if let Some(redirect) = first_over {
            diagnostic = diagnostic.at(redirect.location.clone());
        }
        diags.push(diagnostic);
    }
    redirects
}

/// An http(s) URL or a path from the root: where a page may send readers.
/// Nothing that could run (`javascript:`) or leave the site unannounced.
pub fn is_redirect_target(to: &str) -> bool {
    let plain =
        !to.contains(['"', '\'', '<', '>', '`', '\\']) && !to.chars().any(|c| c.is_whitespace() || c.is_control());
    let rooted = to.starts_with('/') && !to.starts_with("//");
    plain && (rooted || to.starts_with("https://") || to.starts_with("http://"))
}

/// What a redirect at `path` would overwrite, if anything.
fn shadowed_page(site: &Site, path: &str) -> Option<String> {
    let first = path.split('/').next().unwrap_or(path);
    if RESERVED.contains(&path) || RESERVED.contains(&first) {
        return Some(format!("`/{first}` is written by helpgen"));
    }
    let lang = site.languages.all.iter().find(|l| l.as_str() == first)?;
    match path.split_once('/').map(|(_, rest)| rest) {
        None | Some("index.html" | "404.html") => Some(format!("the `{lang}` home page")),
        Some(slug) => site.path_for_slug(slug).map(ArticlePath::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_redirect_target, normalize};

    #[test]
    fn redirect_targets_are_urls_or_rooted_paths() {
        for good in ["https://help.example.com/new/", "http://x.example/a?b=1#c", "/fr/new-article/"] {
            assert!(is_redirect_target(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "//evil.example/", "new-article", "/a b", "https://x/\"onload", ""] {
            assert!(!is_redirect_target(bad), "{bad:?}");
        }
    }

    #[test]
    fn old_urls_are_normalized_or_refused() {
        assert_eq!(normalize("/manage-workloads/").as_deref(), Some("manage-workloads"));
        assert_eq!(normalize("fr/ancien/index.html").as_deref(), Some("fr/ancien"));
        assert_eq!(normalize("/old.html").as_deref(), Some("old.html"));
        for bad in ["/", "../etc/passwd", "/a/../../b", "/a?b=1", "/.git/config", "C:\\\\x", "/a\u{0}b"] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }
}
