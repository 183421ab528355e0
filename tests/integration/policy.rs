//! The Content-Security-Policy pages carry, and pages that pass it
//! themselves: no inline script, no handler, nothing loaded from elsewhere.

use scraper::{Html, Selector};

use crate::harness::{helpgen, Site};

fn policy_of(html: &str) -> Option<String> {
    let page = Html::parse_document(html);
    let meta = Selector::parse("head meta[http-equiv=Content-Security-Policy]").unwrap();
    page.select(&meta).next().map(|m| m.value().attr("content").unwrap_or_default().to_string())
}

fn directive(policy: &str, name: &str) -> String {
    policy.split("; ").find_map(|d| d.strip_prefix(&format!("{name} "))).unwrap_or_default().to_string()
}

/// What in a page its own policy would block.
fn violations(html: &str) -> Vec<String> {
    let page = Html::parse_document(html);
    let mut found = Vec::new();
    let all = Selector::parse("*").unwrap();
    let mut policy_seen = false;
    for element in page.select(&all) {
        let e = element.value();
        if e.name() == "meta" && e.attr("http-equiv") == Some("Content-Security-Policy") {
            policy_seen = true;
        }
        let loads = matches!(e.name(), "script" | "link" | "style" | "img");
        if loads && !policy_seen {
            found.push(format!("<{}> before the policy", e.name()));
        }
        match (e.name(), e.attr("src"), e.attr("type")) {
            ("script", None, Some("application/json" | "application/ld+json")) => {}
            ("script", None, _) => found.push("an inline <script>".into()),
            ("script", Some(src), _) if src.contains("//") => found.push(format!("a script from {src}")),
            ("style", ..) => found.push("a <style> element".into()),
            _ => {}
        }
        if e.name() == "link" && e.attr("rel") == Some("stylesheet") && e.attr("href").is_some_and(|h| h.contains("//"))
        {
            found.push(format!("a stylesheet from {:?}", e.attr("href")));
        }
        for (name, value) in e.attrs() {
            if name.starts_with("on") {
                found.push(format!("a {name} handler"));
            }
            if value.trim_start().to_ascii_lowercase().starts_with("javascript:") {
                found.push(format!("a javascript: URL in {name}"));
            }
        }
    }
    found
}

#[test]
fn every_page_of_the_sample_carries_a_policy_it_passes() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let run = helpgen(&["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output", output.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html")
            || entry.path().components().any(|c| c.as_os_str() == "pagefind")
        {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let policy = policy_of(&html).unwrap_or_else(|| panic!("{} carries no policy", entry.path().display()));
        assert_eq!(directive(&policy, "script-src"), "'self' 'wasm-unsafe-eval'", "{policy}");
        assert_eq!(directive(&policy, "object-src"), "'none'");
        // The sample's self-check contacts the endpoints of its data.
        assert!(directive(&policy, "connect-src").contains("wss://"), "{policy}");
        assert_eq!(violations(&html), Vec::<String>::new(), "{}", entry.path().display());
        pages += 1;
    }
    assert!(pages >= 40, "only {pages} pages");
}

#[test]
fn the_policy_check_finds_what_a_page_must_not_have() {
    let page = "<html><head><script>x()</script><meta http-equiv=Content-Security-Policy content=\"default-src 'self'\">\
                </head><body><img src=a.png onerror=\"x()\"><a href=\" javascript:x()\">x</a><style>p{}</style></body></html>";
    assert_eq!(
        violations(page),
        [
            "<script> before the policy",
            "an inline <script>",
            "a onerror handler",
            "a javascript: URL in href",
            "a <style> element"
        ]
    );
}

/// A trusted video host is a frame source; a site may also give its own
/// policy, or none.
#[test]
fn the_site_shapes_the_policy_in_helpgen_toml() {
    let site = Site::empty();
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    site.write(
        "helpgen.toml",
        "search = false\n[security]\nallow_frames_from = [\"https://player.example.org/embed/\"]\n",
    );
    site.build_ok();
    let policy = policy_of(&site.output("en/a/index.html")).expect("a policy");
    assert_eq!(directive(&policy, "frame-src"), "https://player.example.org/embed/");
    assert_eq!(directive(&policy, "script-src"), "'self'");

    site.write("helpgen.toml", "[security]\ncontent_security_policy = \"default-src 'self'\"\n");
    site.build_ok();
    assert_eq!(policy_of(&site.output("en/a/index.html")).as_deref(), Some("default-src 'self'"));
    site.write("helpgen.toml", "[security]\ncontent_security_policy = \"\"\n");
    site.build_ok();
    assert_eq!(policy_of(&site.output("en/a/index.html")), None);
}

#[test]
fn a_frame_address_that_cannot_be_a_policy_source_is_a_config_error() {
    let site = Site::empty();
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    for bad in ["http://player.example.org/", "https://player.example.org/'; script-src *", "player.example.org"] {
        site.write("helpgen.toml", format!("[security]\nallow_frames_from = [\"{bad}\"]\n"));
        let run = site.build(&[]);
        assert_ne!(run.code, 0, "{bad} was accepted");
        assert!(run.stderr.contains("helpgen.toml") && run.stderr.contains("allow_frames_from"), "{}", run.stderr);
    }
}
