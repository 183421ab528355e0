//! Small files made from the site's data rather than from a template: the
//! stylesheet that shows the reader's offer, robots.txt, `_redirects` and
//! `_headers` for static hosts; and the folder the theme's assets go to.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::config::BaseUrl;

/// The offer stylesheet, below the assets folder.
pub const OFFER_STYLES: &str = "css/offers.css";

/// `assets/<digest>/`: named by the content of every asset (the theme's
/// and the offer styles), so a host may cache them for a year, and a new
/// version of any is a new address. One folder rather than a digest per
/// file: the theme's scripts import each other by relative name.
pub fn assets_dir(assets: &BTreeMap<String, Vec<u8>>, offer_styles: Option<&str>) -> String {
    let mut digest = Sha256::new();
    for (path, bytes) in assets {
        // Lengths first, so that no two sets of files hash alike.
        digest.update((path.len() as u64).to_le_bytes());
        digest.update(path.as_bytes());
        digest.update((bytes.len() as u64).to_le_bytes());
        digest.update(bytes);
    }
    digest.update(offer_styles.unwrap_or_default().as_bytes());
    let hex: String = digest.finalize().iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("assets/{hex}/")
}

/// One rule set per offer, for the offer a script set on
/// `<html data-offer>` before the first paint. CSS rather than script does
/// the hiding, so nothing moves once the page is shown.
pub fn offer_styles<'o>(offers: impl Iterator<Item = &'o str>) -> String {
    let mut css = String::from(
        "/* The reader's offer, from <html data-offer>; written by helpgen from the site's offers. */\n\
         .offer-mismatch { display: none; }\n",
    );
    for id in offers {
        let chosen = format!("html[data-offer=\"{id}\"]");
        let other = format!(":not([data-offers~=\"{id}\"])");
        css.push_str(&format!(
            "{chosen} .article-list li[data-offers]:not([data-offers=\"\"]){other},\n\
             {chosen} .offer-block[data-offers]{other},\n\
             {chosen} .home-section:not(:has(li[data-offers=\"\"], li[data-offers~=\"{id}\"])) {{ display: none; }}\n\
             {chosen} .offer-mismatch[data-offer=\"{id}\"] {{ display: flex; }}\n\
             {chosen} .offer-badge[data-offer=\"{id}\"] {{ background: var(--accent); border-color: var(--accent); color: var(--on-accent); }}\n\
             {chosen} .requirements tr[data-offer=\"{id}\"] > * {{ background: var(--chosen); }}\n\
             {chosen} .requirements tr[data-offer=\"{id}\"] > th {{ box-shadow: inset 4px 0 0 var(--accent); }}\n"
        ));
    }
    css
}

/// Every crawler may read everything; the sitemap says what there is
/// (named only with an absolute base URL: robots.txt takes no other).
pub fn robots(base: &BaseUrl) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if !base.origin().is_empty() {
        text.push_str(&format!("\nSitemap: {}\n", base.url_of("sitemap.xml")));
    }
    text
}

/// `_redirects` in the format Netlify and Cloudflare Pages read: one
/// `from to 301` line per (from, to) URL path pair, in the given order. The
/// redirect pages stay beside it for every other host.
pub fn host_redirects(rules: &[(String, String)]) -> String {
    let mut text = String::from("# Old URLs and moved articles, written by helpgen.\n");
    for (from, to) in rules {
        text.push_str(&format!("{from} {to} 301\n"));
    }
    text
}

