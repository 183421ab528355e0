//! Markdown twins (`/<lang>/<slug>/index.md`) and `llms-full.txt`: the
//! dialect turned into plain Markdown, parsed back with a Markdown parser,
//! and every address followed into the output.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::harness::Site;

const BASE: &str = "https://help.example.com/docs/";

fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&640u32.to_be_bytes());
    bytes.extend_from_slice(&400u32.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

/// Every construct of the dialect, in English and French; `pro` is not
/// translated, so French readers get the English text.
fn site() -> Site {
    let site = Site::empty();
    site.write("helpgen.toml", format!("base_url = \"{BASE}\"\nlanguages = [\"en\", \"fr\"]\n"));
    site.write("content/_data/offers.yaml", include_str!("../../content/_data/offers.yaml"));
    site.write("content/_data/requirements.yaml", include_str!("../../content/_data/requirements.yaml"));
    site.write("content/_includes/steps/en/open.md", "1. Open the **schedule**.\n");
    site.write("content/_includes/steps/fr/open.md", "1. Ouvrez le **planning**.\n");
    site.write("content/_media/guide/start/1.png", png());
    let body = "{% include steps/{{ page.lang }}/open.md %}\n\n\
        {{ 1 | image: 'The schedule', '50%' }}\n\n\
        Click _Plan_{:.menu-item} then {% icon item-add %}.\n{:.note}\n\n\
        {% offer advanced enterprise %}\n\
        Only here: read {% link_new the pro tips | guide/pro.md | #setup %} first.\n\
        {% endoffer %}\n\n\
        ## Setup {#setup-here}\n\n\
        [This section](#setup-here), [the tips](pro.md \"Tips\"){:target=\"_blank\"}, [a file](/files/a.pdf).\n\n\
        {% requirements firewall %}\n\n\
        ```text\n{% link_new shown as written | guide/pro.md %}\n```\n";
    for (lang, title) in [("en", "Start here"), ("fr", "Commencer ici")] {
        site.write(
            &format!("content/{lang}/guide/start.md"),
            format!("---\ntitle: {title}\ndescription: The first steps.\nproduct_label: [essential, advanced]\nrelated_articles: []\n---\n\n{body}"),
        );
    }
    site.write(
        "content/en/guide/pro.md",
        "---\ntitle: Pro tips\n---\n\n## Setup\n\nSee {% link_new Start | guide/start.md %}.\n",
    );
    site
}

/// A twin's front matter (as YAML) and body.
fn split(twin: &str) -> (serde_yaml::Mapping, &str) {
    let rest = twin.strip_prefix("---\n").expect("front matter");
    let (front, body) = rest.split_once("\n---\n").expect("closed front matter");
    (serde_yaml::from_str(front).expect("YAML front matter"), body)
}

/// Every link and image address of `markdown`, and its text outside code.
fn read(markdown: &str) -> (Vec<String>, String) {
    let (mut addresses, mut text, mut in_code) = (Vec::new(), String::new(), false);
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::all()) {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                addresses.push(dest_url.to_string())
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) if !in_code => text.push_str(&t),
            _ => {}
        }
    }
    (addresses, text)
}

/// Follows an address of the site into the output: the file exists, and
/// a fragment names an element of the page.
fn assert_resolves(site: &Site, from: &str, url: &str) {
    // Addresses elsewhere (the host's own `/files/`) are the writer's, as on the page.
    assert!(url.starts_with("https://"), "{from}: {url} is not absolute");
    let Some(path) = url.strip_prefix(BASE) else { return };
    let (path, fragment) = path.split_once('#').map_or((path, None), |(p, f)| (p, Some(f)));
    let file = if path.ends_with('/') || path.is_empty() { format!("{path}index.html") } else { path.to_string() };
    assert!(site.path(&format!("public/{file}")).is_file(), "{from}: {url} leads nowhere");
    if let Some(id) = fragment {
        let page = site.html(&file);
        assert_eq!(page.select(&format!("[id=\"{id}\"]")).len(), 1, "{from}: {url} names no element");
    }
}

