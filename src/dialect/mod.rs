//! Stage 2a, parse (dialect): expand the Liquid-style tags of an article into
//! plain Markdown before the one Markdown parse, as Jekyll does, so a tag can
//! sit anywhere (a table cell, a list item) without breaking the Markdown
//! around it.
//!
//! Steps: find the code spans and blocks of the text (tags there stay
//! literal); scan the rest for tags; replace each with Markdown (includes are
//! expanded recursively) and record in a `SpanMap` which file and offset every
//! piece came from, so any later diagnostic points at the writer's line and
//! column, in the article or in the included file.

mod block_attributes;
mod code_scan;
mod constructs;
mod include;
mod span_map;
mod tags;

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag as MdTag};

pub use constructs::Construct;
pub use span_map::SpanMap;
use tags::{next_tag, Tag, TagKind};

use std::collections::BTreeMap;

use crate::config::BaseUrl;
use crate::content::{Includes, Media, MediaFile, SourceArticle, SourceText};
use crate::diag::{did_you_mean, Code, Diagnostic, Location};
use crate::i18n::Localizer;
use crate::ids::ArticlePath;
use crate::offers::{OfferId, Offers};
use crate::requirements::selfcheck;
use crate::requirements::table::{self, TableContext, TABLES};
use crate::requirements::Requirements;
use crate::syntax::{attributes, markdown_options, markers, CROSS_LINK_SCHEME};

/// Includes nest at most this deep; deeper is almost certainly a mistake.
pub const MAX_INCLUDE_DEPTH: usize = 8;

const KNOWN_TAGS: &[&str] = &[
    "link_new",
    "include",
    "icon",
    "offer",
    "endoffer",
    "requirements",
    "selfcheck",
    "raw",
    "endraw",
    "comment",
    "endcomment",
    "highlight",
    "endhighlight",
];

/// What the expansion may look up besides the article itself.
pub struct Context<'a> {
    pub includes: &'a Includes,
    pub media: &'a Media,
    /// Icon name to prepared inline SVG.
    pub icons: &'a BTreeMap<String, String>,
    pub offers: &'a Offers,
    pub l10n: &'a Localizer,
    pub base_url: &'a BaseUrl,
    /// `None` when the site has no (valid) requirements data.
    pub requirements: Option<&'a Requirements>,
}

/// A `{% link_new %}` cross-reference, resolved later against the whole site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossLink {
    pub target: ArticlePath,
    /// Without the leading `#`.
    pub anchor: Option<String>,
    pub location: Location,
}

/// Which block a `{:...}` line applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// The block ending right before the line (kramdown's usual placement).
    Previous,
    /// The block starting right after it (the line follows a blank line).
    Next,
}

/// A block attribute list, at an offset of the expanded Markdown.
#[derive(Debug, Clone)]
pub struct BlockAttributes {
    pub offset: usize,
    pub applies: Applies,
    pub attributes: attributes::Attributes,
    pub location: Location,
}

/// An article body with every tag expanded.
pub struct Expanded<'a> {
    pub article: &'a SourceArticle,
    pub markdown: String,
    pub links: Vec<CrossLink>,
    /// The HTML of placeholder N.
    pub constructs: Vec<Construct>,
    /// Where in `markdown` each marker (a construct's placeholder, a
    /// cross-link's start or end; see `markers`) starts, in order.
    pub placeholders: Vec<usize>,
    /// Images the article shows, to publish beside it.
    pub media: Vec<MediaFile>,
    pub block_attributes: Vec<BlockAttributes>,
    /// A `{% selfcheck %}` was inserted: the page needs the check's script.
    pub selfcheck: bool,
    map: SpanMap,
    /// Index 0 is the article; then each included file, once.
    sources: Vec<SourceText<'a>>,
}

impl Expanded<'_> {
    /// The file position an offset of the expanded Markdown came from.
    pub fn location(&self, offset: usize) -> Location {
        let (source, offset) = self.map.to_source(offset);
        self.sources[source].location(offset)
    }
}

