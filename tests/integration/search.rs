//! Search: a Pagefind bundle with one index per language and the `offer`
//! filter, a localized search box on every page, and a way to turn it off.

use std::io::Read;

use crate::harness::Site;

fn site() -> Site {
    let site = Site::empty();
    site.write("content/en/all.md", "---\ntitle: For everyone\n---\n\nShift planning for all.\n");
    site.write(
        "content/en/pro.md",
        "---\ntitle: Pro things\nproduct_label: [advanced, enterprise]\n---\n\nForecast.\n",
    );
    site.write("content/en/old.md", "---\ntitle: Old things\nproduct_label: [classic]\n---\n\nLegacy.\n");
    site.write("content/fr/pro.md", "---\ntitle: Fonctions pro\nproduct_label: [advanced]\n---\n\nPrévision.\n");
    site
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("a gzip file");
    out
}

#[test]
fn one_index_per_language_with_the_offer_filter() {
    let site = site();
    site.build_ok();
    // Only articles are indexed: 3 in English; in French the translated one
    // and the 2 fallbacks, which French readers browse too.
    for (lang, pages) in [("en", 3), ("fr", 3)] {
        let entry: serde_json::Value =
            serde_json::from_str(&site.output(&format!("{lang}/pagefind/pagefind-entry.json"))).unwrap();
        let languages = entry["languages"].as_object().expect("languages");
        assert_eq!(languages.keys().collect::<Vec<_>>(), [lang], "one language per bundle");
        assert_eq!(languages[lang]["page_count"], pages, "{lang}");
        let filters: Vec<_> =
            std::fs::read_dir(site.path(&format!("public/{lang}/pagefind/filter"))).unwrap().collect();
        assert_eq!(filters.len(), 1, "one filter file in {lang}");
        let path = filters.into_iter().next().unwrap().unwrap().path();
        let text = String::from_utf8_lossy(&gunzip(&std::fs::read(&path).unwrap())).into_owned();
        for value in ["offer", "essential", "advanced", "enterprise", "classic"] {
            assert!(text.contains(value), "{} lacks {value}", path.display());
        }
        // Pagefind's own UIs are left out: the theme has its own search box.
        assert!(site.path(&format!("public/{lang}/pagefind/pagefind.js")).is_file());
        assert!(!site.path(&format!("public/{lang}/pagefind/pagefind-ui.js")).exists());
    }
}

/// The indexed text of each page of a language, decompressed.
fn fragments(site: &Site, lang: &str) -> Vec<serde_json::Value> {
    let dir = site.path(&format!("public/{lang}/pagefind/fragment"));
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let bytes = gunzip(&std::fs::read(entry.unwrap().path()).unwrap());
            let json = bytes.strip_prefix(b"pagefind_dcd".as_slice()).expect("a Pagefind fragment");
            serde_json::from_slice(json).unwrap()
        })
        .collect()
}

#[test]
fn the_index_holds_the_article_text_and_offers_as_filters_only() {
    let site = site();
    site.build_ok();
    let pro = fragments(&site, "en").into_iter().find(|f| f["url"] == "/en/pro/").expect("/en/pro/ is indexed");
    let content = pro["content"].as_str().unwrap();
    assert!(content.contains("Pro things") && content.contains("Forecast"), "{content}");
    // The badges' label and offer names would make every labelled article
    // match its offer's name.
    assert!(!content.contains("Available") && !content.contains("Advanced"), "{content}");
    assert_eq!(pro["filters"]["offer"], serde_json::json!(["advanced", "enterprise"]));
}

#[test]
fn articles_carry_their_offers_and_unlabelled_ones_every_offer() {
    let site = site();
    site.build_ok();
    let filters =
        |path: &str| site.html(path).attrs("[data-pagefind-body] [data-pagefind-filter]", "data-pagefind-filter");
    assert_eq!(filters("en/pro/index.html"), ["offer:advanced", "offer:enterprise"]);
    assert_eq!(filters("en/old/index.html"), ["offer:classic"]);
    assert_eq!(
        filters("en/all/index.html"),
        ["offer:essential", "offer:advanced", "offer:enterprise", "offer:classic", "offer:enterprise-on-premise"]
    );
    // The body is the article; the home page and offer pages are not indexed.
    assert_eq!(site.html("en/pro/index.html").select("[data-pagefind-body]").len(), 1);
    assert!(site.html("en/index.html").select("[data-pagefind-body]").is_empty());
    assert!(site.html("en/offers/advanced/index.html").select("[data-pagefind-body]").is_empty());
}

