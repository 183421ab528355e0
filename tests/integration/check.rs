//! `helpgen check`: every finding in one run, in the format CI asks for,
//! and nothing written.

use serde_json::Value;

use crate::harness::{helpgen, Run, Site};

fn check(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["check", "--root", site.root().to_str().unwrap()];
    all.extend_from_slice(args);
    helpgen(&all)
}

/// `helpgen check --format <format>`, with stdout kept apart from stderr.
fn check_format(site: &Site, format: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_helpgen"))
        .args(["check", "--root", site.root().to_str().unwrap(), "--format", format])
        .args(args)
        .output()
        .unwrap()
}

fn check_json(site: &Site, args: &[&str]) -> (i32, Value) {
    let out = check_format(site, "json", args);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), report)
}

/// The diagnostics of `code` in a JSON report.
fn with_code<'r>(report: &'r Value, code: &'r str) -> impl Iterator<Item = &'r Value> {
    report["diagnostics"].as_array().into_iter().flatten().filter(move |d| d["code"] == code)
}

/// A site with three distinct errors in three files, and one warning.
fn broken() -> Site {
    let site = Site::empty();
    site.write("content/en/ok.md", "---\ntitle: Fine\n---\n\n## Part\n");
    site.write("content/en/one.md", "---\ntitle: [unclosed\n---\n");
    site.write("content/en/two.md", "---\ntitle: Two\n---\n\nSee {% link_new x | missing.md %}.\n");
    site.write("content/fr/three.md", "---\ntitle: Trois\nproduct_label: [basic]\n---\n");
    site.write("content/fr/ok.md", "---\ntitle: Bien\n---\n\n[x](ok.md){:onclick=\"x\"}\n");
    site
}

#[test]
fn a_clean_site_checks_clean_and_nothing_is_written() {
    let site = Site::fixture("i18n");
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["errors"], 0);
    assert!(!site.path("public").exists());
}

#[test]
fn json_lists_every_problem_with_code_file_line_and_column() {
    let site = broken();
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 1);
    assert_eq!(report["errors"], 3, "{report:#}");
    assert_eq!(report["warnings"], 1, "{report:#}");
    let found: Vec<(String, String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" || d["severity"] == "warning")
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("file"), d["line"].as_u64().unwrap_or(0), d["column"].as_u64().unwrap_or(0))
        })
        .collect();
    let expected = [
        ("front-matter.yaml", "content/en/one.md", 3, 1),
        ("link.missing-target", "content/en/two.md", 5, 5),
        ("dialect.attribute", "content/fr/ok.md", 5, 11),
        ("offer.unknown", "content/fr/three.md", 3, 17),
    ];
    let expected: Vec<(String, String, u64, u64)> =
        expected.iter().map(|(c, f, l, col)| (c.to_string(), f.to_string(), *l, *col)).collect();
    assert_eq!(found, expected);
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn github_format_writes_workflow_commands() {
    let site = broken();
    let run = check_format(&site, "github", &[]);
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.lines().any(|l| l.starts_with(
        "::error file=content/en/two.md,line=5,col=5,title=link.missing-target::no article `missing.md`"
    )));
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("::warning file=content/fr/ok.md,line=5,col=11,title=dialect.attribute::")));
    assert!(stdout.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")), "{stdout}");

    // The notes (articles not translated, orphans) are annotations only when asked for.
    let verbose = check_format(&site, "github", &["--verbose"]);
    let verbose = String::from_utf8_lossy(&verbose.stdout);
    assert!(verbose.lines().any(|l| l.starts_with("::notice ")), "{verbose}");
    assert_eq!(
        verbose.lines().filter(|l| !l.starts_with("::notice ")).collect::<Vec<_>>(),
        stdout.lines().collect::<Vec<_>>()
    );
}

#[test]
fn sarif_is_a_2_1_0_log() {
    let site = broken();
    let out = check_format(&site, "sarif", &[]);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let errors: Vec<&Value> = results.iter().filter(|r| r["level"] == "error").collect();
    assert_eq!(errors.len(), 3);
    for result in results {
        let rule = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(log["runs"][0]["tool"]["driver"]["rules"][index]["id"], rule);
        assert!(result["message"]["text"].as_str().is_some());
    }
}