pub fn expand<'a>(article: &'a SourceArticle, cx: &Context<'a>, diags: &mut Vec<Diagnostic>) -> Expanded<'a> {
    let mut expander = Expander {
        article,
        cx,
        diags,
        out: Expanded {
            article,
            markdown: String::with_capacity(article.body().len() + 64),
            links: Vec::new(),
            constructs: Vec::new(),
            placeholders: Vec::new(),
            media: Vec::new(),
            block_attributes: Vec::new(),
            selfcheck: false,
            map: SpanMap::default(),
            sources: vec![article.source_text()],
        },
        source_paths: vec![String::new()],
        stack: Vec::new(),
        open_offers: Vec::new(),
        icons: Vec::new(),
    };
    expander.expand(0, article.body(), article.body_start);
    for (_, source, at) in std::mem::take(&mut expander.open_offers) {
        let d = Diagnostic::new(Code::DialectUnbalancedTag, "this `{% offer %}` block is never closed")
            .with_help("add `{% endoffer %}` on its own line after the block");
        expander.report(d, source, at);
    }
    expander.out
}

struct Expander<'a, 'c> {
    article: &'a SourceArticle,
    cx: &'c Context<'a>,
    diags: &'c mut Vec<Diagnostic>,
    out: Expanded<'a>,
    /// Include path of each source, to reuse source ids.
    source_paths: Vec<String>,
    /// Includes being expanded, outermost first, for cycle detection.
    stack: Vec<String>,
    /// Offer blocks not yet closed: their offers and where they opened.
    open_offers: Vec<(Vec<OfferId>, usize, usize)>,
    /// Icons already made, by name, and their construct: an icon used
    /// again is the same HTML.
    icons: Vec<(String, usize)>,
}

