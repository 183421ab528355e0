//! What each tag expands to: one function per statement tag
//! (`{% link_new %}`, `{% icon %}`, `{% offer %}`...) and one for output tags
//! (`{{ ... }}`). A tag's name is read once into a `Statement`.

use std::ops::Range;

use super::constructs::{self, Construct, IconLabel};
use super::tags::{next_tag, Statement, Tag, TagKind};
use super::{CrossLink, Expander, OfferBlock, OpenOffer};
use crate::diag::{did_you_mean, Code, Diagnostic};
use crate::ids::ArticlePath;
use crate::offers::OfferId;
use crate::requirements::selfcheck;
use crate::requirements::table::{self, TableContext, TABLES};
use crate::requirements::Requirements;
use crate::syntax::percent_decode;

/// A tag where it was written: in source `source`, inside `text`, which
/// starts at offset `base` of that source.
pub(super) struct Written<'a> {
    pub source: usize,
    pub text: &'a str,
    pub base: usize,
    pub tag: Tag<'a>,
}

impl<'a> Written<'a> {
    /// The tag's offset in its source.
    fn at(&self) -> usize {
        self.base + self.tag.start
    }

    /// The tag as the writer wrote it.
    fn original(&self) -> &'a str {
        &self.text[self.tag.start..self.tag.end]
    }
}