#[test]
fn exit_codes_follow_severity_and_deny_warnings() {
    let site = Site::empty();
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nClick _x_{:onclick=\"y\"}.\n");
    assert_eq!(check(&site, &[]).code, 0);
    let run = check(&site, &["--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("warning[dialect.attribute]"), "{}", run.stderr);
    assert_eq!(check(&site, &["--format", "yaml"]).code, 2);
    site.write("helpgen.toml", "titel = \"x\"\n");
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"][0]["code"], "config.invalid");
    assert_eq!(report["diagnostics"][0]["file"], "helpgen.toml");
}

#[test]
fn unsafe_html_is_an_error_unless_the_site_allows_it() {
    let site = Site::empty();
    site.write(
        "content/en/a.md",
        "---\ntitle: A\n---\n\nText <img src=x onerror=\"alert(1)\"> and [x](javascript:alert(1)).\n\n<script>alert(1)</script>\n\n<iframe src=\"https://video.example.com/1\"></iframe>\n",
    );
    let run = site.build(&[]);
    run.assert_reports(&[
        "error[security.event-handler]: the event handler `onerror` runs a script\n --> content/en/a.md:5:17",
        "error[security.url]: a `javascript:` URL in content\n --> content/en/a.md:5:41",
        "error[security.script]: `<script>` in content\n --> content/en/a.md:7:1",
        "error[security.iframe]: `<iframe>` embeds another page in content\n --> content/en/a.md:9:1",
    ]);
    assert!(!site.path("public").exists());

    // A site that embeds videos allows frames, and only frames.
    site.write("helpgen.toml", "[checks]\n\"security.iframe\" = \"off\"\n");
    site.write("content/en/a.md", "---\ntitle: A\n---\n\n<iframe src=\"https://video.example.com/1\"></iframe>\n");
    site.build_ok();
    assert_eq!(site.html("en/a/index.html").attr(".article-body iframe", "src"), "https://video.example.com/1");

    site.write("helpgen.toml", "[checks]\n\"security.ifrane\" = \"off\"\n");
    let run = site.build(&[]);
    assert!(run.stderr.contains("did you mean `security.iframe`?"), "{}", run.stderr);
    site.write("helpgen.toml", "[checks]\n\"front-matter.yaml\" = \"off\"\n");
    let run = site.build(&[]);
    assert!(run.stderr.contains("`front-matter.yaml` cannot be changed"), "{}", run.stderr);
}

#[test]
fn links_to_articles_of_other_offers_are_warned() {
    let site = Site::empty();
    // The last link is in a block for Enterprise readers, who do have `big.md`.
    site.write("content/en/basic.md", "---\ntitle: Basic\nproduct_label: [essential]\nrelated_articles:\n  - filepath: big.md\n---\n\nSee {% link_new the big one | big.md %} and [both](both.md).\n\n{% offer enterprise %}\nSee [big](big.md).\n{% endoffer %}\n");
    site.write("content/en/big.md", "---\ntitle: Big\nproduct_label: [enterprise]\n---\n\nText.\n");
    site.write("content/en/both.md", "---\ntitle: Both\nproduct_label: [essential, enterprise]\n---\n\nText.\n");
    let (code, report) = check_json(&site, &["--deny-warnings"]);
    assert_eq!(code, 1);
    let warnings: Vec<(String, u64, u64)> = with_code(&report, "offer.unavailable-target")
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    let file = "content/en/basic.md".to_string();
    assert_eq!(warnings, [(file.clone(), 5, 15), (file, 8, 5)]);
}

#[test]
fn ui_messages_missing_everywhere_or_in_a_language() {
    let site = Site::empty();
    site.write("helpgen.toml", "languages = [\"en\", \"es\"]\n");
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    site.write("content/_data/offers.yaml", "offers:\n  - id: essential\n  - id: gold\n");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ t(key=\"gone-page\") }}</p>\n{% endblock %}\n",
    );
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 1, "{report:#}");
    let find = |code: &str| -> Vec<Value> { with_code(&report, code).cloned().collect() };
    let missing = find("i18n.missing-message");
    let at = |d: &Value| (d["file"].as_str().unwrap().to_string(), d["line"].as_u64(), d["column"].as_u64());
    assert_eq!(missing.len(), 2, "{missing:#?}");
    assert_eq!(at(&missing[0]), ("content/_data/offers.yaml".into(), None, None));
    assert!(missing[0]["message"].as_str().unwrap().contains("`offer-gold`"));
    assert_eq!(at(&missing[1]), ("themes/default/templates/404.html".into(), Some(3), Some(7)));
    // Spanish has no UI strings at all: one warning lists what falls back.
    let untranslated = find("i18n.untranslated-message");
    assert_eq!(untranslated.len(), 1, "{untranslated:#?}");
    assert_eq!(untranslated[0]["file"], "locales/es");
    assert!(untranslated[0]["message"].as_str().unwrap().contains("not translated into `es`"));
}

#[test]
fn translation_report_and_thresholds() {
    let site = Site::fixture("i18n");
    site.write("content/_includes/steps/en/open.md", "Open it.\n");
    site.write("content/_includes/steps/fr/open.md", "Ouvrez-le.\n");
    let (code, report) = check_json(&site, &["--translations"]);
    assert_eq!(code, 0, "{report:#}");
    let by_lang =
        |lang: &str| report["translations"].as_array().unwrap().iter().find(|s| s["lang"] == lang).unwrap().clone();
    assert_eq!(by_lang("en")["translated"], 3);
    assert_eq!(by_lang("fr")["missing"], serde_json::json!(["admin/only-en.md"]));
    assert_eq!(by_lang("de")["missing_includes"], serde_json::json!(["steps/de/open.md"]));

    site.write(
        "helpgen.toml",
        "base_url = \"/\"\nlanguages = [\"en\", \"fr\", \"de\"]\n\n[translations.max_untranslated]\nde = 0\n",
    );
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 1);
    let error = with_code(&report, "i18n.too-many-untranslated").next().unwrap().clone();
    assert_eq!(error["file"], "helpgen.toml");
    assert!(error["message"].as_str().unwrap().starts_with("1 article is not translated into `de`"));
    assert_eq!(site.build(&[]).code, 1);
}

