//! Stage 2a, parse (dialect): expand the Liquid-style tags of an article into
//! plain Markdown before the one Markdown parse, as Jekyll does, so a tag can
//! sit anywhere (a table cell, a list item) without breaking the Markdown
//! around it.
//!
//! Steps: find the code spans and blocks of the text (tags there stay
//! literal); scan the rest for tags; replace each with Markdown (each tag
//! has its function in `statements`; includes are expanded recursively) and
//! record in a `SpanMap` which file and offset every piece came from, so any
//! later diagnostic points at the writer's line and column, in the article
//! or in the included file.

mod block_attributes;
mod constructs;
mod include;
mod span_map;
mod statements;
mod tags;

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag as MdTag};

pub use constructs::Construct;
pub use span_map::SpanMap;
use statements::Written;
use tags::{next_tag, Statement, TagKind};

use crate::config::BaseUrl;
use crate::content::{DataFiles, Includes, Media, MediaFile, SourceArticle, SourceText};
use crate::diag::{Code, Diagnostic, Location};
use crate::i18n::Localizer;
use crate::ids::{ArticlePath, Slug};
use crate::offers::{OfferId, Offers};
use crate::requirements::prose::HandWritten;
use crate::requirements::Requirements;
use crate::syntax::{attributes, markdown_options, markers, CROSS_LINK_SCHEME};

/// Includes nest at most this deep; deeper is almost certainly a mistake.
pub const MAX_INCLUDE_DEPTH: usize = 8;

/// An article's Markdown with its snippets expanded grows at most to this
/// size: a total, since a few small snippets that include each other ten
/// times each reach gigabytes within the depth limit.
pub const MAX_EXPANDED_BYTES: usize = 16 << 20;

/// What the expansion may look up besides the article itself.
pub struct Context<'a> {
    pub includes: &'a Includes,
    pub media: &'a Media,
    /// `content/_data/*.yaml`, for `{{ site.data.<file>.<key> }}`.
    pub data: &'a DataFiles,
    /// Icon name to prepared inline SVG.
    pub icons: &'a BTreeMap<String, String>,
    pub offers: &'a Offers,
    pub l10n: &'a Localizer,
    pub base_url: &'a BaseUrl,
    /// The site's title from helpgen.toml; `None`: the localized
    /// `site-title` message.
    pub site_title: Option<&'a str>,
    /// `None` when the site has no (valid) requirements data.
    pub requirements: Option<&'a Requirements>,
    /// The requirement facts that prose should print from the data.
    pub hand_written: Option<&'a HandWritten>,
    /// Addresses whose pages content may embed (helpgen.toml).
    pub allow_frames_from: &'a [String],
}

/// A `{% link_new %}` cross-reference, resolved later against the whole site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossLink {
    pub target: ArticlePath,
    /// Without the leading `#`.
    pub anchor: Option<String>,
    pub location: Location,
}

/// An `{% offer %}` block being expanded.
struct OpenOffer {
    ids: Vec<OfferId>,
    /// Where its tag is written.
    source: usize,
    at: usize,
    /// Where its content starts in the expanded Markdown.
    from: usize,
}

/// The content of an `{% offer %}` block in the expanded Markdown, and the
/// offers whose readers see it.
#[derive(Debug, Clone)]
pub struct OfferBlock {
    pub markdown: Range<usize>,
    pub offers: Vec<OfferId>,
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
    /// The path the site is published under (`/docs/`), which root-relative
    /// links to its pages start with.
    pub base_path: &'a str,
    /// Addresses whose pages content may embed.
    pub allow_frames_from: &'a [String],
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
    /// The `{% offer %}` blocks, in the order they close.
    pub offer_blocks: Vec<OfferBlock>,
    map: SpanMap,
    /// Index 0 is the article; then each included file, once.
    sources: Vec<SourceText<'a>>,
}

