//! sitemap.xml with hreflang alternates (xhtml:link), listing each page in
//! the languages that have their own text, the home pages and the offer
//! pages. Fallback pages are left out: they repeat another language's text
//! and point to it as canonical.

use crate::config::BaseUrl;
use crate::escape;
use crate::resolve::{page_site_path, Site};

/// The sitemap protocol's limits for one file: 50,000 URLs and 50 MB
/// (kept a little under, for the closing tags).
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 50 * 1024 * 1024 - 1024;

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// The sitemap files, as (path, XML): `sitemap.xml` alone, or, beyond one
/// file's limits, `sitemap.xml` as an index of `sitemap-1.xml`,
/// `sitemap-2.xml`... `offers`: the ids of the offers, each with a page in
/// every language.
pub fn render<'o>(site: &Site, base: &BaseUrl, offers: impl Iterator<Item = &'o str>) -> Vec<(String, String)> {
    let mut entries = Vec::new();
    // Pages that every language has, at `<lang>/<below>`.
    let everywhere = |below: &str| -> Vec<(String, String)> {
        site.languages.all.iter().map(|l| (l.to_string(), base.url_of(&format!("{l}/{below}")))).collect()
    };
    let pages = std::iter::once(String::new()).chain(offers.map(|offer| format!("offers/{offer}/")));
    for below in pages {
        let alternates = everywhere(&below);
        for (_, url) in &alternates {
            entries.push(entry(url, &alternates));
        }
    }
    for page in site.pages().filter(|p| !p.is_fallback() && !p.is_redirect()) {
        let alternates: Vec<(String, String)> = site
            .translations(page.path)
            .into_iter()
            .map(|l| (l.to_string(), base.url_of(&page_site_path(l, page.slug))))
            .collect();
        entries.push(entry(&base.url_of(&page.site_path()), &alternates));
    }
    files(base, entries)
}

/// The `<url>` entries in as few files as the limits allow.
fn files(base: &BaseUrl, entries: Vec<String>) -> Vec<(String, String)> {
    let mut chunks: Vec<String> = Vec::new();
    let mut count = 0;
    for entry in entries {
        let full = chunks
            .last()
            .is_none_or(|xml| count == MAX_URLS || xml.len() + entry.len() + URLSET_CLOSE.len() > MAX_BYTES);
        if full {
            chunks.push(String::from(URLSET_OPEN));
            count = 0;
        }
        if let Some(xml) = chunks.last_mut() {
            xml.push_str(&entry);
        }
        count += 1;
    }
    if chunks.is_empty() {
        chunks.push(String::from(URLSET_OPEN));
    }
    for xml in &mut chunks {
        xml.push_str(URLSET_CLOSE);
    }
    if chunks.len() == 1 {
        return vec![("sitemap.xml".to_string(), chunks.remove(0))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut out = Vec::with_capacity(chunks.len() + 1);
    for (n, xml) in chunks.into_iter().enumerate() {
        let path = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", escape::html(&base.url_of(&path))));
        out.push((path, xml));
    }
    index.push_str("</sitemapindex>\n");
    out.insert(0, ("sitemap.xml".to_string(), index));
    out
}

fn entry(url: &str, alternates: &[(String, String)]) -> String {
    let mut xml = String::from("  <url>\n    <loc>");
    xml.push_str(&escape::html(url));
    xml.push_str("</loc>\n");
    if alternates.len() > 1 {
        for (lang, href) in alternates {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape::html(lang),
                escape::html(href)
            ));
        }
    }
    xml.push_str("  </url>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 120,001 generated URLs, as a site of 20,000 articles in six
    /// languages has: an index and three files, each within the limits.
    #[test]
    fn beyond_fifty_thousand_urls_the_sitemap_is_an_index() {
        let base = BaseUrl::parse("https://help.example.com/").expect("base");
        let entries: Vec<String> = (0..120_001)
            .map(|n| {
                let url = base.url_of(&format!("en/article-{n}/"));
                entry(&url, &[("en".to_string(), url.clone()), ("fr".to_string(), url.replace("/en/", "/fr/"))])
            })
            .collect();
        let out = files(&base, entries);
        let paths: Vec<&str> = out.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
        let index = &out[0].1;
        assert!(index.contains("<sitemapindex "), "{index}");
        assert!(index.contains("<loc>https://help.example.com/sitemap-3.xml</loc>"), "{index}");
        let counts: Vec<usize> = out[1..].iter().map(|(_, xml)| xml.matches("<url>").count()).collect();
        assert_eq!(counts, [50_000, 50_000, 20_001]);
        for (path, xml) in &out[1..] {
            assert!(xml.starts_with(URLSET_OPEN) && xml.ends_with(URLSET_CLOSE), "{path}");
            assert!(xml.len() <= MAX_BYTES + URLSET_CLOSE.len(), "{path}");
        }
        assert!(out[3].1.contains("<loc>https://help.example.com/en/article-120000/</loc>"));
    }

    #[test]
    fn a_small_site_has_one_sitemap() {
        let base = BaseUrl::parse("/").expect("base");
        let out = files(&base, vec![entry("/en/", &[])]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, "sitemap.xml");
        assert_eq!(out[0].1, format!("{URLSET_OPEN}  <url>\n    <loc>/en/</loc>\n  </url>\n{URLSET_CLOSE}"));
    }
}
