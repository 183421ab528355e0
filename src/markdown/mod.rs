//! Stage 2b, parse (Markdown): the one pulldown-cmark pass over an expanded
//! article, followed by small named passes over the event list.
//!
//! Steps: parse with offsets and merge adjacent text; swap construct
//! placeholders (icons, images, offer blocks) for their HTML; apply kramdown span
//! attributes (`_Menu_{:.menu-item}`); give every heading a GitHub-style id;
//! highlight fenced code. The result owns its events, so the render stage can
//! turn it into HTML once per reader language without parsing again.

mod heading_id;
mod links;
mod placeholders;
mod security;

use std::ops::Range;

use pulldown_cmark::utils::TextMergeWithOffset;
use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

pub use heading_id::slugify;
use heading_id::IdAllocator;
pub use links::{DocLink, LinkTarget};

use crate::diag::Diagnostic;
use crate::dialect::attributes::{self, Attributes};
use crate::dialect::{
    markdown_options, Applies, BlockAttributes, Construct, Expanded, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN,
};
use crate::highlight::Highlighter;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// Plain text, for the table of contents.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct ParsedDoc {
    /// The article's HTML, cut where links open: link targets are the only
    /// part that depends on the reader's language.
    pub body: Vec<Segment>,
    pub headings: Vec<Heading>,
    /// One per `Start(Link)` event, in order.
    pub links: Vec<DocLink>,
    /// Ids defined other than by headings: raw HTML, attribute lists.
    pub anchors: Vec<String>,
    /// The body has a code block, so its page needs the highlight styles.
    pub has_code: bool,
    /// The body has the workstation check, so its page needs its script.
    pub has_selfcheck: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Html(String),
    /// The opening `<a>` of `links[n]`, written per reader language.
    Link(usize),
}

impl ParsedDoc {
    pub fn has_anchor(&self, id: &str) -> bool {
        self.headings.iter().any(|h| h.id == id) || self.anchors.iter().any(|a| a == id)
    }

    /// The body HTML with each link opened by `open_link`.
    pub fn write_html(&self, out: &mut String, mut open_link: impl FnMut(&DocLink) -> String) {
        for segment in &self.body {
            match segment {
                Segment::Html(html) => out.push_str(html),
                Segment::Link(n) => match self.links.get(*n) {
                    Some(link) => out.push_str(&open_link(link)),
                    None => out.push_str("<a>"),
                },
            }
        }
    }
}

type Spanned<'a> = (Event<'a>, Range<usize>);

pub fn parse(expanded: &Expanded, highlighter: &Highlighter, diags: &mut Vec<Diagnostic>) -> ParsedDoc {
    let parser = Parser::new_ext(&expanded.markdown, markdown_options()).into_offset_iter();
    // Sized from the text (prose makes about one event per 13 bytes), so the
    // list is seldom copied while it grows.
    let mut events: Vec<Spanned> = Vec::with_capacity(expanded.markdown.len() / 8 + 16);
    events.extend(TextMergeWithOffset::new(parser));
    // Before helpgen's own HTML is substituted in: only the content's is checked.
    security::check(&events, expanded, diags);
    let mut events = substitute_constructs(events, &expanded.constructs);
    placeholders::check(&events, expanded, diags);
    let mut links = links::classify(&events, expanded, diags);
    let mut anchors = Vec::new();
    let locate = |offset: usize| expanded.location(offset);
    apply_span_attributes(&mut events, &mut links, &mut anchors, |offset, message| {
        diags.push(
            Diagnostic::warning("dialect.attribute", message).at(locate(offset)).with_help(
                "write attributes as `{:.class}`, `{:#id}` or `{:key=\"value\"}`; the text is shown as written",
            ),
        )
    });
    apply_block_attributes(&mut events, &expanded.markdown, &expanded.block_attributes, &mut anchors, diags);
    let headings = assign_heading_ids(&mut events);
    anchors.extend(links::html_anchors(&events));
    let has_code = events.iter().any(|(event, _)| matches!(event, Event::Start(Tag::CodeBlock(_))));
    let body = write_segments(events, highlighter);
    ParsedDoc { body, headings, links, anchors, has_code, has_selfcheck: expanded.selfcheck }
}