impl<'a> Expander<'a, '_> {
    /// Expands `text`, which starts at offset `base` of source `source`.
    fn expand(&mut self, source: usize, text: &'a str, base: usize) {
        let code = code_ranges(text);
        let mut block_attributes = block_attributes::attribute_lines(text, &code).into_iter().peekable();
        let mut copied_to = 0;
        let mut cursor = 0;
        while let Some(found) = next_tag(text, cursor) {
            let tag = match found {
                Ok(tag) => tag,
                Err(unterminated) => {
                    if !in_ranges(&code, unterminated.start) {
                        let close = if unterminated.kind == TagKind::Statement { "%}" } else { "}}" };
                        let d = Diagnostic::new(Code::DialectUnterminatedTag, "this tag is never closed")
                            .with_help(format!("end the tag with `{close}` before the next blank line"));
                        self.report(d, source, base + unterminated.start);
                    }
                    cursor = code_end(&code, unterminated.start).unwrap_or(unterminated.resume);
                    continue;
                }
            };
            if let Some(end) = code_end(&code, tag.start) {
                cursor = end;
                continue;
            }
            // Attribute lines before this tag; none inside a raw block already copied.
            while let Some(line) = block_attributes.next_if(|l| l.start < tag.start) {
                if line.start >= copied_to {
                    self.block_attributes(source, text, base, line, &mut copied_to);
                }
            }
            self.verbatim(source, text, copied_to..tag.start, base);
            copied_to = tag.end;
            cursor = tag.end;
            let at = base + tag.start;
            let original = &text[tag.start..tag.end];
            match (tag.kind, tag.name) {
                (TagKind::Statement, "link_new") => match parse_link(&tag) {
                    Ok((text, target, anchor)) => {
                        let location = self.out.sources[source].location(at);
                        self.cross_link(source, at, text, CrossLink { target, anchor, location });
                    }
                    Err(message) => {
                        let d = Diagnostic::new(Code::DialectMalformedTag, message)
                            .with_help("write `{% link_new Link text | path/to/article.md %}` or add `| #anchor`");
                        self.report(d, source, at);
                        self.generated(source, at, original);
                    }
                },
                (TagKind::Statement, "include") => self.include(source, at, &tag),
                (TagKind::Statement, name @ ("raw" | "comment" | "highlight")) => {
                    let closing = format!("end{name}");
                    let Some(end) = find_end(text, tag.end, &closing) else {
                        let d =
                            Diagnostic::new(Code::DialectUnbalancedTag, format!("`{{% {name} %}}` is never closed"))
                                .with_help(format!("add `{{% {closing} %}}` after the block"));
                        self.report(d, source, at);
                        continue;
                    };
                    let inside = tag.end..end.start;
                    match name {
                        // Literal text, in place.
                        "raw" => self.verbatim(source, text, inside, base),
                        // Jekyll's code block: a fence long enough for what it holds.
                        "highlight" => {
                            let code = text[inside.clone()]
                                .trim_start_matches(' ')
                                .strip_prefix('\n')
                                .unwrap_or(&text[inside.clone()]);
                            let code_start = inside.end - code.len();
                            let fence = "`".repeat(longest_backtick_run(code).max(2) + 1);
                            let lang = tag.args.split_whitespace().next().unwrap_or("");
                            self.generated(source, at, &format!("\n{fence}{lang}\n"));
                            self.verbatim(source, text, code_start..inside.end, base);
                            let newline = if code.ends_with('\n') { "" } else { "\n" };
                            self.generated(source, end.start, &format!("{newline}{fence}\n"));
                        }
                        // A writer's note: never published.
                        _ => {}
                    }
                    copied_to = end.end;
                    cursor = end.end;
                }
                (TagKind::Statement, name @ ("endraw" | "endcomment" | "endhighlight")) => {
                    let opening = &name[3..];
                    let message = format!("`{{% {name} %}}` without a `{{% {opening} %}}` before it");
                    self.report(Diagnostic::new(Code::DialectUnbalancedTag, message), source, at);
                }
                (TagKind::Statement, "icon") => {
                    let name = tag.args.trim();
                    if let Some(&(_, index)) = self.icons.iter().find(|(known, _)| known == name) {
                        self.placeholder(source, at, index, false);
                        continue;
                    }
                    let label = self.cx.l10n.get(&self.article.lang, &format!("icon-{name}"), None);
                    match constructs::icon(name, self.cx.icons, label) {
                        Ok(construct) => {
                            self.icons.push((name.to_string(), self.out.constructs.len()));
                            self.construct(source, at, construct, false);
                        }
                        Err(message) => self.malformed(source, at, original, Code::IconUnknown, message),
                    }
                }
                (TagKind::Statement, "offer" | "endoffer" | "requirements" | "selfcheck") => {
                    if alone_on_line(text, &tag) {
                        self.block_tag(source, at, &tag);
                    } else {
                        let message = format!("`{{% {} %}}` must stand alone on its line", tag.name);
                        self.malformed(source, at, original, Code::DialectMalformedTag, message);
                    }
                }
                (TagKind::Statement, name) => {
                    let mut d = Diagnostic::new(Code::DialectUnknownTag, format!("unknown tag `{name}`"));
                    if let Some(close) = did_you_mean(name, KNOWN_TAGS.iter().copied()) {
                        d = d.with_help(format!("did you mean `{close}`?"));
                    } else {
                        d = d.with_help(format!("the tags are: {}", KNOWN_TAGS.join(", ")));
                    }
                    self.report(d, source, at);
                    self.generated(source, at, original);
                }
                (TagKind::Output, _) => self.output_tag(source, at, &tag),
            }
        }
        for line in block_attributes {
            if line.start >= copied_to {
                self.block_attributes(source, text, base, line, &mut copied_to);
            }
        }
        self.verbatim(source, text, copied_to..text.len(), base);
    }

    /// `{% offer %}`, `{% endoffer %}`, `{% requirements %}`, `{% selfcheck %}`:
    /// block-level, already known to stand alone on their line.
    fn block_tag(&mut self, source: usize, at: usize, tag: &Tag<'_>) {
        let original = match tag.args.trim() {
            "" => format!("{{% {} %}}", tag.name),
            args => format!("{{% {} {args} %}}", tag.name),
        };
        let lang = &self.article.lang;
        match tag.name {
            "offer" => match constructs::parse_offers(tag.args, self.cx.offers) {
                Ok(ids) => {
                    if let Some((outer, _, _)) = self.open_offers.last() {
                        if let Some(stray) = ids.iter().find(|id| !outer.contains(id)) {
                            let outer: Vec<&str> = outer.iter().map(OfferId::as_str).collect();
                            let message = format!(
                                "`{stray}` is not among the offers of the enclosing block ({}); a nested block can only narrow it",
                                outer.join(", ")
                            );
                            self.malformed(source, at, &original, Code::OfferNesting, message);
                            return;
                        }
                    }
                    let construct = constructs::offer_open(&ids, self.cx.l10n, lang);
                    self.open_offers.push((ids, source, at));
                    self.construct(source, at, construct, true);
                }
                Err(message) => self.malformed(source, at, &original, Code::OfferUnknown, message),
            },
            "endoffer" => {
                if self.open_offers.pop().is_some() {
                    self.construct(source, at, constructs::offer_close(), true);
                } else {
                    let message = "`{% endoffer %}` without an `{% offer %}` before it".to_string();
                    self.malformed(source, at, &original, Code::DialectUnbalancedTag, message);
                }
            }
            "requirements" => {
                let name = tag.args.trim();
                if !TABLES.contains(&name) {
                    let mut message = format!("unknown requirement table `{name}`");
                    message.push_str(&match did_you_mean(name, TABLES.iter().copied()) {
                        Some(close) => format!("; did you mean `{close}`?"),
                        None => format!("; the tables are: {}", TABLES.join(", ")),
                    });
                    self.malformed(source, at, &original, Code::RequirementsUnknownTable, message);
                    return;
                }
                let Some(data) = self.requirement_data(source, at, &original) else { return };
                let cx = TableContext { data, offers: self.cx.offers, l10n: self.cx.l10n, lang };
                // The name is one of `TABLES`, so there is always a table.
                let html = table::render(name, &cx).unwrap_or_default();
                self.construct(source, at, Construct::block(html), true);
            }
            _ => {
                if !tag.args.trim().is_empty() {
                    let message = format!("`{{% selfcheck %}}` takes no arguments, found `{}`", tag.args.trim());
                    self.malformed(source, at, &original, Code::DialectMalformedTag, message);
                    return;
                }
                let Some(data) = self.requirement_data(source, at, &original) else { return };
                let cx = TableContext { data, offers: self.cx.offers, l10n: self.cx.l10n, lang };
                let json = self.cx.base_url.path_of(&format!("{lang}/requirements.json"));
                let probe = self.cx.base_url.path_of(selfcheck::PROBE_PATH);
                self.out.selfcheck = true;
                self.construct(source, at, Construct::block(selfcheck::markup(&cx, &json, &probe)), true);
            }
        }
    }

    /// The requirement data a tag is made from; without it, the tag is an
    /// error at its place.
    fn requirement_data(&mut self, source: usize, at: usize, original: &str) -> Option<&'a Requirements> {
        if self.cx.requirements.is_none() {
            let message = format!(
                "`{original}` needs {}, which this site does not have (or which has errors)",
                crate::requirements::REQUIREMENTS_FILE
            );
            self.malformed(source, at, original, Code::RequirementsNoData, message);
        }
        self.cx.requirements
    }

    /// `{{ N | image: 'Alt', '80%' }}` and `{{ page.key }}`.
    fn output_tag(&mut self, source: usize, at: usize, tag: &Tag<'_>) {
        let expression = tag.args.trim();
        let original = format!("{{{{ {expression} }}}}");
        match constructs::parse_image(expression) {
            Ok(Some(args)) => match constructs::image(&args, self.article, self.cx.media, self.cx.base_url) {
                Ok((construct, file)) => {
                    if !self.out.media.iter().any(|m| m.key == file.key) {
                        self.out.media.push(file);
                    }
                    self.construct(source, at, construct, false);
                }
                Err(message) => {
                    let code = if args.alt.trim().is_empty() { Code::ImageMissingAlt } else { Code::ImageMissing };
                    self.malformed(source, at, &original, code, message);
                }
            },
            Ok(None) if expression.starts_with("page.") => match self.page_value(expression) {
                Ok(value) => self.construct(source, at, constructs::text(&value), false),
                Err(message) => self.malformed(source, at, &original, Code::DialectMalformedTag, message),
            },
            Ok(None) => {
                let message = format!("`{original}` is not supported: only images and `page.<key>` can be output");
                let d = Diagnostic::new(Code::DialectUnsupportedTag, message)
                    .with_help("wrap literal braces in `{% raw %}...{% endraw %}`");
                self.report(d, source, at);
                self.generated(source, at, &original);
            }
            Err(message) => self.malformed(source, at, &original, Code::DialectMalformedTag, message),
        }
    }

    /// Reports a tag that cannot be expanded and leaves it visible as written.
    fn malformed(&mut self, source: usize, at: usize, original: &str, code: Code, message: String) {
        self.report(Diagnostic::new(code, message), source, at);
        self.generated(source, at, original);
    }

    fn construct(&mut self, source: usize, at: usize, construct: Construct, block: bool) {
        let index = self.out.constructs.len();
        self.out.constructs.push(construct);
        self.placeholder(source, at, index, block);
    }

    /// Writes the placeholder of construct `index`. Blank lines around a
    /// block placeholder make it a paragraph of its own, so the Markdown
    /// between `offer` tags stays separate blocks.
    fn placeholder(&mut self, source: usize, at: usize, index: usize, block: bool) {
        let blank = if block { "\n\n" } else { "" };
        self.out.placeholders.push(self.out.markdown.len() + blank.len());
        self.generated_with(source, at, |markdown| {
            markdown.push_str(blank);
            markers::push_placeholder(markdown, index);
            markdown.push_str(blank);
        });
    }

    /// The text of `page.lang`, `page.title` or `page.<front matter key>`.
    pub(super) fn page_value(&self, expression: &str) -> Result<String, String> {
        let front = &self.article.front;
        let value = match expression.strip_prefix("page.") {
            Some("lang") => Some(self.article.lang.to_string()),
            Some("title") => Some(front.title.clone()),
            Some("description") => front.description.clone(),
            Some(key) => front.extra.get(key).and_then(|v| match v {
                serde_yaml::Value::String(s) => Some(s.clone()),
                serde_yaml::Value::Number(n) => Some(n.to_string()),
                serde_yaml::Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }),
            None => {
                return Err(format!(
                    "only `page.lang` and `page.<front matter key>` can be used here, not `{expression}`"
                ))
            }
        };
        value.ok_or_else(|| format!("`{expression}` has no text value in this article's front matter"))
    }

    fn report(&mut self, diagnostic: Diagnostic, source: usize, offset: usize) {
        self.diags.push(diagnostic.at(self.out.sources[source].location(offset)));
    }

    fn verbatim(&mut self, source: usize, text: &str, range: Range<usize>, base: usize) {
        if range.is_empty() {
            return;
        }
        self.out.map.verbatim(self.out.markdown.len(), source, base + range.start);
        // Marker characters were already stripped from sources at load.
        self.out.markdown.push_str(&text[range]);
    }

    fn generated(&mut self, source: usize, at: usize, text: &str) {
        self.generated_with(source, at, |markdown| markdown.push_str(text));
    }

    /// Markdown that `write` adds in place of the tag at `at`.
    fn generated_with(&mut self, source: usize, at: usize, write: impl FnOnce(&mut String)) {
        self.out.map.generated(self.out.markdown.len(), source, at);
        write(&mut self.out.markdown);
    }

    /// A cross-link whose text has no Markdown in it is marked in place
    /// (see `markers`): the parser reads it as text, and it is a link
    /// wherever text can be, even in raw HTML or after a `!`. Other texts
    /// become `[text](helpgen-link:N)`, so emphasis and code inside them
    /// render; either way the link can sit in a table cell.
    fn cross_link(&mut self, source: usize, at: usize, text: &str, link: CrossLink) {
        let index = self.out.links.len();
        self.out.links.push(link);
        if is_literal_inline(text) {
            let start = self.out.markdown.len();
            self.generated_with(source, at, |markdown| {
                markers::push_link_start(markdown, index);
                markdown.push_str(text);
            });
            let end = self.out.markdown.len();
            markers::push_link_end(&mut self.out.markdown);
            self.out.placeholders.extend([start, end]);
            return;
        }
        self.generated_with(source, at, |markdown| {
            markdown.push('[');
            // Brackets in the text are escaped, so they cannot end the link text.
            let mut rest = text;
            while let Some(i) = rest.find(['[', ']']) {
                markdown.push_str(&rest[..i]);
                markdown.push('\\');
                markdown.push_str(&rest[i..i + 1]);
                rest = &rest[i + 1..];
            }
            markdown.push_str(rest);
            markdown.push_str("](");
            markdown.push_str(CROSS_LINK_SCHEME);
            markers::push_decimal(markdown, index);
            markdown.push(')');
        });
    }
}

