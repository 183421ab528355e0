//! Files for AI assistants: llms.txt at the root, per language and per
//! language and offer, parsed back and every link followed into the output.

use crate::harness::Site;

fn site() -> Site {
    let site = Site::empty();
    site.write("helpgen.toml", "base_url = \"https://help.example.com/docs/\"\n");
    site.write("content/en/guide/start.md", "---\ntitle: Start here\ndescription: The first steps.\n---\n\nText.\n");
    site.write("content/en/guide/pro.md", "---\ntitle: Pro [tips]\nproduct_label: [advanced]\n---\n\nText.\n");
    site.write("content/fr/guide/start.md", "---\ntitle: Commencer ici\n---\n\nTexte.\n");
    site
}

/// The (text, URL) of every Markdown link in `text`.
fn links(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("- [")) {
        let (label, rest) = line[3..].split_once("](").expect("a link");
        let url = rest.split_once(')').expect("a closed link").0;
        found.push((label.to_string(), url.to_string()));
    }
    found
}

#[test]
fn every_llms_file_parses_and_every_link_resolves() {
    let site = site();
    site.build_ok();
    let mut files = vec!["llms.txt".to_string()];
    for lang in ["en", "fr"] {
        files.push(format!("{lang}/llms.txt"));
        for offer in ["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"] {
            files.push(format!("{lang}/offers/{offer}/llms.txt"));
        }
    }
    for file in &files {
        let text = site.output(file);
        assert!(text.starts_with("# "), "{file}: {text}");
        for (label, url) in links(&text) {
            let path = url.strip_prefix("https://help.example.com/docs/").unwrap_or_else(|| panic!("{file}: {url}"));
            let target = if path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
            assert!(site.path(&format!("public/{target}")).is_file(), "{file}: [{label}]({url}) leads nowhere");
        }
    }
}

#[test]
fn each_language_and_offer_lists_what_applies() {
    let site = site();
    site.build_ok();
    let root = links(&site.output("llms.txt"));
    assert_eq!(
        root.iter().map(|(_, url)| url.as_str()).collect::<Vec<_>>(),
        ["https://help.example.com/docs/en/llms.txt", "https://help.example.com/docs/fr/llms.txt"]
    );
    let en = site.output("en/llms.txt");
    assert!(en.contains("\n## Guide\n"), "{en}");
    assert!(en.contains("- [Start here](https://help.example.com/docs/en/start/): The first steps.\n"), "{en}");
    // Brackets in a title cannot end the link early.
    assert!(en.contains("- [Pro \\[tips\\]](https://help.example.com/docs/en/pro/)\n"), "{en}");
    // An untranslated article stands in, and says so.
    let fr = site.output("fr/llms.txt");
    assert!(fr.contains("- [Pro \\[tips\\]](https://help.example.com/docs/fr/pro/): not translated, in en\n"), "{fr}");
    // An offer's file lists its own articles and those for every offer.
    let classic: Vec<String> = links(&site.output("en/offers/classic/llms.txt")).into_iter().map(|(l, _)| l).collect();
    assert_eq!(classic, ["Start here"]);
    let advanced: Vec<String> =
        links(&site.output("en/offers/advanced/llms.txt")).into_iter().map(|(l, _)| l).collect();
    assert_eq!(advanced, ["Pro \\[tips\\]", "Start here"]);
}
