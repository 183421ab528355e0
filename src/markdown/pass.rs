//! The one streaming pass from the parser to the HTML writer. Each event is
//! checked and rewritten where it is and written at once: what follows an
//! element is read from the source (a start event knows the element's
//! whole range), so `_Menu_{:.menu-item}` is settled at `_`. Only a
//! heading's opening tag waits, for its text makes its id; and a code
//! block, for the highlighter. No event is collected or moved on.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, OffsetIter, Parser, Tag, TagEnd};

use super::block_attributes::BlockAttributeCursor;
use super::heading_id::HeadingIds;
use super::html::HtmlWriter;
use super::links::{self, DocLink};
use super::placeholders::Unfinished;
use super::security::Security;
use super::span_lists::{after_attribute_list, list_line, trailing_list};
use super::substitute::{Kind, Piece, Placeholders};
use super::twin::TwinEdits;
use super::{substitute, Heading};
use crate::diag::{Code, Diagnostic};
use crate::dialect::Expanded;
use crate::highlight::Highlighter;
use crate::syntax::attributes::{self, AttributeError, Attributes};
use crate::syntax::markdown_options;

/// What the pass learnt besides the HTML.
#[derive(Default)]
pub(super) struct Findings {
    pub headings: Vec<Heading>,
    pub links: Vec<DocLink>,
    /// Ids defined other than by headings: raw HTML, attribute lists.
    pub anchors: Vec<String>,
    pub has_code: bool,
    pub diags: Vec<Diagnostic>,
    /// What the Markdown twin writes differently from the source.
    pub twin: TwinEdits,
}

pub(super) struct Pass<'e> {
    parser: OffsetIter<'e>,
    out: HtmlWriter,
    /// How many of the next events a construct's block form replaced.
    skip: usize,
    heading: Option<OpenHeading<'e>>,
    spans: SpanLists,
    expanded: &'e Expanded<'e>,
    highlighter: &'e Highlighter,
    blocks: BlockAttributeCursor<'e>,
    placeholders: Placeholders<'e>,
    /// Room for the pieces of a text that holds markers.
    pieces: Vec<Piece<'e>>,
    links: OpenLinks,
    unfinished: Unfinished,
    found: Findings,
    ids: HeadingIds,
    security: Security,
}

/// The heading being read: its tag, which waits for its id, its text, and
/// where a kramdown list ending its line starts and whether the span right
/// before the list took it.
struct OpenHeading<'e> {
    tag: Tag<'e>,
    text: String,
    list: Option<(usize, bool)>,
}

/// Attribute lists written right after inline elements.
#[derive(Default)]
struct SpanLists {
    /// For each open emphasis, strong or link: where the attribute list
    /// written right after it ends, if one is.
    open: Vec<Option<usize>>,
    /// Text before this offset is the attribute list of the element just
    /// closed, already applied: it is not written.
    cut: usize,
}

/// Links as the pass meets them.
struct OpenLinks {
    /// How many are open: a cross-link cannot open inside one.
    depth: usize,
    /// The cross-link being read was shown as text: its end closes nothing.
    flattened: bool,
    /// Which of the expansion's cross-links were met as links.
    seen: Vec<bool>,
}