impl Expanded<'_> {
    /// The offers whose readers see the Markdown at `offset`: those of the
    /// innermost `{% offer %}` block around it; none outside every block.
    pub fn offers_at(&self, offset: usize) -> &[OfferId] {
        let around = self.offer_blocks.iter().filter(|b| b.markdown.contains(&offset));
        around.min_by_key(|b| b.markdown.len()).map_or(&[], |b| &b.offers)
    }

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
            base_path: cx.base_url.path(),
            allow_frames_from: cx.allow_frames_from,
            markdown: String::with_capacity(article.body().len() + 64),
            links: Vec::new(),
            constructs: Vec::new(),
            placeholders: Vec::new(),
            media: Vec::new(),
            block_attributes: Vec::new(),
            selfcheck: false,
            offer_blocks: Vec::new(),
            map: SpanMap::default(),
            sources: vec![article.source_text()],
        },
        source_paths: vec![String::new()],
        stack: Vec::new(),
        open_offers: Vec::new(),
        icons: Vec::new(),
        tag_span: None,
        over_budget: false,
    };
    expander.expand(0, article.body(), article.body_start);
    for OpenOffer { source, at, from, ids } in std::mem::take(&mut expander.open_offers) {
        let to = expander.out.markdown.len();
        expander.out.offer_blocks.push(OfferBlock { markdown: from..to, offers: ids });
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
    open_offers: Vec<OpenOffer>,
    /// Icons already made, by name and label, and their construct: an
    /// icon used again is the same HTML.
    icons: Vec<((String, constructs::IconLabel), usize)>,
    /// The tag being expanded: its source and its span there.
    tag_span: Option<(usize, Range<usize>)>,
    /// An include crossed `MAX_EXPANDED_BYTES`: no other is expanded.
    over_budget: bool,
}

