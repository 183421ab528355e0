//! The repository's own sample help center and the command line around it.

use crate::harness::{helpgen, Site};

#[test]
fn the_sample_help_center_builds_in_three_languages() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let root = env!("CARGO_MANIFEST_DIR");
    let run = helpgen(&["build", "--root", root, "--output", output.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("0 errors"), "{}", run.stderr);
    for lang in ["en", "fr", "de"] {
        let page = std::fs::read_to_string(output.join(lang).join("technical-requirements/index.html")).unwrap();
        let page = scraper::Html::parse_document(&page);
        let h1 = scraper::Selector::parse("h1").unwrap();
        assert_eq!(page.select(&h1).count(), 1, "{lang}");
    }
    // German has no Cloud Link article of its own: the English one stands in.
    let de = std::fs::read_to_string(output.join("de/install-cloud-link/index.html")).unwrap();
    assert!(de.contains("class=\"notice notice-untranslated\""));
}

#[test]
fn help_explains_every_flag() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_helpgen")).args(["build", "--help"]).output().unwrap();
    assert!(run.status.success());
    let help = String::from_utf8_lossy(&run.stdout);
    for flag in ["--root", "--output", "--base-url"] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(helpgen(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(helpgen(&["frobnicate"]).code, 2);
}

#[test]
fn base_url_flag_overrides_the_config() {
    let site = Site::fixture("i18n");
    let run = site.build(&["--base-url", "https://other.example.net/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.html("en/start/index.html");
    assert_eq!(page.attr("link[rel=canonical]", "href"), "https://other.example.net/en/start/");
}

/// The number of files a build says it wrote.
fn written(run: &crate::harness::Run) -> usize {
    let (_, after) = run.stderr.split_once(" files (").expect("a summary line");
    after.split(' ').next().and_then(|n| n.parse().ok()).expect("a count")
}

/// A rebuild starts from the site the last swap replaced: with nothing
/// changed it writes no file; one edited article rewrites a few.
#[test]
fn a_rebuild_writes_only_the_files_that_changed() {
    let site = Site::fixture("i18n");
    site.build_ok();
    site.build_ok();
    assert_eq!(written(&site.build_ok()), 0);
    let page = site.output("fr/start/index.html");
    let article = std::fs::read_to_string(site.path("content/fr/guide/start.md")).unwrap();
    site.write("content/fr/guide/start.md", format!("{article}\nUne phrase de plus.\n"));
    let run = site.build_ok();
    let total: usize = run.stderr.split(" files (").next().unwrap().rsplit(' ').next().unwrap().parse().unwrap();
    // The page, and the French search files that hold its words.
    assert!((1..=total / 4).contains(&written(&run)), "{} of {total} written", written(&run));
    assert_ne!(site.output("fr/start/index.html"), page);
    assert!(site.output("fr/start/index.html").contains("Une phrase de plus."));
    // The spare is ignored by Git; the published site has no such file.
    assert!(site.path(".public.spare/.gitignore").is_file());
    assert!(!site.path("public/.gitignore").exists());
}

/// `init` writes a site that builds without a warning and is nobody's in
/// particular (no offers); `new` adds an article to it.
#[test]
fn init_and_new_start_a_help_center_that_builds_clean() {
    let site = Site::bare();
    let dir = site.path("help");
    let run = helpgen(&["init", dir.to_str().unwrap(), "--language", "de"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = helpgen(&["new", "setup/install-the-app", "--root", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = helpgen(&["build", "--root", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("0 errors, 0 warnings"), "{}", run.stderr);
    let page = std::fs::read_to_string(dir.join("public/de/install-the-app/index.html")).unwrap();
    assert!(page.contains(">Install the app</h1>"), "{page}");
    assert!(!dir.join("public/de/offers").exists());
    // A second init leaves the site alone.
    let run = helpgen(&["init", dir.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
}

/// `--quiet` prints nothing but errors: no warnings, no summary line.
#[test]
fn quiet_builds_print_only_errors() {
    let site = Site::empty();
    site.write("content/en/a.md", "---\ntitle: A\ntitel: A\n---\n\nSee [b](b.md).\n");
    site.write("content/en/b.md", "---\ntitle: B\n---\n\nText {% link_new a | a.md %}.\n");
    let loud = site.build(&[]);
    assert!(loud.stderr.contains("Built "), "{}", loud.stderr);
    assert!(loud.stderr.contains("warning["), "{}", loud.stderr);
    let quiet = site.build(&["--quiet"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
    site.write("content/en/c.md", "---\ntitle: C\n---\n\n{% link_new x | nowhere.md %}\n");
    let failed = site.build(&["-q"]);
    assert_eq!(failed.code, 1);
    assert!(
        failed.stderr.contains("error[link.missing-target]") && !failed.stderr.contains("warning["),
        "{}",
        failed.stderr
    );
}
