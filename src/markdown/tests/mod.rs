use super::*;
use crate::content::SourceArticle;
use crate::diag::Code;
use crate::ids::{ArticlePath, LangId};

use crate::dialect::tests::Fixture;

mod images;
mod security;
mod twin;

fn render(body: &str) -> (String, ParsedDoc, Vec<Diagnostic>) {
    render_in("en", body, &Fixture::default())
}

/// Parses `body` as `content/<lang>/guide/a.md` through both parse stages.
fn render_in(lang: &str, body: &str, fixture: &Fixture) -> (String, ParsedDoc, Vec<Diagnostic>) {
    let text = format!("---\ntitle: T\nproduct: WFM <Pro>\n---\n{body}");
    let path = ArticlePath::parse("guide/a.md").unwrap();
    let file = format!("content/{lang}/guide/a.md");
    let article = SourceArticle::parse(LangId::parse(lang).unwrap(), path, file.into(), text).unwrap();
    let mut diags = Vec::new();
    let expanded = crate::dialect::expand(&article, &fixture.context(), &mut diags);
    let doc = parse(&expanded, &Highlighter::new(), &mut diags);
    let mut html = String::new();
    doc.write_html(&mut html, |link, out| out.push_str(&format!("<a data-target=\"{:?}\">", link.target)));
    (html, doc, diags)
}

#[test]
fn code_takes_the_attribute_list_after_it() {
    let (html, _, d) = render("Press `Ctrl+S`{:.shortcut} to save, `x`{: bad}.");
    assert!(html.contains("Press <code class=\"shortcut\">Ctrl+S</code> to save,"), "{html}");
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::DialectAttribute], "{d:?}");
}

