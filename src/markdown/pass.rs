//! The one streaming pass from the parser to the HTML writer, a top-level
//! block at a time. Each event is checked and rewritten as it arrives; what
//! needs later events of its block (a heading's id comes from its text, an
//! inline element's attributes follow it) is settled once the block is
//! complete, in place, before the writer takes it. Nothing is collected for
//! the whole article, so the work stays in cache and allocations stay small.

use std::collections::VecDeque;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, OffsetIter, Parser, Tag, TagEnd};

use super::block_attributes::BlockAttributeCursor;
use super::heading_id::{slugify, IdAllocator};
use super::links::{self, DocLink};
use super::placeholders::Unfinished;
use super::{security, substitute, Heading, Spanned, LINK_MARK};
use crate::diag::Diagnostic;
use crate::dialect::attributes::{self, AttributeError};
use crate::dialect::{markdown_options, Expanded, ATTRIBUTE_HELP};
use crate::highlight::Highlighter;

/// What the pass learnt besides the HTML.
#[derive(Default)]
pub(super) struct Findings {
    pub headings: Vec<Heading>,
    pub links: Vec<DocLink>,
    /// Ids defined other than by headings: raw HTML, attribute lists.
    pub anchors: Vec<String>,
    pub has_code: bool,
    pub diags: Vec<Diagnostic>,
}

pub(super) struct Pass<'e> {
    parser: OffsetIter<'e>,
    /// Events read from the parser ahead of time.
    ahead: VecDeque<Spanned<'e>>,
    expanded: &'e Expanded<'e>,
    highlighter: &'e Highlighter,
    blocks: BlockAttributeCursor<'e>,
    unfinished: Unfinished,
    found: Findings,
    ids: IdAllocator,
    /// Explicit heading ids (`{#id}`), as met.
    explicit_ids: Vec<String>,
    /// The explicit ids were all reserved before the pass began.
    ids_known: bool,
    /// An explicit id came after an automatic one that may have taken it.
    late_explicit_id: bool,
    /// The current top-level block, then what the writer has not taken of it.
    block: VecDeque<Spanned<'e>>,
    /// How many elements the events read so far left open.
    depth: usize,
}

