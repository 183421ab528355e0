//! Offer filtering for readers: the selector on every page, static offer
//! pages that work without JavaScript, and no inline script anywhere.

use crate::harness::Site;

fn site() -> Site {
    let site = Site::empty();
    site.write("content/en/all.md", "---\ntitle: For everyone\n---\n\nText.\n");
    site.write("content/en/pro.md", "---\ntitle: Pro things\nproduct_label: [advanced, enterprise]\n---\n\nText.\n");
    site.write("content/en/old.md", "---\ntitle: Old things\nproduct_label: [classic]\n---\n\nText.\n");
    site.write(
        "content/fr/pro.md",
        "---\ntitle: Fonctions pro\nproduct_label: [advanced, enterprise]\n---\n\nTexte.\n",
    );
    site
}

#[test]
fn offer_pages_list_exactly_the_labelled_articles() {
    let site = site();
    site.build_ok();
    let titles = |path: &str| {
        site.html(path).select(".article-list li a").iter().map(|a| a.text().collect::<String>()).collect::<Vec<_>>()
    };
    assert_eq!(titles("en/offers/advanced/index.html"), ["Pro things"]);
    assert_eq!(titles("en/offers/classic/index.html"), ["Old things"]);
    assert!(titles("en/offers/essential/index.html").is_empty());
    assert_eq!(
        site.html("en/offers/essential/index.html").text("main p:first-of-type"),
        "No article is labelled for this offer yet."
    );
    // French pages: the French article, and the fallback of the English one.
    assert_eq!(titles("fr/offers/enterprise/index.html"), ["Fonctions pro"]);
    assert_eq!(titles("fr/offers/classic/index.html"), ["Old things"]);
    assert_eq!(site.html("fr/offers/classic/index.html").attr(".article-list a", "hreflang"), "en");
    assert_eq!(site.html("fr/offers/classic/index.html").text("h1"), "Articles pour Classic");
}

#[test]
fn every_page_has_the_selector_and_the_home_links_the_offer_pages() {
    let site = site();
    site.build_ok();
    for path in ["en/index.html", "en/pro/index.html", "fr/offers/advanced/index.html", "en/404.html"] {
        let page = site.html(path);
        let options = page.attrs("[data-offer-filter] select option", "value");
        assert_eq!(options, ["", "essential", "advanced", "enterprise", "classic", "enterprise-on-premise"], "{path}");
        // The selector needs JavaScript: shown where early.js marked the
        // page before its first paint, so it takes its place from the start.
        assert!(page.attr("[data-offer-filter]", "class").split(' ').any(|c| c == "needs-js"), "{path}");
        assert!(page.one("[data-offer-filter]").value().attr("hidden").is_none(), "{path}");
        assert_eq!(page.attr("[data-offer-filter] label", "for"), "offer-select");
        // Works under `script-src 'self'`: scripts from the site only; the
        // one classic script runs before the first paint, the rest are modules.
        let js = format!("/{}js/", site.assets());
        for script in page.select("script") {
            let src = script.value().attr("src").unwrap_or_default();
            assert!(src.starts_with(&js), "{path}");
            let kind = if src == format!("{js}early.js") { None } else { Some("module") };
            assert_eq!(script.value().attr("type"), kind, "{path}: {src}");
            assert!(script.inner_html().trim().is_empty(), "{path}");
        }
        // Every page links the offer pages, for readers without JavaScript.
        assert_eq!(page.attrs(".site-footer a", "href")[1], format!("/{}/offers/advanced/", &path[..2]), "{path}");
    }
    let home = site.html("en/index.html");
    assert_eq!(home.attr(".article-list li:has(a[href=\"/en/pro/\"])", "data-offers"), "advanced enterprise");
    for script in ["early.js", "site.js", "offer-filter.js"] {
        assert!(site.path(&format!("public/{}js/{script}", site.assets())).exists(), "{script}");
    }
    // The offer's styles are written from the site's offers: rules for each.
    let styles = site.output(&format!("{}css/offers.css", site.assets()));
    assert!(styles
        .contains("html[data-offer=\"enterprise-on-premise\"] .offer-mismatch[data-offer=\"enterprise-on-premise\"]"));
}

/// Offers are the site's own: without `offers.yaml` there are none, so no
/// selector, no offer pages, and a label is an error that says so.
#[test]
fn a_site_without_offers_has_no_selector_and_no_offer_pages() {
    let site = Site::bare();
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    site.build_ok();
    assert!(site.html("en/a/index.html").select("[data-offer-filter]").is_empty());
    assert!(!site.path("public/en/offers").exists());
    site.write("content/en/b.md", "---\ntitle: B\nproduct_label: [advanced]\n---\n\nText.\n");
    let run = site.build(&[]);
    assert!(
        run.stderr.contains("error[offer.unknown]") && run.stderr.contains("this site has no offers"),
        "{}",
        run.stderr
    );
}
