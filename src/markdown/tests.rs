use super::*;
use crate::content::SourceArticle;
use crate::ids::{ArticlePath, LangId};

fn render(body: &str) -> (String, ParsedDoc, Vec<Diagnostic>) {
    let text = format!("---\ntitle: T\n---\n{body}");
    let path = ArticlePath::parse("a.md").unwrap();
    let article = SourceArticle::parse(LangId::parse("en").unwrap(), path, "content/en/a.md".into(), text).unwrap();
    let mut diags = Vec::new();
    let includes = crate::content::Includes::default();
    let cx = crate::dialect::Context { includes: &includes };
    let expanded = crate::dialect::expand(&article, &cx, &mut diags);
    let doc = parse(&expanded, &Highlighter::new(), &mut diags);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, doc.events.clone().into_iter());
    (html, doc, diags)
}

#[test]
fn span_attributes_become_element_attributes() {
    let (html, _, d) = render("Click _Plan > Schedules_{:.breadcrumbs} then **OK**{:.doc-button #ok}.");
    assert!(d.is_empty(), "{d:?}");
    assert!(
        html.contains(r#"<em class="breadcrumbs">Plan &gt; Schedules</em> then"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<strong id="ok" class="doc-button">OK</strong>."#),
        "{html}"
    );
}

#[test]
fn invalid_span_attributes_stay_visible_with_a_warning() {
    let (html, _, d) = render("Click _Menu_{:onclick=\"x()\"}.");
    assert!(html.contains("<em>Menu</em>{:onclick="), "{html}");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "dialect.attribute");
    assert_eq!(d[0].location.as_ref().unwrap().line, 4);
}

#[test]
fn headings_get_github_ids_and_explicit_ids_win() {
    let (html, doc, _) = render("## Add a break activity\n\n## Setup\n\n## Setup\n\n## Custom {#setup-1}\n");
    assert!(html.contains(r#"<h2 id="add-a-break-activity">"#), "{html}");
    let ids: Vec<_> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["add-a-break-activity", "setup", "setup-2", "setup-1"]);
    assert_eq!(doc.headings[3].text, "Custom");
}

#[test]
fn code_is_highlighted_and_tags_in_it_stay_literal() {
    let (html, _, d) = render("```yaml\nkey: {% link_new a | b.md %}\n```\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("class=\"language-yaml\""), "{html}");
    assert!(html.contains("link_new a | b.md"), "{html}");
}

#[test]
fn raw_html_and_no_break_spaces_pass_through() {
    let (html, _, _) = render("Classic <sup>1</sup>&nbsp;:\n\n<style>\ntable { width: 100% }\n</style>\n");
    assert!(html.contains("Classic <sup>1</sup>\u{a0}:"), "{html}");
    assert!(html.contains("<style>\ntable { width: 100% }\n</style>"), "{html}");
}

#[test]
fn gfm_tables_footnotes_and_strikethrough() {
    let (html, _, _) = render("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nNote[^1].\n\n[^1]: The note.\n");
    assert!(html.contains("<table>") && html.contains("<del>2</del>"), "{html}");
    assert!(html.contains("footnote-definition"), "{html}");
}
