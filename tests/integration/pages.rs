//! What readers get: pages, languages, links and the files around them.

use crate::harness::Site;

fn built() -> Site {
    let site = Site::fixture("i18n");
    site.build_ok();
    site
}

#[test]
fn translated_pages_carry_lang_alternates_and_switcher() {
    let site = built();
    let page = site.html("fr/start/index.html");
    assert_eq!(page.attr("html", "lang"), "fr");
    assert_eq!(page.text("h1"), "Commencer ici");
    let alternates: Vec<(String, String)> = page
        .select("link[rel=alternate][hreflang]")
        .iter()
        .map(|l| (l.value().attr("hreflang").unwrap().into(), l.value().attr("href").unwrap().into()))
        .collect();
    let expected = [
        ("en", "https://docs.example.org/help/en/start/"),
        ("fr", "https://docs.example.org/help/fr/start/"),
        ("de", "https://docs.example.org/help/de/start/"),
        ("x-default", "https://docs.example.org/help/en/start/"),
    ];
    assert_eq!(alternates, expected.map(|(a, b)| (a.to_string(), b.to_string())));
    assert_eq!(page.attr("link[rel=canonical]", "href"), "https://docs.example.org/help/fr/start/");
    // The switcher points at the same article in every language.
    assert_eq!(page.attrs(".language-menu a", "href"), ["/help/en/start/", "/help/fr/start/", "/help/de/start/"]);
    assert_eq!(page.attr(".language-menu a[aria-current=page]", "hreflang"), "fr");
    assert_eq!(page.text(".language-menu a[hreflang=de]"), "Deutsch");
    // Closed, the menu names the language the page is in.
    assert_eq!(page.text(".language-menu summary .lang-name"), "Français");
}

#[test]
fn untranslated_articles_fall_back_with_a_localized_notice() {
    let site = built();
    let page = site.html("de/only-en/index.html");
    assert_eq!(page.attr("html", "lang"), "de");
    assert!(page.text(".notice-untranslated").contains("noch nicht ins Deutsche übersetzt"));
    // The text is English, and says so, while the page chrome stays German.
    assert_eq!(page.attr(".article-body", "lang"), "en");
    assert_eq!(page.attr("h1", "lang"), "en");
    assert_eq!(page.text("h1"), "Admin notes");
    assert_eq!(page.text(".skip-link"), "Zum Inhalt springen");
    // The original is the canonical; the copy claims no alternates.
    assert_eq!(page.attr("link[rel=canonical]", "href"), "https://docs.example.org/help/en/only-en/");
    assert!(page.select("link[rel=alternate][hreflang]").is_empty());
    // Even when other translations exist.
    let partial = Site::fixture("i18n");
    partial.remove("content/de/guide/setup.md");
    partial.build_ok();
    assert!(partial.html("de/setup/index.html").select("link[rel=alternate][hreflang]").is_empty());
    let translated = partial.html("fr/setup/index.html");
    assert_eq!(translated.attrs("link[rel=alternate][hreflang]", "hreflang"), ["en", "fr", "x-default"]);
    // A translated page has no notice.
    assert!(site.html("de/start/index.html").select(".notice-untranslated").is_empty());
}

#[test]
fn headings_get_kramdown_ids_and_the_toc_lists_them() {
    let site = built();
    let page = site.html("en/start/index.html");
    let ids = page.attrs(".article-body h2, .article-body h3", "id");
    assert_eq!(ids, ["add-a-break-activity", "setup", "setup-1", "details"]);
    // Beside the text on wide screens, and folded above it on narrow ones.
    let toc = page.attrs(".toc-side a", "href");
    assert_eq!(toc, ["#add-a-break-activity", "#setup", "#setup-1", "#details"]);
    assert_eq!(page.attrs(".article .toc-inline a", "href"), toc);
    assert_eq!(page.text(".toc-side h2"), "On this page");
    assert_eq!(page.text(".toc-inline summary"), "On this page");
    assert_eq!(site.html("fr/start/index.html").text(".toc-side h2"), "Sur cette page");
    // toc is off unless the front matter asks for it.
    assert!(site.html("en/setup/index.html").select(".toc-side, .toc-inline").is_empty());
}

