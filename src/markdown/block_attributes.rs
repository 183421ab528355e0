//! `{:.note}` lines, applied as the pass meets blocks: the attributes go on
//! the block whose text ends right above the line (the outermost one, so a
//! list rather than its last item), or, after a blank line, on the block
//! starting right below it. A start event knows its block's whole range, so
//! neither needs to look back.

use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

use crate::diag::Diagnostic;
use crate::dialect::attributes::Attributes;
use crate::dialect::{Applies, BlockAttributes};

pub(super) struct BlockAttributeCursor<'e> {
    markdown: &'e str,
    /// Lines applying to the block above, by offset, and whether one has.
    previous: Vec<(&'e BlockAttributes, bool)>,
    /// Lines applying to the block below, by offset; those before `next` have.
    following: Vec<&'e BlockAttributes>,
    next: usize,
    /// The cells of a table whose opening tag was written here.
    table: Option<TableCells>,
}

impl<'e> BlockAttributeCursor<'e> {
    pub fn new(markdown: &'e str, blocks: &'e [BlockAttributes]) -> BlockAttributeCursor<'e> {
        let previous = blocks.iter().filter(|b| b.applies == Applies::Previous).map(|b| (b, false)).collect();
        let following = blocks.iter().filter(|b| b.applies == Applies::Next).collect();
        BlockAttributeCursor { markdown, previous, following, next: 0, table: None }
    }

    /// Looks at every event in order: applies the attribute lines that
    /// belong to a block starting here, and writes the cells of a table
    /// that got attributes.
    pub fn apply(
        &mut self,
        event: &mut Event<'e>,
        range: &Range<usize>,
        anchors: &mut Vec<String>,
        diags: &mut Vec<Diagnostic>,
    ) {
        if let Some(table) = &mut self.table {
            if !table.rewrite(event) {
                self.table = None;
            }
            return;
        }
        if !is_block_start(event) {
            return;
        }
        while let Some(block) = self.following.get(self.next).copied().filter(|b| b.offset <= range.start) {
            self.next += 1;
            self.set(event, block, anchors, diags);
        }
        if self.previous.is_empty() {
            return;
        }
        let text_end = range.start + self.markdown[range.clone()].trim_end().len();
        let mut k = self.previous.partition_point(|(b, _)| b.offset < text_end);
        while let Some(&(block, applied)) = self.previous.get(k) {
            if !self.markdown[text_end..block.offset].trim().is_empty() {
                break;
            }
            if !applied {
                self.previous[k].1 = true;
                self.set(event, block, anchors, diags);
            }
            k += 1;
        }
    }

    /// Whether a table's cells are being written here.
    pub fn in_table(&self) -> bool {
        self.table.is_some()
    }

    /// Warnings for the attribute lines no block took.
    pub fn finish(self, diags: &mut Vec<Diagnostic>) {
        let unused = self.previous.iter().filter(|(_, applied)| !applied).map(|(b, _)| *b);
        for block in unused.chain(self.following[self.next..].iter().copied()) {
            let d = Diagnostic::warning("dialect.attribute", "this attribute list has no block to apply to");
            diags.push(d.at(block.location.clone()));
        }
    }

    fn set(
        &mut self,
        event: &mut Event<'e>,
        block: &BlockAttributes,
        anchors: &mut Vec<String>,
        diags: &mut Vec<Diagnostic>,
    ) {
        if let Event::Start(Tag::Table(alignments)) = event {
            self.table = Some(TableCells { alignments: std::mem::take(alignments), in_head: false, column: 0 });
        }
        if set_block_attributes(event, &block.attributes) {
            anchors.extend(block.attributes.id.clone());
        } else {
            let d = Diagnostic::warning(
                "dialect.attribute",
                "attribute lists apply to paragraphs, headings, lists, tables and quotes, not to this block",
            );
            diags.push(d.at(block.location.clone()));
        }
    }
}

pub(super) fn is_block_start(event: &Event) -> bool {
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
/// that cannot take them (code, raw HTML). Closing tags stay the writer's.
fn set_block_attributes(event: &mut Event, attributes: &Attributes) -> bool {
    let html = attributes.to_html();
    let open = match event {
        Event::Start(Tag::Heading { id, classes, attrs, .. }) => {
            if let Some(new_id) = &attributes.id {
                *id = Some(new_id.clone().into());
            }
            classes.extend(attributes.classes.iter().map(|c| CowStr::from(c.clone())));
            attrs
                .extend(attributes.pairs.iter().map(|(k, v)| (CowStr::from(k.clone()), Some(CowStr::from(v.clone())))));
            return true;
        }
        Event::Start(Tag::Paragraph) => format!("<p{html}>"),
        Event::Start(Tag::BlockQuote(_)) => format!("<blockquote{html}>\n"),
        Event::Start(Tag::List(Some(1))) => format!("<ol{html}>\n"),
        Event::Start(Tag::List(Some(first))) => format!("<ol start=\"{first}\"{html}>\n"),
        Event::Start(Tag::List(None)) => format!("<ul{html}>\n"),
        Event::Start(Tag::Table(_)) => format!("<table{html}>"),
        _ => return false,
    };
    *event = Event::Html(open.into());
    true
}

/// Once a table's opening tag is written by hand, the HTML writer no longer
/// knows its column alignments: its cells are opened by hand too.
struct TableCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl TableCells {
    /// False once the table has ended.
    fn rewrite(&mut self, event: &mut Event) -> bool {
        match event {
            Event::Start(Tag::TableHead) => (self.in_head, self.column) = (true, 0),
            Event::End(TagEnd::TableHead) => self.in_head = false,
            Event::Start(Tag::TableRow) => self.column = 0,
            Event::Start(Tag::TableCell) => {
                let style = match self.alignments.get(self.column) {
                    Some(Alignment::Left) => " style=\"text-align: left\"",
                    Some(Alignment::Center) => " style=\"text-align: center\"",
                    Some(Alignment::Right) => " style=\"text-align: right\"",
                    _ => "",
                };
                *event = Event::Html(format!("<{}{style}>", if self.in_head { "th" } else { "td" }).into());
                self.column += 1;
            }
            Event::End(TagEnd::Table) => return false,
            _ => {}
        }
        true
    }
}
