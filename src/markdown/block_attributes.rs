//! `{:.note}` lines, applied as the pass meets blocks: the attributes go on
//! the block whose text ends right above the line (the outermost one, so a
//! list rather than its last item), or, after a blank line, on the block
//! starting right below it. A start event knows its block's whole range, so
//! neither needs to look back.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::diag::{Code, Diagnostic};
use crate::dialect::{Applies, BlockAttributes};
use crate::syntax::attributes::Attributes;

pub(super) struct BlockAttributeCursor<'e> {
    markdown: &'e str,
    /// Lines applying to the block above, by offset, and whether one has.
    previous: Vec<(&'e BlockAttributes, bool)>,
    /// Lines applying to the block below, by offset; those before `next` have.
    following: Vec<&'e BlockAttributes>,
    next: usize,
}

impl<'e> BlockAttributeCursor<'e> {
    pub fn new(markdown: &'e str, blocks: &'e [BlockAttributes]) -> BlockAttributeCursor<'e> {
        let previous = blocks.iter().filter(|b| b.applies == Applies::Previous).map(|b| (b, false)).collect();
        let following = blocks.iter().filter(|b| b.applies == Applies::Next).collect();
        BlockAttributeCursor { markdown, previous, following, next: 0 }
    }

    /// Looks at every event in order and applies the attribute lines that
    /// belong to a block starting here: a heading takes them into its tag;
    /// for a paragraph, list, table or quote they are returned, for the
    /// writer to put in its opening tag.
    pub fn apply(
        &mut self,
        event: &mut Event<'e>,
        range: &Range<usize>,
        anchors: &mut Vec<String>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<&'e Attributes> {
        if !is_block_start(event) {
            return None;
        }
        let mut opening = None;
        while let Some(block) = self.following.get(self.next).copied().filter(|b| b.offset <= range.start) {
            self.next += 1;
            set(event, block, &mut opening, anchors, diags);
        }
        if self.previous.is_empty() {
            return opening;
        }
        let text_end = range.start + self.markdown[range.clone()].trim_end().len();
        let mut k = self.previous.partition_point(|(b, _)| b.offset < text_end);
        while let Some(&(block, applied)) = self.previous.get(k) {
            if !self.markdown[text_end..block.offset].trim().is_empty() {
                break;
            }
            if !applied {
                self.previous[k].1 = true;
                set(event, block, &mut opening, anchors, diags);
            }
            k += 1;
        }
        opening
    }

    /// Warnings for the attribute lines no block took.
    pub fn finish(self, diags: &mut Vec<Diagnostic>) {
        let unused = self.previous.iter().filter(|(_, applied)| !applied).map(|(b, _)| *b);
        for block in unused.chain(self.following[self.next..].iter().copied()) {
            let d = Diagnostic::new(Code::DialectAttribute, "this attribute list has no block to apply to");
            diags.push(d.at(block.location.clone()));
        }
    }
}

/// Applies `block` to the block `event` starts: a heading's tag takes it,
/// another block takes one list as its `opening` attributes; code, raw HTML
/// and a second list get a warning.
fn set<'e>(
    event: &mut Event<'e>,
    block: &'e BlockAttributes,
    opening: &mut Option<&'e Attributes>,
    anchors: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let attributes = &block.attributes;
    let taken = match event {
        Event::Start(Tag::Heading { id, classes, attrs, .. }) => {
            if let Some(new_id) = &attributes.id {
                *id = Some(new_id.clone().into());
            }
            classes.extend(attributes.classes.iter().map(|c| CowStr::from(c.clone())));
            attrs
                .extend(attributes.pairs.iter().map(|(k, v)| (CowStr::from(k.clone()), Some(CowStr::from(v.clone())))));
            true
        }
        Event::Start(Tag::Paragraph | Tag::BlockQuote(_) | Tag::List(_) | Tag::Table(_)) if opening.is_none() => {
            *opening = Some(attributes);
            true
        }
        _ => false,
    };
    if taken {
        anchors.extend(attributes.id.clone());
    } else {
        let d = Diagnostic::new(
            Code::DialectAttribute,
            "attribute lists apply to paragraphs, headings, lists, tables and quotes, not to this block",
        );
        diags.push(d.at(block.location.clone()));
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