#[test]
fn span_attributes_become_element_attributes() {
    let (html, _, d) = render("Click _Plan > Schedules_{:.breadcrumbs} then **OK**{:.doc-button #ok}.");
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains(r#"<em class="breadcrumbs">Plan &gt; Schedules</em> then"#), "{html}");
    assert!(html.contains(r#"<strong id="ok" class="doc-button">OK</strong>."#), "{html}");
}

#[test]
fn invalid_span_attributes_stay_visible_with_a_warning() {
    let (html, _, d) = render("Click _Menu_{:onclick=\"x()\"}.");
    assert!(html.contains("<em>Menu</em>{:onclick="), "{html}");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::DialectAttribute);
    assert_eq!(d[0].location.as_ref().unwrap().line, 5);
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

fn at(d: &Diagnostic) -> (u32, u32) {
    let l = d.location.as_ref().expect("a location");
    (l.line, l.column)
}

#[test]
fn icons_are_hidden_svg_with_a_localized_name() {
    let (html, _, d) = render_in("fr", "Cliquez sur {% icon item-add %}.", &Fixture::default());
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("<p>Cliquez sur <span class=\"icon-wrap\"><svg class=\"icon icon-item-add\" aria-hidden=\"true\" focusable=\"false\""), "{html}");
    assert!(html.contains("<span class=\"icon-label\">Ajouter</span></span>.</p>"), "{html}");
    // `icon-only`: the label is for screen readers alone.
    let (html, _, d) = render_in("fr", "Cliquez sur {% icon item-add | icon-only %}.", &Fixture::default());
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("<span class=\"visually-hidden\">Ajouter</span></span>.</p>"), "{html}");
    let (html, _, d) = render("Click {% icon item-add | icon-onyl %}.");
    assert_eq!((d[0].code, at(&d[0])), (Code::IconUnknownModifier, (5, 7)));
    assert!(d[0].message.contains("did you mean `icon-only`?"), "{}", d[0].message);
    assert!(html.contains("<span class=\"icon-wrap\"><svg"), "{html}");
    let (_, _, d) = render("Click {% icon item-ad %}.");
    assert_eq!((d[0].code, at(&d[0])), (Code::IconUnknown, (5, 7)));
    assert!(d[0].message.contains("did you mean `item-add`?"), "{}", d[0].message);
}

#[test]
fn headings_with_constructs_keep_clean_ids() {
    let (_, doc, _) = render("## Add {% icon item-add %} items\n");
    assert_eq!(doc.headings[0].id, "add--items");
}

#[test]
fn offer_blocks_wrap_markdown_blocks() {
    let body = "Intro\n{% offer advanced, enterprise %}\nOnly **here**.\n\n- a list\n{% endoffer %}\nAfter";
    let (html, _, d) = render(body);
    assert!(d.is_empty(), "{d:?}");
    let expected = "<p>Intro</p>\n<div class=\"offer-block\" data-offers=\"advanced enterprise\">\n<p class=\"offer-block-label\">Available for: Advanced, Enterprise</p>\n<p>Only <strong>here</strong>.</p>\n<ul>\n<li>a list</li>\n</ul>\n</div>\n<p>After</p>\n";
    assert_eq!(html, expected);
}

#[test]
fn offer_block_rules() {
    let nested = "{% offer advanced enterprise %}\n{% offer enterprise %}\nx\n{% endoffer %}\n{% endoffer %}";
    assert!(render(nested).2.is_empty());
    let widening = "{% offer advanced %}\n{% offer classic %}\nx\n{% endoffer %}\n{% endoffer %}";
    let d = render(widening).2;
    assert_eq!((d[0].code, at(&d[0])), (Code::OfferNesting, (6, 1)));
    let d = render("a\n{% offer advanced %}\nnever closed").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectUnbalancedTag, (6, 1)));
    let d = render("{% endoffer %}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectUnbalancedTag, (5, 1)));
    let d = render("{% offer advnaced %}\nx\n{% endoffer %}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::OfferUnknown, (5, 1)));
    assert!(d[0].message.contains("did you mean `advanced`?"), "{}", d[0].message);
    let d = render("Text {% offer advanced %} inline {% endoffer %}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectMalformedTag, (5, 6)));
}

#[test]
fn requirements_and_selfcheck_need_data() {
    // Tables and the check themselves are tested with a site that has data
    // (tests/integration/requirements.rs, selfcheck.rs).
    let (_, _, d) = render("{% requirements firewall %}\n\n{% selfcheck %}\n");
    assert_eq!(
        d.iter().map(|d| (d.code, at(d))).collect::<Vec<_>>(),
        [(Code::RequirementsNoData, (5, 1)), (Code::RequirementsNoData, (7, 1))]
    );
    assert!(d[1].message.contains("`{% selfcheck %}` needs content/_data/requirements.yaml"), "{}", d[1].message);
    let d = render("{% selfcheck now %}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectMalformedTag, (5, 1)));
    assert!(d[0].message.contains("takes no arguments, found `now`"), "{}", d[0].message);
    let d = render("{% requirements firewal %}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::RequirementsUnknownTable, (5, 1)));
    assert!(d[0].message.contains("did you mean `firewall`?"), "{}", d[0].message);
}

#[test]
fn page_values_are_escaped_text() {
    let (html, _, d) = render("Product: {{ page.product }} in {{ page.lang }}.");
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("<p>Product: WFM &lt;Pro&gt; in en.</p>"), "{html}");
    let d = render("{{ site.time }}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectMalformedTag, (5, 1)));
    assert!(d[0].message.contains("not `site.time`"), "{}", d[0].message);
    let d = render("{{ time }}").2;
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectUnsupportedTag, (5, 1)));
}

#[test]
fn source_text_cannot_fake_a_placeholder() {
    let (html, _, d) = render("a \u{E000}0\u{E001} b {% icon check %}");
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("a \u{FFFD}0\u{FFFD} b <span class=\"icon-wrap\">"), "{html}");
}

/// CommonMark: a NUL is read as U+FFFD; it never reaches the page.
#[test]
fn nul_becomes_the_replacement_character() {
    let (html, _, d) = render("a\0b `c\0`\n\n<span title=\"x\0y\">z</span>\n");
    assert!(!html.contains('\0'), "{html:?}");
    assert!(html.contains("a\u{FFFD}b <code>c\u{FFFD}</code>"), "{html}");
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn block_attributes_apply_to_the_block_above() {
    let (html, doc, d) = render(
        "A note.\n{:.note #first}\n\n## Title\n{:.big}\n\n- one\n- two\n{:.steps}\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n{:.wide}\n\n> quoted\n{:.aside}\n",
    );
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("<p id=\"first\" class=\"note\">A note.</p>"), "{html}");
    assert!(html.contains("<h2 id=\"title\" class=\"big\">Title</h2>"), "{html}");
    assert!(html.contains("<ul class=\"steps\">\n<li>one</li>\n<li>two</li>\n</ul>"), "{html}");
    assert!(html.contains("<table class=\"wide\"><thead><tr><th style=\"text-align: left\">a</th><th style=\"text-align: right\">b</th></tr></thead><tbody>\n<tr><td style=\"text-align: left\">1</td><td style=\"text-align: right\">2</td></tr>\n</tbody></table>"), "{html}");
    assert!(html.contains("<blockquote class=\"aside\">\n<p>quoted</p>\n</blockquote>"), "{html}");
    assert!(!html.contains("{:"), "{html}");
    assert!(doc.has_anchor("first"));
}

#[test]
fn block_attributes_after_a_blank_line_apply_to_the_block_below() {
    let (html, _, d) = render("Intro.\n\n{:.tip}\nThe tip.\n\n3. three\n4. four\n{:.cont}\n");
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("<p>Intro.</p>\n<p class=\"tip\">The tip.</p>"), "{html}");
    assert!(html.contains("<ol start=\"3\" class=\"cont\">"), "{html}");
}

