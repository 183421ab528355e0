//! The default theme in a real browser, on the repository's sample help
//! center: nothing moves while a page loads (layout shift measured by the
//! browser), nothing is wider than the screen (search open too), axe finds
//! nothing in light or dark, and screenshots are saved for people to look at.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::webdriver::{Driver, Session};
use super::{browser_available, servers};
use crate::harness::{helpgen, Site};

/// The pages a reader meets first: home, an article, the requirements with
/// the check, a fallback page and an offer page.
const PAGES: &[(&str, &str)] = &[
    ("home", "/en/"),
    ("article", "/fr/configure-edge-internet-explorer-mode/"),
    ("requirements", "/en/technical-requirements/"),
    ("fallback", "/de/install-cloud-link/"),
    ("offer", "/en/offers/enterprise/"),
];
const WIDTHS: &[u32] = &[360, 390, 768, 1280];

/// Where screenshots go: target/screenshots, kept after the run.
fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// axe-core, installed by .ci/run; None where it is not installed.
fn axe_source() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path).ok();
    if source.is_none() {
        let message = format!("axe checks skipped: {} is missing (.ci/run installs it)", path.display());
        assert!(std::env::var_os("HELPGEN_REQUIRE_BROWSER").is_none(), "{message}");
        eprintln!("{message}");
    }
    source
}

/// Registers, once per session, a layout-shift observer that runs in every
/// page before anything is drawn.
fn observe_layout_shift(session: &Session) {
    session.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": "window.__shift = 0; new PerformanceObserver(list => { \
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; \
            }).observe({ type: 'layout-shift', buffered: true });" }),
    );
}

/// Loads `url` and returns its layout shift once the page has settled.
fn layout_shift(session: &Session, url: &str) -> f64 {
    session.goto(url);
    session.wait_for("return document.readyState === 'complete'", Duration::from_secs(10));
    // Module scripts and fonts have run and settled well within this.
    std::thread::sleep(Duration::from_millis(700));
    session.run("return window.__shift").as_f64().expect("a layout shift")
}

fn overflow(session: &Session) -> i64 {
    session.run("return document.documentElement.scrollWidth - window.innerWidth").as_i64().expect("a width")
}

