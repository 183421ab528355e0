//! Stage 2a, parse (dialect): expand the Liquid-style tags of an article into
//! plain Markdown before the one Markdown parse, as Jekyll does, so a tag can
//! sit anywhere (a table cell, a list item) without breaking the Markdown
//! around it.
//!
//! Steps: find the code spans and blocks of the body (tags there stay
//! literal); scan the rest for tags; replace each with Markdown and record
//! where it came from in a `SpanMap`, so any later diagnostic points at the
//! writer's line and column.

mod span_map;
mod tags;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag as MdTag};

pub use span_map::SpanMap;
use tags::{next_tag, Tag, TagKind};

use crate::content::SourceArticle;
use crate::diag::{did_you_mean, Diagnostic};
use crate::ids::ArticlePath;

/// The Markdown flavour of helpgen: CommonMark with GFM tables, footnotes,
/// strikethrough and task lists, and `{#id .class}` heading attributes as
/// kramdown writes them.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Link destinations of the form `helpgen-link:N` refer to `Expanded::links[N]`;
/// the render stage turns them into URLs for the reader's language.
pub const CROSS_LINK_SCHEME: &str = "helpgen-link:";

const IMPLEMENTED_TAGS: &[&str] = &["link_new", "raw", "endraw"];
const PLANNED_TAGS: &[&str] = &["icon", "include", "requirements", "selfcheck", "offer", "endoffer"];

/// A `{% link_new %}` cross-reference, resolved later against the whole site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossLink {
    pub target: ArticlePath,
    /// Without the leading `#`.
    pub anchor: Option<String>,
    /// Offset of the tag in the article text.
    pub offset: usize,
}

/// An article body with every tag expanded.
#[derive(Debug, Clone)]
pub struct Expanded {
    pub markdown: String,
    pub map: SpanMap,
    pub links: Vec<CrossLink>,
}

pub fn expand(article: &SourceArticle, diags: &mut Vec<Diagnostic>) -> Expanded {
    let body = article.body();
    let base = article.body_start;
    let code = code_ranges(body);
    let mut out = Expander {
        markdown: String::with_capacity(body.len()),
        map: SpanMap::default(),
        links: Vec::new(),
    };
    let mut copied_to = 0;
    let mut cursor = 0;
    let error = |offset: usize, code: &'static str, message: String| {
        Diagnostic::error(code, message).at(article.location(base + offset))
    };
    while let Some(found) = next_tag(body, cursor) {
        let tag = match found {
            Ok(tag) => tag,
            Err(unterminated) => {
                if !in_ranges(&code, unterminated.start) {
                    let close = if unterminated.kind == TagKind::Statement {
                        "%}"
                    } else {
                        "}}"
                    };
                    diags.push(
                        error(
                            unterminated.start,
                            "dialect.unterminated-tag",
                            "this tag is never closed".into(),
                        )
                        .with_help(format!("end the tag with `{close}` on the same paragraph")),
                    );
                }
                cursor = unterminated.start + 2;
                continue;
            }
        };
        if in_ranges(&code, tag.start) {
            cursor = tag.start + 2;
            continue;
        }
        out.verbatim(body, copied_to..tag.start, base);
        copied_to = tag.end;
        cursor = tag.end;
        match (tag.kind, tag.name) {
            (TagKind::Statement, "link_new") => match parse_link(&tag) {
                Ok((text, target, anchor)) => out.cross_link(
                    text,
                    CrossLink {
                        target,
                        anchor,
                        offset: base + tag.start,
                    },
                ),
                Err(message) => {
                    diags.push(
                        error(tag.start, "dialect.malformed-tag", message)
                            .with_help("write `{% link_new Link text | path/to/article.md %}` or add `| #anchor`"),
                    );
                    out.generated(&body[tag.start..tag.end], base + tag.start);
                }
            },
            (TagKind::Statement, "raw") => {
                let Some(end) = find_endraw(body, tag.end) else {
                    diags.push(
                        error(
                            tag.start,
                            "dialect.unbalanced-tag",
                            "`{% raw %}` is never closed".into(),
                        )
                        .with_help("add `{% endraw %}` after the literal text"),
                    );
                    continue;
                };
                out.verbatim(body, tag.end..end.start, base);
                copied_to = end.end;
                cursor = end.end;
            }
            (TagKind::Statement, "endraw") => {
                diags.push(error(
                    tag.start,
                    "dialect.unbalanced-tag",
                    "`{% endraw %}` without a `{% raw %}` before it".into(),
                ));
            }
            (TagKind::Statement, name) if PLANNED_TAGS.contains(&name) => {
                diags.push(error(
                    tag.start,
                    "dialect.unsupported-tag",
                    format!("`{{% {name} %}}` is not supported yet"),
                ));
                out.generated(&body[tag.start..tag.end], base + tag.start);
            }
            (TagKind::Statement, name) => {
                let known = IMPLEMENTED_TAGS.iter().chain(PLANNED_TAGS).copied();
                let mut d = error(tag.start, "dialect.unknown-tag", format!("unknown tag `{name}`"));
                if let Some(close) = did_you_mean(name, known) {
                    d = d.with_help(format!("did you mean `{close}`?"));
                }
                diags.push(d);
                out.generated(&body[tag.start..tag.end], base + tag.start);
            }
            (TagKind::Output, _) => {
                diags.push(
                    error(
                        tag.start,
                        "dialect.unsupported-tag",
                        format!("`{{{{ {} }}}}` is not supported yet", tag.args),
                    )
                    .with_help("wrap literal braces in `{% raw %}...{% endraw %}`"),
                );
                out.generated(&body[tag.start..tag.end], base + tag.start);
            }
        }
    }
    out.verbatim(body, copied_to..body.len(), base);
    Expanded {
        markdown: out.markdown,
        map: out.map,
        links: out.links,
    }
}