#[test]
fn unusable_block_attributes_stay_visible_with_a_warning() {
    let (html, _, d) = render("Text.\n\n{:.alone}\n\nMore.\n\n{:onclick=\"x\"}\nAfter.\n\n```\n{:.in-code}\n```\n");
    assert!(html.contains("<p>{:.alone}</p>"), "{html}");
    assert!(html.contains("<p>{:onclick=\"x\"}\nAfter.</p>"), "{html}");
    assert!(html.contains("{:.in-code}"), "{html}");
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(found, [(Code::DialectAttribute, (7, 1)), (Code::DialectAttribute, (11, 1))]);
}

#[test]
fn link_attributes_are_kept_for_the_renderer() {
    let (_, doc, d) = render(
        "[site](https://example.com){:target=\"_blank\" rel=\"noopener\"} and [local](#x){:.btn}\n\n## X\n\nText.\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let attrs: Vec<String> = doc.links.iter().map(|l| l.attributes.as_ref().unwrap().to_html()).collect();
    assert_eq!(attrs, [" target=\"_blank\" rel=\"noopener\"", " class=\"btn\""]);
}

#[test]
fn todo_markers_and_empty_sections_are_noted() {
    let (_, _, d) = render(
        "## Filled\n\nText. TODO: add a screenshot.\n\n## Empty\n\n## Next\n\n```\nTODO in code is fine\n```\n\n### Last\n",
    );
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(
        found,
        [
            (Code::PlaceholderTodo, (7, 7)),
            (Code::PlaceholderEmptySection, (9, 1)),
            (Code::PlaceholderEmptySection, (17, 1))
        ]
    );
    assert!(d.iter().all(|d| d.severity == crate::diag::Severity::Info));
}

#[test]
fn a_heading_whose_own_text_has_markup_is_still_empty() {
    let (_, _, d) = render("## The _Plan_ menu\n\n## See [the rules](#x) and `code`\n\n## Filled\n\nText.\n");
    let found: Vec<_> = d.iter().filter(|d| d.code == Code::PlaceholderEmptySection).map(at).collect();
    assert_eq!(found, [(5, 1), (7, 1)]);
}

#[test]
fn jekyll_comment_and_highlight_blocks() {
    let (html, _, d) = render(
        "Before.\n\n{% comment %}\nInternal note with {% nope %}.\n\nStill hidden.\n{% endcomment %}\n\n{% highlight yaml %}\nkey: {% link_new a | b.md %}\n```\n{% endhighlight %}\n\nAfter.\n",
    );
    assert!(d.is_empty(), "{d:?}");
    assert!(!html.contains("Internal note") && !html.contains("Still hidden"), "{html}");
    assert!(html.contains("<pre class=\"code-block\" tabindex=\"0\"><code class=\"language-yaml\">"), "{html}");
    assert!(html.contains("link_new a | b.md"), "{html}");
    assert!(html.contains("<p>Before.</p>") && html.contains("<p>After.</p>"), "{html}");
    let (_, _, d) = render("text\n\n{% comment %}\nnever closed\n");
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectUnbalancedTag, (7, 1)));
    let (_, _, d) = render("{% endhighlight %}");
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectUnbalancedTag, (5, 1)));
}

#[test]
fn block_attributes_never_jump_over_what_is_not_a_block() {
    // A rule, a link definition or an offer tag sits between the paragraph
    // and the list: the list is not for the paragraph, and is reported.
    for between in ["---", "[r]: https://example.com/r", "{% offer essential %}\n\nInside.\n\n{% endoffer %}"] {
        let (html, _, d) = render(&format!("A paragraph.\n\n{between}\n{{:.note}}\n"));
        assert!(html.contains("<p>A paragraph.</p>"), "{between}: {html}");
        assert!(!html.contains("class=\"note\""), "{between}: {html}");
        let found: Vec<_> = d.iter().map(|d| (d.code, d.message.as_str())).collect();
        assert_eq!(found, [(Code::DialectAttribute, "this attribute list has no block to apply to")], "{between}");
    }
}

