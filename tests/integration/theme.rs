//! The default theme's page furniture, from the HTML it writes: previous and
//! next, the section sidebar, "Was this helpful?", last-updated dates from
//! git, notices for another offer, section cards.

use std::process::Command;

use crate::harness::Site;

fn guide() -> Site {
    let site = Site::empty();
    for (file, title) in [("beta", "Beta"), ("alpha", "Alpha"), ("gamma", "Gamma")] {
        site.write(&format!("content/en/guide/{file}.md"), format!("---\ntitle: {title}\n---\n\nText.\n"));
    }
    site.write("content/en/admin/users.md", "---\ntitle: Users\nproduct_label: [advanced]\n---\n\nText.\n");
    site
}

#[test]
fn previous_and_next_stay_in_the_section_in_title_order() {
    let site = guide();
    site.build_ok();
    let beta = site.html("en/beta/index.html");
    assert_eq!(beta.attr(".pager-previous", "href"), "/en/alpha/");
    assert_eq!(beta.text(".pager-previous strong"), "Alpha");
    assert_eq!(beta.attr(".pager-next", "href"), "/en/gamma/");
    assert_eq!(beta.attr(".pager-next", "rel"), "next");
    let alpha = site.html("en/alpha/index.html");
    assert!(alpha.select(".pager-previous").is_empty());
    assert!(site.html("en/gamma/index.html").select(".pager-next").is_empty());
    // Alone in its section: no pager at all.
    assert!(site.html("en/users/index.html").select(".pager").is_empty());
}

#[test]
fn the_sidebar_unfolds_the_open_articles_section_only() {
    let site = guide();
    site.build_ok();
    let beta = site.html("en/beta/index.html");
    assert_eq!(beta.attr("[data-menu-toggle]", "aria-controls"), "site-nav");
    let sections = beta.attrs("#site-nav .nav-section > a", "href");
    assert_eq!(sections, ["/en/#section-admin", "/en/#section-guide"]);
    assert_eq!(beta.attrs("#site-nav .nav-section-current li a", "href"), ["/en/alpha/", "/en/beta/", "/en/gamma/"]);
    assert_eq!(beta.text("#site-nav a[aria-current=page]"), "Beta");
    assert_eq!(beta.text("#site-nav .nav-section-current > a .count"), "3");
    // Other sections are links with their count, their articles not listed.
    assert!(beta.select("#site-nav .nav-section:not(.nav-section-current) ul").is_empty());
}

#[test]
fn an_article_for_some_offers_says_so_to_readers_of_the_others() {
    let site = guide();
    site.build_ok();
    let users = site.html("en/users/index.html");
    let notices = users.attrs(".offer-mismatch", "data-offer");
    assert_eq!(notices, ["essential", "enterprise", "classic", "enterprise-on-premise"]);
    assert_eq!(users.text(".offer-mismatch[data-offer=classic] a"), "See the articles for Classic.");
    assert_eq!(users.attr(".offer-mismatch[data-offer=classic] a", "href"), "/en/offers/classic/");
    // An unlabelled article is for every offer.
    assert!(site.html("en/beta/index.html").select(".offer-mismatch").is_empty());
    // offers.css shows the notice of the chosen offer only.
    let css = site.output(&format!("{}css/offers.css", site.assets()));
    assert!(css.contains("html[data-offer=\"classic\"] .offer-mismatch[data-offer=\"classic\"] { display: flex; }"));
}

#[test]
fn feedback_asks_only_when_configured_and_goes_where_the_site_says() {
    let site = guide();
    site.build_ok();
    assert!(site.html("en/beta/index.html").select(".feedback").is_empty(), "no address, no question");

    site.write(
        "helpgen.toml",
        "base_url = \"https://help.example.com/\"\n[feedback]\nurl = \"https://feedback.example.com/answers\"\n\
         contact = \"mailto:docs@example.com\"\n",
    );
    site.build_ok();
    let beta = site.html("en/beta/index.html");
    assert_eq!(beta.text(".feedback h2"), "Was this article helpful?");
    assert_eq!(beta.attr(".feedback form", "action"), "https://feedback.example.com/answers");
    assert_eq!(beta.attr(".feedback form", "method"), "get");
    assert_eq!(beta.attr(".feedback input[name=page]", "value"), "https://help.example.com/en/beta/");
    assert_eq!(beta.attr(".feedback input[name=lang]", "value"), "en");
    assert_eq!(beta.attrs(".feedback button", "value"), ["yes", "no"]);
    let contact = beta.attr("[data-feedback-contact]", "href");
    assert!(contact.starts_with("mailto:docs@example.com?subject=Beta&body=Page%3A%20https%3A%2F%2Fhelp"), "{contact}");
    // The page's own policy lets the answer go there, and nowhere else.
    let policy = beta.attr("meta[http-equiv=Content-Security-Policy]", "content");
    assert!(policy.contains("connect-src 'self' https://feedback.example.com"), "{policy}");
    assert!(policy.contains("form-action 'self' https://feedback.example.com"), "{policy}");

    site.write("helpgen.toml", "[feedback]\nurl = \"http://feedback.example.com/\"\n");
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("helpgen.toml") && run.stderr.contains("https://"), "{}", run.stderr);
}