/// `_headers` in the format Netlify and Cloudflare Pages read: the pages'
/// policy as a header too (where `frame-ancestors`, which a `<meta>` policy
/// cannot carry, keeps other sites from framing the help center), and
/// caching: Pagefind's content-named index files and the theme's assets,
/// in their folder named by their content (`assets_dir`), for a year; pages
/// keep the host's default (hosts join the values of a header that several
/// rules set, so no rule sets one that another does). `policy` empty: no
/// policy header.
pub fn host_headers(base: &BaseUrl, policy: &str, search_parts: &[(&str, usize)], assets_dir: &str) -> String {
    let mut text = String::from("# Response headers, written by helpgen.\n");
    text.push_str(&format!("{}*\n  X-Content-Type-Options: nosniff\n", base.path()));
    text.push_str("  Referrer-Policy: strict-origin-when-cross-origin\n");
    if !policy.is_empty() {
        text.push_str(&format!("  Content-Security-Policy: {policy}; frame-ancestors 'self'\n"));
    }
    let mut immutable = vec![base.path_of(assets_dir)];
    for (lang, parts) in search_parts {
        let bundles = std::iter::once(String::new()).chain((1..*parts).map(super::search_part_dir));
        for bundle in bundles {
            for folder in ["fragment", "index", "filter"] {
                immutable.push(base.path_of(&format!("{lang}/{}{bundle}{folder}/", super::SEARCH_DIR)));
            }
        }
    }
    for path in immutable {
        text.push_str(&format!("{path}*\n  Cache-Control: public, max-age=31536000, immutable\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_headers_carry_the_policy_and_cache_by_kind() {
        let base = BaseUrl::parse("/docs/").expect("base");
        let text = host_headers(&base, "default-src 'self'", &[("en", 2), ("fr", 1)], "assets/0123456789/");
        assert!(text.contains("/docs/*\n  X-Content-Type-Options: nosniff\n"), "{text}");
        assert!(text.contains("  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'\n"), "{text}");
        assert!(text.contains("/docs/assets/0123456789/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert!(text.contains("/docs/en/pagefind/fragment/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert!(
            text.contains("/docs/en/pagefind/part/1/index/*\n  Cache-Control: public, max-age=31536000, immutable\n")
        );
        assert!(text.contains("/docs/fr/pagefind/filter/*\n") && !text.contains("/docs/fr/pagefind/part/"), "{text}");
        // A part's list and entry file change with its pages: never cached long.
        assert!(!text.contains("/docs/en/pagefind/part/1/*"), "{text}");
        // The self-check's download, beside the folder, is not cached.
        assert!(!text.contains("/docs/assets/*"), "{text}");
        assert!(!host_headers(&base, "", &[], "assets/0/").contains("Content-Security-Policy"));
    }

    #[test]
    fn the_assets_folder_changes_with_any_asset() {
        let mut assets = BTreeMap::from([("css/a.css".to_string(), b"a{}".to_vec())]);
        let first = assets_dir(&assets, None);
        assert!(first.starts_with("assets/") && first.len() == "assets/".len() + 11, "{first}");
        assert_eq!(assets_dir(&assets, None), first);
        assert_ne!(assets_dir(&assets, Some("html{}")), first);
        assets.insert("js/b.js".to_string(), Vec::new());
        assert_ne!(assets_dir(&assets, None), first);
    }

    #[test]
    fn host_redirects_are_one_rule_per_line() {
        let rules = [
            ("/old/".to_string(), "/en/new/".to_string()),
            ("/en/gone/".to_string(), "https://x.example/".to_string()),
        ];
        assert_eq!(
            host_redirects(&rules),
            "# Old URLs and moved articles, written by helpgen.\n/old/ /en/new/ 301\n/en/gone/ https://x.example/ 301\n"
        );
    }

    #[test]
    fn each_offer_gets_rules_that_name_it_and_no_other() {
        let css = offer_styles(["essential", "advanced"].into_iter());
        assert!(
            css.contains("html[data-offer=\"advanced\"] .offer-block[data-offers]:not([data-offers~=\"advanced\"])")
        );
        assert!(css.contains("html[data-offer=\"essential\"] .offer-mismatch[data-offer=\"essential\"]"));
        assert_eq!(css.matches("html[data-offer=").count(), 2 * 7);
        assert_eq!(offer_styles(std::iter::empty()).matches("html[data-offer=").count(), 0);
    }

    #[test]
    fn robots_names_the_sitemap() {
        let base = BaseUrl::parse("https://help.example.com/docs/").expect("a base URL");
        assert_eq!(robots(&base), "User-agent: *\nAllow: /\n\nSitemap: https://help.example.com/docs/sitemap.xml\n");
        let preview = BaseUrl::parse("/").expect("a base path");
        assert_eq!(robots(&preview), "User-agent: *\nAllow: /\n");
    }
}