#[test]
fn every_page_has_a_localized_search_box() {
    let site = site();
    site.build_ok();
    for path in
        ["en/index.html", "en/pro/index.html", "fr/pro/index.html", "fr/offers/classic/index.html", "en/404.html"]
    {
        let page = site.html(path);
        let lang = &path[..2];
        assert_eq!(page.attr("form[role=search]", "data-search"), format!("/{lang}/pagefind/"), "{path}");
        // Search needs JavaScript: the box is for pages where it runs
        // (early.js marks them before the first paint, so nothing moves).
        assert!(page.attr("form[role=search]", "class").split(' ').any(|c| c == "needs-js"), "{path}");
        assert!(page.one("form[role=search]").value().attr("hidden").is_none(), "{path}");
        assert_eq!(page.attr("form[role=search] label", "for"), "search-input");
        let js = format!("/{}js/", site.assets());
        assert_eq!(
            page.attrs("script[src]", "src"),
            [format!("{js}early.js"), format!("{js}site.js"), format!("{js}search.js")],
            "{path}"
        );
        for script in page.attrs("script[src]", "src") {
            assert!(site.path(&format!("public{script}")).is_file(), "{script} is missing");
        }
    }
    let fr = site.html("fr/pro/index.html");
    assert_eq!(fr.text("form[role=search] label"), "Rechercher dans le centre d’aide");
    assert_eq!(fr.attr("form[role=search]", "data-none"), "Aucun résultat pour « {query} ».");
    assert_eq!(
        site.html("en/pro/index.html").attr("form[role=search]", "data-results"),
        "Results for “{query}”: {count}"
    );
}

#[test]
fn search_can_be_turned_off_by_the_site_or_for_one_build() {
    let site = site();
    let run = site.build(&["--no-search"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.path("public/en/pagefind").exists());
    assert!(site.html("en/pro/index.html").select("form[role=search]").is_empty());
    let js = format!("/{}js/", site.assets());
    assert_eq!(
        site.html("en/pro/index.html").attrs("script[src]", "src"),
        [format!("{js}early.js"), format!("{js}site.js")]
    );

    site.write("helpgen.toml", "search = false\n");
    site.build_ok();
    assert!(!site.path("public/en/pagefind").exists());
    site.write("helpgen.toml", "search = true\n");
    site.build_ok();
    assert!(site.path("public/en/pagefind/pagefind-entry.json").is_file());
}

/// Every file of a language's bundle, by path below `public/<lang>/pagefind`.
fn bundle(site: &Site, lang: &str) -> Vec<(String, Vec<u8>)> {
    let root = site.path(&format!("public/{lang}/pagefind"));
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(&root).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_search_cache_reindexes_only_the_languages_that_changed() {
    let site = site();
    site.write("helpgen.toml", "search_cache = \".search-cache\"\n");
    let first = site.build_ok();
    assert!(!first.stderr.contains("taken from the cache"), "{}", first.stderr);
    let (en, fr) = (bundle(&site, "en"), bundle(&site, "fr"));
    assert!(site.path(".search-cache/en/digest").is_file());

    // Nothing changed: both bundles are taken, as they were.
    let again = site.build_ok();
    assert!(again.stderr.contains("Search: 2 of 2 indexes unchanged"), "{}", again.stderr);
    assert_eq!((bundle(&site, "en"), bundle(&site, "fr")), (en.clone(), fr.clone()));

    // A French edit: French is indexed again and finds the new word; English is taken.
    site.write(
        "content/fr/pro.md",
        "---\ntitle: Fonctions pro\nproduct_label: [advanced]\n---\n\nPrévision hebdomadaire.\n",
    );
    let edited = site.build_ok();
    assert!(edited.stderr.contains("Search: 1 of 2 indexes unchanged"), "{}", edited.stderr);
    assert_eq!(bundle(&site, "en"), en);
    assert_ne!(bundle(&site, "fr"), fr);

    // The flag names another folder; a cache that cannot be used only costs time.
    // A folder that cannot be made: every build indexes, and succeeds.
    site.write("helpgen.toml", "search_cache = \"helpgen.toml/not-a-folder\"\n");
    site.build_ok();
    let unusable = site.build_ok();
    assert!(!unusable.stderr.contains("taken from the cache"), "{}", unusable.stderr);
    assert_eq!(bundle(&site, "en"), en);
    let elsewhere = site.path("elsewhere").display().to_string();
    site.build(&["--search-cache", &elsewhere]);
    assert!(site.build(&["--search-cache", &elsewhere]).stderr.contains("Search: 2 of 2 indexes unchanged"));
}

/// Two pages per index: each language comes in two parts, and an edit
/// makes only its own part again.
#[test]
fn a_search_cache_reindexes_only_the_part_that_changed() {
    let site = site();
    site.write("helpgen.toml", "search_cache = \".search-cache\"\nsearch_pages_per_index = 2\n");
    site.build_ok();
    assert!(site.build_ok().stderr.contains("Search: 4 of 4 indexes unchanged"));
    // English in reading order: For everyone, Old things | Pro things.
    let first = bundle(&site, "en").into_iter().filter(|(path, _)| !path.starts_with("part/")).collect::<Vec<_>>();
    site.write("content/en/pro.md", "---\ntitle: Pro things\nproduct_label: [advanced]\n---\n\nForecasts.\n");
    let edited = site.build_ok();
    assert!(edited.stderr.contains("Search: 3 of 4 indexes unchanged"), "{}", edited.stderr);
    let kept = bundle(&site, "en").into_iter().filter(|(path, _)| !path.starts_with("part/")).collect::<Vec<_>>();
    assert_eq!(kept, first);
    assert_eq!(site.output("en/pagefind/parts.json"), r#"["part/1/"]"#);
    // Hosts cache each part's content-named files as long as the first's.
    let headers = site.output("_headers");
    assert!(headers.contains("/en/pagefind/part/1/fragment/*\n  Cache-Control: public"), "{headers}");
    assert!(!headers.contains("/en/pagefind/part/2/"), "{headers}");
}
