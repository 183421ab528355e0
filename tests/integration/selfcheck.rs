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
    // Its buttons and labels are not what a reader searches for.
    assert_eq!(page.attr(section, "data-pagefind-ignore"), "");
    // Without JavaScript: a note saying why the buttons do nothing.
    assert!(page.one("noscript").inner_html().contains("nécessite JavaScript"));
    assert_eq!(page.attr("[data-status]", "role"), "status");
    assert_eq!(page.attr("[data-seats]", "value"), "200", "the data's reference seats");
    assert_eq!(page.text("[data-run]"), "Lancer la vérification");
    // The controls take their place from the start, so the script's start
    // moves nothing: they are shown, their buttons disabled until it is ready.
    assert!(page.one("[data-controls]").value().attr("hidden").is_none());
    assert_eq!(page.attr("[data-run]", "disabled"), "");
    assert_eq!(page.attr("[data-copy]", "disabled"), "");
    assert!(page.one("[data-copy]").value().attr("hidden").is_none());
}

#[test]
fn the_box_does_not_repeat_the_articles_heading_and_introduction() {
    let site = site();
    site.build_ok();
    let page = site.html("en/check/index.html");
    let section = page.one("section.selfcheck");
    // Its name is for assistive technology only, and it has no introduction:
    // its visible text is the controls' and the no-script note's.
    assert_eq!(section.value().attr("aria-label"), Some("Check your workstation"));
    // (The no-script note is not an element here: pages are parsed as by a
    // browser with scripting on, which reads <noscript> as text.)
    let paragraphs: Vec<(Option<&str>, String)> = section
        .select(&scraper::Selector::parse("p").unwrap())
        .map(|p| (p.value().attr("class"), p.text().collect()))
        .collect();
    assert_eq!(paragraphs, [(Some("selfcheck-status"), String::new())]);
    let text: String = section.text().collect();
    assert!(!text.contains("Check your workstation"), "{text}");
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        assert!(section.select(&scraper::Selector::parse(heading).unwrap()).next().is_none(), "{heading}");
    }
    // The script is loaded where the check is, and only there.
    let scripts = |path: &str| site.html(path).attrs("script[src]", "src");
    let selfcheck = format!("/{}js/selfcheck.js", site.assets());
    assert!(scripts("fr/check/index.html").contains(&selfcheck));
    assert!(!scripts("en/other/index.html").contains(&selfcheck));
    for script in ["selfcheck.js", "selfcheck-core.js"] {
        assert!(site.path(&format!("public/{}js/{script}", site.assets())).is_file());
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
    assert_eq!(messages.len(), 61);
    assert_eq!(messages["selfcheck-verdict-fail"], "Échec");
    assert_eq!(
        messages["selfcheck-browser-supported"],
        "{browser} {version} est pris en charge (versions {oldest} à {latest})."
    );
    let en: serde_json::Value = serde_json::from_str(&site.output("en/requirements.json")).unwrap();
    let en = en["messages"].as_object().expect("messages");
    assert_eq!(en["selfcheck-endpoints-reached"], "Addresses reached: {passed} of {total}.");
    assert_eq!(en["selfcheck-report-date"], "Date: {date}");
    assert_eq!(en["selfcheck-ie-mode-need-yes"], "{offer} needs Microsoft Edge in IE mode.");
}

/// What an offer needs is said in a sentence of its own for each value of
/// the data, never by quoting a table cell.
#[test]
fn needs_are_sentences_not_quoted_cells() {
    let site = site();
    site.build_ok();
    for lang in ["en", "fr"] {
        let json: serde_json::Value = serde_json::from_str(&site.output(&format!("{lang}/requirements.json"))).unwrap();
        let messages = json["messages"].as_object().expect("messages");
        for check in ["ie-mode", "client"] {
            for need in ["no", "custom-features-only", "yes", "required-to-sign-in"] {
                let key = format!("selfcheck-{check}-need-{need}");
                let text = messages[&key].as_str().unwrap_or_else(|| panic!("{lang}: no {key}"));
                assert!(text.contains("{offer}") && text.ends_with('.'), "{lang} {key}: {text}");
            }
        }
        for (key, text) in messages {
            let text = text.as_str().unwrap_or_default();
            for quote in ["“{", "„{", "« {", "\"{"] {
                assert!(!text.contains(quote), "{lang} {key} quotes a value: {text}");
            }
        }
    }
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
