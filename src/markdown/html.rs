//! The article's HTML, written one event at a time as the pass settles it.
//! helpgen writes it itself so the pass hands each event over by reference,
//! never moving it again, and so its own markup (link openings, span
//! attributes, heading ids) lands where it belongs: never inside an image's
//! alt text, which is text only.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};

use crate::syntax::attributes::Attributes;

#[derive(Default)]
pub(super) struct HtmlWriter {
    pub html: String,
    /// Where each link opens, in the order met; `None` for a link inside an
    /// image's description, which only its text shows.
    pub link_openings: Vec<Option<usize>>,
    /// The last write ended a line: blocks then start without one.
    at_line_start: bool,
    table: TableCells,
    /// Footnote name to number, in order of first mention.
    footnotes: HashMap<String, usize>,
    /// Inside an image's description: its title, and how many elements
    /// deep the description is.
    alt: Option<(String, usize)>,
    /// Where the opening tag of the heading being written goes, and
    /// whether a line had ended there.
    heading: Option<(usize, bool)>,
    /// Attributes (`{:.note}`) for the opening tag of the next paragraph,
    /// list, table or quote.
    block_attributes: Option<String>,
    /// Room to write a heading's opening tag before it is inserted.
    opening: String,
}

#[derive(Default)]
struct TableCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

// The `String` target of the escaping functions never fails.
impl HtmlWriter {
    pub fn with_capacity(capacity: usize) -> HtmlWriter {
        HtmlWriter { html: String::with_capacity(capacity), at_line_start: true, ..HtmlWriter::default() }
    }