/// Whether the Markdown parser shows `text`, inside a line, as it is: no
/// character of it can start inline syntax (emphasis, code, links, HTML,
/// entities, escapes, attribute lists) or end the line. 0xEE starts the
/// UTF-8 of the markers' private-use characters (and of few others).
fn is_literal_inline(text: &str) -> bool {
    !text.bytes().any(|b| {
        b < b' '
            || matches!(
                b,
                b'\\' | b'`' | b'*' | b'_' | b'~' | b'[' | b']' | b'<' | b'&' | b'{' | b'}' | b'|' | 0x7f | 0xee
            )
    })
}

fn parse_link<'t>(tag: &Tag<'t>) -> Result<(&'t str, ArticlePath, Option<String>), String> {
    let args = tag.args;
    // Byte search for the bars: arguments are short, and a `str` split
    // costs more to set up than to run.
    let mut bars = memchr::memchr_iter(b'|', args.as_bytes());
    let (text, path, anchor) = match (bars.next(), bars.next(), bars.next()) {
        (Some(first), second, None) => {
            let path_end = second.unwrap_or(args.len());
            (&args[..first], &args[first + 1..path_end], second.map(|second| args[second + 1..].trim()))
        }
        (None, ..) => return Err("`link_new` needs a link text and a path separated by `|`".into()),
        _ => return Err("`link_new` takes at most three parts: text | path | #anchor".into()),
    };
    let (text, path) = (text.trim(), path.trim());
    if text.is_empty() {
        return Err("the link text of `link_new` is empty".into());
    }
    let target = ArticlePath::parse(path).map_err(|e| format!("invalid `link_new` path `{path}`: {e}"))?;
    let anchor = match anchor {
        None => None,
        Some(a) => match a.strip_prefix('#') {
            Some(id) if !id.is_empty() && !id.contains(char::is_whitespace) => Some(id.to_string()),
            _ => return Err(format!("the anchor `{a}` of `link_new` should look like `#heading-id`")),
        },
    };
    Ok((text, target, anchor))
}