fn git(site: &Site, args: &[&str]) {
    let done = Command::new("git")
        .args(["-c", "user.name=Writer", "-c", "user.email=writer@example.com"])
        .args(args)
        .current_dir(site.root())
        .env("GIT_AUTHOR_DATE", "2024-03-05T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2024-03-05T10:00:00Z")
        .output()
        .expect("git runs");
    assert!(done.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&done.stderr));
}

#[test]
fn last_updated_comes_from_git_and_is_left_out_elsewhere() {
    let site = guide();
    site.write("content/fr/guide/beta.md", "---\ntitle: Bêta\n---\n\nTexte.\n");
    site.write("content/fr/guide/équipe.md", "---\ntitle: Équipe\n---\n\nTexte.\n");
    site.build_ok();
    assert!(site.html("en/beta/index.html").select(".updated").is_empty(), "not a git checkout");

    git(&site, &["init", "-q"]);
    git(&site, &["add", "content"]);
    git(&site, &["commit", "-q", "-m", "first"]);
    site.build_ok();
    let en = site.html("en/beta/index.html");
    assert_eq!(en.attr(".updated time", "datetime"), "2024-03-05");
    assert_eq!(en.text(".updated time"), "Updated on March 5, 2024");
    assert_eq!(site.html("fr/beta/index.html").text(".updated time"), "Mis à jour le 5 mars 2024");
    // A file name beyond ASCII is found too.
    assert_eq!(site.html("fr/équipe/index.html").attr(".updated time", "datetime"), "2024-03-05");

    // A shallow clone knows only its last commit: no dates rather than wrong ones.
    let clone = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", site.root().display());
    let done = Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(clone.path().join("site"))
        .output()
        .expect("git runs");
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let run = crate::harness::helpgen(&["build", "--root", clone.path().join("site").to_str().expect("path")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(clone.path().join("site/public/en/beta/index.html")).expect("page");
    assert!(!page.contains("class=\"updated\""), "a shallow clone dates nothing");
}

#[test]
fn sections_come_in_the_configured_order_then_by_id() {
    let site = guide();
    site.write("content/en/billing/invoices.md", "---\ntitle: Invoices\n---\n\nText.\n");
    site.write("content/en/start.md", "---\ntitle: Start\n---\n\nText.\n");
    site.build_ok();
    let ids = |page: &str| site.html(page).attrs(".home-section", "id");
    assert_eq!(ids("en/index.html"), ["section-general", "section-admin", "section-billing", "section-guide"]);
    site.write("helpgen.toml", "[sections.guide]\norder = 1\n[sections.billing]\norder = 2\n");
    site.build_ok();
    assert_eq!(ids("en/index.html"), ["section-general", "section-guide", "section-billing", "section-admin"]);
    let sidebar = site.html("en/beta/index.html").attrs("#site-nav .nav-section > a", "href");
    assert_eq!(sidebar, ["/en/#section-general", "/en/#section-guide", "/en/#section-billing", "/en/#section-admin"]);
    // Previous and next follow the order too: the last article of a section has no next.
    assert!(site.html("en/gamma/index.html").select(".pager-next").is_empty());
}

#[test]
fn section_cards_carry_an_icon_a_description_and_a_count() {
    let site = guide();
    site.write("helpgen.toml", "[sections.guide]\nicon = \"book\"\n");
    site.write("locales/en/site.ftl", "section-guide = Guide\nsection-guide-description = Learn the basics.\n");
    site.build_ok();
    let home = site.html("en/index.html");
    assert_eq!(home.select("#section-guide .card-header svg.icon-book").len(), 1);
    assert_eq!(home.text("#section-guide .section-description"), "Learn the basics.");
    assert_eq!(home.text("#section-guide .count"), "3 articles");
    // Without a configured icon, the theme's own.
    assert_eq!(home.select("#section-admin .card-header svg.icon-section").len(), 1);
    assert_eq!(home.text("#section-admin .count"), "1 article");
    assert_eq!(
        home.attr("meta[name=description]", "content"),
        "Answers, guides and requirements, by topic and by offer."
    );
    // A misspelt icon is an error that lists the right names.
    site.write("helpgen.toml", "[sections.guide]\nicon = \"bok\"\n");
    let run = site.build(&[]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("helpgen.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("`[sections.guide] icon = \"bok\"` names no icon of the theme"), "{}", run.stderr);
    assert!(run.stderr.contains("book, calendar"), "{}", run.stderr);
}
