//! The Markdown twin: what the writer wrote, with helpgen's dialect
//! turned into Markdown any reader understands.

use super::*;

/// The twin of `body`, each link's address written as `<target>`.
fn twin(body: &str) -> (String, ParsedDoc) {
    let (_, doc, diags) = render(body);
    assert!(diags.iter().all(|d| d.severity != crate::diag::Severity::Error), "{diags:?}");
    let mut markdown = String::new();
    doc.write_markdown(&mut markdown, |link, out| out.push_str(&format!("<{:?}>", link.target)));
    (markdown, doc)
}

#[test]
fn cross_links_written_either_way_get_an_address_slot() {
    let (md, doc) =
        twin("See {% link_new Plan | guide/plan.md %} and {% link_new the *new* plan | guide/plan.md | #top %}.\n");
    assert_eq!(doc.links.len(), 2);
    assert!(md.starts_with("See [Plan](<Article {"), "{md}");
    assert!(md.contains("and [the *new* plan](<Article {"), "{md}");
    assert!(!md.contains("helpgen-link") && !md.contains('\u{E002}') && !md.contains("{%"), "{md}");
}

#[test]
fn markdown_links_of_every_kind_keep_their_text_and_lose_their_attribute_lists() {
    let (md, _) = twin(
        "[a](other.md \"T\"){:target=\"_blank\"}, [b [c]][ref], [d][], [`]`](#x), <https://x.org>.\n\n\
         [ref]: https://example.org/r\n[d]: /fr/plan/\n",
    );
    assert!(md.starts_with("[a](<Article {"), "{md}");
    assert!(!md.contains("{:") && !md.contains("_blank"), "{md}");
    assert!(md.contains(", [b [c]](<External(\"https://example.org/r\")>), [d](<Url {"), "{md}");
    assert!(md.contains("[`]`](<SamePage(\"x\")>), <https://x.org>."), "{md}");
}

#[test]
fn kramdown_attribute_lists_are_left_out() {
    let (md, _) =
        twin("Click _Menu_{:.menu-item} and `Ctrl`{:.key}.\n{:.note}\n\n## Setup {#setup}\n\n## Plan {:.x}\n");
    assert_eq!(md, "Click _Menu_ and `Ctrl`.\n\n\n## Setup\n\n## Plan\n");
}

#[test]
fn constructs_become_markdown_and_offer_blocks_name_their_offers() {
    let body = "Intro {% icon item-add %}.\n\n{% offer advanced enterprise %}\nOnly here.\n{% endoffer %}\n\nAfter.\n";
    let (md, _) = twin(body);
    assert!(md.starts_with("Intro "), "{md}");
    assert!(!md.contains("<svg") && !md.contains('\u{E000}'), "{md}");
    assert!(
        md.contains("\n\n**Available for: Advanced, Enterprise** <!-- offers: advanced enterprise -->\n\nOnly here.\n\n<!-- end of offers: advanced enterprise -->\n\nAfter.\n"),
        "{md}"
    );
}

#[test]
fn code_keeps_tags_as_written() {
    let (md, _) = twin("```liquid\n{% link_new a | b.md %} _x_{:.y}\n```\n");
    assert_eq!(md, "```liquid\n{% link_new a | b.md %} _x_{:.y}\n```\n");
}

#[test]
fn a_block_in_a_list_item_stays_in_it() {
    let (md, _) = twin("- Step\n\n  {% offer classic %}\n  Classic only.\n  {% endoffer %}\n");
    assert!(md.contains("\n\n  **Available for: Classic**"), "{md}");
}
