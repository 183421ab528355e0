//! The workstation check in a real browser: the built site served on
//! 127.0.0.1 under a strict Content-Security-Policy, a WebSocket server and
//! a closed port as endpoints, headless Chromium driven through chromedriver.
//! Without Chromium these tests say they are skipped; with
//! HELPGEN_REQUIRE_BROWSER=1 (as in CI) they fail instead.

mod policy;
mod serve;
mod servers;
mod theme;
mod webdriver;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::Site;
use webdriver::{Driver, Session, CHROMEDRIVER, CHROMIUM};

const DATA: &str = include_str!("../../../content/_data/requirements.yaml");

/// True when the tests can run; otherwise prints why they are skipped.
fn browser_available() -> bool {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return true;
    }
    let message = format!(
        "browser tests skipped: they need {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
    );
    assert!(std::env::var_os("HELPGEN_REQUIRE_BROWSER").is_none(), "{message}");
    eprintln!("{message}");
    false
}

/// The sample requirements with these endpoints, and Chrome's latest
/// version set to `chrome_latest`.
fn data(endpoints: &[String], chrome_latest: u32) -> String {
    let start = DATA.find("websockets:").expect("websockets in the sample data");
    let end = DATA[start..].find("\n\n").map(|i| start + i).expect("end of the websockets block");
    let urls: String = endpoints.iter().map(|url| format!("    - {url}\n")).collect();
    let urls = if urls.is_empty() { "  urls: []\n".to_string() } else { format!("  urls:\n{urls}") };
    let websockets = format!("websockets:\n{urls}  fallback_offers: [advanced]\n");
    let data = format!("{}{websockets}{}", &DATA[..start], &DATA[end..]);
    let chrome = data.find("- id: chrome").expect("chrome in the sample data");
    let latest = chrome + data[chrome..].find("latest: ").expect("chrome's latest") + "latest: ".len();
    let digits = data[latest..].find(|c: char| !c.is_ascii_digit()).expect("a number");
    format!("{}{chrome_latest}{}", &data[..latest], &data[latest + digits..])
}

/// A site with the check in an English article, built and served.
fn check_site(endpoints: impl FnOnce(u16) -> Vec<String>, chrome_latest: u32) -> (Site, u16) {
    let site = Site::empty();
    let port = servers::serve_site(&site.path("public"), servers::CSP);
    site.write("content/_data/requirements.yaml", data(&endpoints(port), chrome_latest));
    site.write("content/en/check.md", "---\ntitle: Check\n---\n\nBefore the check.\n\n{% selfcheck %}\n");
    site.build_ok();
    (site, port)
}

#[derive(Debug)]
struct Shown {
    check: String,
    verdict: String,
    name: String,
    text: String,
}

/// Opens the page, presses the button, and waits for the finished check.
/// `before_click` runs in the page first, to set up a situation.
fn run_check(session: &Session, url: &str, before_click: &str) -> (Vec<Shown>, String, Duration) {
    session.goto(url);
    let ready = session.wait_for("return !document.querySelector('[data-run]').disabled", Duration::from_secs(10));
    assert_eq!(ready, true, "the check's button was never enabled");
    session.run(before_click);
    let started = Instant::now();
    session.click("[data-run]");
    // Every result takes its place on the click, not seconds later.
    let placed = session.run("return document.querySelectorAll('[data-results] > li').length");
    assert_eq!(placed, 6, "results placed on the click");
    let done = session.wait_for(
        "const s = document.querySelector('[data-status]').textContent; return s.startsWith('Check finished') ? s : ''",
        Duration::from_secs(30),
    );
    let elapsed = started.elapsed();
    assert!(done.as_str().is_some_and(|s| !s.is_empty()), "the check did not finish: {done}");
    let shown = session.run(
        "return Array.from(document.querySelectorAll('[data-results] > li'), li => ({check: li.dataset.check, \
         verdict: li.dataset.verdict, name: li.querySelector('strong').textContent, text: li.textContent}))",
    );
    let shown = shown
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let field = |name: &str| r[name].as_str().unwrap_or_default().to_string();
            Shown { check: field("check"), verdict: field("verdict"), name: field("name"), text: field("text") }
        })
        .collect();
    let copy = session.run("return document.querySelector('[data-text]').value");
    (shown, copy.as_str().unwrap_or_default().to_string(), elapsed)
}

/// Console errors other than the browser's own lines about `expected` URLs.
fn unexpected_errors(session: &Session, expected: &[String]) -> Vec<String> {
    session
        .console()
        .into_iter()
        .filter(|(level, message)| level == "SEVERE" && !expected.iter().any(|url| message.contains(url.as_str())))
        .map(|(_, message)| message)
        .collect()
}

