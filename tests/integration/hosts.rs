//! Files for static hosts: `_redirects` beside the redirect pages, the
//! warning when it outgrows Cloudflare Pages' limit, and the root files a
//! redirect may not take.

use crate::harness::Site;

#[test]
fn redirects_are_also_written_for_hosts() {
    let site = Site::empty();
    site.write("helpgen.toml", "base_url = \"https://help.example.com/docs/\"\n");
    site.write(
        "content/en/guide/new.md",
        "---\ntitle: New\nredirect_from:\n  - /old-article/\n  - /legacy/page.html\n---\n\nText.\n",
    );
    site.write("content/en/guide/gone.md", "---\ntitle: Gone\nredirect_to: https://elsewhere.example.com/x\n---\n");
    site.build_ok();
    let rules = site.output("_redirects");
    let lines: Vec<&str> = rules.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            "/docs/legacy/page.html /docs/en/new/ 301",
            "/docs/old-article/ /docs/en/new/ 301",
            "/docs/en/gone/ https://elsewhere.example.com/x 301",
        ]
    );
    // The pages stay, for hosts that read no `_redirects`.
    assert!(site.output("old-article/index.html").contains("/docs/en/new/"));
    // Without redirects, no file.
    let plain = Site::empty();
    plain.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    plain.build_ok();
    assert!(!plain.path("public/_redirects").exists());
}

#[test]
fn more_redirects_than_cloudflare_reads_is_a_positioned_warning() {
    let site = Site::empty();
    let old: String = (0..2_001).map(|n| format!("  - /old-{n}/\n")).collect();
    site.write("content/en/a.md", format!("---\ntitle: A\nredirect_from:\n{old}---\n\nText.\n"));
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    assert!(run.stderr.contains("warning[redirect.host-limit]: 2001 redirects"), "{}", run.stderr);
    assert!(run.stderr.contains("content/en/a.md:"), "{}", run.stderr);
    assert_eq!(site.output("_redirects").lines().count(), 2_002);
}

#[test]
fn root_files_helpgen_writes_cannot_be_redirects() {
    let site = Site::empty();
    site.write("content/en/a.md", "---\ntitle: A\nredirect_from:\n  - /robots.txt\n  - /llms.txt\n---\n\nText.\n");
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert_eq!(run.stderr.matches("error[redirect.collision]").count(), 2, "{}", run.stderr);
    assert!(run.stderr.contains("`/robots.txt` is written by helpgen"), "{}", run.stderr);
}

#[test]
fn the_root_404_offers_every_language() {
    let site = Site::empty();
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    site.write("content/fr/a.md", "---\ntitle: A\n---\n\nTexte.\n");
    site.build_ok();
    let root = site.html("404.html");
    assert_eq!(root.attrs(".language-list a", "href"), ["/en/", "/fr/"]);
    assert_eq!(root.attrs(".language-list a", "lang"), ["en", "fr"]);
    // A language's own 404 stays in its language.
    let fr = site.html("fr/404.html");
    assert!(fr.select(".language-list").is_empty());
    assert_eq!(fr.attr("html", "lang"), "fr");
    // Hosts' header rules: the pages' policy, and caching by kind.
    let headers = site.output("_headers");
    assert!(headers.contains("/*\n  X-Content-Type-Options: nosniff\n"), "{headers}");
    let policy = site.html("en/a/index.html").attr("meta[http-equiv=Content-Security-Policy]", "content");
    assert!(headers.contains(&format!("  Content-Security-Policy: {policy}; frame-ancestors 'self'\n")), "{headers}");
    assert!(headers.contains("/fr/pagefind/fragment/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
    // Theme assets are in a folder named by their content, cached for a
    // year; every page takes them from there.
    let assets = site.assets();
    assert!(
        headers.contains(&format!("/{assets}*\n  Cache-Control: public, max-age=31536000, immutable\n")),
        "{headers}"
    );
    let page = site.html("en/a/index.html");
    for url in page.attrs("link[rel=stylesheet]", "href").into_iter().chain(page.attrs("script[src]", "src")) {
        assert!(url.starts_with(&format!("/{assets}")), "{url}");
        assert!(site.path(&format!("public{url}")).is_file(), "{url}");
    }
}

/// The sitemap protocol allows 50,000 URLs per file: a larger site gets an
/// index of several sitemaps. Built for real, from 50,001 generated
/// articles (about 20 s in a debug build).
#[test]
fn a_site_of_more_than_50000_urls_gets_a_sitemap_index() {
    const ARTICLES: usize = 50_001;
    let site = Site::empty();
    site.write("helpgen.toml", "base_url = \"https://help.example.com/\"\n");
    site.write("content/en/a0.md", "---\ntitle: Article 0\n---\n\nText.\n");
    let folder = site.path("content/en");
    for i in 1..ARTICLES {
        let text = format!("---\ntitle: Article {i}\n---\n\nText.\n");
        std::fs::write(folder.join(format!("a{i}.md")), text).expect("an article");
    }
    assert_eq!(site.build(&["--no-search", "--quiet"]).code, 0);
    let index = site.output("sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index}");
    let locs = |xml: &str| -> Vec<String> {
        xml.split("<loc>").skip(1).map(|rest| rest.split_once("</loc>").expect("closed").0.to_string()).collect()
    };
    let files = locs(&index);
    assert_eq!(files, ["https://help.example.com/sitemap-1.xml", "https://help.example.com/sitemap-2.xml"]);
    let mut urls = Vec::new();
    for file in &files {
        let xml = site.output(file.strip_prefix("https://help.example.com/").expect("on the site"));
        assert!(xml.contains("<urlset"), "{file}");
        let found = locs(&xml);
        assert!(found.len() <= 50_000, "{file}: {}", found.len());
        urls.extend(found);
    }
    // Every article once, besides the home and offer pages.
    let total = urls.len();
    urls.sort_unstable();
    urls.dedup();
    assert_eq!(urls.len(), total);
    let articles = urls.iter().filter(|u| u.starts_with("https://help.example.com/en/a")).count();
    assert_eq!(articles, ARTICLES);
    assert!(urls.contains(&"https://help.example.com/en/a50000/".to_string()));
    assert!(site.output("robots.txt").contains("Sitemap: https://help.example.com/sitemap.xml"));
}