    pub fn event(&mut self, event: &Event) {
        if self.alt.is_some() {
            return self.alt_text(event);
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(text) => self.text(text),
            Event::Code(code) => {
                self.html.push_str("<code>");
                let _ = escape_html_body_text(&mut self.html, code);
                self.write("</code>");
            }
            // Math is not among helpgen's options: written as the text it is.
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                let _ = escape_html(&mut self.html, math);
                self.at_line_start = false;
            }
            Event::Html(html) | Event::InlineHtml(html) => self.write(html),
            Event::SoftBreak => self.write("\n"),
            Event::HardBreak => self.write("<br />\n"),
            Event::Rule => self.block("<hr />\n"),
            Event::FootnoteReference(name) => {
                self.html.push_str("<sup class=\"footnote-reference\"><a href=\"#");
                let _ = escape_html(&mut self.html, name);
                let number = self.footnote_number(name);
                self.write(&format!("\">{number}</a></sup>"));
            }
            Event::TaskListMarker(true) => self.write("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>\n"),
            Event::TaskListMarker(false) => self.write("<input disabled=\"\" type=\"checkbox\"/>\n"),
        }
    }

    /// A text: the most common event, given without its `Event`.
    #[inline]
    pub fn text(&mut self, text: &str) {
        if self.alt.is_some() {
            return self.alt_text(&Event::Text(text.into()));
        }
        let _ = escape_html_body_text(&mut self.html, text);
        self.at_line_start = text.ends_with('\n');
    }

    /// An element's end, given without its `Event`.
    #[inline]
    pub fn end_event(&mut self, end: TagEnd) {
        if self.alt.is_some() {
            return self.alt_text(&Event::End(end));
        }
        self.end(end);
    }

    /// An element's start, given without its `Event`.
    #[inline]
    pub fn start_event(&mut self, tag: &Tag) {
        if self.alt.is_some() {
            return self.alt_text(&Event::Start(tag.clone()));
        }
        self.start(tag);
    }

    /// Opens a link: the render stage writes its `<a>` here for the
    /// reader's language.
    pub fn open_link(&mut self) {
        match &mut self.alt {
            Some((_, depth)) => {
                *depth += 1;
                self.link_openings.push(None);
            }
            None => {
                self.link_openings.push(Some(self.html.len()));
                self.at_line_start = false;
            }
        }
    }

    /// Opens an emphasis or strong element with a kramdown attribute list.
    /// Inline code with the attribute list written after it
    /// (`` `Ctrl+S`{:.shortcut} ``).
    pub fn code_with(&mut self, code: &str, attributes: &Attributes) {
        if self.alt.is_some() {
            return self.alt_text(&Event::Code(code.into()));
        }
        self.html.push_str("<code");
        attributes.write_html(&mut self.html);
        self.html.push('>');
        let _ = escape_html_body_text(&mut self.html, code);
        self.write("</code>");
    }

    pub fn open_span(&mut self, element: &str, attributes: &Attributes) {
        match &mut self.alt {
            Some((_, depth)) => *depth += 1,
            None => {
                self.html.push('<');
                self.html.push_str(element);
                attributes.write_html(&mut self.html);
                self.write(">");
            }
        }
    }

    /// Gives the next paragraph, list, table or quote these attributes.
    pub fn attributes_for_next_block(&mut self, attributes: &Attributes) {
        self.block_attributes = Some(attributes.to_html());
    }

    /// Starts a heading whose opening tag, with its id, is written once
    /// its text is known.
    pub fn start_heading(&mut self) {
        self.heading = Some((self.html.len(), self.at_line_start));
    }

    /// Ends the heading `tag` opens, whose id is `id`, its opening tag
    /// written where it began.
    pub fn end_heading(&mut self, tag: &Tag, id: &str) {
        let (Some((at, line_start)), Tag::Heading { level, .. }) = (self.heading.take(), tag) else {
            return;
        };
        let mut open = std::mem::take(&mut self.opening);
        open.clear();
        heading_open(&mut open, line_start, tag, Some(id));
        self.html.insert_str(at, &open);
        // The links of the heading moved with its text.
        for opening in self.link_openings.iter_mut().rev().flatten() {
            if *opening < at {
                break;
            }
            *opening += open.len();
        }
        self.opening = open;
        self.end(TagEnd::Heading(*level));
    }

    fn start(&mut self, tag: &Tag) {
        match tag {
            // Metadata blocks are not among helpgen's options either.
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {}
            Tag::Paragraph => self.attributed_block("<p", ">"),
            Tag::Heading { id, .. } => {
                heading_open(&mut self.html, self.at_line_start, tag, id.as_deref());
                self.at_line_start = false;
            }
            Tag::Table(alignments) => {
                self.table.alignments.clone_from(alignments);
                self.html.push_str("<table");
                self.write_block_attributes();
                self.write(">");
            }
            Tag::TableHead => {
                (self.table.in_head, self.table.column) = (true, 0);
                self.write("<thead><tr>");
            }
            Tag::TableRow => {
                self.table.column = 0;
                self.write("<tr>");
            }
            Tag::TableCell => {
                let name = if self.table.in_head { "<th" } else { "<td" };
                self.html.push_str(name);
                self.write(match self.table.alignments.get(self.table.column) {
                    Some(Alignment::Left) => " style=\"text-align: left\">",
                    Some(Alignment::Center) => " style=\"text-align: center\">",
                    Some(Alignment::Right) => " style=\"text-align: right\">",
                    _ => ">",
                });
            }
            Tag::BlockQuote(_) => self.attributed_block("<blockquote", ">\n"),
            Tag::CodeBlock(kind) => {
                // The pass writes code blocks highlighted; this is the plain form.
                if !self.at_line_start {
                    self.write("\n");
                }
                match kind {
                    CodeBlockKind::Fenced(info) if !info.is_empty() => {
                        self.html.push_str("<pre><code class=\"language-");
                        let _ = escape_html(&mut self.html, info.split(' ').next().unwrap_or_default());
                        self.write("\">");
                    }
                    _ => self.write("<pre><code>"),
                }
            }
            Tag::List(Some(1)) => self.attributed_block("<ol", ">\n"),
            Tag::List(Some(start)) => self.attributed_block(&format!("<ol start=\"{start}\""), ">\n"),
            Tag::List(None) => self.attributed_block("<ul", ">\n"),
            Tag::Item => self.block("<li>"),
            Tag::DefinitionList => self.block("<dl>\n"),
            Tag::DefinitionListTitle => self.block("<dt>"),
            Tag::DefinitionListDefinition => self.block("<dd>"),
            Tag::Subscript => self.write("<sub>"),
            Tag::Superscript => self.write("<sup>"),
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            // Links are opened by `open_link`.
            Tag::Link { .. } => self.open_link(),
            Tag::Image { dest_url, title, .. } => {
                self.html.push_str("<img src=\"");
                let _ = escape_href(&mut self.html, dest_url);
                self.html.push_str("\" alt=\"");
                self.alt = Some((title.to_string(), 0));
            }
            Tag::FootnoteDefinition(name) => {
                self.block("<div class=\"footnote-definition\" id=\"");
                let _ = escape_html(&mut self.html, name);
                let number = self.footnote_number(name);
                self.write(&format!("\"><sup class=\"footnote-definition-label\">{number}</sup>"));
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let close = match tag {
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => return,
            TagEnd::Paragraph => "</p>\n",
            TagEnd::Heading(level) => {
                self.html.push_str("</");
                self.html.push_str(heading_name(level));
                ">\n"
            }
            TagEnd::Table => "</tbody></table>\n",
            TagEnd::TableHead => {
                self.table.in_head = false;
                "</tr></thead><tbody>\n"
            }
            TagEnd::TableRow => "</tr>\n",
            TagEnd::TableCell => {
                self.table.column += 1;
                if self.table.in_head {
                    "</th>"
                } else {
                    "</td>"
                }
            }
            TagEnd::BlockQuote(_) => "</blockquote>\n",
            TagEnd::CodeBlock => "</code></pre>\n",
            TagEnd::List(true) => "</ol>\n",
            TagEnd::List(false) => "</ul>\n",
            TagEnd::Item => "</li>\n",
            TagEnd::DefinitionList => "</dl>\n",
            TagEnd::DefinitionListTitle => "</dt>\n",
            TagEnd::DefinitionListDefinition => "</dd>\n",
            TagEnd::Emphasis => "</em>",
            TagEnd::Superscript => "</sup>",
            TagEnd::Subscript => "</sub>",
            TagEnd::Strong => "</strong>",
            TagEnd::Strikethrough => "</del>",
            TagEnd::Link => "</a>",
            TagEnd::FootnoteDefinition => "</div>\n",
        };
        self.write(close);
    }

    /// An event inside an image's description: text for the alt attribute.
    fn alt_text(&mut self, event: &Event) {
        let Some((title, depth)) = &mut self.alt else { return };
        match event {
            Event::Start(_) => *depth += 1,
            Event::End(_) if *depth > 0 => *depth -= 1,
            Event::End(_) => {
                if !title.is_empty() {
                    self.html.push_str("\" title=\"");
                    let _ = escape_html(&mut self.html, title);
                }
                self.alt = None;
                self.write("\" />");
            }
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => {
                let _ = escape_html(&mut self.html, text);
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => self.html.push(' '),
            Event::FootnoteReference(name) => {
                let number = self.footnote_number(name);
                self.html.push_str(&format!("[{number}]"));
            }
            Event::TaskListMarker(done) => self.html.push_str(if *done { "[x]" } else { "[ ]" }),
            Event::Html(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn footnote_number(&mut self, name: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(name.to_string()).or_insert(next)
    }

    fn write(&mut self, s: &str) {
        self.html.push_str(s);
        if !s.is_empty() {
            self.at_line_start = s.ends_with('\n');
        }
    }

    /// A block's opening tag, on a line of its own.
    fn block(&mut self, open: &str) {
        if !self.at_line_start {
            self.html.push('\n');
        }
        self.write(open);
    }

    /// A block's opening tag, `open` and `close` around its attributes.
    fn attributed_block(&mut self, open: &str, close: &str) {
        if !self.at_line_start {
            self.html.push('\n');
        }
        self.html.push_str(open);
        self.write_block_attributes();
        self.write(close);
    }

    fn write_block_attributes(&mut self) {
        if let Some(attributes) = self.block_attributes.take() {
            self.html.push_str(&attributes);
        }
    }
}

/// A heading's opening tag, with its id and kramdown attributes.
fn heading_open(out: &mut String, line_start: bool, tag: &Tag, id: Option<&str>) {
    let Tag::Heading { level, classes, attrs, .. } = tag else { return };
    out.push_str(if line_start { "<" } else { "\n<" });
    out.push_str(heading_name(*level));
    if let Some(id) = id {
        out.push_str(" id=\"");
        let _ = escape_html(&mut *out, id);
        out.push('"');
    }
    if !classes.is_empty() {
        out.push_str(" class=\"");
        for (n, class) in classes.iter().enumerate() {
            out.push_str(if n == 0 { "" } else { " " });
            let _ = escape_html(&mut *out, class);
        }
        out.push('"');
    }
    for (key, value) in attrs {
        out.push(' ');
        let _ = escape_html(&mut *out, key);
        out.push_str("=\"");
        let _ = escape_html(&mut *out, value.as_deref().unwrap_or_default());
        out.push('"');
    }
    out.push('>');
}

fn heading_name(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}
