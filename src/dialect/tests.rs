use super::*;
use crate::diag::{Code, Diagnostics};
use crate::ids::LangId;

/// Everything a `Context` borrows, with test defaults: the default theme's
/// icons and strings, no media, the default offers.
pub(crate) struct Fixture {
    pub includes: Includes,
    pub media: Media,
    pub data: DataFiles,
    pub icons: BTreeMap<String, String>,
    pub offers: Offers,
    pub l10n: Localizer,
    pub base_url: BaseUrl,
}

impl Default for Fixture {
    fn default() -> Fixture {
        let config = crate::config::Config::load(std::path::Path::new("/nonexistent"), Default::default()).unwrap();
        let theme = crate::theme::load(&config).unwrap();
        let langs: Vec<LangId> = ["en", "fr", "de"].iter().map(|l| LangId::parse(l).unwrap()).collect();
        let l10n = Localizer::load(
            &theme.locales,
            std::path::Path::new("/nonexistent"),
            &langs,
            &langs[0],
            &mut Diagnostics::default(),
        );
        Fixture {
            includes: Includes::default(),
            media: Media::default(),
            data: DataFiles::default(),
            icons: theme.icons,
            offers: Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]),
            l10n,
            base_url: BaseUrl::parse("/docs/").unwrap(),
        }
    }
}

impl Fixture {
    pub fn context(&self) -> Context<'_> {
        Context {
            includes: &self.includes,
            media: &self.media,
            data: &self.data,
            icons: &self.icons,
            offers: &self.offers,
            l10n: &self.l10n,
            base_url: &self.base_url,
            site_title: None,
            requirements: None,
            hand_written: None,
            allow_frames_from: &[],
        }
    }

    pub fn run(&self, article: &SourceArticle) -> (String, Vec<CrossLink>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let expanded = expand(article, &self.context(), &mut diags);
        (expanded.markdown, expanded.links, diags)
    }
}

fn article_in(lang: &str, front: &str, body: &str) -> SourceArticle {
    let text = format!("---\ntitle: T\n{front}---\n{body}");
    let path = ArticlePath::parse("a.md").unwrap();
    let file = format!("content/{lang}/a.md");
    SourceArticle::parse(LangId::parse(lang).unwrap(), path, file.into(), text).unwrap()
}

fn article(body: &str) -> SourceArticle {
    article_in("en", "", body)
}

fn run_with(article: &SourceArticle, includes: Includes) -> (String, Vec<CrossLink>, Vec<Diagnostic>) {
    Fixture { includes, ..Fixture::default() }.run(article)
}

fn run(body: &str) -> (String, Vec<CrossLink>, Vec<Diagnostic>) {
    Fixture::default().run(&article(body))
}

fn position(d: &Diagnostic) -> (String, u32, u32) {
    let l = d.location.as_ref().expect("a location");
    (l.file.display().to_string(), l.line, l.column)
}

#[test]
fn link_new_becomes_a_markdown_link() {
    let (md, links, d) = run("See {% link_new the *setup* page? « Été » | guides/setup.md | #pop-ups %}.\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, "See [the *setup* page? « Été »](helpgen-link:0).\n");
    assert_eq!(links[0].target.as_str(), "guides/setup.md");
    assert_eq!(links[0].anchor.as_deref(), Some("pop-ups"));
    assert_eq!((links[0].location.line, links[0].location.column), (4, 5));
}

#[test]
fn link_new_inside_a_table_keeps_the_row_intact() {
    let (md, _, d) = run("| a | b |\n|---|---|\n| {% link_new Text | x.md %} | {% link_new `T` | y.md %} |\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(md.contains("| ⸢\u{E002}0\u{E003}Text\u{E004}⸣ | [`T`](helpgen-link:1) |"), "{md}");
}

#[test]
fn link_new_with_plain_text_is_marked_not_written_as_markdown() {
    let (md, links, d) = run("a {% link_new Prérequis : réseau (2/3)? \"Oui\" ! | x.md %} b {% link_new <x> | y.md %}");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, "a ⸢\u{E002}0\u{E003}Prérequis : réseau (2/3)? \"Oui\" !\u{E004}⸣ b [<x>](helpgen-link:1)");
    assert_eq!(links.len(), 2);
    for markdown in ["*a*", "a_b", "`a`", "[a]", "a\\b", "a &amp; b", "<b>", "~a~", "{:x}"] {
        let (md, _, _) = run(&format!("{{% link_new {markdown} | x.md %}}"));
        assert!(md.ends_with("](helpgen-link:0)"), "{markdown}: {md}");
    }
}

#[test]
fn tags_in_code_stay_literal() {
    let body = "`{% link_new a | b.md %}`\n\n```\n{% link_new a | b.md %}\n```\n\n    {% nope %}\n";
    let (md, links, d) = run(body);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, body);
    assert!(links.is_empty());
}