#[test]
fn attribute_lists_are_read_whole_and_kept_out_of_heading_ids() {
    // `_` and `&` split the parser's text; the list must still be read whole.
    let (html, doc, d) = render("## Open _Plan_{:data-x=\"a_b&c\"} now\n\nText.\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(doc.headings[0].id, "open-plan-now");
    assert!(html.contains("<em data-x=\"a_b&amp;c\">Plan</em> now"), "{html}");
}

#[test]
fn markers_next_to_constructs_are_pointed_at_exactly() {
    let (_, _, d) = render("Click {% icon check %} then TODO fix.\n");
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(found, [(Code::PlaceholderTodo, (5, 29))]);
}

#[test]
fn brackets_in_cross_link_text_stay_text() {
    let (html, doc, d) = render("Read {% link_new the [beta] notes] | guide/b.md %} first.\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(doc.links.len(), 1);
    assert!(html.contains(">the [beta] notes]</a> first."), "{html}");
}

#[test]
fn a_list_ending_a_heading_line_is_the_heading_s_unless_a_span_takes_it() {
    let (html, doc, d) = render(
        "## Title {:.big #top data-x=\"1\"}\n\nA.\n\n## Open _Plan_{:.menu-item}\n\nB.\n\n## Other {:onclick=\"x()\"}\n\nC.\n",
    );
    assert!(html.contains(r#"<h2 id="top" class="big" data-x="1">Title</h2>"#), "{html}");
    assert!(html.contains(r#"<h2 id="open-plan">Open <em class="menu-item">Plan</em></h2>"#), "{html}");
    // Never the parser's own reading of the list as an attribute named `:.big`.
    assert!(!html.contains(":."), "{html}");
    // Invalid: shown as written, with a warning where it starts.
    assert!(html.contains(r#"<h2 id="other">Other {:onclick="x()"}</h2>"#), "{html}");
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(found, [(Code::DialectAttribute, (13, 10))]);
    let ids: Vec<_> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["top", "open-plan", "other"]);
}

#[test]
fn text_after_an_attribute_list_keeps_its_position() {
    let (html, _, d) = render("**a _b_{:.in} c**{:.out} TODO fix\n");
    assert!(html.contains(r#"<strong class="out">a <em class="in">b</em> c</strong> TODO fix"#), "{html}");
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(found, [(Code::PlaceholderTodo, (5, 26))]);
}

#[test]
fn an_image_description_is_text_only() {
    let (html, doc, d) = render("![see [b](#x) and _y_{:.k}](img.png \"T\") after [c](#z).\n");
    assert!(d.iter().all(|d| d.code != Code::DialectAttribute), "{d:?}");
    // Links and attribute lists in the description leave only their text.
    assert!(
        html.contains(
            r#"<img src="img.png" alt="see b and y" title="T" /> after <a data-target="SamePage("z")">c</a>."#
        ),
        "{html}"
    );
    // The description's link is still checked.
    assert_eq!(doc.links.len(), 2);
}

#[test]
fn links_in_a_heading_open_inside_it() {
    let (html, doc, _) = render("Intro [a](#a).\n\n## See [x](#b) and ![i](p.png) [y](#c)\n\nText.\n");
    assert!(
        html.contains(concat!(
            r#"<h2 id="see-x-and-i-y">See <a data-target="SamePage("b")">x</a> and "#,
            r#"<img src="p.png" alt="i" /> <a data-target="SamePage("c")">y</a></h2>"#
        )),
        "{html}"
    );
    assert_eq!(doc.links.len(), 3);
    // A link that opens the heading opens inside its tag.
    let (html, _, _) = render("## [x](#b) y\n\nText.\n");
    assert!(html.contains(r#"<h2 id="x-y"><a data-target="SamePage("b")">x</a> y</h2>"#), "{html}");
}

#[test]
fn standard_markdown_is_written_as_pulldown_cmark_writes_it() {
    // Everything but headings (which get ids here) and links (opened by the
    // render stage) and code blocks (highlighted here).
    let body = concat!(
        "Text with *em*, **strong**, ~~gone~~, `code`, a &amp; entity and <kbd>Ctrl</kbd>.  \n",
        "Hard break above.[^note]\n\n",
        "> A quote\n> on two lines\n\n",
        "3. three\n4. four\n\n",
        "- [x] done\n- [ ] open\n  - nested *item*\n\n",
        "| Left | Centre | Right | None |\n|:-----|:------:|------:|------|\n| a | b | c | d |\n\n",
        "![An *image* `alt`](shot.png \"The title\")\n\n",
        "***\n\n",
        "<div class=\"box\">\nraw block\n</div>\n\n",
        "[^note]: The footnote, cited again[^note].\n",
    );
    let (html, _, _) = render(body);
    let mut expected = String::new();
    pulldown_cmark::html::push_html(
        &mut expected,
        pulldown_cmark::Parser::new_ext(body, crate::syntax::markdown_options()),
    );
    assert_eq!(html, expected);
}

#[test]
fn a_plain_cross_link_renders_as_the_same_markdown_link_would() {
    // `[t](/b.md)` names `b.md` below the language folder, as `link_new` does.
    let contexts = [
        "See L.",
        "*L*",
        "a*L*b",
        "_L_ and __L__",
        "**L**{:.menu-item} then",
        "L{:target=\"_blank\" rel=\"noopener\"} then",
        "| h | i |\n|---|---|\n| L | x |",
        "- L\n- b",
        "## L\n\nText.",
        "## Go to L {:.big}\n\nText.",
        "![see L](p.png)",
        "Note[^1].\n\n[^1]: Read L.",
        "> Quote L\n> more",
        "~~L~~ L!",
    ];
    for context in contexts {
        let (marked, marked_doc, d) = render(&context.replace('L', "{% link_new the « rules » | b.md | #top %}"));
        // Notes only (a heading with nothing under it).
        assert!(d.iter().all(|d| d.severity == crate::diag::Severity::Info), "{context}: {d:?}");
        let (markdown, markdown_doc, _) = render(&context.replace('L', "[the « rules »](/b.md#top)"));
        assert_eq!(marked, markdown, "{context}");
        assert_eq!(marked_doc.headings, markdown_doc.headings, "{context}");
        let targets =
            |doc: &ParsedDoc| doc.links.iter().map(|l| (l.target.clone(), l.attributes.clone())).collect::<Vec<_>>();
        assert_eq!(targets(&marked_doc), targets(&markdown_doc), "{context}");
    }
}

#[test]
fn a_plain_cross_link_is_a_link_wherever_text_is() {
    let (html, doc, d) =
        render("Bang!{% link_new A | b.md %} x\\{% link_new B | b.md %}\n\n<div>\n{% link_new C | b.md %}\n</div>\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(doc.links.len(), 3);
    assert!(html.contains("<p>Bang!<a data-target="), "{html}");
    assert!(html.contains(">A</a> x\\<a data-target="), "{html}");
    assert!(
        html.contains("<div>\n<a data-target=\"Article { path: ArticlePath(\"b.md\"), anchor: None }\">C</a>\n</div>"),
        "{html}"
    );
}

#[test]
fn a_cross_link_inside_a_link_is_text_with_a_warning() {
    let (html, doc, d) =
        render("[Read {% link_new the rules | b.md %} now](https://example.com) and {% link_new this | c.md %}.");
    assert_eq!(html.matches("<a ").count(), 2, "{html}");
    assert!(html.contains(">Read the rules now</a> and <a "), "{html}");
    assert_eq!(doc.links.len(), 2);
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(found, [(Code::LinkNested, (5, 7))]);
}

#[test]
fn a_cross_link_that_cannot_be_a_link_is_an_error() {
    let (_, doc, d) = render("Bang!{% link_new _A_ | b.md %}\n\n<div>\n{% link_new *C* | b.md %}\n</div>\n");
    assert!(doc.links.is_empty());
    let found: Vec<_> = d.iter().map(|d| (d.code, at(d))).collect();
    assert_eq!(found, [(Code::LinkUnread, (5, 6)), (Code::LinkUnread, (8, 1))]);
}

#[test]
fn markers_in_a_cross_link_text_are_found() {
    let (html, doc, d) = render("## Open {% link_new the TODO list | b.md %}\n");
    assert_eq!(doc.headings[0].id, "open-the-todo-list");
    assert!(html.contains(">the TODO list</a></h2>"), "{html}");
    let found: Vec<_> = d.iter().map(|d| d.code).collect();
    assert_eq!(found, [Code::PlaceholderTodo, Code::PlaceholderEmptySection]);
}

#[test]
fn a_code_block_that_ends_a_list_is_a_warning_at_its_fence() {
    let (_, _, d) = render("1. Open the file:\n```json\n{}\n```\n2. Save it.\n");
    assert_eq!((d[0].code, at(&d[0])), (Code::DialectFenceOutsideItem, (6, 1)));
    assert!(d[0].help.as_deref().unwrap_or_default().contains("by 3 spaces"), "{:?}", d[0].help);
    let (_, _, d) = render("Text.\n\n{% highlight yaml %}\na: 1\n{% endhighlight %}\n\n```\nnever closed\n");
    assert_eq!(d.iter().map(|d| (d.code, at(d))).collect::<Vec<_>>(), [(Code::DialectUnclosedFence, (11, 1))]);
}