#[test]
fn link_new_resolves_in_the_reader_language() {
    let site = built();
    let fr = site.html("fr/start/index.html");
    let links = fr.select(".article-body a");
    let hrefs: Vec<_> = links.iter().map(|a| a.value().attr("href").unwrap()).collect();
    assert_eq!(hrefs, ["/help/fr/setup/#allow-pop-ups", "/help/fr/only-en/"]);
    // The second target has no French text: the link says which language it gets.
    assert_eq!(links[0].value().attr("hreflang"), None);
    assert_eq!(links[1].value().attr("hreflang"), Some("en"));
    assert_eq!(links[0].text().collect::<String>(), "le guide");
    // A fallback page links within the reader's language tree.
    let de = site.html("de/start/index.html");
    assert_eq!(de.attrs(".article-body a", "href"), ["/help/de/setup/"]);
}

#[test]
fn kramdown_spans_code_and_no_break_spaces() {
    let site = built();
    let en = site.html("en/start/index.html");
    assert_eq!(en.text(".article-body em.menu-item"), "Plan > Schedules");
    assert!(!en.select(".article-body pre.code-block code.language-yaml span[class^=hl-]").is_empty());
    let fr = site.output("fr/start/index.html");
    assert!(fr.contains("<em class=\"menu-item\">Planifier</em>\u{a0}: c’est parti"), "{fr}");
}

#[test]
fn related_articles_and_offer_badges_are_localized() {
    let site = built();
    let fr = site.html("fr/start/index.html");
    // The placeholder title is replaced by the target's French title.
    assert_eq!(fr.text(".related a"), "Configurer le navigateur");
    assert_eq!(fr.text(".related h2"), "Articles connexes");
    let en = site.html("en/start/index.html");
    let titles: Vec<String> = en.select(".related a").iter().map(|a| a.text().collect()).collect();
    assert_eq!(titles, ["Set up your browser", "Read this first"]);
    assert_eq!(en.attrs(".offer-badge", "data-offer"), ["essential", "advanced"]);
    assert_eq!(en.text(".offers-label"), "Available for");
    assert_eq!(site.html("de/start/index.html").select(".offer-badge").len(), 0);
}