impl<'e> Pass<'e> {
    /// `reserved`: explicit heading ids known beforehand (from an earlier pass).
    pub fn new(expanded: &'e Expanded<'e>, highlighter: &'e Highlighter, reserved: &[String]) -> Pass<'e> {
        // HTML runs up to twice as long as its Markdown (tags, entities),
        // plus the constructs' HTML. Growing once copies it all, and the
        // pages of the bigger buffer are new to the process: room to spare
        // costs less.
        let constructs: usize = expanded.constructs.iter().map(|c| c.inline.len()).sum();
        let capacity = expanded.markdown.len() * 2 + constructs;
        Pass {
            parser: Parser::new_ext(&expanded.markdown, markdown_options()).into_offset_iter(),
            out: HtmlWriter::with_capacity(capacity),
            skip: 0,
            heading: None,
            spans: SpanLists::default(),
            expanded,
            highlighter,
            blocks: BlockAttributeCursor::new(&expanded.markdown, &expanded.block_attributes),
            placeholders: Placeholders::new(&expanded.placeholders),
            pieces: Vec::new(),
            links: OpenLinks { depth: 0, flattened: false, seen: vec![false; expanded.links.len()] },
            unfinished: Unfinished::new(&expanded.markdown),
            // Most links are the expansion's cross-links.
            found: Findings {
                links: Vec::with_capacity(expanded.links.len()),
                twin: TwinEdits::new(expanded.links.len()),
                ..Findings::default()
            },
            ids: HeadingIds::new(reserved),
            security: Security::default(),
        }
    }

    /// Writes the whole article: its HTML, what was found on the way; and,
    /// if an automatic heading id may have taken an id written later, the
    /// explicit ids to run the pass again with, reserved from the start.
    pub fn run(mut self) -> (HtmlWriter, Findings, Option<Vec<String>>) {
        while let Some((event, mut range)) = self.parser.next() {
            if self.skip > 0 {
                self.skip -= 1;
                continue;
            }
            // Ends, and starts whose element was looked at already (a
            // table's, a list's) or that only an attribute list can change,
            // take their one step here; others go through every check.
            match event {
                Event::End(end) => {
                    if end == TagEnd::HtmlBlock {
                        self.security.end_block();
                    }
                    self.end(end, &range)
                }
                // Inside a table or list, whose start was looked at.
                Event::Start(ref tag @ (Tag::TableHead | Tag::TableRow | Tag::TableCell | Tag::Item)) => {
                    self.out.start_event(tag)
                }
                Event::Start(ref tag @ (Tag::Emphasis | Tag::Strong)) => self.open_span(tag, range.end),
                mut event => {
                    self.security.check(&event, &range, self.expanded, &mut self.found.diags);
                    self.accept(&mut event, &mut range);
                }
            }
        }
        self.security.finish(self.expanded, &mut self.found.diags);
        self.report_unread_links();
        self.blocks.finish(&mut self.found.diags);
        self.unfinished.finish(self.expanded, &mut self.found.diags);
        let rerun = self.ids.rerun();
        (self.out, self.found, rerun)
    }

    /// Checks and rewrites, in place, an event from the parser, and
    /// writes what it became. The events `run` takes on its own skip it:
    /// a new step for them belongs there.
    fn accept(&mut self, event: &mut Event<'e>, range: &mut Range<usize>) {
        let constructs = &self.expanded.constructs;
        if matches!(event, Event::Start(Tag::Paragraph)) && !constructs.is_empty() {
            // Before attribute lists: a construct's block form is not a
            // paragraph they could apply to.
            let source = self.expanded.markdown.get(range.clone()).unwrap_or_default();
            if let Some(html) = substitute::block_form(source, constructs) {
                *event = Event::Html(CowStr::Borrowed(html));
                // The placeholder's text and the paragraph's end.
                self.skip = 2;
                return self.settle(event, range);
            }
        }
        if let Some(attributes) = self.blocks.apply(event, range, &mut self.found.anchors, &mut self.found.diags) {
            self.out.attributes_for_next_block(attributes);
        }
        match event {
            // The content's own HTML; helpgen's defines no anchors.
            Event::Html(html) | Event::InlineHtml(html) => links::html_anchors(html, &mut self.found.anchors),
            Event::Start(Tag::CodeBlock(kind)) => {
                let kind = std::mem::replace(kind, CodeBlockKind::Indented);
                *event = Event::Html(self.code_block(kind).into());
                self.found.has_code = true;
                return self.settle(event, range);
            }
            Event::Text(text) if range.start < self.spans.cut => {
                match after_attribute_list(text, range, self.spans.cut, &self.expanded.markdown) {
                    Some(rest) => (*text, *range) = rest,
                    None => return,
                }
            }
            _ => {}
        }
        let Some((kind, text)) = Kind::of(event).filter(|_| self.placeholders.within(range)) else {
            return self.settle(event, range);
        };
        let text = std::mem::replace(text, CowStr::Borrowed(""));
        self.settle_marked(kind, text, range);
    }

    /// Settles, piece by piece, a text or HTML that holds markers: its
    /// text, constructs' HTML, and cross-links' starts and ends.
    fn settle_marked(&mut self, kind: Kind, text: CowStr<'e>, range: &Range<usize>) {
        let mut pieces = std::mem::take(&mut self.pieces);
        substitute::push(kind, text, range.clone(), self.placeholders.found(), self.expanded, &mut pieces);
        for piece in pieces.drain(..) {
            match piece {
                Piece::Text(Kind::Text, text, range) if range.start < self.spans.cut => {
                    let markdown = &self.expanded.markdown;
                    if let Some((rest, range)) = after_attribute_list(&text, &range, self.spans.cut, markdown) {
                        self.settle(&mut Event::Text(rest), &range);
                    }
                }
                Piece::Text(kind, text, range) => self.settle(&mut kind.event(text), &range),
                Piece::LinkStart { index, range, end } => self.open_cross_link(index, &range, end),
                Piece::LinkEnd(range) => {
                    if !std::mem::take(&mut self.links.flattened) {
                        self.end(TagEnd::Link, &range);
                    }
                }
            }
        }
        self.pieces = pieces;
    }

    /// Opens the cross-link `Expanded::links[index]`, whose markers end at
    /// `end`. Inside another link it cannot be one: its text is shown as
    /// text, with a warning.
    fn open_cross_link(&mut self, index: usize, range: &Range<usize>, end: usize) {
        let link = self.cross_link(index, String::new(), range);
        self.unfinished.element();
        if self.links.depth > 0 {
            let d = Diagnostic::new(Code::LinkNested, "this `link_new` is inside another link: it is shown as text")
                .with_help("move it out of the other link's text");
            self.found.diags.push(d.at(self.expanded.location(range.start)));
            self.links.flattened = true;
            return;
        }
        self.found.twin.cross_link(index, self.found.links.len());
        self.open_link(link, end);
    }

    /// The cross-link `Expanded::links[index]`, noted as met.
    fn cross_link(&mut self, index: usize, title: String, range: &Range<usize>) -> DocLink {
        if let Some(seen) = self.links.seen.get_mut(index) {
            *seen = true;
        }
        links::cross_link(index, title, range, self.expanded)
    }

    /// Opens the link to `dest_url` that a `Start(Link)` event at `range` opens.
    fn start_link(&mut self, kind: LinkType, dest_url: &str, title: &str, range: &Range<usize>) {
        let link = match links::cross_link_index(dest_url) {
            Some(index) => self.cross_link(index, title.to_string(), range),
            None => links::classify(dest_url, title, range, self.expanded, &mut self.found.diags),
        };
        // An autolink (`<https://...>`) is its own address, absolute already.
        if !matches!(kind, LinkType::Autolink | LinkType::Email) {
            self.found.twin.markdown_link(&self.expanded.markdown, range, self.found.links.len());
        }
        self.open_link(link, range.end);
    }

    /// Opens `link`, whose source ends at `end`, with the attribute list
    /// written right after it.
    fn open_link(&mut self, mut link: DocLink, end: usize) {
        link.attributes = self.open_inline(end);
        self.found.links.push(link);
        self.links.depth += 1;
        self.out.open_link();
    }

    /// A cross-link that never became a link: its Markdown link sat where
    /// Markdown is not read (raw HTML, a link's address), or after a `!` or
    /// `\` that made it an image or plain text.
    fn report_unread_links(&mut self) {
        let unread = self.links.seen.iter().zip(&self.expanded.links).filter(|(seen, _)| !**seen);
        for (_, link) in unread {
            let d = Diagnostic::new(Code::LinkUnread, "this `link_new` is not read as a link here")
                .at(link.location.clone())
                .with_help("a cross-link whose text has Markdown in it cannot sit in raw HTML or a link's address, nor right after `!` or `\\`");
            self.found.diags.push(d);
        }
    }

    /// The last step of every event: notes what it holds (links, anchors,
    /// ids, unfinished text), applies the attribute list written after an
    /// inline element, and writes it. A link's opening is left to the
    /// render stage, which writes the `<a>` for the reader's language.
    fn settle(&mut self, event: &mut Event<'e>, range: &Range<usize>) {
        self.unfinished.observe(event, range, self.expanded, &mut self.found.diags);
        if let Event::Code(code) = event {
            if let Some((attributes, len)) = self.attribute_list_at(range.end) {
                self.found.twin.drop(range.end..range.end + len);
                return self.code_with_attributes(code, &attributes, range.end + len);
            }
        }
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, .. }) => {
                return self.start_link(*link_type, dest_url, title, range)
            }
            Event::Start(Tag::Heading { id, classes, attrs, .. }) => {
                let misread = attrs.iter().any(|(key, _)| key.starts_with(':'));
                let list = misread.then(|| trailing_list(&self.expanded.markdown, range, "{:")).flatten();
                if !misread && (id.is_some() || !classes.is_empty() || !attrs.is_empty()) {
                    // `## Title {#id}`: the page's, not a Markdown reader's.
                    if let Some(at) = trailing_list(&self.expanded.markdown, range, "{") {
                        let markdown = &self.expanded.markdown;
                        let from = markdown[..at].trim_end_matches([' ', '\t']).len();
                        self.found.twin.drop(from..at + list_line(markdown, at).trim_end().len());
                    }
                }
                if list.is_some() {
                    // The parser read a kramdown list ending the line
                    // (`{:.a}`) as its own heading attributes: it is read
                    // again once it is known whether a span took it.
                    *id = None;
                    classes.clear();
                    attrs.clear();
                }
                if let Some(id) = id {
                    self.ids.note_explicit(id);
                }
                let Event::Start(tag) = std::mem::replace(event, Event::SoftBreak) else { return };
                let list = list.map(|at| (at, false));
                self.heading = Some(OpenHeading { tag, text: String::new(), list });
                return self.out.start_heading();
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = &mut self.heading {
                    heading.text.push_str(text);
                }
            }
            _ => {}
        }
        self.out.event(event);
    }

    /// Inline code followed by the attribute list that ends at `cut`: the
    /// list's text is then not written.
    fn code_with_attributes(&mut self, code: &str, attributes: &Attributes, cut: usize) {
        if let Some(heading) = &mut self.heading {
            heading.text.push_str(code);
        }
        self.found.anchors.extend(attributes.id.clone());
        self.out.code_with(code, attributes);
        self.spans.cut = cut;
    }

    /// Opens an emphasis or strong element whose source ends at `end`,
    /// with the attribute list written right after it, if any.
    fn open_span(&mut self, tag: &Tag, end: usize) {
        let element = if matches!(tag, Tag::Strong) { "strong" } else { "em" };
        match self.open_inline(end) {
            Some(attributes) => self.out.open_span(element, &attributes),
            None => self.out.start_event(tag),
        }
    }

    /// Ends an element: the text after a span's attribute list is cut from
    /// there; a heading's opening tag is written, now that its text and so
    /// its id are known.
    fn end(&mut self, end: TagEnd, range: &Range<usize>) {
        match end {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                if end == TagEnd::Link {
                    self.links.depth = self.links.depth.saturating_sub(1);
                }
                if let Some(cut) = self.spans.open.pop().flatten() {
                    self.spans.cut = cut;
                }
            }
            TagEnd::Heading(level) => {
                self.unfinished.observe(&Event::End(end), range, self.expanded, &mut self.found.diags);
                if let Some(OpenHeading { mut tag, text, list }) = self.heading.take() {
                    if let Some(shown) = list.and_then(|(at, taken)| self.heading_attributes(&mut tag, at, taken)) {
                        self.out.event(&shown);
                    }
                    let written = if let Tag::Heading { id, .. } = &tag { id.as_deref() } else { None };
                    let heading = self.ids.name(level, written, text);
                    self.out.end_heading(&tag, &heading.id);
                    return self.found.headings.push(heading);
                }
            }
            _ => {}
        }
        self.out.end_event(end);
    }

    /// Opens an emphasis, strong or link whose source ends at `end`: the
    /// attribute list written right after it, whose text is then not
    /// written and whose id is an anchor. An invalid one stays visible as
    /// text, with a warning.
    fn open_inline(&mut self, end: usize) -> Option<Attributes> {
        if let Some(OpenHeading { list: Some((at, taken)), .. }) = &mut self.heading {
            // `## Open _Plan_{:.menu-item}`: the span's, not the heading's.
            *taken |= *at == end;
        }
        let after = self.attribute_list_at(end);
        self.spans.open.push(after.as_ref().map(|(_, len)| end + len));
        let (attrs, len) = after?;
        self.found.twin.drop(end..end + len);
        self.found.anchors.extend(attrs.id.clone());
        Some(attrs)
    }

    /// Settles the kramdown list at `at` that ends a heading's line and
    /// that the parser took out of its text: the heading's attributes,
    /// unless the span before it `taken` them; or, if invalid, the text
    /// that shows it.
    fn heading_attributes(&mut self, heading: &mut Tag<'e>, at: usize, taken: bool) -> Option<Event<'e>> {
        // Taken, it was read (and any warning given) for the span.
        let read = if taken {
            attributes::parse(list_line(&self.expanded.markdown, at)).ok()
        } else {
            self.attribute_list_at(at)
        };
        match read {
            Some(_) if taken => None,
            Some((list, len)) => {
                let from = self.expanded.markdown[..at].trim_end_matches([' ', '\t']).len();
                self.found.twin.drop(from..at + len);
                let Tag::Heading { id, classes, attrs, .. } = heading else { return None };
                if let Some(new_id) = list.id {
                    self.ids.note_explicit(&new_id);
                    *id = Some(new_id.into());
                }
                classes.extend(list.classes.into_iter().map(CowStr::from));
                attrs.extend(list.pairs.into_iter().map(|(key, value)| (key.into(), Some(value.into()))));
                None
            }
            None => {
                let markdown = &self.expanded.markdown;
                let space = if markdown[..at].ends_with(char::is_whitespace) { " " } else { "" };
                Some(Event::Text(format!("{space}{}", list_line(markdown, at).trim_end()).into()))
            }
        }
    }

    /// The attribute list at `at`, if one starts there, and its length;
    /// a warning if it is invalid.
    fn attribute_list_at(&mut self, at: usize) -> Option<(Attributes, usize)> {
        // Most elements have none: no need to find the line's end for them.
        if !self.expanded.markdown.get(at..).is_some_and(|rest| rest.starts_with("{:")) {
            return None;
        }
        match attributes::parse(list_line(&self.expanded.markdown, at)) {
            Ok(found) => Some(found),
            Err(AttributeError::Invalid(message)) => {
                let d = Diagnostic::new(Code::DialectAttribute, message).with_help(attributes::HELP);
                self.found.diags.push(d.at(self.expanded.location(at)));
                None
            }
            Err(AttributeError::NotAList) => None,
        }
    }

    /// The highlighted HTML of a code block, whose text the parser gives next.
    fn code_block(&mut self, kind: CodeBlockKind<'e>) -> String {
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => info.as_ref(),
            CodeBlockKind::Indented => "",
        };
        let mut code = String::new();
        // Code holds only text: nothing in it for the unsafe-HTML check.
        for (event, _) in self.parser.by_ref() {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        self.highlighter.highlight(&code, lang)
    }
}
