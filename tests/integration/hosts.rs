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