impl<'e> Pass<'e> {
    /// `reserved`: explicit heading ids known beforehand (from an earlier pass).
    pub fn new(expanded: &'e Expanded<'e>, highlighter: &'e Highlighter, reserved: &[String]) -> Pass<'e> {
        let mut ids = IdAllocator::default();
        for id in reserved {
            ids.reserve(id);
        }
        Pass {
            parser: Parser::new_ext(&expanded.markdown, markdown_options()).into_offset_iter(),
            ahead: VecDeque::new(),
            expanded,
            highlighter,
            blocks: BlockAttributeCursor::new(&expanded.markdown, &expanded.block_attributes),
            unfinished: Unfinished::new(&expanded.markdown),
            found: Findings::default(),
            ids,
            explicit_ids: Vec::new(),
            ids_known: !reserved.is_empty(),
            late_explicit_id: false,
            block: VecDeque::new(),
            depth: 0,
        }
    }

    /// What was found, once the writer has taken every event; and, if an
    /// automatic heading id may have taken an id written later, the explicit
    /// ids to run the pass again with, reserved from the start.
    pub fn finish(mut self) -> (Findings, Option<Vec<String>>) {
        self.blocks.finish(&mut self.found.diags);
        self.unfinished.finish(self.expanded, &mut self.found.diags);
        let rerun = self.late_explicit_id.then_some(self.explicit_ids);
        (self.found, rerun)
    }

    /// Moves the parser's next event, checked for unsafe HTML before any of
    /// helpgen's own is substituted in, to the end of the block.
    fn read(&mut self) -> bool {
        match self.ahead.pop_front() {
            Some(spanned) => self.block.push_back(spanned),
            None => {
                let Some(spanned) = self.parser.next() else { return false };
                security::check_event(&spanned.0, &spanned.1, self.expanded, &mut self.found.diags);
                self.block.push_back(spanned);
            }
        }
        match self.block.back() {
            Some((Event::Start(_), _)) => self.depth += 1,
            Some((Event::End(_), _)) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        true
    }

    /// Reads and takes the next event, which the block will not hold.
    fn consume(&mut self) -> Option<Spanned<'e>> {
        if self.read() {
            self.block.pop_back()
        } else {
            None
        }
    }

    /// Reads the parser's events `n` ahead.
    fn look_ahead(&mut self, n: usize) {
        while self.ahead.len() < n {
            let Some((event, range)) = self.parser.next() else { return };
            security::check_event(&event, &range, self.expanded, &mut self.found.diags);
            self.ahead.push_back((event, range));
        }
    }

    /// Reads the next top-level block; false at the end of the article.
    fn fill(&mut self) -> bool {
        let first_link = self.found.links.len();
        while self.read() {
            self.accept();
            if self.depth == 0 {
                break;
            }
        }
        let events = self.block.make_contiguous();
        settle_block(events, &mut self.found, first_link, &mut self.ids, self.expanded);
        !self.block.is_empty()
    }

    /// Checks and rewrites, in place, the event just read.
    fn accept(&mut self) {
        let constructs = &self.expanded.constructs;
        if !constructs.is_empty() && matches!(self.block.back(), Some((Event::Start(Tag::Paragraph), _))) {
            // Before attribute lists: a construct's block form is not a
            // paragraph they could apply to.
            self.look_ahead(2);
            if let Some(html) = substitute::block_form(&self.ahead, constructs) {
                if let Some((event, _)) = self.block.back_mut() {
                    *event = Event::Html(html.to_string().into());
                }
                // The placeholder and the paragraph's end.
                self.consume();
                self.consume();
            }
        }
        let after_inline_element = self.after_inline_element();
        let Some((event, range)) = self.block.back_mut() else { return };
        self.blocks.apply(event, range, &mut self.found.anchors, &mut self.found.diags);
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                let Some((Event::Start(Tag::CodeBlock(kind)), range)) = self.block.pop_back() else { return };
                let html = Event::Html(self.code_block(kind).into());
                self.found.has_code = true;
                self.unfinished.observe(&html, &range, self.expanded, &mut self.found.diags);
                self.block.push_back((html, range));
                return;
            }
            Event::Text(text) if text.starts_with("{:") && after_inline_element => {
                // The parser splits text at `_`, `*`, `&`...: an attribute
                // list after an element is read whole.
                self.merge_texts();
            }
            _ => {}
        }
        let from = self.block.len() - 1;
        if substitute::has_placeholder(&self.block[from].0, constructs) {
            if let Some((event, range)) = self.block.pop_back() {
                substitute::push(event, range, &self.expanded.markdown, constructs, &mut self.block);
            }
        }
        for i in from..self.block.len() {
            let (event, range) = &self.block[i];
            let diags = &mut self.found.diags;
            self.unfinished.observe(event, range, self.expanded, diags);
            match event {
                Event::Start(Tag::Link { dest_url, title, .. }) => {
                    let link = links::classify(dest_url, title, range, self.expanded, diags);
                    self.found.links.push(link);
                }
                Event::Html(html) | Event::InlineHtml(html) => links::html_anchors(html, &mut self.found.anchors),
                Event::Start(Tag::Heading { id: Some(id), .. }) => {
                    if !self.ids_known && self.ids.contains(id) {
                        self.late_explicit_id = true;
                    }
                    self.ids.reserve(id);
                    self.explicit_ids.push(id.to_string());
                }
                _ => {}
            }
        }
    }

    /// Whether the event before the one just read closed an inline element.
    fn after_inline_element(&self) -> bool {
        let before = self.block.len().checked_sub(2).and_then(|i| self.block.get(i));
        matches!(before, Some((Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link), _)))
    }

    /// Joins the texts after the one just read to it.
    fn merge_texts(&mut self) {
        let mut merged: Option<(String, usize)> = None;
        loop {
            self.look_ahead(1);
            let Some((Event::Text(more), next)) = self.ahead.front() else { break };
            let Some((Event::Text(first), _)) = self.block.back() else { break };
            let (text, end) = merged.get_or_insert_with(|| (first.to_string(), 0));
            text.push_str(more);
            *end = next.end;
            self.consume();
        }
        if let (Some((text, end)), Some((event, range))) = (merged, self.block.back_mut()) {
            *event = Event::Text(text.into());
            range.end = end;
        }
    }

    /// The highlighted HTML of a code block, whose text the parser gives next.
    fn code_block(&mut self, kind: CodeBlockKind<'e>) -> String {
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => info.as_ref(),
            CodeBlockKind::Indented => "",
        };
        let mut code = String::new();
        while let Some((event, _)) = self.consume() {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        self.highlighter.highlight(&code, lang)
    }
}

