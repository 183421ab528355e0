//! A help center written the way Jekyll help centers are written
//! (tests/fixtures/jekyll-center): 65 articles of an imaginary scheduling
//! product in English, French, German and Spanish, using every construct of
//! the dialect, with a dozen mistakes writers really make. `check` must report
//! exactly those mistakes, and nothing about what is written right; once the
//! mistakes are fixed, the site must build and render them.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::harness::Site;

type Finding = (String, String, u64, u64);

/// The mistakes written into the fixture on purpose, as (code, file, line, column).
const DELIBERATE: &[(&str, &str, u64, u64)] = &[
    // A translator dropped one of two `{% endoffer %}` lines: the outer block is never closed.
    ("dialect.unbalanced-tag", "content/es/scheduling/create-shifts.md", 48, 1),
    // `related_articles` names an article that was never written.
    ("related.missing-target", "content/de/integrations/integrations-overview.md", 7, 15),
    // `description:` given twice: the translator added the long one and kept the short one.
    ("front-matter.duplicate-key", "content/de/scheduling/breaks-and-activities.md", 3, 1),
    // `description:` left empty.
    ("front-matter.empty-value", "content/en/administration/audit-log.md", 3, 1),
    // A Classic-only article sends readers to an Enterprise-only one.
    ("offer.unavailable-target", "content/en/administration/classic-user-import.md", 30, 49),
    // `{% icon calender %}`.
    ("icon.unknown", "content/en/integrations/calendar-sync.md", 14, 68),
    // A code block between two numbered steps, its fence at the margin.
    ("dialect.fence-outside-item", "content/en/integrations/payroll-export.md", 23, 1),
    // An add-on's name used as an offer id.
    ("offer.unknown", "content/en/reporting/custom-dashboards.md", 4, 29),
    // A link to the old file name of a renamed article.
    ("link.missing-target", "content/en/reporting/export-timesheets.md", 38, 1),
    // A screenshot announced but never added.
    ("image.missing", "content/en/scheduling/demand-forecast.md", 37, 1),
    // `tilte:` instead of `title:`.
    ("front-matter.missing-title", "content/fr/getting-started/invite-your-team.md", 2, 1),
    // The anchor a translator guessed from the translated heading, which keeps its English id.
    ("link.missing-anchor", "content/fr/scheduling/shift-swaps.md", 20, 15),
];

/// The notes this site may have: untranslated articles and the links to
/// them (the site makes those notes, see its helpgen.toml), orphans, and a
/// writer's leftovers.
const INFO_CODES: &[&str] = &[
    "i18n.missing-translation",
    "link.untranslated-target",
    "link.orphan",
    "placeholder.overwrite-title",
    "placeholder.todo",
];

const PLACEHOLDER: &str = "overwrite_title: Add title for untranslated source";

fn fixture_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jekyll-center")
}

/// The fixture in a temporary folder, its browser versions recorded today:
/// whether they are stale depends on the clock, which is not the subject here.
fn site() -> Site {
    let site = Site::fixture("jekyll-center");
    let data = "content/_data/requirements.yaml";
    let text = std::fs::read_to_string(site.path(data)).unwrap();
    assert!(text.contains("checked_on: 2026-11-20"), "the fixture's `checked_on` changed");
    site.write(data, text.replace("checked_on: 2026-11-20", &format!("checked_on: {}", today())));
    site
}

/// Today's date as `YYYY-MM-DD` (UTC), from the days since 1970-01-01.
fn today() -> String {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    // Howard Hinnant's civil_from_days.
    let z = (seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `helpgen check --format json --verbose`: the exit code and the report.
fn check(site: &Site) -> (i32, Value) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_helpgen"))
        .args(["check", "--root", site.root().to_str().unwrap(), "--format", "json", "--verbose"])
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), report)
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap()
}

fn finding(d: &Value) -> Finding {
    let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
    (s("code"), s("file"), d["line"].as_u64().unwrap_or(0), d["column"].as_u64().unwrap_or(0))
}

fn sorted(list: &[(&str, &str, u64, u64)]) -> Vec<Finding> {
    let mut all: Vec<Finding> = list.iter().map(|(c, f, l, col)| (c.to_string(), f.to_string(), *l, *col)).collect();
    all.sort_by(|a, b| (&a.1, a.2, a.3, &a.0).cmp(&(&b.1, b.2, b.3, &b.0)));
    all
}

/// Every article file of the fixture, relative to `content/`.
fn articles() -> BTreeSet<String> {
    let content = fixture_dir().join("content");
    walkdir::WalkDir::new(&content)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().strip_prefix(&content).unwrap().to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.starts_with('_'))
        .collect()
}