#[test]
fn orphans_are_articles_no_other_article_leads_to() {
    let site = Site::empty();
    site.write(
        "content/en/hub.md",
        "---\ntitle: Hub\nrelated_articles:\n  - filepath: listed.md\n---\n\n[Linked](linked.md)\n",
    );
    site.write("content/en/linked.md", "---\ntitle: Linked\n---\n\n[Back](hub.md)\n");
    site.write("content/en/listed.md", "---\ntitle: Listed\n---\n\nText.\n");
    // A link to itself does not make an article reachable.
    site.write("content/en/alone.md", "---\ntitle: Alone\n---\n\n## Part\n\n[Top](alone.md#part)\n");
    // Reached only from its French translation: still reached.
    site.write("content/fr/hub.md", "---\ntitle: Hub\n---\n\n[Seul](french-only.md)\n");
    site.write("content/en/french-only.md", "---\ntitle: Reached in French\n---\n\nText.\n");
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 0, "{report:#}");
    let orphans: Vec<&str> = with_code(&report, "link.orphan").map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(orphans, ["content/en/alone.md"], "{report:#}");
}

/// A language listed before its folder exists is how a translation starts:
/// its pages are published from the default language, with a note.
#[test]
fn a_listed_language_without_a_folder_is_published_from_fallbacks() {
    let site = Site::empty();
    site.write("helpgen.toml", "languages = [\"en\", \"fr\", \"de\"]\n");
    site.write("content/en/guide/start.md", "---\ntitle: Start\n---\n\n## First\n");
    site.write("content/fr/guide/start.md", "---\ntitle: Début\n---\n\n## Premier\n");
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 0, "{report:#}");
    let notes: Vec<(&str, &str)> = with_code(&report, "i18n.language-without-folder")
        .map(|d| (d["file"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(notes, [("helpgen.toml", "info")]);
    site.build_ok();
    let page = site.html("de/start/index.html");
    assert_eq!(page.attr("html", "lang"), "de");
    assert_eq!(page.text("h1"), "Start");
}

/// The errors of `report`, as (code, file) pairs.
fn errors(report: &Value) -> Vec<(String, String)> {
    let all = report["diagnostics"].as_array().unwrap();
    let errors = all.iter().filter(|d| d["severity"] == "error");
    errors.map(|d| (d["code"].as_str().unwrap().to_string(), d["file"].as_str().unwrap().to_string())).collect()
}

/// One broken article is reported once, where it is broken: it stays known
/// to the site, so links to it (and to its headings) are not errors too.
#[test]
fn a_broken_article_is_its_only_error() {
    let site = Site::empty();
    site.write("helpgen.toml", "languages = [\"en\", \"fr\"]\n");
    for lang in ["en", "fr"] {
        site.write(&format!("content/{lang}/guide/setup.md"), "---\ntitle: Setup\n---\n\n## Ports\n");
        // Same slug as guide/setup.md, in both languages.
        site.write(&format!("content/{lang}/admin/setup.md"), "---\ntitle: Admin\n---\n\n## Roles\n");
        site.write(
            &format!("content/{lang}/links.md"),
            "---\ntitle: Links\n---\n\n{% link_new a | guide/setup.md | #ports %} {% link_new b | broken.md | #steps %}\n",
        );
    }
    site.write("content/en/broken.md", "---\ntitle: [unclosed\n---\n\n## Steps\n");
    site.write("content/en/Links.md", "---\ntitle: Case\n---\n\nText.\n");
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 1);
    let expected = [
        ("front-matter.yaml", "content/en/broken.md"),
        ("content.duplicate-slug", "content/en/guide/setup.md"),
        ("content.duplicate-slug", "content/en/links.md"),
        ("content.duplicate-slug", "content/fr/guide/setup.md"),
        // `Links` has no French text, but its fallback page takes the slug.
        ("content.duplicate-slug", "content/fr/links.md"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(c, f)| (c.to_string(), f.to_string())).collect();
    let mut found = errors(&report);
    found.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    assert_eq!(found, expected, "{report:#}");
    let case = report["diagnostics"].as_array().unwrap().iter().find(|d| d["file"] == "content/en/links.md").unwrap();
    assert!(case["message"].as_str().unwrap().contains("differs only in case from `Links`"), "{case:#}");
}

/// A fact of requirements.yaml written by hand in prose is pointed at, with
/// the variable that prints it; in code it is left alone.
#[test]
fn requirement_facts_written_by_hand_are_warned() {
    let site = Site::empty();
    let data =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/_data/requirements.yaml")).unwrap();
    let offers = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/_data/offers.yaml")).unwrap();
    site.write("content/_data/requirements.yaml", data);
    site.write("content/_data/offers.yaml", offers);
    site.write(
        "content/en/network.md",
        "---\ntitle: Network\n---\n\nOpen port 45054, or port {{ site.data.requirements.firewall[1].port }}; `port 443` is code.\n",
    );
    let (_, report) = check_json(&site, &[]);
    let found: Vec<(u64, u64, u64, String)> = with_code(&report, "data.hand-written")
        .map(|d| {
            let number = |key: &str| d[key].as_u64().unwrap();
            (number("line"), number("column"), number("end_column"), d["help"].as_str().unwrap().to_string())
        })
        .collect();
    let help = "print it from the data, `{{ site.data.requirements.firewall[1].port }}`, so the text changes with it";
    assert_eq!(found, [(5, 6, 16, help.to_string())], "{report:#}");
}

/// Each related article's placeholder title is noted where it is written,
/// though the same text is written twice.
#[test]
fn every_placeholder_title_is_noted_at_its_line() {
    let site = Site::empty();
    let related = "related_articles:\n  - filepath: a.md\n    overwrite_title: Add title for untranslated source\n  - filepath: b.md\n    overwrite_title: Add title for untranslated source\n";
    site.write("content/en/start.md", format!("---\ntitle: Start\n{related}---\n\nText.\n"));
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    site.write("content/en/b.md", "---\ntitle: B\n---\n\nText.\n");
    let (_, report) = check_json(&site, &["--verbose"]);
    let notes: Vec<(u64, u64)> = with_code(&report, "placeholder.overwrite-title")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(notes, [(5, 22), (7, 22)], "{report:#}");
}

/// A site that trusts one video host lists it in helpgen.toml: its frames
/// build, frames from elsewhere are still errors.
#[test]
fn frames_from_a_trusted_host_build() {
    let site = Site::empty();
    site.write("helpgen.toml", "[security]\nallow_frames_from = [\"https://player.example.org/embed/\"]\n");
    let video = "<iframe src=\"https://player.example.org/embed/42\" title=\"Demo\"></iframe>";
    site.write("content/en/video.md", format!("---\ntitle: Video\n---\n\n{video}\n"));
    site.build_ok();
    site.write(
        "content/en/other.md",
        "---\ntitle: Other\n---\n\n<iframe src=\"https://elsewhere.example/\"></iframe>\n",
    );
    site.build(&[]).assert_reports(&["error[security.iframe]"]);
}