/// In code, tags stay as written, but `{% raw %}` markers go: Jekyll
/// authors put them there so that Liquid leaves the code alone.
#[test]
fn raw_markers_in_code_are_not_shown() {
    let (md, _, d) =
        run("`{% raw %}{{ page.title }}{% endraw %}`\n\n```\n{% raw %}\n{% include x.md %}\n{% endraw %}\n```\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, "`{{ page.title }}`\n\n```\n\n{% include x.md %}\n\n```\n");
}

#[test]
fn raw_blocks_are_copied_without_expansion() {
    let (md, _, d) = run("{% raw %}{% link_new a | b.md %}{% endraw %} after");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, "{% link_new a | b.md %} after");
}

/// `{{ site.data... }}` prints a fact kept in `content/_data/`, where it
/// stands, so prose follows the data.
#[test]
fn data_values_are_printed_in_prose() {
    let mut fixture = Fixture::default();
    let yaml = "firewall:\n  - port: 443\n  - port: 45054\n";
    fixture.data.insert("requirements", serde_yaml::from_str(yaml).unwrap());
    let article = article_in("en", "", "Open port {{ site.data.requirements.firewall[1].port }}.");
    let (md, _, d) = fixture.run(&article);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, "Open port \u{E000}0\u{E001}.");
    let article = article_in("en", "", "Open port {{ site.data.requirements.firewall[1].prot }}.");
    let (_, _, d) = fixture.run(&article);
    assert_eq!(d[0].code, Code::DialectMalformedTag);
    assert!(d[0].message.contains("did you mean `port`?"), "{}", d[0].message);
}

/// The read-only site variables of Jekyll that help centers use. URLs are
/// written into the Markdown, so they work in a link's address too.
#[test]
fn site_variables_and_the_page_url() {
    let (md, _, d) =
        run("[Home]({{ site.baseurl }}/) at {{ site.url }}{{ site.baseurl }}{{ page.url }}: {{ site.title }}");
    assert!(d.is_empty(), "{d:?}");
    // The fixture publishes under `/docs/`, with no host.
    assert!(md.starts_with("[Home](/docs/) at /docs/en/a/: \u{E000}0\u{E001}"), "{md:?}");
}

#[test]
fn errors_point_at_the_tag_in_the_file() {
    let (_, _, d) = run("line one\nsome {% link_nwe x | y.md %}\n");
    assert_eq!(d[0].code, Code::DialectUnknownTag);
    // The body starts on line 4 of the file (after three front matter lines).
    assert_eq!(position(&d[0]), ("content/en/a.md".into(), 5, 6));
    assert_eq!(d[0].help.as_deref(), Some("did you mean `link_new`?"));
    // The whole tag is the span: columns 6 to 29, the end exclusive.
    assert_eq!(d[0].location.as_ref().and_then(|l| l.end_column), Some(29));
    // A tag that is not closed on its line has no end column.
    let (_, _, d) = run("{% nope\n%} and {% nope %}\n");
    let ends: Vec<_> = d.iter().map(|d| d.location.as_ref().and_then(|l| l.end_column)).collect();
    assert_eq!(ends, [None, Some(18)], "{d:?}");
}

#[test]
fn malformed_link_new_is_reported() {
    for (body, needle) in [
        ("{% link_new just text %}", "separated by `|`"),
        ("{% link_new %}", "separated by `|`"),
        ("{% link_new  | a.md %}", "empty"),
        ("{% link_new t | ../../x.md %}", "climbs out"),
        ("{% link_new t | a.md | anchor %}", "#heading-id"),
        ("{% link_new t | a.md | #x | y %}", "at most three"),
    ] {
        let (_, _, d) = run(body);
        assert_eq!(d.len(), 1, "{body}");
        assert_eq!(d[0].code, Code::DialectMalformedTag);
        assert_eq!(position(&d[0]), ("content/en/a.md".into(), 4, 1));
        assert!(d[0].message.contains(needle), "{body}: {}", d[0].message);
    }
}

#[test]
fn tags_may_span_lines_but_not_paragraphs() {
    let (md, links, d) = run("a {% link_new x |\n  y.md %} b");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!((md.as_str(), links.len()), ("a ⸢\u{E002}0\u{E003}x\u{E004}⸣ b", 1));
    let (_, _, d) = run("a {% link_new x | y.md\n\nb");
    assert_eq!(d[0].code, Code::DialectUnterminatedTag);
    assert_eq!(position(&d[0]), ("content/en/a.md".into(), 4, 3));
    let (_, _, d) = run("{% raw %} never closed");
    assert_eq!(d[0].code, Code::DialectUnbalancedTag);
}