#[test]
fn homes_redirect_404_and_sitemap() {
    let site = built();
    // The root lists the languages; a script picks the reader's own.
    let root = site.html("index.html");
    assert_eq!(root.attrs(".language-list a", "href"), ["/help/en/", "/help/fr/", "/help/de/"]);
    assert_eq!(root.attrs(".language-list a", "hreflang"), ["en", "fr", "de"]);
    assert!(root.attrs("script[src]", "src").contains(&format!("/help/{}js/lang-choice.js", site.assets())));
    assert!(root.select("meta[http-equiv=refresh]").is_empty());
    assert_eq!(
        site.output("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://docs.example.org/help/sitemap.xml\n"
    );
    let home = site.html("fr/index.html");
    assert_eq!(home.attr("html", "lang"), "fr");
    let sections: Vec<String> = home.select(".home-section h2").iter().map(|h| h.text().collect()).collect();
    assert_eq!(sections, ["Admin", "Guide d’utilisation"]);
    let guide: Vec<String> = home.select("#section-guide li a").iter().map(|a| a.text().collect()).collect();
    assert_eq!(guide, ["Commencer ici", "Configurer le navigateur"]);
    assert_eq!(home.attr("#section-admin li a", "hreflang"), "en");
    for lang in ["en", "fr", "de"] {
        assert_eq!(site.html(&format!("{lang}/404.html")).attr("html", "lang"), lang);
    }
    let sitemap = site.output("sitemap.xml");
    assert!(sitemap.contains("<loc>https://docs.example.org/help/fr/start/</loc>"), "{sitemap}");
    assert!(sitemap
        .contains(r#"<xhtml:link rel="alternate" hreflang="de" href="https://docs.example.org/help/de/start/"/>"#));
    // Fallback pages repeat another language's text: not in the sitemap.
    assert!(!sitemap.contains("/de/only-en/"), "{sitemap}");
    // Offer pages exist in every language, each pointing at the others.
    assert!(sitemap.contains("<loc>https://docs.example.org/help/de/offers/classic/</loc>"), "{sitemap}");
    let advanced =
        r#"<xhtml:link rel="alternate" hreflang="fr" href="https://docs.example.org/help/fr/offers/advanced/"/>"#;
    assert_eq!(sitemap.matches(advanced).count(), 3, "{sitemap}");
    assert!(site.path(&format!("public/{}css/helpgen.css", site.assets())).is_file());
    assert!(site.output(&format!("{}css/highlight.css", site.assets())).contains(".hl-"));
}

#[test]
fn crlf_and_bom_files_read_like_any_other() {
    let site = Site::fixture("i18n");
    site.write(
        "content/en/guide/windows.md",
        "\u{feff}---\r\ntitle: Saved on Windows\r\ntoc: true\r\n---\r\n\r\n## First part\r\n\r\nText with {% link_new a link | guide/setup.md %}.\r\n",
    );
    site.build_ok();
    let page = site.html("en/windows/index.html");
    assert_eq!(page.text("h1"), "Saved on Windows");
    assert_eq!(page.attrs(".article-body h2", "id"), ["first-part"]);
    assert_eq!(page.attrs(".article-body a", "href"), ["/help/en/setup/"]);
}

#[test]
fn a_site_without_theme_or_locales_builds_with_the_embedded_theme() {
    let site = Site::empty();
    site.write("content/en/hello.md", "---\ntitle: Hello\n---\nHi.\n");
    site.build_ok();
    let page = site.html("en/hello/index.html");
    assert_eq!(page.text(".site-title"), "Help Center");
    assert_eq!(page.text(".skip-link"), "Skip to content");
    assert_eq!(page.attr("html", "lang"), "en");
}

#[test]
fn a_site_theme_overrides_single_templates() {
    let site = Site::empty();
    site.write("content/en/hello.md", "---\ntitle: Hello\n---\nHi.\n");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"custom\">{{ t(key=\"not-found-title\") }}</p>{% endblock %}",
    );
    site.build_ok();
    assert_eq!(site.html("en/404.html").text("#custom"), "Page not found");
    assert_eq!(site.html("en/hello/index.html").text("h1"), "Hello");
}

#[test]
fn the_code_stylesheet_is_linked_only_where_there_is_code() {
    let site = Site::empty();
    site.write("content/en/prose.md", "---\ntitle: Prose\n---\n\nJust words and `inline code`.\n");
    site.write("content/en/code.md", "---\ntitle: Code\n---\n\n```yaml\nkey: value\n```\n");
    site.write(
        "content/en/jekyll.md",
        "---\ntitle: Jekyll\n---\n\n{% highlight bash %}\necho hi\n{% endhighlight %}\n",
    );
    site.build_ok();
    let styles = |path: &str| site.html(path).attrs("link[rel=stylesheet]", "href");
    let css = format!("/{}css/", site.assets());
    let base = [format!("{css}helpgen.css"), format!("{css}offers.css")];
    assert_eq!(styles("en/prose/index.html"), base);
    assert_eq!(styles("en/index.html"), base);
    for path in ["en/code/index.html", "en/jekyll/index.html"] {
        assert_eq!(styles(path), [base[0].clone(), base[1].clone(), format!("{css}highlight.css")], "{path}");
    }
}
