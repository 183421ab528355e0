//! `helpgen serve` in Chromium: an edited article reloads the open page at
//! the same scroll position, and a content error shows over the page until
//! it is fixed. Served with the pages' own Content-Security-Policy only.

use std::time::Duration;

use super::browser_available;
use super::webdriver::Driver;
use crate::harness::Site;
use crate::serve::serve;

const ARTICLE: &str = "content/en/guide/long.md";

#[test]
fn the_page_reloads_in_place_and_shows_errors_until_fixed() {
    if !browser_available() {
        return;
    }
    let site = Site::fixture("i18n");
    let filler: String = (1..=80).map(|n| format!("Paragraph {n} of a long article.\n\n")).collect();
    let original = format!("---\ntitle: Long\n---\n\n{filler}The end, first version.\n");
    site.write(ARTICLE, &original);
    let server = serve(&site);
    let driver = Driver::start();
    let session = driver.session(&[]);
    session.goto(&format!("http://127.0.0.1:{}/en/long/", server.port));
    let connected = session.wait_for("return document.querySelector('main') !== null", Duration::from_secs(10));
    assert_eq!(connected, true);
    session.run("window.scrollTo(0, 900); window.helpgenMark = 'before reload'");
    std::thread::sleep(Duration::from_millis(300));

    site.write(ARTICLE, original.replace("first version", "second version"));
    let reloaded = session.wait_for(
        "return window.helpgenMark === undefined && document.body.textContent.includes('second version')",
        Duration::from_secs(15),
    );
    assert_eq!(reloaded, true, "the page did not reload with the edit");
    let scrolled = session.wait_for("return window.scrollY", Duration::from_secs(5));
    assert!(scrolled.as_f64().unwrap_or(0.0) > 800.0, "the scroll position was lost: {scrolled}");

    site.write(ARTICLE, format!("{original}\nSee {{% link_new this | guide/nowhere.md %}}.\n"));
    let shown = session.wait_for(
        "const box = document.querySelector('.helpgen-errors'); return box ? box.textContent : ''",
        Duration::from_secs(15),
    );
    let shown = shown.as_str().unwrap_or_default().to_string();
    assert!(shown.contains("content/en/guide/long.md:") && shown.contains("link.missing-target"), "{shown}");
    assert!(shown.contains("guide/nowhere.md"), "the source line is missing: {shown}");
    // The last good page stays under it.
    assert_eq!(session.run("return document.body.textContent.includes('second version')"), true);

    site.write(ARTICLE, &original);
    let cleared = session.wait_for(
        "return document.querySelector('.helpgen-errors') === null && document.body.textContent.includes('first version')",
        Duration::from_secs(15),
    );
    assert_eq!(cleared, true, "the overlay stayed after the fix");
    let errors: Vec<(String, String)> = session.console().into_iter().filter(|(level, _)| level == "SEVERE").collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