fn find<'a>(shown: &'a [Shown], check: &str, containing: &str) -> &'a Shown {
    shown
        .iter()
        .find(|r| r.check == check && r.text.contains(containing))
        .unwrap_or_else(|| panic!("no {check} result with {containing:?} in {shown:#?}"))
}

#[test]
fn the_check_tests_this_browser_and_the_loopback_endpoints() {
    if !browser_available() {
        return;
    }
    let driver = Driver::start();
    let session = driver.session(&[]);
    let major = session.browser_major();
    let ws_port = servers::serve_websocket();
    let closed = servers::closed_port();
    let open_ws = format!("ws://127.0.0.1:{ws_port}/");
    let closed_ws = format!("ws://127.0.0.1:{closed}/");
    let (_site, port) =
        check_site(|port| vec![format!("http://127.0.0.1:{port}/en/"), open_ws.clone(), closed_ws.clone()], major);

    let (shown, copy, elapsed) =
        run_check(&session, &format!("http://127.0.0.1:{port}/en/check/?offer=enterprise"), "");

    // 1. Chromium counts as Chrome, with the version the driver reports.
    let browser = find(&shown, "browser", &format!("Google Chrome {major} is supported"));
    assert_eq!(browser.verdict, "pass");
    // 2. Enterprise needs IE mode and the client for custom features: warnings outside Edge.
    assert_eq!(find(&shown, "ie-mode", "Enterprise").verdict, "warn");
    assert_eq!(find(&shown, "client", "Enterprise").verdict, "warn");
    // 3. The pop-up test ran on the click and gave a verdict.
    let popups = find(&shown, "popups", "Pop-ups are");
    assert!(["pass", "fail"].contains(&popups.verdict.as_str()), "{popups:?}");
    // 4. The site and the WebSocket server answer; the closed port fails, well within the timeout:
    // one result for the connections, listing only the one that failed.
    let connections = find(&shown, "endpoints", "Addresses reached: 2 of 3.");
    assert_eq!(connections.verdict, "fail");
    assert!(connections.text.contains(&format!("Not reached:{closed_ws}")), "{connections:?}");
    assert!(!connections.text.contains(&open_ws), "{connections:?}");
    assert!(elapsed < Duration::from_secs(5), "the whole check took {elapsed:?}");
    // 5. A local download is fast; the need is computed from the reference point.
    let bandwidth = find(&shown, "bandwidth", "200 seats need 25 to 50 MB per hour");
    assert_eq!(bandwidth.verdict, "pass");

    assert_eq!(shown.len(), 6, "{shown:#?}");
    for result in &shown {
        assert!(copy.contains(&result.name), "the copied text lacks {:?}:\n{copy}", result.name);
    }
    assert!(copy.contains(&format!("  Not reached: {closed_ws}\n")), "{copy}");
    assert!(copy.contains("Check finished. Passed: 3, warnings: 2, failed: 1."), "{copy}");
    // What support staff need to place the report comes first.
    let header: Vec<&str> = copy.lines().take(6).collect();
    assert_eq!(header[0], "Check your workstation");
    let date = header[1].strip_prefix("Date: ").unwrap_or_default();
    let iso = date.len() == 25 && date.as_bytes()[10] == b'T' && matches!(date.as_bytes()[19], b'+' | b'-');
    assert!(iso, "not ISO 8601 with an offset: {date:?}");
    assert_eq!(header[2], format!("Page: http://127.0.0.1:{port}/en/check/?offer=enterprise"));
    assert_eq!(&header[3..5], ["Language: en", "Offer: Enterprise"]);
    assert!(header[5].starts_with("User agent: Mozilla/5.0 "), "{copy}");
    let errors = unexpected_errors(&session, &[closed_ws]);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn the_check_stays_complete_with_no_endpoints_or_none_reachable_and_a_huge_user_agent() {
    if !browser_available() {
        return;
    }
    let driver = Driver::start();
    let huge = format!("--user-agent=Mozilla/5.0 {}", "x".repeat(10 * 1024));
    let session = driver.session(&[huge]);
    let major = session.browser_major();

    let (_empty, port) = check_site(|_| Vec::new(), major);
    // Chromium lets a click open a pop-up whatever its settings; a blocker
    // that refuses it makes `window.open` return null, as here.
    let block_popups = "window.open = () => null;";
    let (shown, copy, _) = run_check(&session, &format!("http://127.0.0.1:{port}/en/check/"), block_popups);
    let checks: Vec<&str> = shown.iter().map(|r| r.check.as_str()).collect();
    assert_eq!(checks, ["browser", "ie-mode", "client", "popups", "endpoints", "bandwidth"]);
    assert_eq!(find(&shown, "endpoints", "no address to test").verdict, "na");
    // No offer chosen: the offer checks say what to do instead of guessing.
    assert_eq!(find(&shown, "ie-mode", "No offer chosen.").verdict, "na");
    assert!(copy.lines().count() >= 8, "{copy}");
    // Blocked pop-ups: the browser's help page from the data, as a link.
    assert_eq!(find(&shown, "popups", "Pop-ups are blocked").verdict, "fail");
    let help = session.run("return document.querySelector('[data-check=popups] .selfcheck-next a')?.href ?? ''");
    assert_eq!(help, "https://support.google.com/chrome/answer/95472");
    assert!(unexpected_errors(&session, &[]).is_empty());

    let mut dead: Vec<String> = (0..3).map(|_| format!("ws://127.0.0.1:{}/", servers::closed_port())).collect();
    dead.push(format!("http://127.0.0.1:{}/", servers::closed_port()));
    let expected = dead.clone();
    let (_dead_site, port) = check_site(move |_| dead, major);
    let (shown, copy, _) = run_check(&session, &format!("http://127.0.0.1:{port}/en/check/"), "");
    // Four connections failing the same way are one result listing the four.
    let endpoints: Vec<&Shown> = shown.iter().filter(|r| r.check.starts_with("endpoint")).collect();
    assert_eq!(endpoints.len(), 1, "{endpoints:#?}");
    assert_eq!(endpoints[0].verdict, "fail");
    assert!(endpoints[0].text.contains("Addresses reached: 0 of 4."), "{endpoints:#?}");
    let listed =
        session.run("return Array.from(document.querySelectorAll('[data-check=endpoints] li'), li => li.textContent)");
    assert_eq!(listed, serde_json::json!(expected), "the failed URLs, in the data's order");
    assert!(copy.contains(&format!("  Not reached: {}\n", expected.join(", "))), "{copy}");
    assert_eq!(copy.lines().nth(4), Some("No offer chosen."), "{copy}");
    let errors = unexpected_errors(&session, &expected);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Types `query` in the search box of the page at `url`, checks the
/// announced status and returns the titles found, sorted.
fn search(session: &Session, url: &str, query: &str, expected_status: &str) -> Vec<String> {
    session.goto(url);
    let ready = session.wait_for("return !document.querySelector('form[role=search]').hidden", Duration::from_secs(10));
    assert_eq!(ready, true, "the search box never appeared");
    session.type_into("#search-input", query);
    let status =
        session.wait_for("return document.querySelector('[data-search-status]').textContent", Duration::from_secs(15));
    assert_eq!(status, expected_status);
    let titles =
        session.run("return Array.from(document.querySelectorAll('#search-results li a'), a => a.textContent).sort()");
    titles.as_array().expect("titles").iter().map(|t| t.as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn search_finds_the_articles_of_the_chosen_offer() {
    search_by_offer("");
}

/// One page per index: English comes in three parts, which the search box
/// merges into one list of results, filter included.
#[test]
fn search_merges_the_parts_of_a_language() {
    search_by_offer("search_pages_per_index = 1\n");
}

fn search_by_offer(config: &str) {
    if !browser_available() {
        return;
    }
    let site = Site::empty();
    site.write("helpgen.toml", config);
    site.write("content/en/all.md", "---\ntitle: Planning for everyone\n---\n\nShift planning basics.\n");
    site.write(
        "content/en/pro.md",
        "---\ntitle: Advanced planning\nproduct_label: [advanced]\n---\n\nShift planning rules.\n",
    );
    site.write(
        "content/en/old.md",
        "---\ntitle: Classic planning\nproduct_label: [classic]\n---\n\nShift planning, the old way.\n",
    );
    site.write("content/fr/all.md", "---\ntitle: Planification pour tous\n---\n\nLes bases de la planification.\n");
    site.build_ok();
    let parts = if config.is_empty() { "[]" } else { r#"["part/1/","part/2/"]"# };
    assert_eq!(site.output("en/pagefind/parts.json"), parts);
    let port = servers::serve_site(&site.path("public"), servers::CSP_WITH_SEARCH);
    let driver = Driver::start();
    let session = driver.session(&[]);

    let search = |url: &str, query: &str, expected_status: &str| search(&session, url, query, expected_status);
    let base = format!("http://127.0.0.1:{port}");
    assert_eq!(
        search(&format!("{base}/en/"), "planning", "Results for “planning”: 3"),
        ["Advanced planning", "Classic planning", "Planning for everyone"]
    );
    // The chosen offer narrows the search; an unlabelled article is for every offer.
    assert_eq!(
        search(&format!("{base}/en/?offer=classic"), "planning", "Results for “planning” in Classic: 2"),
        ["Classic planning", "Planning for everyone"]
    );
    // Each language searches its own index.
    assert_eq!(
        search(&format!("{base}/fr/"), "planification", "Résultats pour « planification » : 1"),
        ["Planification pour tous"]
    );
    let errors = unexpected_errors(&session, &[]);
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
