//! The security check over whole articles: all raw HTML of an article is
//! read as one text, as the browser reads the page around it.

use super::{at, render};
use crate::diag::Code;

fn found(body: &str) -> Vec<(Code, (u32, u32))> {
    render(body).2.iter().map(|d| (d.code, at(d))).collect()
}

/// The lines of an HTML block are read together, as the browser reads
/// them: a raw-text element opened on one line ends on the next.
#[test]
fn html_blocks_are_checked_as_a_whole() {
    let body = "Text.\n\n<noscript>\n<p title=\"</noscript><img src=x onerror=alert(1)>\">\n</noscript>\n";
    assert_eq!(found(body), [(Code::SecurityEventHandler, (8, 33))]);
    let body = "<style>\n.a { color: red }\n@import 'x.css';\n</style>\n";
    assert_eq!(found(body), [(Code::SecurityMarkup, (5, 1))]);
}

/// Inline HTML pieces of a paragraph, and blocks far apart, are one text
/// to the browser: an `<xmp>` opened in one piece hides the quote that
/// would have kept the `<img>` inside an attribute.
#[test]
fn pieces_of_html_are_read_in_one_text() {
    let body = "See <xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp> here.\n";
    assert_eq!(found(body), [(Code::SecurityEventHandler, (5, 37))]);
    let body = "<noembed>\n\nSome text.\n\n<p title=\"</noembed><img src=x onerror=alert(1)>\">\n";
    assert_eq!(found(body), [(Code::SecurityEventHandler, (9, 32))]);
    // Closed where it opened, the same element hides nothing.
    let body = "<xmp>code</xmp>\n\n<p title=\"</xmp><img src=x onerror=alert(1)>\">\n";
    assert_eq!(found(body), []);
}

/// An HTML block that ends inside a tag would take the page's markup
/// after it (a link's address, say) into that tag.
#[test]
fn a_tag_left_open_at_the_end_of_its_block_is_reported() {
    let body = "<div title=\"x\n\n[a](onclick=alert(1)//)\n\n<b title=\">\">\n";
    assert_eq!(found(body), [(Code::SecurityMarkup, (5, 1))]);
    // An inline `<style>` closed paragraphs later would read their text as CSS.
    let body = "Text <style> p { color: red }\n\nMore text.\n\n</style> end.\n";
    assert_eq!(found(body), [(Code::SecurityMarkup, (5, 6))]);
}
