//! The files made from the whole site rather than from one article: each
//! language's home, 404 and offer pages and `llms.txt` files, and the root
//! files. The small ones come from the site's data rather than from a
//! template: the stylesheet that shows the reader's offer, robots.txt,
//! `_redirects` and `_headers` for static hosts; and the folder the theme's
//! assets go to.

use std::collections::BTreeMap;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::{sitemap, FileContent, OutputFile, Renderer};
use crate::config::BaseUrl;
use crate::error::Result;
use crate::ids::LangId;
use crate::requirements::{self, table::TableContext};

impl Renderer<'_> {
    /// The files made from the whole site: per language (side by side: a
    /// large site's home and offer pages list thousands of articles) the
    /// home, 404 and offer pages, the requirement data and the `llms.txt`
    /// files; then the root files, host files, redirects, sitemaps, assets
    /// and media.
    pub(super) fn site_files(&self) -> Result<Vec<OutputFile>> {
        let (per_language, root) = rayon::join(
            || self.site.languages.all.par_iter().map(|lang| self.language_files(lang)).collect::<Result<Vec<_>>>(),
            || self.root_files(),
        );
        let mut files: Vec<OutputFile> = per_language?.into_iter().flatten().collect();
        files.extend(root?);
        Ok(files)
    }

    fn language_files(&self, lang: &LangId) -> Result<Vec<OutputFile>> {
        let mut files = vec![
            OutputFile::new(format!("{lang}/index.html"), self.home(lang)?),
            OutputFile::new(format!("{lang}/404.html"), self.not_found(lang, false)?),
        ];
        let offers: Vec<&str> = self.data.offers.ids().collect();
        let offer_pages = offers.par_iter().map(|offer| {
            Ok(OutputFile::new(format!("{lang}/offers/{offer}/index.html"), self.offer_page(lang, offer)?))
        });
        files.extend(offer_pages.collect::<Result<Vec<_>>>()?);
        if let Some(data) = self.data.requirements {
            let cx = TableContext { data, offers: self.data.offers, l10n: &self.l10n, lang };
            files.push(OutputFile::new(format!("{lang}/requirements.json"), requirements::widget::json(&cx)));
        }
        files.extend(self.language_llms_files(lang));
        Ok(files)
    }

    fn root_files(&self) -> Result<Vec<OutputFile>> {
        let mut files = Vec::new();
        if self.data.requirements.is_some() {
            files.push(OutputFile::new(requirements::selfcheck::PROBE_PATH, requirements::selfcheck::probe()));
        }
        let default = &self.site.languages.default;
        files.push(OutputFile::new("404.html", self.not_found(default, true)?));
        files.push(OutputFile::new("index.html", self.languages_page()?));
        files.push(OutputFile::new("robots.txt", robots(&self.config.base_url)));
        files.push(self.llms_root_file());
        let searched = if self.config.search { self.search_parts() } else { Vec::new() };
        files.push(OutputFile::new(
            "_headers",
            host_headers(&self.config.base_url, &self.policy, &searched, &self.assets_dir),
        ));
        if let Some(styles) = &self.offer_styles {
            files.push(OutputFile::new(format!("{}{}", self.assets_dir, OFFER_STYLES), styles.clone()));
        }
        files.extend(self.redirect_files()?);
        for (path, xml) in sitemap::render(self.site, &self.config.base_url, self.data.offers.ids()) {
            files.push(OutputFile::new(path, xml));
        }
        for (path, bytes) in self.assets {
            files.push(OutputFile::new(format!("{}{path}", self.assets_dir), bytes.clone()));
        }
        let mut media: Vec<_> = self.site.articles().iter().flat_map(|a| &a.media).collect();
        media.sort_by(|a, b| a.key.cmp(&b.key));
        media.dedup_by(|a, b| a.key == b.key);
        for file in media {
            let content = FileContent::Copy(file.absolute.clone());
            files.push(OutputFile { path: format!("media/{}", file.key), content });
        }
        Ok(files)
    }

    /// Each language, with how many parts its search index has: one per
    /// `search_pages_per_index` listed pages, as the article pages carry
    /// the index body.
    fn search_parts(&self) -> Vec<(&str, usize)> {
        let per_index = self.config.search_pages_per_index.max(1);
        let listed = |lang: &LangId| self.contents().sections(lang).iter().map(|s| s.articles.len()).sum::<usize>();
        self.site.languages.all.iter().map(|lang| (lang.as_str(), listed(lang).div_ceil(per_index).max(1))).collect()
    }
}

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
