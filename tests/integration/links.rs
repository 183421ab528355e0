//! Links of every kind, checked like link_new and resolved per language,
//! and `redirect_from` pages.

use crate::harness::Site;

fn site() -> Site {
    let site = Site::empty();
    site.write("helpgen.toml", "base_url = \"https://help.example.com/\"\nlanguages = [\"en\", \"de\"]\n");
    site.write(
        "content/en/guide/setup.md",
        "---\ntitle: Setup\nredirect_from:\n  - /manage-workloads/\n  - /old/setup.html\n---\n\n## Übersicht\n\n<a id=\"legacy-anchor\"></a>Text.\n",
    );
    site.write(
        "content/de/guide/setup.md",
        "---\ntitle: Einrichtung\n---\n\n## Übersicht\n\n<a id=\"legacy-anchor\"></a>Text.\n",
    );
    site.write("content/en/faq/edge.md", "---\ntitle: Edge\n---\n\n## Modes\n");
    let links = "\
- [relative](setup.md#%C3%BCbersicht)
- [rooted](/faq/edge.md#modes)
- [slug](/edge)
- [language and slug](/de/setup/)
- [old url](/manage-workloads#legacy-anchor)
- [same page](#intro)
- [new window](https://example.com){:target=\"_blank\" rel=\"noopener\"}
- [file](/files/guide.pdf)
- {% link_new accents | guide/setup.md | #übersicht %}
- {% link_new encoded | guide/setup.md | #%C3%BCbersicht %}

## Intro
";
    site.write("content/en/guide/links.md", format!("---\ntitle: Links\n---\n\n{links}"));
    site.write("content/de/guide/links.md", format!("---\ntitle: Verweise\n---\n\n{links}"));
    site
}

#[test]
fn every_kind_of_link_resolves_in_the_reader_language() {
    let site = site();
    site.build_ok();
    let expected = |lang: &str| {
        vec![
            format!("/{lang}/setup/#übersicht"),
            format!("/{lang}/edge/#modes"),
            format!("/{lang}/edge/"),
            "/de/setup/".to_string(),
            format!("/{lang}/setup/#legacy-anchor"),
            "#intro".to_string(),
            "https://example.com".to_string(),
            "/files/guide.pdf".to_string(),
            format!("/{lang}/setup/#übersicht"),
            // Browsers decode a fragment; the check compares decoded ids.
            format!("/{lang}/setup/#übersicht"),
        ]
    };
    for lang in ["en", "de"] {
        let page = site.html(&format!("{lang}/links/index.html"));
        assert_eq!(page.attrs(".article-body li a", "href"), expected(lang), "{lang}");
    }
    let de = site.html("de/links/index.html");
    // Edge has no German text: links to it say which language they get.
    assert_eq!(de.attr(".article-body li:nth-child(2) a", "hreflang"), "en");
    let new_window = de.one(".article-body a[target=_blank]");
    assert_eq!(new_window.value().attr("rel"), Some("noopener"));
    assert_eq!(de.attr(".article-body h2", "id"), "intro");
}

#[test]
fn redirect_pages_point_at_the_article() {
    let site = site();
    site.build_ok();
    for old in ["manage-workloads/index.html", "old/setup.html"] {
        let page = site.html(old);
        assert_eq!(page.attr("meta[http-equiv=refresh]", "content"), "0; url=/en/setup/", "{old}");
        assert_eq!(page.attr("link[rel=canonical]", "href"), "/en/setup/", "{old}");
    }
}

#[test]
fn broken_links_are_positioned_errors() {
    let site = site();
    site.write(
        "content/en/guide/broken.md",
        "---\ntitle: Broken\n---\n\n[a](nowhere.md) [b](/no-such-slug) [c](#missing)\n[d](/faq/edge.md#nodes) [e](../../../x.md)\n",
    );
    let run = site.build(&[]);
    run.assert_reports(&[
        "error[link.missing-target]: no article `guide/nowhere.md` exists in any language\n --> content/en/guide/broken.md:5:1",
        "error[link.missing-target]: no article or redirect has the URL `/no-such-slug`\n --> content/en/guide/broken.md:5:17",
        "error[link.missing-anchor]: `content/en/guide/broken.md` has no heading or anchor with the id `missing`\n --> content/en/guide/broken.md:5:36",
        "error[link.missing-anchor]: `content/en/faq/edge.md` has no heading or anchor with the id `nodes`\n --> content/en/guide/broken.md:6:1",
        "= help: did you mean `#modes`?",
        "error[link.invalid]: the link `../../../x.md` is invalid: the path climbs out of its root folder with `..`\n --> content/en/guide/broken.md:6:25",
    ]);
}

#[test]
fn redirects_may_not_shadow_pages_or_each_other() {
    let site = site();
    site.write("content/en/faq/edge.md", "---\ntitle: Edge\nredirect_from:\n  - /en/setup/\n  - /old/setup.html\n  - /../../etc/passwd\n  - /assets/x\n---\n");
    let run = site.build(&[]);
    run.assert_reports(&[
        "error[redirect.collision]: `/en/setup/` is the URL of a real page (guide/setup.md); the redirect would hide it\n --> content/en/faq/edge.md:4:5",
        // Articles are checked in path order: faq/edge.md claims it first.
        "error[redirect.collision]: `/old/setup.html` already redirects to `faq/edge.md` (declared at content/en/faq/edge.md:5:5)\n --> content/en/guide/setup.md:5:5",
        "error[redirect.invalid]: `/../../etc/passwd` cannot be used as a URL path\n --> content/en/faq/edge.md:6:5",
        "error[redirect.collision]: `/assets/x` is the URL of a real page (`/assets` is written by helpgen)",
    ]);
}

/// `redirect_to` (jekyll-redirect-from): the article now lives elsewhere,
/// and its pages, in every language, send readers there.
#[test]
fn redirect_to_sends_the_pages_of_an_article_elsewhere() {
    let site = site();
    site.write("content/en/guide/moved.md", "---\ntitle: Moved\nredirect_to: https://new.example.com/guide/\n---\n");
    site.build_ok();
    for lang in ["en", "de"] {
        let page = site.html(&format!("{lang}/moved/index.html"));
        assert_eq!(page.attr("meta[http-equiv=refresh]", "content"), "0; url=https://new.example.com/guide/");
        // Listed nowhere: neither on the home page nor in the sitemap.
        let home = site.output(&format!("{lang}/index.html"));
        assert!(home.contains("/setup/") && !home.contains("/moved/"), "{home}");
    }
    assert!(!site.output("sitemap.xml").contains("/moved/"));
    site.write("content/en/guide/moved.md", "---\ntitle: Moved\nredirect_to: javascript:alert(1)\n---\n");
    site.build(&[]).assert_reports(&["error[redirect.invalid]: `redirect_to: javascript:alert(1)` is not a URL"]);
}

/// Links to the home pages (`/`, `/de/`), also under a base path written
/// with `{{ site.baseurl }}`, lead there and are not missing articles.
#[test]
fn links_to_home_pages_lead_there() {
    let site = Site::empty();
    site.write("helpgen.toml", "base_url = \"https://help.example.com/docs/\"\nlanguages = [\"en\", \"de\"]\n");
    site.write(
        "content/en/start.md",
        "---\ntitle: Start\n---\n\n[Home]({{ site.baseurl }}/), [German help](/de/) and [all](/).\n",
    );
    site.build_ok();
    let page = site.html("en/start/index.html");
    assert_eq!(page.attrs(".article-body a", "href"), ["/docs/", "/docs/de/", "/docs/"]);
}