impl<'e> Iterator for Pass<'e> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        if self.block.is_empty() && !self.fill() {
            return None;
        }
        self.block.pop_front().map(|(event, _)| event)
    }
}

/// What a complete block settles, in one walk: `_Text_{:.menu-item}`
/// (an emphasis followed by text starting with `{:`) becomes
/// `<em class="menu-item">`, while links keep their attributes for the
/// render stage; headings get their ids; links open with a mark.
fn settle_block(
    events: &mut [Spanned],
    found: &mut Findings,
    first_link: usize,
    ids: &mut IdAllocator,
    expanded: &Expanded,
) {
    // Open inline elements: event index, and the link number for links.
    let mut open: Vec<(usize, Option<usize>)> = Vec::new();
    let mut last_closed: Option<(usize, usize, Option<usize>)> = None;
    let mut link_number = first_link;
    let mut heading = None;
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(Tag::Emphasis | Tag::Strong) => open.push((i, None)),
            Event::Start(Tag::Link { .. }) => {
                open.push((i, Some(link_number)));
                link_number += 1;
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                last_closed = open.pop().map(|(start, link)| (start, i, link));
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(i),
            // Once the attribute lists in it are settled.
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading.take() {
                    name_heading(&mut events[start..=i], ids, &mut found.headings);
                }
            }
            Event::Text(text) if text.starts_with("{:") => {
                let Some((start, end, link)) = last_closed.filter(|&(_, end, _)| end + 1 == i) else { continue };
                match attributes::parse(text) {
                    Ok((attrs, len)) => {
                        found.anchors.extend(attrs.id.clone());
                        let rest = text[len..].to_string();
                        match link.and_then(|n| found.links.get_mut(n)) {
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
                    Err(AttributeError::Invalid(message)) => {
                        let d = Diagnostic::warning("dialect.attribute", message).with_help(ATTRIBUTE_HELP);
                        found.diags.push(d.at(expanded.location(events[i].1.start)));
                    }
                    Err(AttributeError::NotAList) => {}
                }
            }
            _ => {}
        }
    }
    // Each link opens as a mark where the render stage writes the `<a>`
    // for the reader's language. Not before: a heading's id or a span's
    // attributes may have needed to see the link.
    if link_number > first_link {
        for (event, _) in events.iter_mut() {
            match event {
                Event::Start(Tag::Link { .. }) => *event = Event::InlineHtml(CowStr::Borrowed(LINK_MARK)),
                Event::End(TagEnd::Link) => *event = Event::InlineHtml(CowStr::Borrowed("</a>")),
                _ => {}
            }
        }
    }
}

/// Gives the heading that `events` hold its id, explicit or made from its text.
fn name_heading(events: &mut [Spanned], ids: &mut IdAllocator, headings: &mut Vec<Heading>) {
    let mut text = String::new();
    for (event, _) in &events[1..] {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::End(TagEnd::Heading(_)) => break,
            _ => {}
        }
    }
    let Event::Start(Tag::Heading { level, id, .. }) = &mut events[0].0 else { return };
    let id = match id {
        Some(explicit) => explicit.to_string(),
        None => {
            let made = ids.unique(slugify(&text));
            *id = Some(CowStr::from(made.clone()));
            made
        }
    };
    headings.push(Heading { level: *level as u8, id, text: text.trim().to_string() });
}
