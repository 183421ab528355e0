//! sitemap.xml with hreflang alternates (xhtml:link), listing each page in
//! the languages that have their own text, the home pages and the offer
//! pages. Fallback pages are left out: they repeat another language's text
//! and point to it as canonical.

use crate::config::BaseUrl;
use crate::escape;
use crate::resolve::{page_site_path, Site};

/// `offers`: the ids of the offers, each with a page in every language.
pub fn render<'o>(site: &Site, base: &BaseUrl, offers: impl Iterator<Item = &'o str>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // Pages that every language has, at `<lang>/<below>`.
    let everywhere = |below: &str| -> Vec<(String, String)> {
        site.languages.all.iter().map(|l| (l.to_string(), base.url_of(&format!("{l}/{below}")))).collect()
    };
    let pages = std::iter::once(String::new()).chain(offers.map(|offer| format!("offers/{offer}/")));
    for below in pages {
        let alternates = everywhere(&below);
        for (_, url) in &alternates {
            push_url(&mut xml, url, &alternates);
        }
    }
    for page in site.pages().filter(|p| !p.is_fallback() && !p.is_redirect()) {
        let alternates: Vec<(String, String)> = site
            .translations(page.path)
            .into_iter()
            .map(|l| (l.to_string(), base.url_of(&page_site_path(l, page.slug))))
            .collect();
        push_url(&mut xml, &base.url_of(&page.site_path()), &alternates);
    }
    xml.push_str("</urlset>\n");
    xml
}

fn push_url(xml: &mut String, url: &str, alternates: &[(String, String)]) {
    xml.push_str("  <url>\n    <loc>");
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
}