/// True if only whitespace shares the tag's line.
fn alone_on_line(text: &str, tag: &Tag<'_>) -> bool {
    let line_start = text[..tag.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[tag.end..].find('\n').map_or(text.len(), |i| tag.end + i);
    text[line_start..tag.start].trim().is_empty() && text[tag.end..line_end].trim().is_empty()
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// The closing tag `closing` after `from`; tags between are not expanded.
fn find_end(text: &str, from: usize, closing: &str) -> Option<Range<usize>> {
    let mut cursor = from;
    while let Some(found) = next_tag(text, cursor) {
        match found {
            Ok(tag) if tag.kind == TagKind::Statement && tag.name == closing => return Some(tag.start..tag.end),
            Ok(tag) => cursor = tag.start + 2,
            Err(unterminated) => cursor = unterminated.resume,
        }
    }
    None
}

/// Byte ranges of code spans and code blocks, where tags stay literal: from
/// the line scanner, or from a full Markdown parse where it cannot tell.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    if !text.contains("{%") && !text.contains("{{") && !text.contains("{:") {
        return Vec::new();
    }
    code_scan::code_ranges(text).unwrap_or_else(|| parsed_code_ranges(text))
}

fn parsed_code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Parser::new_ext(text, markdown_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(MdTag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect();
    ranges.sort_by_key(|r| r.start);
    ranges
}

fn in_ranges(ranges: &[Range<usize>], offset: usize) -> bool {
    code_end(ranges, offset).is_some()
}

/// The end of the code range holding `offset`, where scanning for tags may
/// resume.
fn code_end(ranges: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).filter(|r| r.contains(&offset)).map(|r| r.end)
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod tests;
