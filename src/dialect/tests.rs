use super::*;
use crate::ids::LangId;

fn article(body: &str) -> SourceArticle {
    let text = format!("---\ntitle: T\n---\n{body}");
    let path = ArticlePath::parse("a.md").unwrap();
    SourceArticle::parse(LangId::parse("en").unwrap(), path, "content/en/a.md".into(), text).unwrap()
}

fn run(body: &str) -> (Expanded, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let expanded = expand(&article(body), &mut diags);
    (expanded, diags)
}

#[test]
fn link_new_becomes_a_markdown_link() {
    let (e, d) = run("See {% link_new the *setup* page | guides/setup.md | #pop-ups %}.\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(e.markdown, "See [the *setup* page](helpgen-link:0).\n");
    assert_eq!(e.links[0].target.as_str(), "guides/setup.md");
    assert_eq!(e.links[0].anchor.as_deref(), Some("pop-ups"));
}

#[test]
fn link_new_inside_a_table_keeps_the_row_intact() {
    let (e, d) = run("| a | b |\n|---|---|\n| {% link_new Text | x.md %} | 2 |\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(e.markdown.contains("| [Text](helpgen-link:0) | 2 |"), "{}", e.markdown);
}

#[test]
fn tags_in_code_stay_literal() {
    let body = "`{% link_new a | b.md %}`\n\n```\n{% link_new a | b.md %}\n```\n\n    {% nope %}\n";
    let (e, d) = run(body);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(e.markdown, body);
    assert!(e.links.is_empty());
}

#[test]
fn raw_blocks_are_copied_without_expansion() {
    let (e, d) = run("{% raw %}{% link_new a | b.md %}{% endraw %} after");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(e.markdown, "{% link_new a | b.md %} after");
}

#[test]
fn errors_point_at_the_tag_in_the_file() {
    let (_, d) = run("line one\nsome {% link_nwe x | y.md %}\n");
    assert_eq!(d[0].code, "dialect.unknown-tag");
    let loc = d[0].location.as_ref().unwrap();
    // The body starts on line 4 of the file (after three front matter lines).
    assert_eq!((loc.line, loc.column), (5, 6));
    assert_eq!(d[0].help.as_deref(), Some("did you mean `link_new`?"));
}

#[test]
fn malformed_link_new_is_reported() {
    for (body, needle) in [
        ("{% link_new just text %}", "separated by `|`"),
        ("{% link_new  | a.md %}", "empty"),
        ("{% link_new t | ../../x.md %}", "climbs out"),
        ("{% link_new t | a.md | anchor %}", "#heading-id"),
        ("{% link_new t | a.md | #x | y %}", "at most three"),
    ] {
        let (_, d) = run(body);
        assert_eq!(d.len(), 1, "{body}");
        assert_eq!(d[0].code, "dialect.malformed-tag");
        assert!(d[0].message.contains(needle), "{body}: {}", d[0].message);
    }
}

#[test]
fn unterminated_and_unbalanced_tags() {
    let (_, d) = run("a {% link_new x | y.md\n\nb");
    assert_eq!(d[0].code, "dialect.unterminated-tag");
    let (_, d) = run("{% raw %} never closed");
    assert_eq!(d[0].code, "dialect.unbalanced-tag");
}

#[test]
fn span_map_points_back_into_the_source() {
    let body = "ab {% link_new t | x.md %} cd";
    let a = article(body);
    let mut diags = Vec::new();
    let e = expand(&a, &mut diags);
    let cd = e.markdown.find("cd").unwrap();
    assert_eq!(&a.text[e.map.to_source(cd)..], "cd");
    let link = e.markdown.find('[').unwrap();
    assert_eq!(&a.text[e.map.to_source(link)..e.map.to_source(link) + 2], "{%");
}