fn twins(site: &Site) -> Vec<String> {
    let public = site.path("public");
    let mut found: Vec<String> = walkdir::WalkDir::new(&public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() == "index.md")
        .map(|e| e.path().strip_prefix(&public).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    found.sort();
    found
}

#[test]
fn every_article_page_has_a_twin_in_plain_markdown_whose_addresses_resolve() {
    let site = site();
    site.build_ok();
    let found = twins(&site);
    assert_eq!(found, ["en/pro/index.md", "en/start/index.md", "fr/pro/index.md", "fr/start/index.md"]);
    for file in &found {
        let twin = site.output(file);
        let (front, body) = split(&twin);
        let keys: Vec<&str> = front.keys().filter_map(|k| k.as_str()).collect();
        assert!(keys.iter().all(|k| ["title", "description", "offers", "language"].contains(k)), "{file}: {keys:?}");
        let (addresses, text) = read(body);
        assert!(!text.contains("{%") && !text.contains("{:") && !text.contains("{{"), "{file}: {text}");
        assert!(!body.contains(['\u{E000}', '\u{E002}']) && !body.contains("helpgen-link"), "{file}: {body}");
        for url in &addresses {
            assert_resolves(&site, file, url);
        }
        // The page names its twin.
        let html = site.html(&file.replace("index.md", "index.html"));
        let alternate = html.attr("link[rel=alternate][type=\"text/markdown\"]", "href");
        assert_eq!(format!("https://help.example.com{alternate}"), format!("{BASE}{file}"));
        assert_eq!(html.attr("[data-copy-markdown]", "data-copy-markdown"), alternate);
    }
}

#[test]
fn the_twin_says_in_markdown_what_the_dialect_said() {
    let site = site();
    site.build_ok();
    let twin = site.output("en/start/index.md");
    let (front, body) = split(&twin);
    assert_eq!(front["title"].as_str(), Some("Start here"));
    assert_eq!(front["language"].as_str(), Some("en"));
    assert_eq!(front["offers"], serde_yaml::from_str::<serde_yaml::Value>("[essential, advanced]").unwrap());
    // The include, the image, the span without its list, the icon's label.
    assert!(body.contains("1. Open the **schedule**."), "{body}");
    assert!(body.contains(&format!("![The schedule]({BASE}media/guide/start/1.png)")), "{body}");
    assert!(body.contains("Click _Plan_ then Add."), "{body}");
    // The offer block, named at its start and end.
    assert!(body.contains("**Available for: Advanced, Enterprise** <!-- offers: advanced enterprise -->"), "{body}");
    assert!(body.contains(&format!("read [the pro tips]({BASE}en/pro/#setup) first.")), "{body}");
    assert!(body.contains("<!-- end of offers: advanced enterprise -->"), "{body}");
    // Links of every kind, absolute; the heading without its id list.
    assert!(body.contains("## Setup\n"), "{body}");
    assert!(body.contains(&format!("[This section]({BASE}en/start/#setup-here)")), "{body}");
    assert!(
        body.contains(&format!("[the tips]({BASE}en/pro/ \"Tips\"), [a file](https://help.example.com/files/a.pdf)")),
        "{body}"
    );
    // The requirement table from the data, as a Markdown table.
    assert!(body.contains("**Firewall rules**\n\n| Destination | Protocol | Port |"), "{body}");
    assert!(body.contains("| `*.injixo.com` | TCP | 443 |"), "{body}");
    // Code shows the tag as written.
    assert!(body.contains("```text\n{% link_new shown as written | guide/pro.md %}\n```"), "{body}");

    // French readers of the untranslated article get the English text,
    // linking to the French pages.
    let fallback = site.output("fr/pro/index.md");
    let (front, body) = split(&fallback);
    assert_eq!(front["language"].as_str(), Some("en"));
    assert!(body.contains(&format!("See [Start]({BASE}fr/start/).")), "{body}");
}

#[test]
fn llms_full_holds_every_article_of_the_language_in_section_order() {
    let site = site();
    site.build_ok();
    for lang in ["en", "fr"] {
        let full = site.output(&format!("{lang}/llms-full.txt"));
        assert!(full.starts_with("# "), "{full}");
        let titles: Vec<&str> = full.lines().filter_map(|l| l.strip_prefix("# ")).skip(1).collect();
        // The section's order: by title.
        let expected = if lang == "en" { ["Pro tips", "Start here"] } else { ["Commencer ici", "Pro tips"] };
        assert_eq!(titles, expected, "{lang}");
        assert!(full.contains(&format!("- Address: {BASE}{lang}/pro/\n")), "{full}");
        assert!(full.contains("| `*.injixo.com` | TCP | 443 |"), "{full}");
        let (addresses, text) = read(&full);
        assert!(!text.contains("{%"), "{text}");
        for url in &addresses {
            assert_resolves(&site, &format!("{lang}/llms-full.txt"), url);
        }
        assert!(site.output(&format!("{lang}/llms.txt")).contains(&format!("({BASE}{lang}/llms-full.txt)")));
    }
    let fr = site.output("fr/llms-full.txt");
    assert!(fr.contains("- Not translated: the text is in en\n"), "{fr}");
}

/// A link whose text holds backtick runs of every length, none closed
/// (3.9 MB, near the article size limit): finding where the text ends
/// stays linear in it. Searching for each run's closing run from scratch
/// took 86 s here in a debug build; the build now takes about 3.5 s.
#[test]
fn a_hostile_link_text_is_read_in_bounded_time() {
    let site = Site::empty();
    let runs: Vec<String> = (1..=2800).map(|n| "`".repeat(n)).collect();
    site.write("content/en/b.md", "---\ntitle: B\n---\n\nB.\n");
    site.write("content/en/a.md", format!("---\ntitle: A\n---\n\n[{}](b.md) and [after](b.md).\n", runs.join(" x ")));
    let started = std::time::Instant::now();
    site.build_ok();
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    let twin = site.output("en/a/index.md");
    assert!(twin.trim_end().ends_with("](/en/b/) and [after](/en/b/)."), "{}", &twin[twin.len() - 80..]);
}

/// More articles than the build renders at once (512 pages): the full
/// text is written in pieces as the pages come, and is whole whether it is
/// streamed to disk, made in memory for search, or written over a longer
/// one from the build before.
#[test]
fn a_full_text_longer_than_a_batch_is_whole() {
    let site = Site::empty();
    site.write("helpgen.toml", format!("base_url = \"{BASE}\"\nlanguages = [\"en\", \"fr\"]\n"));
    let write_articles = |words: &str| {
        for n in 0..700 {
            let body = format!("---\ntitle: Article {n:03}\n---\n\nArticle {n} {words}.\n");
            site.write(&format!("content/en/s{}/a{n:03}.md", n % 3), body);
        }
    };
    write_articles("with a long first text that the next build shortens");
    site.write("content/fr/s0/a000.md", "---\ntitle: Article 000 en français\n---\n\nArticle 0.\n");
    assert_eq!(site.build(&["--no-search"]).code, 0);
    write_articles("shorter");
    assert_eq!(site.build(&["--no-search"]).code, 0);
    for lang in ["en", "fr"] {
        let full = site.output(&format!("{lang}/llms-full.txt"));
        let titles: Vec<&str> = full.lines().filter_map(|l| l.strip_prefix("# Article ")).collect();
        assert_eq!(titles.len(), 700, "{lang}");
        // Section by section, each by title.
        let mut expected: Vec<(u32, &str)> = titles.iter().map(|t| (t[..3].parse::<u32>().unwrap() % 3, *t)).collect();
        expected.sort();
        assert_eq!(titles, expected.iter().map(|(_, t)| *t).collect::<Vec<_>>(), "{lang}");
        assert!(!full.contains("long first text"), "{lang}");
        assert_eq!(full.matches("shorter").count(), if lang == "en" { 700 } else { 699 }, "{lang}");
    }
    let streamed = site.output("fr/llms-full.txt");
    site.build_ok();
    assert_eq!(site.output("fr/llms-full.txt"), streamed);
}
