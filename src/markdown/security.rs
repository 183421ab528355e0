//! Unsafe HTML in content: scripts, embedded frames, inline event handlers
//! and script or data URLs. Content comes from many hands; these are errors
//! unless a site lowers their level in helpgen.toml (`[checks]`). Runs on
//! the content's own HTML, before helpgen inserts any of its own.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::diag::{Code, Diagnostic};
use crate::dialect::Expanded;
use crate::syntax::html;

/// Checks one event of the content as the parser gave it.
#[inline]
pub fn check_event(event: &Event, range: &Range<usize>, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
    // Called for every event: only markup and URLs are worth a call.
    if matches!(event, Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::Link { .. } | Tag::Image { .. })) {
        check_markup(event, range, expanded, diags);
    }
}

fn check_markup(event: &Event, range: &Range<usize>, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            for (offset, finding) in scan_html(html) {
                diags.push(finding.at(expanded.location(range.start + offset)));
            }
        }
        Event::Start(Tag::Link { dest_url: url, .. } | Tag::Image { dest_url: url, .. }) => {
            if let Some(finding) = unsafe_url(url) {
                diags.push(finding.at(expanded.location(range.start)));
            }
        }
        _ => {}
    }
}

/// Findings in a fragment of raw HTML, with their byte offsets in it.
pub fn scan_html(html: &str) -> Vec<(usize, Diagnostic)> {
    let mut findings = Vec::new();
    for tag in html::start_tags(html) {
        let name = tag.name.as_str();
        match name {
            "script" => findings.push((
                tag.at,
                Diagnostic::new(Code::SecurityScript, "`<script>` in content").with_help(
                    "scripts belong in the theme; content is written by many hands and runs on every reader's browser",
                ),
            )),
            "iframe" | "frame" | "frameset" | "object" | "embed" => findings.push((
                tag.at,
                Diagnostic::new(Code::SecurityIframe, format!("`<{name}>` embeds another page in content")).with_help(
                    "allow it for the whole site with `\"security.iframe\" = \"off\"` under `[checks]` in helpgen.toml",
                ),
            )),
            _ => {}
        }
        for attribute in &tag.attributes {
            if attribute.is_event_handler() {
                findings.push((
                    attribute.at,
                    Diagnostic::new(
                        Code::SecurityEventHandler,
                        format!("the event handler `{}` runs a script", attribute.name),
                    )
                    .with_help("remove it; interactive behaviour belongs in the theme's scripts"),
                ));
            } else if URL_ATTRIBUTES.contains(&attribute.name.as_str()) {
                if let Some(finding) = unsafe_url(&attribute.value) {
                    findings.push((attribute.at, finding));
                }
            }
        }
    }
    findings
}

/// Attributes whose value a browser loads or follows as a URL.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "xlink:href", "data", "poster"];

/// A `javascript:`, `vbscript:` or `data:` URL, however it is disguised
/// with case, spaces or control characters. The URL comes decoded, from the
/// HTML tokenizer or from the Markdown parser, as the browser will see it.
pub fn unsafe_url(url: &str) -> Option<Diagnostic> {
    // Most URLs start with a letter none of these schemes starts with.
    let first = url.chars().find(|c| !c.is_whitespace() && !c.is_control());
    if !matches!(first.map(|c| c.to_ascii_lowercase()), Some('j' | 'v' | 'd')) {
        return None;
    }
    // Browsers ignore blanks and control characters in a scheme.
    let plain = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).map(|c| c.to_ascii_lowercase());
    let scheme = ["javascript:", "vbscript:", "data:"].into_iter().find(|scheme| {
        let mut plain = plain.clone();
        scheme.chars().all(|s| plain.next() == Some(s))
    })?;
    Some(
        Diagnostic::new(Code::SecurityUrl, format!("a `{scheme}` URL in content")).with_help(
            "link to a page or a file instead; script and data URLs run or hide code in the reader's browser",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(html: &str) -> Vec<(usize, Code)> {
        scan_html(html).into_iter().map(|(at, d)| (at, d.code)).collect()
    }

    #[test]
    fn finds_scripts_frames_handlers_and_bad_urls() {
        assert_eq!(codes("<script>alert(1)</script>"), [(0, Code::SecurityScript)]);
        assert_eq!(codes("<p>x<IFRAME src=\"https://x\"></iframe>"), [(4, Code::SecurityIframe)]);
        assert_eq!(codes("<img src=x onerror=\"alert(1)\">"), [(11, Code::SecurityEventHandler)]);
        assert_eq!(codes("<a href=\"JaVaScRiPt:alert(1)\">x</a>"), [(3, Code::SecurityUrl)]);
        assert_eq!(codes("<a href=' &#106;avascript&colon;x'>"), [(3, Code::SecurityUrl)]);
        assert_eq!(codes("<img src=\"data:image/png;base64,AAAA\">"), [(5, Code::SecurityUrl)]);
    }

    /// The browser ends `<noscript>` at its closing tag even inside what
    /// looks like an attribute value, so the image after it is real.
    #[test]
    fn sees_markup_where_the_browser_does() {
        let html = "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>";
        assert_eq!(codes(html), [(html.find("onerror").unwrap(), Code::SecurityEventHandler)]);
    }

    #[test]
    fn leaves_ordinary_html_alone() {
        for html in [
            "<sup>1</sup>",
            "<span class=\"beta-icon\" title=\"on time\">Beta</span>",
            "<a href=\"https://example.com/javascript:\">x</a>",
            "<!-- <script>old</script> -->",
            "<style>\ntable { width: 100% }\n</style>",
            "<a id=\"legacy\" name=\"online\"></a>",
            "<p data-one=\"x > y\" online>",
        ] {
            assert!(codes(html).is_empty(), "{html}: {:?}", codes(html));
        }
    }

    #[test]
    fn markdown_urls_are_checked_too() {
        assert!(unsafe_url("javascript:alert(1)").is_some());
        assert!(unsafe_url("java\tscript:alert(1)").is_some());
        assert!(unsafe_url("https://example.com").is_none());
        assert!(unsafe_url("/files/data:x").is_none());
    }
}