#[test]
fn the_fixture_is_a_sizeable_center_in_four_languages() {
    let articles = articles();
    let count = |lang: &str| articles.iter().filter(|a| a.starts_with(&format!("{lang}/"))).count();
    assert_eq!([count("en"), count("fr"), count("de"), count("es")], [23, 18, 16, 8]);
    assert!(articles.len() >= 60);
}

#[test]
fn check_reports_exactly_the_deliberate_mistakes() {
    let site = site();
    let (code, report) = check(&site);
    assert_eq!(code, 1, "{report:#}");
    let all = diagnostics(&report);
    for d in all {
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d:#}");
    }

    let mut found: Vec<Finding> =
        all.iter().filter(|d| d["severity"] == "error" || d["severity"] == "warning").map(finding).collect();
    found.sort_by(|a, b| (&a.1, a.2, a.3, &a.0).cmp(&(&b.1, b.2, b.3, &b.0)));
    let expected: Vec<(&str, &str, u64, u64)> = DELIBERATE.to_vec();
    assert_eq!(found, sorted(&expected), "{report:#}");

    let severity_of = |code: &str| {
        let d = all.iter().find(|d| d["code"] == code).unwrap();
        d["severity"].as_str().unwrap().to_string()
    };
    let errors = expected.iter().filter(|(code, ..)| severity_of(code) == "error").count();
    assert_eq!(report["errors"], errors);
    assert_eq!(report["warnings"], expected.len() - errors);
}

