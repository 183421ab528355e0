//! `{% selfcheck %}`: the check's markup, its script only where it is used,
//! its localized messages in the JSON, and the download it measures. The
//! checks themselves run in a browser (tests/integration/browser/).

use crate::harness::Site;

const DATA: &str = include_str!("../../content/_data/requirements.yaml");

fn site() -> Site {
    let site = Site::empty();
    site.write("content/_data/requirements.yaml", DATA);
    site.write("content/en/check.md", "---\ntitle: Check\n---\n\nIntro.\n\n{% selfcheck %}\n");
    site.write("content/fr/check.md", "---\ntitle: Vérifier\n---\n\nIntro.\n\n{% selfcheck %}\n");
    // A code sample that shows the check's markup is not a check.
    site.write(
        "content/en/other.md",
        "---\ntitle: Other\n---\n\nNo check here.\n\n```html\n<section data-selfcheck=\"/en/requirements.json\">\n```\n",
    );
    site
}

#[test]
fn the_check_is_progressive_and_points_at_the_data_of_its_language() {
    let site = site();
    site.build_ok();
    let page = site.html("fr/check/index.html");
    let section = "section.selfcheck";
    assert_eq!(page.attr(section, "data-selfcheck"), "/fr/requirements.json");
    assert_eq!(page.attr(section, "data-probe"), "/assets/selfcheck-probe.bin");
    assert_eq!(page.attr(section, "aria-label"), "Vérifier votre poste");
    // Without JavaScript: no controls, and a note saying why.
    assert_eq!(page.attr("[data-controls]", "hidden"), "");
    assert!(page.one("noscript").inner_html().contains("nécessite JavaScript"));
    assert_eq!(page.attr("[data-status]", "role"), "status");
    assert_eq!(page.attr("[data-seats]", "value"), "200", "the data's reference seats");
    assert_eq!(page.text("[data-run]"), "Lancer la vérification");
    // The script is loaded where the check is, and only there.
    let scripts = |path: &str| site.html(path).attrs("script[src]", "src");
    assert!(scripts("fr/check/index.html").contains(&"/assets/js/selfcheck.js".to_string()));
    assert!(!scripts("en/other/index.html").contains(&"/assets/js/selfcheck.js".to_string()));
    for script in ["selfcheck.js", "selfcheck-core.js"] {
        assert!(site.path(&format!("public/assets/js/{script}")).is_file());
    }
    let probe = std::fs::read(site.path("public/assets/selfcheck-probe.bin")).unwrap();
    assert_eq!(probe.len(), 512 * 1024);
}

#[test]
fn the_json_carries_the_checks_texts_with_placeholders() {
    let site = site();
    site.build_ok();
    let fr: serde_json::Value = serde_json::from_str(&site.output("fr/requirements.json")).unwrap();
    let messages = fr["messages"].as_object().expect("messages");
    assert_eq!(messages.len(), 50);
    assert_eq!(messages["selfcheck-verdict-fail"], "Échec");
    assert_eq!(
        messages["selfcheck-browser-supported"],
        "{browser} {version} est pris en charge (versions {oldest} à {latest})."
    );
    let en: serde_json::Value = serde_json::from_str(&site.output("en/requirements.json")).unwrap();
    assert_eq!(en["messages"]["selfcheck-endpoint-ok"], "Reached in {ms} ms.");
}

#[test]
fn a_check_without_data_is_a_positioned_error() {
    let site = Site::empty();
    site.write("content/en/check.md", "---\ntitle: Check\n---\n\nIntro.\n\n{% selfcheck %}\n");
    site.build(&[]).assert_reports(&["content/en/check.md:7:1", "requirements.no-data", "{% selfcheck"]);
}

#[test]
fn the_check_script_stays_under_8_kb_gzipped() {
    use std::io::Write;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/js");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for script in ["selfcheck.js", "selfcheck-core.js", "fill.js"] {
        gz.write_all(&std::fs::read(dir.join(script)).unwrap()).unwrap();
    }
    let size = gz.finish().unwrap().len();
    assert!(size < 8 * 1024, "{size} bytes gzipped");
}