fn axe_violations(session: &Session, axe: &str) -> Vec<String> {
    session.run(&format!(
        "{axe}\nwindow.__axe = null; axe.run(document, {{ resultTypes: ['violations'] }}).then(r => {{ window.__axe = \
         r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }});"
    ));
    let found = session.wait_for("return window.__axe", Duration::from_secs(30));
    found.as_array().expect("axe finished").iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn the_theme_is_stable_fits_every_width_and_passes_axe_in_light_and_dark() {
    if !browser_available() {
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let public = out.path().join("public");
    let root = env!("CARGO_MANIFEST_DIR");
    let run = helpgen(&["build", "--root", root, "--output", public.to_str().expect("path"), "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let port = servers::serve_site(&public, servers::CSP_WITH_SEARCH);
    let driver = Driver::start();
    let session = driver.session(&[]);
    observe_layout_shift(&session);
    let axe = axe_source();
    let shots = screenshot_dir();
    let mut problems = Vec::new();
    for dark in [false, true] {
        for &width in WIDTHS {
            session.emulate(width, if width < 600 { 844 } else { 900 }, dark);
            for (name, path) in PAGES {
                let url = format!("http://127.0.0.1:{port}{path}");
                let place = format!("{path} at {width}px{}", if dark { ", dark" } else { "" });
                let shift = layout_shift(&session, &url);
                if shift >= 0.01 {
                    problems.push(format!("{place}: layout shift {shift:.3}"));
                }
                if overflow(&session) > 0 {
                    problems.push(format!("{place}: {} px wider than the screen", overflow(&session)));
                }
                if width == 1280 || width == 390 {
                    let file = format!("{name}-{width}{}.png", if dark { "-dark" } else { "" });
                    std::fs::write(shots.join(file), session.screenshot()).expect("screenshot written");
                }
                if let Some(axe) = &axe {
                    for violation in axe_violations(&session, axe) {
                        problems.push(format!("{place}: axe {violation}"));
                    }
                }
                // The search panel stays inside the screen too.
                session.type_into("#search-input", "firewall");
                let open = session
                    .wait_for("return !document.querySelector('[data-search-panel]').hidden", Duration::from_secs(15));
                assert_eq!(open, true, "{place}: the search panel did not open");
                let right = session.run(
                    "return document.querySelector('[data-search-panel]').getBoundingClientRect().right - window.innerWidth",
                );
                if overflow(&session) > 0 || right.as_f64().unwrap_or(0.0) > 0.0 {
                    problems.push(format!("{place}: the open search runs past the screen ({right})"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn search_keys_a_nonsense_word_and_closing() {
    if !browser_available() {
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let public = out.path().join("public");
    let run = helpgen(&[
        "build",
        "--root",
        env!("CARGO_MANIFEST_DIR"),
        "--output",
        public.to_str().expect("path"),
        "--quiet",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let port = servers::serve_site(&public, servers::CSP_WITH_SEARCH);
    let driver = Driver::start();
    let session = driver.session(&[]);
    let status = "return document.querySelector('[data-search-status]').textContent";
    // A word found on no page finds nothing, in every language.
    for (lang, none) in [("en", "No results"), ("fr", "Aucun résultat"), ("de", "Keine Ergebnisse")] {
        session.goto(&format!("http://127.0.0.1:{port}/{lang}/install-cloud-link/"));
        session.type_into("#search-input", "asdfghjkl");
        let shown = session.wait_for(status, Duration::from_secs(15));
        assert!(shown.as_str().is_some_and(|s| s.starts_with(none)), "{lang}: {shown}");
    }
    // Ctrl+K reaches the box from anywhere; arrows walk the results; Esc closes.
    session.goto(&format!("http://127.0.0.1:{port}/en/install-cloud-link/"));
    session.run(
        "document.body.focus(); document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));",
    );
    assert_eq!(session.run("return document.activeElement.id"), "search-input");
    session.type_into("#search-input", "firewall");
    session.wait_for("return document.querySelectorAll('#search-results a').length", Duration::from_secs(15));
    session.type_into("#search-input", "\u{E015}"); // ArrowDown
    let focused = session.run("return document.activeElement.outerHTML.slice(0, 120)");
    assert_eq!(
        session.run("return document.activeElement === document.querySelector('#search-results a')"),
        true,
        "{focused}"
    );
    session.type_into("#search-results a", "\u{E00C}"); // Escape
    assert_eq!(session.run("return document.querySelector('[data-search-panel]').hidden"), true);
    assert_eq!(session.run("return document.activeElement.id"), "search-input");
    // A click elsewhere closes it too.
    session.type_into("#search-input", "s");
    session.wait_for("return !document.querySelector('[data-search-panel]').hidden", Duration::from_secs(15));
    session.run("document.querySelector('.site-footer p').click()");
    assert_eq!(session.run("return document.querySelector('[data-search-panel]').hidden"), true);
}

#[test]
fn an_answer_to_was_this_helpful_is_sent_on_the_click_only() {
    if !browser_available() {
        return;
    }
    let (answers, seen) = servers::record_requests();
    let site = Site::empty();
    site.write("content/en/guide/pro.md", "---\ntitle: Pro tips\nproduct_label: [advanced]\n---\n\nText.\n");
    site.write("helpgen.toml", format!("[feedback]\nurl = \"http://127.0.0.1:{answers}/answers\"\n"));
    site.build_ok();
    // No policy from the server: the page's own must let the answer out.
    let port = servers::serve_site(&site.path("public"), "");
    let driver = Driver::start();
    let session = driver.session(&[]);
    session.goto(&format!("http://127.0.0.1:{port}/en/pro/?offer=advanced"));
    session.wait_for("return document.readyState === 'complete'", Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(300));
    assert!(seen.lock().expect("log").is_empty(), "sent before any click");
    session.click(".feedback button[value=no]");
    let thanks = session
        .wait_for("return document.querySelector('[data-feedback-status]').textContent", Duration::from_secs(10));
    assert_eq!(thanks, "Thank you for your answer.");
    assert_eq!(session.run("return document.querySelector('[data-feedback]').hidden"), true);
    let sent = seen.lock().expect("log").clone();
    assert_eq!(sent.len(), 1, "{sent:?}");
    let query = sent[0].strip_prefix("/answers?").unwrap_or_else(|| panic!("{sent:?}"));
    let mut fields: Vec<&str> = query.split('&').collect();
    fields.sort_unstable();
    assert_eq!(fields, ["helpful=no", "lang=en", "offer=advanced", "page=%2Fen%2Fpro%2F"]);
    let errors = super::unexpected_errors(&session, &[]);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn copy_as_markdown_puts_the_twin_on_the_clipboard() {
    if !browser_available() {
        return;
    }
    let site = Site::empty();
    site.write(
        "content/en/guide/pro.md",
        "---\ntitle: Pro tips\n---\n\nClick _Plan_{:.menu-item}, then see {% link_new Start | guide/start.md %}.\n",
    );
    site.write("content/en/guide/start.md", "---\ntitle: Start\n---\n\nText.\n");
    site.build_ok();
    let twin = site.output("en/pro/index.md");
    // Under the policy the pages carry: the download is the site's own.
    let port = servers::serve_site(&site.path("public"), "");
    let driver = Driver::start();
    let session = driver.session(&[]);
    let origin = format!("http://127.0.0.1:{port}");
    session.devtools(
        "Browser.grantPermissions",
        serde_json::json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    );
    session.goto(&format!("{origin}/en/pro/"));
    session.wait_for("return document.readyState === 'complete'", Duration::from_secs(10));
    session.click("[data-copy-markdown]");
    let status =
        session.wait_for("return document.querySelector('[data-copy-status]').textContent", Duration::from_secs(10));
    assert_eq!(status, "Copied as Markdown.");
    session.run("navigator.clipboard.readText().then(t => window.copied = t, e => window.copied = 'failed: ' + e)");
    let copied = session.wait_for("return window.copied", Duration::from_secs(10));
    assert_eq!(copied.as_str(), Some(twin.as_str()));
    assert!(twin.contains("Click _Plan_, then see [Start]("), "{twin}");
    // Without the twin (a host that drops .md files), the reader is told.
    std::fs::remove_file(site.path("public/en/pro/index.md")).expect("remove the twin");
    session.goto(&format!("{origin}/en/pro/"));
    session.wait_for("return document.readyState === 'complete'", Duration::from_secs(10));
    session.click("[data-copy-markdown]");
    let status =
        session.wait_for("return document.querySelector('[data-copy-status]').textContent", Duration::from_secs(10));
    assert!(status.as_str().is_some_and(|s| s.starts_with("The article could not be copied.")), "{status}");
    let errors = super::unexpected_errors(&session, &["/en/pro/index.md".to_string()]);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