#[test]
fn the_notes_are_only_of_the_expected_kinds_and_all_true() {
    let site = site();
    let (_, report) = check(&site);
    let infos: Vec<&Value> = diagnostics(&report).iter().filter(|d| d["severity"] == "info").collect();
    assert_eq!(report["infos"], infos.len());
    let of = |code: &str| -> Vec<&Value> { infos.iter().copied().filter(|d| d["code"] == code).collect() };
    for d in &infos {
        assert!(INFO_CODES.contains(&d["code"].as_str().unwrap()), "unexpected note {d:#}");
    }

    // One TODO, left by a writer; one article nothing leads to.
    let todo: Vec<Finding> = of("placeholder.todo").into_iter().map(finding).collect();
    assert_eq!(todo, sorted(&[("placeholder.todo", "content/en/scheduling/demand-forecast.md", 35, 1)]));
    let orphans: Vec<&str> = of("link.orphan").iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(orphans, ["content/en/administration/classic-user-import.md"]);

    // Each English article lacking a translation, and only those, has a note.
    let articles = articles();
    let mut untranslated = BTreeSet::new();
    for article in articles.iter().filter_map(|a| a.strip_prefix("en/")) {
        let missing: Vec<&str> =
            ["fr", "de", "es"].into_iter().filter(|l| !articles.contains(&format!("{l}/{article}"))).collect();
        if !missing.is_empty() {
            untranslated.insert(format!("content/en/{article}"));
        }
    }
    let noted: BTreeSet<String> =
        of("i18n.missing-translation").iter().map(|d| d["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(noted, untranslated);

    // A link to an untranslated article is noted in every translation, and
    // each note names an article its language lacks.
    let links = of("link.untranslated-target");
    for lang in ["fr", "de", "es"] {
        assert!(links.iter().any(|d| d["file"].as_str().unwrap().starts_with(&format!("content/{lang}/"))));
    }
    for d in &links {
        let file = d["file"].as_str().unwrap();
        let lang = file.split('/').nth(1).unwrap();
        let message = d["message"].as_str().unwrap();
        let target = message.split('`').nth(1).unwrap();
        assert!(!articles.contains(&format!("{lang}/{target}")), "{d:#}");
        assert!(articles.contains(&format!("en/{target}")), "{d:#}");
    }

    // Translation placeholders: every file that has one has a note at a
    // line holding it.
    let with_placeholder: BTreeSet<String> = articles
        .iter()
        .filter(|a| std::fs::read_to_string(fixture_dir().join("content").join(a)).unwrap().contains(PLACEHOLDER))
        .map(|a| format!("content/{a}"))
        .collect();
    let placeholders = of("placeholder.overwrite-title");
    let files: BTreeSet<String> = placeholders.iter().map(|d| d["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(files, with_placeholder);
    for d in &placeholders {
        let text = std::fs::read_to_string(site.path(d["file"].as_str().unwrap())).unwrap();
        let line = text.lines().nth(d["line"].as_u64().unwrap() as usize - 1).unwrap();
        assert!(line.trim() == PLACEHOLDER, "{d:#}");
    }
}

/// Replaces `from`, which must be in `file` once, with `to`.
fn fix(site: &Site, file: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{file}: {from:?}");
    site.write(file, text.replacen(from, to, 1));
}

#[test]
fn once_the_mistakes_are_fixed_the_center_builds() {
    let site = site();
    fix(&site, "content/es/scheduling/create-shifts.md", "{% endoffer %}\n", "{% endoffer %}\n{% endoffer %}\n");
    fix(&site, "content/de/integrations/integrations-overview.md", "hr-sync.md", "calendar-sync.md");
    fix(&site, "content/en/integrations/calendar-sync.md", "{% icon calender %}", "{% icon calendar %}");
    fix(&site, "content/en/reporting/custom-dashboards.md", ", analytics-plus", "");
    fix(&site, "content/en/reporting/export-timesheets.md", "payroll-settings.md", "payroll-export.md");
    let screenshot = std::fs::read(site.path("content/_media/scheduling/demand-forecast/1.png")).unwrap();
    site.write("content/_media/scheduling/demand-forecast/2.png", screenshot);
    fix(&site, "content/fr/getting-started/invite-your-team.md", "tilte:", "title:");
    fix(&site, "content/fr/scheduling/shift-swaps.md", "#approuver-les-demandes", "#approve-requests");

    let run = site.build(&["--no-search"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);

    // French: a cross-link to a heading of the French article, the icon's
    // French label, a translated snippet, and the shared images.
    let fr = site.html("fr/first-schedule/index.html");
    let hrefs = fr.attrs(".article-body a", "href");
    assert!(hrefs.contains(&"/docs/fr/create-shifts/#ajouter-un-poste".to_string()), "{hrefs:?}");
    assert_eq!(fr.text(".article-body .icon-wrap .icon-label"), "Ajouter");
    let first_step = fr.select(".article-body ol li")[0].text().collect::<String>();
    assert!(first_step.starts_with("Cliquez sur") && first_step.contains("Paramètres"), "{first_step}");
    let images = fr.attrs(".article-body figure img", "src");
    assert_eq!(
        images,
        [
            "/docs/media/getting-started/first-schedule/1.png",
            "/docs/media/getting-started/first-schedule/2.png",
            "/docs/media/getting-started/first-schedule/3.gif",
        ]
    );
    assert_eq!(fr.attr(".article-body figure img[src$='3.gif']", "width"), "800");
    // A percent-encoded anchor to an accented French heading.
    let time_off = site.html("fr/time-off-requests/index.html");
    assert!(time_off.attrs(".article-body a", "href").contains(&"/docs/fr/planning-board/#résumé".to_string()));
    assert_eq!(site.html("fr/planning-board/index.html").attrs("h2#résumé", "id").len(), 1);

    // German has its own screenshot.
    let de = site.html("de/first-schedule/index.html");
    assert_eq!(de.attrs(".article-body figure img", "src")[0], "/docs/media/de/getting-started/first-schedule/1.png");

    // Spanish: the site's own UI strings, and a link to an article only in
    // English says so.
    let es = site.html("es/reports-overview/index.html");
    assert_eq!(es.text(".skip-link"), "Ir al contenido");
    assert_eq!(es.attr(".article-body a[href='/docs/es/export-timesheets/']", "hreflang"), "en");

    // Offer blocks, nested; one indented in a numbered step stays in it.
    let shifts = site.html("en/create-shifts/index.html");
    let offers = shifts.attrs(".article-body .offer-block", "data-offers");
    assert!(offers.contains(&"advanced enterprise".to_string()) && offers.contains(&"enterprise".to_string()));
    assert_eq!(shifts.select(".article-body ol > li .offer-block").len(), 1);

    // Code indented in a step, `{% highlight %}` or fenced, stays in the step.
    let templates = site.html("en/shift-templates/index.html");
    assert_eq!(templates.select(".article-body ol > li pre").len(), 2);

    // `redirect_to` sends every language elsewhere; `redirect_from` keeps old URLs.
    for lang in ["en", "fr", "es"] {
        let page = site.html(&format!("{lang}/legacy-reports/index.html"));
        assert_eq!(
            page.attr("meta[http-equiv=refresh]", "content"),
            "0; url=https://classic.shiftbloom.example/help/reports/"
        );
    }
    let old = site.html("start/index.html");
    assert_eq!(old.attr("meta[http-equiv=refresh]", "content"), "0; url=/docs/en/welcome/");

    // The requirement tables, localized, and the workstation check.
    let requirements = site.html("de/technical-requirements/index.html");
    assert_eq!(requirements.select(".article-body table caption").len(), 6);
    assert!(site.path("public/es/requirements.json").exists());
}