impl<'a> Expander<'a, '_> {
    /// Expands one tag; returns the offset of `w.text` where copying resumes.
    pub(super) fn tag(&mut self, w: &Written<'a>) -> usize {
        let previous = self.tag_span.replace((w.source, w.at()..w.base + w.tag.end));
        let resume = self.expand_tag(w);
        // An include expands tags of its own inside this one.
        self.tag_span = previous;
        resume
    }

    fn expand_tag(&mut self, w: &Written<'a>) -> usize {
        let statement = match w.tag.kind {
            TagKind::Output => {
                self.output_tag(w.source, w.at(), &w.tag);
                return w.tag.end;
            }
            TagKind::Statement => match Statement::parse(w.tag.name) {
                Some(statement) => statement,
                None => {
                    self.unknown_tag(w);
                    return w.tag.end;
                }
            },
        };
        match statement {
            Statement::LinkNew => self.link_new(w),
            Statement::Include => self.include(w.source, w.at(), &w.tag),
            Statement::Icon => self.icon(w),
            Statement::Raw | Statement::Comment | Statement::Highlight => return self.literal_block(statement, w),
            Statement::EndRaw | Statement::EndComment | Statement::EndHighlight => self.stray_end(statement, w),
            Statement::Offer | Statement::EndOffer | Statement::Requirements | Statement::Selfcheck
                if !alone_on_line(w.text, &w.tag) =>
            {
                let message = format!("`{{% {} %}}` must stand alone on its line", w.tag.name);
                self.malformed(w.source, w.at(), w.original(), Code::DialectMalformedTag, message);
            }
            Statement::Offer => self.offer(w),
            Statement::EndOffer => self.end_offer(w),
            Statement::Requirements => self.requirements(w),
            Statement::Selfcheck => self.selfcheck(w),
        }
        w.tag.end
    }

    fn unknown_tag(&mut self, w: &Written<'a>) {
        let name = w.tag.name;
        let names = Statement::ALL.map(Statement::name);
        let mut d = Diagnostic::new(Code::DialectUnknownTag, format!("unknown tag `{name}`"));
        if let Some(close) = did_you_mean(name, names) {
            d = d.with_help(format!("did you mean `{close}`?"));
        } else {
            d = d.with_help(format!("the tags are: {}", names.join(", ")));
        }
        self.report(d, w.source, w.at());
        self.generated(w.source, w.at(), w.original());
    }

    fn link_new(&mut self, w: &Written<'a>) {
        let at = w.at();
        match parse_link(&w.tag) {
            Ok((text, target, anchor)) => {
                let location = self.out.sources[w.source].location(at);
                self.cross_link(w.source, at, text, CrossLink { target, anchor, location });
            }
            Err(message) => {
                let d = Diagnostic::new(Code::DialectMalformedTag, message)
                    .with_help("write `{% link_new Link text | path/to/article.md %}` or add `| #anchor`");
                self.report(d, w.source, at);
                self.generated(w.source, at, w.original());
            }
        }
    }

    /// `{% raw %}`, `{% comment %}` and `{% highlight %}` up to their end
    /// tag, where the tags between are not expanded; returns where the text
    /// after the block resumes.
    fn literal_block(&mut self, statement: Statement, w: &Written<'a>) -> usize {
        let (name, text, tag) = (statement.name(), w.text, &w.tag);
        let closing = statement.closing().map_or("", Statement::name);
        let Some(end) = find_end(text, tag.end, closing) else {
            let d = Diagnostic::new(Code::DialectUnbalancedTag, format!("`{{% {name} %}}` is never closed"))
                .with_help(format!("add `{{% {closing} %}}` after the block"));
            self.report(d, w.source, w.at());
            return tag.end;
        };
        let inside = tag.end..end.start;
        match statement {
            // Literal text, in place.
            Statement::Raw => self.verbatim(w.source, text, inside, w.base),
            // Jekyll's code block: a fence long enough for what it holds.
            Statement::Highlight => {
                let written = &text[inside.clone()];
                let body = written.trim_start_matches(' ').strip_prefix('\n').unwrap_or(written);
                let code_start = inside.end - body.len();
                // The blanks before an indented `{% endhighlight %}` are not code.
                let code = match body.trim_end_matches([' ', '\t']) {
                    trimmed if trimmed.ends_with('\n') => trimmed,
                    _ => body,
                };
                let code_end = code_start + code.len();
                // The fences keep the tag's indentation: in a numbered step,
                // the code stays in the step.
                let fence = format!("{}{}", self.line_indent(), "`".repeat(longest_backtick_run(code).max(2) + 1));
                let lang = tag.args.split_whitespace().next().unwrap_or("");
                self.generated(w.source, w.at(), &format!("\n{fence}{lang}\n"));
                self.verbatim(w.source, text, code_start..code_end, w.base);
                let newline = if code.ends_with('\n') { "" } else { "\n" };
                self.generated(w.source, end.start, &format!("{newline}{fence}\n"));
            }
            // A writer's note: never published.
            _ => {}
        }
        end.end
    }

    fn stray_end(&mut self, statement: Statement, w: &Written<'a>) {
        let (name, opening) = (statement.name(), statement.opening().map_or("", Statement::name));
        let message = format!("`{{% {name} %}}` without a `{{% {opening} %}}` before it");
        self.report(Diagnostic::new(Code::DialectUnbalancedTag, message), w.source, w.at());
    }

    /// `{% icon name %}`, or `{% icon name | icon-only %}` for the icon
    /// without its visible label.
    fn icon(&mut self, w: &Written<'a>) {
        let (source, at) = (w.source, w.at());
        let (name, modifier) = match w.tag.args.split_once('|') {
            Some((name, modifier)) => (name.trim(), modifier.trim()),
            None => (w.tag.args.trim(), ""),
        };
        let shown = match IconLabel::parse(modifier) {
            Ok(shown) => shown,
            Err(message) => {
                let d = Diagnostic::new(Code::IconUnknownModifier, message)
                    .with_help("`icon-only` shows the icon without its visible label; without it the label is shown");
                self.report(d, source, at);
                IconLabel::Visible
            }
        };
        let key = (name.to_string(), shown);
        if let Some(&(_, index)) = self.icons.iter().find(|(known, _)| *known == key) {
            self.placeholder(source, at, index, false);
            return;
        }
        let label = self.cx.l10n.get(&self.article.lang, &format!("icon-{name}"), None);
        match constructs::icon(name, self.cx.icons, label, shown) {
            Ok(construct) => {
                self.icons.push((key, self.out.constructs.len()));
                self.construct(source, at, construct, false);
            }
            Err(message) => self.malformed(source, at, w.original(), Code::IconUnknown, message),
        }
    }

    // The block tags below stand alone on their line; they are quoted in
    // messages with regular spacing.

    fn offer(&mut self, w: &Written<'a>) {
        let (source, at, original) = (w.source, w.at(), &block_original(&w.tag));
        let ids = match constructs::parse_offers(w.tag.args, self.cx.offers) {
            Ok(ids) => ids,
            Err(message) => return self.malformed(source, at, original, Code::OfferUnknown, message),
        };
        if let Some(OpenOffer { ids: outer, .. }) = self.open_offers.last() {
            if let Some(stray) = ids.iter().find(|id| !outer.contains(id)) {
                let outer: Vec<&str> = outer.iter().map(OfferId::as_str).collect();
                let message = format!(
                    "`{stray}` is not among the offers of the enclosing block ({}); a nested block can only narrow it",
                    outer.join(", ")
                );
                return self.malformed(source, at, original, Code::OfferNesting, message);
            }
        }
        let construct = constructs::offer_open(&ids, self.cx.l10n, &self.article.lang);
        self.construct(source, at, construct, true);
        let from = self.out.markdown.len();
        self.open_offers.push(OpenOffer { ids, source, at, from });
    }

    fn end_offer(&mut self, w: &Written<'a>) {
        let (source, at) = (w.source, w.at());
        if let Some(open) = self.open_offers.pop() {
            let to = self.out.markdown.len();
            let close = constructs::offer_close(&open.ids);
            self.out.offer_blocks.push(OfferBlock { markdown: open.from..to, offers: open.ids });
            self.construct(source, at, close, true);
        } else {
            let message = "`{% endoffer %}` without an `{% offer %}` before it".to_string();
            self.malformed(source, at, &block_original(&w.tag), Code::DialectUnbalancedTag, message);
        }
    }

    fn requirements(&mut self, w: &Written<'a>) {
        let (source, at, original) = (w.source, w.at(), &block_original(&w.tag));
        let name = w.tag.args.trim();
        if !TABLES.contains(&name) {
            let mut message = format!("unknown requirement table `{name}`");
            message.push_str(&match did_you_mean(name, TABLES.iter().copied()) {
                Some(close) => format!("; did you mean `{close}`?"),
                None => format!("; the tables are: {}", TABLES.join(", ")),
            });
            return self.malformed(source, at, original, Code::RequirementsUnknownTable, message);
        }
        let Some(data) = self.requirement_data(source, at, original) else { return };
        let cx = TableContext { data, offers: self.cx.offers, l10n: self.cx.l10n, lang: &self.article.lang };
        // The name is one of `TABLES`, so there is always a table.
        if let Some(table) = table::render(name, &cx) {
            self.construct(source, at, Construct::block(table.html, table.markdown), true);
        }
    }

    fn selfcheck(&mut self, w: &Written<'a>) {
        let (source, at, original) = (w.source, w.at(), &block_original(&w.tag));
        let args = w.tag.args.trim();
        if !args.is_empty() {
            let message = format!("`{{% selfcheck %}}` takes no arguments, found `{args}`");
            return self.malformed(source, at, original, Code::DialectMalformedTag, message);
        }
        let Some(data) = self.requirement_data(source, at, original) else { return };
        let lang = &self.article.lang;
        let cx = TableContext { data, offers: self.cx.offers, l10n: self.cx.l10n, lang };
        let json = self.cx.base_url.path_of(&format!("{lang}/requirements.json"));
        let probe = self.cx.base_url.path_of(selfcheck::PROBE_PATH);
        self.out.selfcheck = true;
        let construct = Construct::block(selfcheck::markup(&cx, &json, &probe), selfcheck::markdown(&cx));
        self.construct(source, at, construct, true);
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

    /// `{{ N | image: 'Alt', '80%' }}`, `{{ page.key }}` and `{{ site.key }}`.
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
            Ok(None) if expression.starts_with("page.") || expression.starts_with("site.") => {
                match self.variable_value(expression) {
                    // A URL is written into the Markdown, so that it works in a
                    // link's address too (`[Home]({{ site.baseurl }}/)`).
                    Ok(value) if URL_VARIABLES.contains(&expression) || is_url(&value) => {
                        self.generated(source, at, &markdown_literal(&value))
                    }
                    Ok(value) => self.construct(source, at, constructs::text(&value), false),
                    Err(message) => self.malformed(source, at, &original, Code::DialectMalformedTag, message),
                }
            }
            Ok(None) => {
                let message =
                    format!("`{original}` is not supported: only images, `page.<key>` and `site.<key>` can be output");
                let d = Diagnostic::new(Code::DialectUnsupportedTag, message)
                    .with_help("wrap literal braces in `{% raw %}...{% endraw %}`");
                self.report(d, source, at);
                self.generated(source, at, &original);
            }
            Err(message) => self.malformed(source, at, &original, Code::DialectMalformedTag, message),
        }
    }
}

/// The variables whose value is a URL or a part of one (a language tag in
/// `/files/{{ page.lang }}/guide.pdf`).
const URL_VARIABLES: [&str; 4] = ["site.url", "site.baseurl", "page.url", "page.lang"];

/// An absolute web address, with nothing in it that Markdown could read as
/// the end of a line or of a link.
fn is_url(value: &str) -> bool {
    let schemes = ["http://", "https://", "ws://", "wss://"];
    schemes.iter().any(|s| value.starts_with(s)) && !value.contains(char::is_whitespace)
}

/// `text` as Markdown that reads back as `text`, in a line or in a link's
/// address: the characters that could start inline syntax are escaped.
fn markdown_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '(' | ')' | '<' | '>' | '&' | '!' | '{' | '}' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A block tag as written, with its spacing made regular.
fn block_original(tag: &Tag<'_>) -> String {
    match tag.args.trim() {
        "" => format!("{{% {} %}}", tag.name),
        args => format!("{{% {} {args} %}}", tag.name),
    }
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
            // Browsers decode a fragment before they look for its id.
            Some(id) if !id.is_empty() && !id.contains(char::is_whitespace) => Some(percent_decode(id)),
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