/// Placeholders left by the dialect stage become HTML: a paragraph that is a
/// single placeholder takes the block form (a `<figure>`, an offer `<div>`),
/// any other placeholder the inline form.
fn substitute_constructs<'a>(events: Vec<Spanned<'a>>, constructs: &[Construct]) -> Vec<Spanned<'a>> {
    if constructs.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut events = events.into_iter();
    while let Some((event, range)) = events.next() {
        if let (Event::Start(Tag::Paragraph), [(Event::Text(text), _), (Event::End(TagEnd::Paragraph), _), ..]) =
            (&event, events.as_slice())
        {
            let block = sole_placeholder(text).and_then(|n| constructs.get(n)).and_then(|c| c.block.as_ref());
            if let Some(block) = block {
                out.push((Event::Html(block.clone().into()), range));
                events.nth(1);
                continue;
            }
        }
        match event {
            Event::Text(text) if text.contains(PLACEHOLDER_OPEN) => {
                for piece in split_placeholders(&text) {
                    let event = match piece {
                        Piece::Text(t) => Event::Text(t.to_string().into()),
                        Piece::Construct(n) => match constructs.get(n) {
                            Some(c) => Event::InlineHtml(c.inline.clone().into()),
                            None => continue,
                        },
                    };
                    out.push((event, range.clone()));
                }
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) if html.contains(PLACEHOLDER_OPEN) => {
                let replaced: String = split_placeholders(html)
                    .into_iter()
                    .map(|piece| match piece {
                        Piece::Text(t) => t.to_string(),
                        Piece::Construct(n) => constructs.get(n).map(|c| c.inline.clone()).unwrap_or_default(),
                    })
                    .collect();
                let block = matches!(event, Event::Html(_));
                out.push((
                    if block { Event::Html(replaced.into()) } else { Event::InlineHtml(replaced.into()) },
                    range,
                ));
            }
            event => out.push((event, range)),
        }
    }
    out
}

enum Piece<'t> {
    Text(&'t str),
    Construct(usize),
}

fn split_placeholders(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(PLACEHOLDER_OPEN) {
        let after = &rest[open + PLACEHOLDER_OPEN.len_utf8()..];
        let Some(close) = after.find(PLACEHOLDER_CLOSE) else {
            break;
        };
        let Ok(index) = after[..close].parse::<usize>() else {
            break;
        };
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        pieces.push(Piece::Construct(index));
        rest = &after[close + PLACEHOLDER_CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

fn sole_placeholder(text: &str) -> Option<usize> {
    match split_placeholders(text.trim()).as_slice() {
        [Piece::Construct(n)] => Some(*n),
        _ => None,
    }
}

/// `_Text_{:.menu-item}` arrives as an emphasis followed by text starting
/// with `{:`; the emphasis becomes `<em class="menu-item">`.
fn apply_span_attributes(
    events: &mut [Spanned],
    links: &mut [DocLink],
    anchors: &mut Vec<String>,
    mut warn: impl FnMut(usize, String),
) {
    // Open inline elements: event index, and the link ordinal for links.
    let mut open: Vec<(usize, Option<usize>)> = Vec::new();
    let mut last_closed: Option<(usize, usize, Option<usize>)> = None;
    let mut link_ordinal = 0;
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Emphasis | Tag::Strong) => open.push((i, None)),
            Event::Start(Tag::Link { .. }) => {
                open.push((i, Some(link_ordinal)));
                link_ordinal += 1;
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                last_closed = open.pop().map(|(start, link)| (start, i, link));
            }
            Event::Text(text) if text.starts_with("{:") => {
                let Some((start, end, link)) = last_closed.filter(|&(_, end, _)| end + 1 == i) else { continue };
                match attributes::parse(text) {
                    Ok((attrs, len)) => {
                        anchors.extend(attrs.id.clone());
                        let rest = text[len..].to_string();
                        match link.and_then(|n| links.get_mut(n)) {
                            // Links are written by the render stage, with these attributes.
                            Some(link) => link.attributes = Some(attrs),
                            None => {
                                let element =
                                    if matches!(events[start].0, Event::Start(Tag::Strong)) { "strong" } else { "em" };
                                events[start].0 = Event::InlineHtml(format!("<{element}{}>", attrs.to_html()).into());
                                events[end].0 = Event::InlineHtml(format!("</{element}>").into());
                            }
                        }
                        events[i].0 = Event::Text(rest.into());
                    }
                    Err(attributes::AttributeError::Invalid(message)) => warn(events[i].1.start, message),
                    Err(attributes::AttributeError::NotAList) => {}
                }
            }
            _ => {}
        }
    }
}

