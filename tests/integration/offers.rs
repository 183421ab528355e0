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
        // The selector needs JavaScript, so it starts hidden; it has a label.
        assert_eq!(page.attr("[data-offer-filter]", "hidden"), "", "{path}");
        assert_eq!(page.attr("[data-offer-filter] label", "for"), "offer-select");
        // Works under `script-src 'self'`: module scripts from the site only.
        for script in page.select("script") {
            assert_eq!(script.value().attr("type"), Some("module"), "{path}");
            assert!(script.value().attr("src").is_some_and(|s| s.starts_with("/assets/js/")), "{path}");
            assert!(script.inner_html().trim().is_empty(), "{path}");
        }
    }
    let home = site.html("en/index.html");
    assert_eq!(home.attrs(".offer-pages a", "href")[1], "/en/offers/advanced/");
    assert_eq!(home.attr(".article-list li:has(a[href=\"/en/pro/\"])", "data-offers"), "advanced enterprise");
    assert!(site.path("public/assets/js/offers.js").exists() && site.path("public/assets/js/offer-filter.js").exists());
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
