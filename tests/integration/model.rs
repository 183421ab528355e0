//! The site model kept in memory: one changed article is read and parsed
//! again alone, and the site's checks see the change.

use helpgen::build::{Reload, SiteModel, StageTimer};
use helpgen::config::{Config, Overrides};
use helpgen::diag::{Code, Diagnostic, Severity};

use crate::harness::Site;

const FILE: &str = "content/en/admin/only-en.md";

/// The errors and warnings in `file`, with their lines.
fn codes_in(diagnostics: &[Diagnostic], file: &str) -> Vec<(Code, u32)> {
    let at = |d: &Diagnostic| d.location.as_ref().filter(|l| l.file.to_str() == Some(file)).map(|l| l.line);
    diagnostics.iter().filter(|d| d.severity != Severity::Info).filter_map(|d| Some((d.code, at(d)?))).collect()
}

#[test]
fn one_changed_article_is_read_again_and_checked_with_the_site() {
    let site = Site::fixture("i18n");
    let config = Config::load(site.root(), Overrides::default()).unwrap();
    let mut model = SiteModel::load(&config, &mut StageTimer::start()).unwrap();
    let articles = model.site.articles().len();
    assert!(codes_in(&model.diagnostics(&config), FILE).is_empty());

    site.write(FILE, "---\ntitle: Admin notes\n---\n\n## Notes\n\nSee {% link_new the guide | guide/nowhere.md %}.\n");
    assert_eq!(model.reload_article(&config, FILE.as_ref()), Reload::Updated);
    assert_eq!(codes_in(&model.diagnostics(&config), FILE), [(Code::LinkMissingTarget, 7)]);
    // The same front matter: only the body changed.
    site.write(FILE, "---\ntitle: Admin notes\n---\n\n## Notes\n\nSee {% link_new the guide | guide/nowhere.md %}!\n");
    assert_eq!(model.reload_article(&config, FILE.as_ref()), Reload::Body);
    // What the article's new body shows: its headings and where its links go.
    let shown = |model: &SiteModel| {
        let article = model.site.articles().iter().find(|a| a.source.file.to_str() == Some(FILE)).unwrap();
        let headings: Vec<&str> = article.doc.headings.iter().map(|h| h.text.as_str()).collect();
        let links: Vec<String> = article.doc.links.iter().map(|l| format!("{:?}", l.target)).collect();
        (headings.join(", "), links.join(", "))
    };
    assert!(shown(&model).1.contains("guide/nowhere.md"), "{:?}", shown(&model));

    // Broken front matter: the article stays known, with its new body, and
    // only the front matter is reported.
    site.write(FILE, "---\ntitle: [unclosed\n---\n\n## Notes\n");
    model.reload_article(&config, FILE.as_ref());
    assert_eq!(codes_in(&model.diagnostics(&config), FILE), [(Code::FrontMatterYaml, 3)]);
    assert_eq!(shown(&model), ("Notes".to_string(), String::new()));

    site.write(FILE, "---\ntitle: Admin notes\n---\n\n## Notes\n\nSee {% link_new the guide | guide/start.md %}.\n");
    model.reload_article(&config, FILE.as_ref());
    assert!(codes_in(&model.diagnostics(&config), FILE).is_empty());
    assert_eq!(model.site.articles().len(), articles);

    site.write("content/en/admin/new.md", "---\ntitle: New\n---\n\nText.\n");
    assert_eq!(model.reload_article(&config, "content/en/admin/new.md".as_ref()), Reload::NotAnArticle);
}