/// `{:.note}` lines: the attributes go on the block that ends right before
/// the line (the outermost one, so a list rather than its last item), or
/// starts right after it.
fn apply_block_attributes(
    events: &mut [Spanned],
    markdown: &str,
    blocks: &[BlockAttributes],
    anchors: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    // A block's range runs over the blank lines after it; where its text ends
    // is what decides whether it sits right above the attribute line.
    if blocks.is_empty() {
        return;
    }
    let text_end = |range: &Range<usize>| range.start + markdown[range.clone()].trim_end().len();
    let starts: Vec<usize> = (0..events.len()).filter(|&i| is_block_start(&events[i].0)).collect();
    // Sorted so each lookup is a binary search: by where the text ends (the
    // outermost block last among equals), and by where the block starts.
    let mut by_end: Vec<(usize, std::cmp::Reverse<usize>)> =
        starts.iter().map(|&i| (text_end(&events[i].1), std::cmp::Reverse(i))).collect();
    by_end.sort_unstable();
    let mut by_start: Vec<(usize, usize)> = starts.iter().map(|&i| (events[i].1.start, i)).collect();
    by_start.sort_unstable();
    for block in blocks {
        let target = match block.applies {
            Applies::Previous => {
                let n = by_end.partition_point(|&(end, _)| end <= block.offset);
                n.checked_sub(1).map(|k| by_end[k].1 .0)
            }
            Applies::Next => {
                by_start.get(by_start.partition_point(|&(start, _)| start < block.offset)).map(|&(_, i)| i)
            }
        };
        let Some(start) = target else {
            let d = Diagnostic::warning("dialect.attribute", "this attribute list has no block to apply to");
            diags.push(d.at(block.location.clone()));
            continue;
        };
        if !set_block_attributes(events, start, &block.attributes) {
            let d = Diagnostic::warning(
                "dialect.attribute",
                "attribute lists apply to paragraphs, headings, lists, tables and quotes, not to this block",
            );
            diags.push(d.at(block.location.clone()));
            continue;
        }
        anchors.extend(block.attributes.id.clone());
    }
}

fn is_block_start(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
        )
    )
}

/// Writes the block's opening tag with the attributes; false for blocks
/// that cannot take them (code, raw HTML).
fn set_block_attributes(events: &mut [Spanned], start: usize, attributes: &Attributes) -> bool {
    let html = attributes.to_html();
    let (open, close) = match &mut events[start].0 {
        Event::Start(Tag::Heading { id, classes, attrs, .. }) => {
            if let Some(new_id) = &attributes.id {
                *id = Some(new_id.clone().into());
            }
            classes.extend(attributes.classes.iter().map(|c| CowStr::from(c.clone())));
            attrs
                .extend(attributes.pairs.iter().map(|(k, v)| (CowStr::from(k.clone()), Some(CowStr::from(v.clone())))));
            return true;
        }
        Event::Start(Tag::Paragraph) => (format!("<p{html}>"), "</p>\n".to_string()),
        Event::Start(Tag::BlockQuote(_)) => (format!("<blockquote{html}>\n"), "</blockquote>\n".to_string()),
        Event::Start(Tag::List(Some(1))) => (format!("<ol{html}>\n"), "</ol>\n".to_string()),
        Event::Start(Tag::List(Some(first))) => (format!("<ol start=\"{first}\"{html}>\n"), "</ol>\n".to_string()),
        Event::Start(Tag::List(None)) => (format!("<ul{html}>\n"), "</ul>\n".to_string()),
        Event::Start(Tag::Table(alignments)) => {
            let alignments = alignments.clone();
            events[start].0 = Event::Html(format!("<table{html}>").into());
            write_table_cells(&mut events[start + 1..], &alignments);
            return true;
        }
        _ => return false,
    };
    let end = matching_end(events, start);
    events[start].0 = Event::Html(open.into());
    if let Some(end) = end {
        events[end].0 = Event::Html(close.into());
    }
    true
}