impl<'a> Expander<'a, '_> {
    /// Expands `text`, which starts at offset `base` of source `source`.
    fn expand(&mut self, source: usize, text: &'a str, base: usize) {
        let code = code_ranges(text);
        self.hand_written_facts(source, text, base, &code);
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
            let in_code = code_end(&code, tag.start);
            // Jekyll runs Liquid before Markdown, so writers wrap code that
            // shows tags in `{% raw %}`: there it is not shown either.
            let raw_marker = tag.kind == TagKind::Statement
                && matches!(Statement::parse(tag.name), Some(Statement::Raw | Statement::EndRaw));
            if let Some(end) = in_code.filter(|_| !raw_marker) {
                // Past the code, unless a raw marker may follow in it.
                let raw_ahead = text.get(tag.end..end).is_some_and(|rest| rest.contains("raw"));
                cursor = if raw_ahead { tag.end } else { end };
                continue;
            }
            // Attribute lines before this tag; none inside a raw block already copied.
            while let Some(line) = block_attributes.next_if(|l| l.start < tag.start) {
                if line.start >= copied_to {
                    self.block_attributes(source, text, base, line, &mut copied_to);
                }
            }
            self.verbatim(source, text, copied_to..tag.start, base);
            if in_code.is_some() {
                (copied_to, cursor) = (tag.end, tag.end);
                continue;
            }
            copied_to = self.tag(&Written { source, text, base, tag });
            cursor = copied_to;
        }
        for line in block_attributes {
            if line.start >= copied_to {
                self.block_attributes(source, text, base, line, &mut copied_to);
            }
        }
        self.verbatim(source, text, copied_to..text.len(), base);
    }

    /// Facts of the requirement data written by hand outside code.
    fn hand_written_facts(&mut self, source: usize, text: &str, base: usize, code: &[Range<usize>]) {
        let Some(facts) = self.cx.hand_written else { return };
        for fact in facts.find(text).into_iter().filter(|f| !in_ranges(code, f.offset)) {
            let message =
                format!("`{}` is written by hand, but {} holds it", fact.text, crate::requirements::REQUIREMENTS_FILE);
            let d = Diagnostic::new(Code::DataHandWritten, message).with_help(format!(
                "print it from the data, `{{{{ {} }}}}`, so the text changes with it",
                fact.variable
            ));
            let span = base + fact.offset..base + fact.offset + fact.text.len();
            let location = self.out.sources[source].span_location(span);
            self.diags.push(d.at(location));
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
        let (blank, indent) = if block { ("\n\n", self.line_indent()) } else { ("", "") };
        let indent = indent.to_string();
        self.out.placeholders.push(self.out.markdown.len() + blank.len() + indent.len());
        self.generated_with(source, at, |markdown| {
            markdown.push_str(blank);
            markdown.push_str(&indent);
            markers::push_placeholder(markdown, index);
            markdown.push_str(blank);
        });
    }

    /// The blanks the Markdown's current line holds so far, if it holds
    /// nothing else: a block written in place of a tag there keeps them,
    /// so that it stays in the list item the tag is written in.
    fn line_indent(&self) -> &str {
        let markdown = &self.out.markdown;
        let line = &markdown[markdown.rfind('\n').map_or(0, |i| i + 1)..];
        if line.bytes().all(|b| b == b' ' || b == b'\t') {
            line
        } else {
            ""
        }
    }

    /// The text of a variable: `page.lang`, `page.title`, `page.url`,
    /// `page.<front matter key>`, one of the read-only `site.url`,
    /// `site.baseurl` and `site.title`, or a value of the site's data
    /// (`site.data.requirements.firewall[1].port`), as Jekyll gives them.
    pub(super) fn variable_value(&self, expression: &str) -> Result<String, String> {
        let front = &self.article.front;
        let lang = &self.article.lang;
        let value = match expression.split_once('.') {
            Some(("site", path)) if path.starts_with("data.") => Some(self.cx.data.text(&path["data.".len()..])?),
            Some(("site", "url")) => Some(self.cx.base_url.origin().to_string()),
            Some(("site", "baseurl")) => Some(self.cx.base_url.path().trim_end_matches('/').to_string()),
            Some(("site", "title")) => Some(match self.cx.site_title {
                Some(title) => title.to_string(),
                None => self.cx.l10n.get(lang, "site-title", None).unwrap_or_else(|| "Help Center".into()),
            }),
            Some(("page", "lang")) => Some(lang.to_string()),
            Some(("page", "title")) => Some(front.title.clone()),
            Some(("page", "description")) => front.description.clone(),
            Some(("page", "url")) => {
                let slug = Slug::from_path(&self.article.path).map_or(String::new(), |s| s.to_string());
                Some(format!("/{lang}/{slug}/"))
            }
            Some(("page", key)) => front.extra.get(key).and_then(|v| match v {
                serde_yaml::Value::String(s) => Some(s.clone()),
                serde_yaml::Value::Number(n) => Some(n.to_string()),
                serde_yaml::Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }),
            _ => {
                return Err(format!(
                    "only `page.<front matter key>`, `page.url`, `site.url`, `site.baseurl`, `site.title` and `site.data.<file>.<key>` can be used here, not `{expression}`"
                ))
            }
        };
        value.ok_or_else(|| format!("`{expression}` has no text value in this article's front matter"))
    }

    /// Reports `diagnostic` at `offset` of source `source`; one about the
    /// tag being expanded (at its start) underlines the whole tag.
    fn report(&mut self, diagnostic: Diagnostic, source: usize, offset: usize) {
        let text = &self.out.sources[source];
        let location = match &self.tag_span {
            Some((tag_source, span)) if *tag_source == source && span.start == offset => {
                text.span_location(span.clone())
            }
            _ => text.location(offset),
        };
        self.diags.push(diagnostic.at(location));
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

/// Byte ranges of code spans and code blocks, where tags stay literal, from
/// a Markdown parse of the source. (A line scanner that spared this parse
/// made whole builds no faster: pulldown-cmark is quick on these texts.)
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    if !text.contains("{%") && !text.contains("{{") && !text.contains("{:") {
        return Vec::new();
    }
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
