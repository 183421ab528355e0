//! The pages' own Content-Security-Policy, served with no header: script
//! that reached a page (here because the site turned the checks off) does
//! not run, while the theme, style attributes and search still work.

use std::time::Duration;

use super::webdriver::{Driver, Session};
use super::{browser_available, search, servers, unexpected_errors};
use crate::harness::Site;

const CHECKS_OFF: &str = "[checks]\n\"security.script\" = \"off\"\n\"security.event-handler\" = \"off\"\n";

const ARTICLE: &str = "---\ntitle: Planning\n---\n\nShift planning basics.\n\n\
<script>document.documentElement.dataset.ran = 'script'</script>\n\n\
<img src=\"missing.png\" alt=\"\" onerror=\"document.documentElement.dataset.ran = 'handler'\">\n\n\
<p id=\"styled\" style=\"color: rgb(200, 0, 0)\">Styled by its attribute.</p>\n\n\
| Left | Centred |\n| --- | :---: |\n| a | b |\n";

/// Builds the article with `config` and opens it from a server that sends
/// no policy; returns what the page's scripts and styles did.
fn open(session: &Session, config: &str) -> (String, String, String) {
    let site = Site::empty();
    site.write("helpgen.toml", config);
    site.write("content/en/planning.md", ARTICLE);
    site.build_ok();
    let port = servers::serve_site(&site.path("public"), "");
    session.goto(&format!("http://127.0.0.1:{port}/en/planning/"));
    // The broken image's error event has fired once the image is complete.
    let settled = session.wait_for("return document.querySelector('main img').complete", Duration::from_secs(10));
    assert_eq!(settled, true, "the image never settled");
    let ran = session.run("return document.documentElement.dataset.ran || ''");
    let colour = session.run("return getComputedStyle(document.getElementById('styled')).color");
    let align = session.run("return getComputedStyle(document.querySelector('main td:nth-child(2)')).textAlign");
    let text = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    (text(ran), text(colour), text(align))
}

#[test]
fn script_that_reaches_a_page_does_not_run_under_its_own_policy() {
    if !browser_available() {
        return;
    }
    let driver = Driver::start();
    let session = driver.session(&[]);
    // Without the policy the same page runs both: the test can tell.
    let (ran, _, _) = open(&session, &format!("{CHECKS_OFF}[security]\ncontent_security_policy = \"\"\n"));
    assert!(ran == "script" || ran == "handler", "without a policy the script should run, got {ran:?}");

    let (ran, colour, align) = open(&session, CHECKS_OFF);
    assert_eq!(ran, "", "the page's policy let content script run");
    assert_eq!(colour, "rgb(200, 0, 0)", "style attributes should still apply");
    assert_eq!(align, "center", "table alignment should still apply");
    let errors: Vec<String> = unexpected_errors(&session, &[])
        .into_iter()
        .filter(|e| !e.contains("Content Security Policy") && !e.contains("missing.png"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn search_works_under_the_pages_own_policy() {
    if !browser_available() {
        return;
    }
    let site = Site::empty();
    site.write("content/en/planning.md", "---\ntitle: Planning\n---\n\nShift planning basics.\n");
    site.build_ok();
    let port = servers::serve_site(&site.path("public"), "");
    let driver = Driver::start();
    let session = driver.session(&[]);
    let found = search(&session, &format!("http://127.0.0.1:{port}/en/"), "planning", "Results for “planning”: 1");
    assert_eq!(found, ["Planning"]);
    let errors = unexpected_errors(&session, &[]);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