/// Once a table's opening tag is written by hand, the HTML writer no longer
/// knows its column alignments: its cells are opened by hand too.
fn write_table_cells(events: &mut [Spanned], alignments: &[Alignment]) {
    let (mut in_head, mut column) = (false, 0);
    for (event, _) in events.iter_mut() {
        match event {
            Event::Start(Tag::TableHead) => (in_head, column) = (true, 0),
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => column = 0,
            Event::Start(Tag::TableCell) => {
                let style = match alignments.get(column) {
                    Some(Alignment::Left) => " style=\"text-align: left\"",
                    Some(Alignment::Center) => " style=\"text-align: center\"",
                    Some(Alignment::Right) => " style=\"text-align: right\"",
                    _ => "",
                };
                *event = Event::Html(format!("<{}{style}>", if in_head { "th" } else { "td" }).into());
                column += 1;
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
}

/// The index of the `End` event closing the `Start` at `start`. Only tags of
/// the same kind are counted: other passes replace some starts and ends.
fn matching_end(events: &[Spanned], start: usize) -> Option<usize> {
    let Event::Start(tag) = &events[start].0 else { return None };
    let end = tag.to_end();
    let mut depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(t) if t.to_end() == end => depth += 1,
            Event::End(e) if *e == end => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn assign_heading_ids(events: &mut [Spanned]) -> Vec<Heading> {
    let mut ids = IdAllocator::default();
    for (event, _) in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            ids.reserve(id);
        }
    }
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 else {
            i += 1;
            continue;
        };
        let (level, explicit) = (*level as u8, id.clone());
        let mut text = String::new();
        let mut j = i + 1;
        while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
            if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                text.push_str(t);
            }
            j += 1;
        }
        let id = match explicit {
            Some(id) => id.to_string(),
            None => ids.unique(slugify(&text)),
        };
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
            *slot = Some(CowStr::from(id.clone()));
        }
        headings.push(Heading { level, id, text: text.trim().to_string() });
        i = j + 1;
    }
    headings
}

/// Writes the HTML once: code blocks highlighted, each link opening left
/// as a marker, then the text cut at the markers into segments.
fn write_segments(events: Vec<Spanned>, highlighter: &Highlighter) -> Vec<Segment> {
    let mut events = events.into_iter();
    let mut ordinal = 0;
    let mapped = std::iter::from_fn(|| {
        let (event, _) = events.next()?;
        Some(match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                for (event, _) in events.by_ref() {
                    match event {
                        Event::Text(text) => code.push_str(&text),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                Event::Html(highlighter.highlight(&code, &lang).into())
            }
            Event::Start(Tag::Link { .. }) => {
                ordinal += 1;
                Event::InlineHtml(format!("{PLACEHOLDER_OPEN}{}{PLACEHOLDER_CLOSE}", ordinal - 1).into())
            }
            Event::End(TagEnd::Link) => Event::InlineHtml("</a>".into()),
            event => event,
        })
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, mapped);
    split_placeholders(&html)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => Segment::Html(text.to_string()),
            Piece::Construct(n) => Segment::Link(n),
        })
        .collect()
}

#[cfg(test)]
mod tests;
