//! Requirement tables and the widget's JSON, both made from
//! content/_data/requirements.yaml, and what bad data does to a build.

use serde_json::Value;

use crate::harness::Site;

const DATA: &str = include_str!("../../content/_data/requirements.yaml");

/// A site with the sample data and one article showing every table, in
/// English and French.
fn site(data: &str) -> Site {
    let site = Site::empty();
    site.write("content/_data/requirements.yaml", data);
    let tables = ["browsers", "ie-mode", "client", "firewall", "websockets", "bandwidth"]
        .map(|t| format!("## {t}\n\n{{% requirements {t} %}}\n"))
        .join("\n");
    site.write("content/en/requirements.md", format!("---\ntitle: Requirements\n---\n\n{tables}"));
    site.write("content/fr/requirements.md", format!("---\ntitle: Exigences\n---\n\n{tables}"));
    site
}

fn json(site: &Site, lang: &str) -> Value {
    serde_json::from_str(&site.output(&format!("{lang}/requirements.json"))).unwrap()
}

#[test]
fn tables_are_accessible_and_localized() {
    let site = site(DATA);
    site.build_ok();
    let page = site.html("en/requirements/index.html");
    let tables = page.select("div.requirements table");
    assert_eq!(tables.len(), 6);
    for table in &tables {
        let html = table.html();
        assert!(html.contains("<caption>"), "{html}");
        assert!(html.contains("<th scope=\"col\">"), "{html}");
        assert!(html.contains("<th scope=\"row\">"), "{html}");
    }
    // Offer rows in the offers' order, marked for the offer filter.
    let offers = page.attrs("[data-requirements=ie-mode] tr[data-offer]", "data-offer");
    assert_eq!(offers, ["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]);
    assert_eq!(page.text("[data-requirements=ie-mode] tr[data-offer=enterprise] td"), "Only for custom features");
    assert_eq!(page.text("[data-requirements=ie-mode] caption"), "Microsoft Edge in Internet Explorer mode, by offer");
    assert_eq!(page.text("[data-requirements=bandwidth] tr[data-seats=\"200\"] td"), "25 to 50 MB (measured)");
    assert_eq!(page.text("[data-requirements=bandwidth] tr[data-seats=\"100\"] td"), "13 to 25 MB");
    assert_eq!(
        page.text("[data-requirements=browsers] tr[data-browser=firefox] td:nth-child(2)"),
        "144 to 145 (latest version on 2026-11-01)"
    );
    // Host patterns are text, not markup.
    assert!(page.select("[data-requirements=firewall] environment").is_empty());
    assert!(page.text("[data-requirements=firewall] tbody").contains("wfm-<environment>.injixo.com"));

    let french = site.html("fr/requirements/index.html");
    assert_eq!(french.text("[data-requirements=client] tr[data-offer=classic] td"), "Oui");
    assert_eq!(french.text("[data-requirements=firewall] caption"), "Règles de pare-feu");
}

#[test]
fn the_json_holds_the_same_facts_localized() {
    let site = site(DATA);
    site.build_ok();
    let yaml: Value = serde_yaml::from_str(DATA).unwrap();
    for lang in ["en", "fr"] {
        let json = json(&site, lang);
        assert_eq!(json["lang"], lang);
        assert_eq!(json["browsers"]["checked_on"], yaml["browsers"]["checked_on"].as_str().unwrap());
        let firefox = &json["browsers"]["list"][2];
        assert_eq!((firefox["id"].as_str(), firefox["latest"].as_u64()), (Some("firefox"), Some(145)));
        for offer in json["offers"].as_array().unwrap() {
            let id = offer["id"].as_str().unwrap();
            assert_eq!(offer["ie_mode"], yaml["offers"][id]["ie_mode"], "{id}");
            assert_eq!(offer["client"], yaml["offers"][id]["client"], "{id}");
        }
        let urls: Vec<&str> =
            json["websockets"]["urls"].as_array().unwrap().iter().map(|u| u.as_str().unwrap()).collect();
        let expected: Vec<&str> =
            yaml["websockets"]["urls"].as_array().unwrap().iter().map(|u| u.as_str().unwrap()).collect();
        assert_eq!(urls, expected);
        assert_eq!(json["firewall"][1]["port"], 45054);
        assert_eq!(json["bandwidth"]["seats"], 200);
    }
    assert_eq!(json(&site, "en")["offers"][2]["ie_mode_text"], "Only for custom features");
    assert_eq!(json(&site, "fr")["offers"][0]["ie_mode_text"], "Non");
}

#[test]
fn one_change_in_the_data_changes_table_and_json() {
    let site = site(DATA);
    site.build_ok();
    assert_eq!(
        site.html("en/requirements/index.html").text("[data-requirements=client] tr[data-offer=advanced] td"),
        "No"
    );
    assert_eq!(json(&site, "en")["offers"][1]["client"], "no");

    let changed = DATA.replacen("advanced: { ie_mode: no, client: no }", "advanced: { ie_mode: no, client: yes }", 1);
    assert_ne!(changed, DATA);
    site.write("content/_data/requirements.yaml", changed);
    site.build_ok();
    assert_eq!(
        site.html("en/requirements/index.html").text("[data-requirements=client] tr[data-offer=advanced] td"),
        "Yes"
    );
    assert_eq!(json(&site, "en")["offers"][1]["client"], "yes");
    assert_eq!(json(&site, "en")["offers"][1]["client_text"], "Yes");
}

#[test]
fn bad_data_is_positioned_and_keeps_the_previous_site() {
    let site = site(DATA);
    site.build_ok();
    let before = site.output("en/requirements/index.html");
    let cases = [
        ("port: 45054", "port: lots", "content/_data/requirements.yaml:44:"),
        ("port: 45054", "port: 70000", "content/_data/requirements.yaml:44:"),
        ("  classic: {", "  clasic: {", "content/_data/requirements.yaml:32:"),
        ("- wss://ws.injixo.com", "- wss://ws injixo.com", "content/_data/requirements.yaml:57:"),
    ];
    for (old, new, at) in cases {
        assert!(DATA.contains(old), "{old}");
        site.write("content/_data/requirements.yaml", DATA.replacen(old, new, 1));
        site.build(&[]).assert_reports(&["data.invalid", at]);
        assert_eq!(site.output("en/requirements/index.html"), before, "{new}");
    }
    // A table the article names that does not exist.
    site.write("content/_data/requirements.yaml", DATA);
    site.write("content/en/requirements.md", "---\ntitle: R\n---\n\n{% requirements firewalls %}\n");
    site.build(&[]).assert_reports(&[
        "requirements.unknown-table",
        "content/en/requirements.md:5:1",
        "did you mean `firewall`?",
    ]);
    // No data file at all.
    site.remove("content/_data/requirements.yaml");
    site.write("content/en/requirements.md", "---\ntitle: R\n---\n\n{% requirements firewall %}\n");
    site.build(&[]).assert_reports(&["requirements.no-data", "content/en/requirements.md:5:1"]);
    assert_eq!(site.output("en/requirements/index.html"), before);
}