struct Expander {
    markdown: String,
    map: SpanMap,
    links: Vec<CrossLink>,
}

impl Expander {
    fn verbatim(&mut self, body: &str, range: Range<usize>, base: usize) {
        if range.is_empty() {
            return;
        }
        self.map.verbatim(self.markdown.len(), base + range.start);
        self.markdown.push_str(&body[range]);
    }

    fn generated(&mut self, text: &str, source_offset: usize) {
        self.map.generated(self.markdown.len(), source_offset);
        self.markdown.push_str(text);
    }

    /// `[text](helpgen-link:N)`: the link text stays Markdown, so emphasis and
    /// code inside it render, and the cross-link can sit in a table cell.
    fn cross_link(&mut self, text: &str, link: CrossLink) {
        let offset = link.offset;
        let escaped = text.replace('[', "\\[").replace(']', "\\]");
        let index = self.links.len();
        self.links.push(link);
        self.generated(&format!("[{escaped}]({CROSS_LINK_SCHEME}{index})"), offset);
    }
}

fn parse_link<'a>(tag: &Tag<'a>) -> Result<(&'a str, ArticlePath, Option<String>), String> {
    let parts: Vec<&str> = tag.args.split('|').map(str::trim).collect();
    let (text, path, anchor) = match parts.as_slice() {
        [text, path] => (*text, *path, None),
        [text, path, anchor] => (*text, *path, Some(*anchor)),
        [_] => return Err("`link_new` needs a link text and a path separated by `|`".into()),
        _ => return Err("`link_new` takes at most three parts: text | path | #anchor".into()),
    };
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

fn find_endraw(body: &str, from: usize) -> Option<Range<usize>> {
    let mut cursor = from;
    while let Some(found) = next_tag(body, cursor) {
        match found {
            Ok(tag) if tag.kind == TagKind::Statement && tag.name == "endraw" => return Some(tag.start..tag.end),
            Ok(tag) => cursor = tag.start + 2,
            Err(unterminated) => cursor = unterminated.start + 2,
        }
    }
    None
}

/// Byte ranges of code spans and code blocks, where tags stay literal.
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    if !body.contains("{%") && !body.contains("{{") {
        return Vec::new();
    }
    let mut ranges: Vec<Range<usize>> = Parser::new_ext(body, markdown_options())
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
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.contains(&offset))
}

#[cfg(test)]
mod tests;
