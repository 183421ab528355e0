//! Unsafe HTML in content: scripts, embedded frames, inline event handlers
//! and script or data URLs. Content comes from many hands; these are errors
//! unless a site lowers their level in helpgen.toml (`[checks]`). Runs on
//! the content's own HTML, before helpgen inserts any of its own.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::diag::{Code, Diagnostic};
use crate::dialect::Expanded;

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
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        let start = i + found;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let name_start = start + 1 + usize::from(bytes.get(start + 1) == Some(&b'/'));
        let name_len = html[name_start..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if bytes.get(start + 1) != Some(&b'/') {
            match name.as_str() {
                "script" => findings.push((start, Diagnostic::new(Code::SecurityScript, "`<script>` in content")
                    .with_help("scripts belong in the theme; content is written by many hands and runs on every reader's browser"))),
                "iframe" | "frame" | "frameset" | "object" | "embed" => findings.push((
                    start,
                    Diagnostic::new(Code::SecurityIframe, format!("`<{name}>` embeds another page in content"))
                        .with_help("allow it for the whole site with `\"security.iframe\" = \"off\"` under `[checks]` in helpgen.toml"),
                )),
                _ => {}
            }
        }
        let tag_end = find_tag_end(html, name_start + name_len);
        for (offset, name, value) in attributes(&html[name_start + name_len..tag_end]) {
            let at = name_start + name_len + offset;
            // A handler needs code: a bare `online` attribute is not one.
            if name.len() > 2 && name.starts_with("on") && value.is_some() {
                findings.push((
                    at,
                    Diagnostic::new(Code::SecurityEventHandler, format!("the event handler `{name}` runs a script"))
                        .with_help("remove it; interactive behaviour belongs in the theme's scripts"),
                ));
            } else if matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "data" | "poster"
            ) {
                if let Some(finding) = value.and_then(unsafe_url) {
                    findings.push((at, finding));
                }
            }
        }
        i = tag_end.max(start + 1);
    }
    findings
}

/// The offset just past the `>` closing a tag, or the end of the text.
fn find_tag_end(html: &str, from: usize) -> usize {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return from + i + 1,
            _ => {}
        }
    }
    html.len()
}

/// `(offset, lowercase name, value)` of each attribute inside a tag.
fn attributes(tag: &str) -> Vec<(usize, String, Option<&str>)> {
    let mut found = Vec::new();
    let bytes = tag.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'_' || bytes[i] == b':') {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = tag[start..i].to_ascii_lowercase();
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') {
            i += 1;
        }
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') {
                i += 1;
            }
            let (value_start, end) = match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = tag[i + 1..].find(q as char).map_or(tag.len(), |e| i + 1 + e);
                    (i + 1, end)
                }
                _ => (i, tag[i..].find([' ', '\t', '\n', '>']).map_or(tag.len(), |e| i + e)),
            };
            value = Some(&tag[value_start..end]);
            i = end + 1;
        }
        found.push((start, name, value));
    }
    found
}

/// A `javascript:`, `vbscript:` or `data:` URL, however it is disguised
/// with entities, case, spaces or control characters.
pub fn unsafe_url(url: &str) -> Option<Diagnostic> {
    // Most URLs start with a letter none of these schemes starts with.
    let first = url.chars().find(|c| !c.is_whitespace() && !c.is_control());
    if !matches!(first.map(|c| c.to_ascii_lowercase()), Some('j' | 'v' | 'd' | '&')) {
        return None;
    }
    let decoded = decode_entities(url);
    // Browsers ignore blanks and control characters in a scheme.
    let plain = decoded.chars().filter(|c| !c.is_whitespace() && !c.is_control()).map(|c| c.to_ascii_lowercase());
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

/// Numeric character references and `&colon;`, enough to unmask a scheme.
fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|e| *e <= 12);
        let entity = end.map(|e| &rest[1..e]);
        let decoded = match entity {
            Some("colon") => Some(':'),
            Some(e) if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
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