#[test]
fn includes_expand_with_page_lang_and_keep_their_own_positions() {
    let mut includes = Includes::default();
    includes.insert("steps/fr/start.md", "1. Ouvrez {% link_new la page | b.md %}.\n2. {% nope %}\n");
    includes.insert("steps/de/start.md", "1. Öffnen Sie die Seite.\n");
    let fr = article_in("fr", "", "Intro\n\n{% include steps/{{ page.lang }}/start.md %}\n\nFin");
    let (md, links, d) = run_with(&fr, includes.clone());
    assert_eq!(md, "Intro\n\n1. Ouvrez ⸢\u{E002}0\u{E003}la page\u{E004}⸣.\n2. {% nope %}\n\nFin");
    // The link and the error inside the snippet point into the snippet.
    assert_eq!(links[0].location.file.display().to_string(), "content/_includes/steps/fr/start.md");
    assert_eq!((links[0].location.line, links[0].location.column), (1, 11));
    assert_eq!(position(&d[0]), ("content/_includes/steps/fr/start.md".into(), 2, 4));
    let de = article_in("de", "", "{% include steps/{{ page.lang }}/start.md %}");
    assert_eq!(run_with(&de, includes).0, "1. Öffnen Sie die Seite.");
}

#[test]
fn includes_interpolate_front_matter_keys() {
    let mut includes = Includes::default();
    includes.insert("product/wfm.md", "WFM");
    let a = article_in("en", "product: wfm\n", "{% include product/{{ page.product }}.md %}");
    let (md, _, d) = run_with(&a, includes.clone());
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(md, "WFM");
    let (_, _, d) = run_with(&article("{% include x/{{ page.nothing }}.md %}"), includes.clone());
    assert!(d[0].message.contains("`page.nothing` has no text value"), "{}", d[0].message);
    let (_, _, d) = run_with(&article("{% include x/{{ site.lang }}.md %}"), includes.clone());
    assert!(d[0].message.contains("not `site.lang`"), "{}", d[0].message);
}

#[test]
fn include_errors() {
    let mut includes = Includes::default();
    includes.insert("a.md", "A {% include b.md %}");
    includes.insert("b.md", "B {% include a.md %}");
    includes.insert("steps.md", "x");
    let (_, _, d) = run_with(&article("{% include a.md %}"), includes.clone());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, Code::IncludeCycle);
    assert_eq!(d[0].message, "include cycle: a.md -> b.md -> a.md");
    assert_eq!(position(&d[0]), ("content/_includes/b.md".into(), 1, 3));

    let (_, _, d) = run_with(&article("{% include step.md %}"), includes.clone());
    assert_eq!(d[0].code, Code::IncludeMissing);
    assert_eq!(d[0].help.as_deref(), Some("did you mean `steps.md`?"));
    let (_, _, d) = run_with(&article("{% include ../secret.md %}"), includes.clone());
    assert!(d[0].message.contains("climbs out"), "{}", d[0].message);
    let (_, _, d) = run_with(&article("{% include %}"), includes);
    assert_eq!(d[0].code, Code::DialectMalformedTag);
}

#[test]
fn include_depth_is_limited() {
    let mut includes = Includes::default();
    for i in 0..12 {
        includes.insert(&format!("{i}.md"), &format!("{i} {{% include {}.md %}}", i + 1));
    }
    includes.insert("12.md", "end");
    let (md, _, d) = run_with(&article("{% include 0.md %}"), includes);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, Code::IncludeTooDeep);
    assert_eq!(position(&d[0]), ("content/_includes/7.md".into(), 1, 3));
    assert!(md.starts_with("0 1 2 3 4 5 6 7 "), "{md}");
}

/// Snippets that include the next one ten times each reach gigabytes
/// within the depth limit: the expansion stops at a total size, with one
/// error at the include that crosses it.
#[test]
fn include_fan_out_is_bounded() {
    let mut includes = Includes::default();
    let filler = "Text of a step. ".repeat(100);
    for level in 0..7 {
        let next = format!("{{% include s{}.md %}}\n", level + 1);
        includes.insert(&format!("s{level}.md"), &format!("{filler}\n{}", next.repeat(10)));
    }
    includes.insert("s7.md", &filler);
    let (md, _, d) = run_with(&article("{% include s0.md %}"), includes);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::IncludeTooLarge], "{d:?}");
    assert!(d[0].location.as_ref().is_some_and(|l| l.file.starts_with("content/_includes")), "{d:?}");
    assert!(md.len() <= super::MAX_EXPANDED_BYTES, "{}", md.len());
}

#[test]
fn locations_map_back_through_expansions() {
    let body = "ab {% link_new t | x.md %} cd";
    let a = article(body);
    let mut diags = Vec::new();
    let fixture = Fixture::default();
    let e = expand(&a, &fixture.context(), &mut diags);
    let cd = e.markdown.find("cd").unwrap();
    assert_eq!(e.location(cd).column, body.find("cd").unwrap() as u32 + 1);
    let link = e.markdown.find('⸢').unwrap();
    assert_eq!(e.location(link).column, 4);
}
