//! Tokenizer for Liquid-style tags: `{% name args %}` and `{{ expression }}`,
//! with Liquid's `{%-`/`-%}` whitespace-control dashes accepted.

/// One tag as written, with byte offsets into the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TagKind,
    pub name: &'a str,
    pub args: &'a str,
    /// Offset of `args` in the scanned text.
    pub args_start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// `{% ... %}`
    Statement,
    /// `{{ ... }}`
    Output,
}

/// The statement tags (`{% name ... %}`) helpgen knows, read once from a
/// tag's name. The did-you-mean list of an unknown tag is made from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statement {
    LinkNew,
    Include,
    Icon,
    Offer,
    EndOffer,
    Requirements,
    Selfcheck,
    Raw,
    EndRaw,
    Comment,
    EndComment,
    Highlight,
    EndHighlight,
}

impl Statement {
    pub const ALL: [Statement; 13] = [
        Statement::LinkNew,
        Statement::Include,
        Statement::Icon,
        Statement::Offer,
        Statement::EndOffer,
        Statement::Requirements,
        Statement::Selfcheck,
        Statement::Raw,
        Statement::EndRaw,
        Statement::Comment,
        Statement::EndComment,
        Statement::Highlight,
        Statement::EndHighlight,
    ];

    pub fn parse(name: &str) -> Option<Statement> {
        Statement::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Statement::LinkNew => "link_new",
            Statement::Include => "include",
            Statement::Icon => "icon",
            Statement::Offer => "offer",
            Statement::EndOffer => "endoffer",
            Statement::Requirements => "requirements",
            Statement::Selfcheck => "selfcheck",
            Statement::Raw => "raw",
            Statement::EndRaw => "endraw",
            Statement::Comment => "comment",
            Statement::EndComment => "endcomment",
            Statement::Highlight => "highlight",
            Statement::EndHighlight => "endhighlight",
        }
    }

    /// The tag that ends the block a literal-block tag opens.
    pub fn closing(self) -> Option<Statement> {
        match self {
            Statement::Raw => Some(Statement::EndRaw),
            Statement::Comment => Some(Statement::EndComment),
            Statement::Highlight => Some(Statement::EndHighlight),
            _ => None,
        }
    }

    /// The tag that opens the block an end tag closes.
    pub fn opening(self) -> Option<Statement> {
        Statement::ALL.into_iter().find(|s| s.closing() == Some(self))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unterminated {
    pub start: usize,
    pub kind: TagKind,
    /// Where scanning may go on: the end of the paragraph, since no tag
    /// opened before it in the same paragraph can be closed either.
    pub resume: usize,
}

/// The next tag at or after `from`, skipping nothing: callers decide which
/// ranges (code) to ignore.
pub fn next_tag(text: &str, from: usize) -> Option<Result<Tag<'_>, Unterminated>> {
    let bytes = text.as_bytes();
    let (start, kind) = memchr::memchr_iter(b'{', bytes.get(from..)?).find_map(|i| match bytes.get(from + i + 1) {
        Some(b'%') => Some((from + i, TagKind::Statement)),
        Some(b'{') => Some((from + i, TagKind::Output)),
        _ => None,
    })?;
    let close = match kind {
        TagKind::Statement => "%}",
        TagKind::Output => "}}",
    };
    let inner_start = start + 2;
    // A tag never spans a blank line: an unclosed `{%` must not swallow the
    // rest of the article.
    let close_at = match find_close(text.as_bytes(), inner_start, close.as_bytes()) {
        Ok(close_at) => close_at,
        Err(paragraph_end) => return Some(Err(Unterminated { start, kind, resume: paragraph_end })),
    };
    let mut inner_from = inner_start;
    if text[inner_from..close_at].starts_with('-') {
        inner_from += 1;
    }
    let mut inner_to = close_at;
    if inner_to > inner_from && text[..inner_to].ends_with('-') {
        inner_to -= 1;
    }
    let inner = &text[inner_from..inner_to];
    let trimmed_start = inner_from + (inner.len() - inner.trim_start().len());
    let inner = inner.trim();
    let (name, args, args_start) = match kind {
        TagKind::Output => ("", inner, trimmed_start),
        TagKind::Statement => {
            let name_len = inner.find(char::is_whitespace).unwrap_or(inner.len());
            let after_name = &inner[name_len..];
            let args = after_name.trim_start();
            (&inner[..name_len], args, trimmed_start + name_len + (after_name.len() - args.len()))
        }
    };
    Some(Ok(Tag { start, end: close_at + 2, kind, name, args, args_start }))
}

/// The offset of `close` after `from`, or, if a blank line or the end of the
/// text comes first, that offset as an error: a tag never spans a blank
/// line, so an unclosed `{%` cannot swallow the rest of the article. One
/// pass that stops at the first of the two keeps scanning linear.
fn find_close(bytes: &[u8], from: usize, close: &[u8]) -> Result<usize, usize> {
    let rest = bytes.get(from..).unwrap_or_default();
    for i in memchr::memchr2_iter(close[0], b'\n', rest).map(|i| from + i) {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\n', Some(b'\n')) => return Err(i),
            (first, Some(&second)) if first == close[0] && second == close[1] => return Ok(i),
            _ => {}
        }
    }
    Err(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_tags_have_name_and_args() {
        let text = "See {% link_new The page | a/b.md %} now";
        let tag = next_tag(text, 0).unwrap().unwrap();
        assert_eq!(tag.kind, TagKind::Statement);
        assert_eq!(tag.name, "link_new");
        assert_eq!(tag.args, "The page | a/b.md");
        assert_eq!(&text[tag.args_start..tag.args_start + 3], "The");
        assert_eq!(&text[tag.start..tag.end], "{% link_new The page | a/b.md %}");
    }

    #[test]
    fn whitespace_control_and_output_tags() {
        let tag = next_tag("{%- raw -%}", 0).unwrap().unwrap();
        assert_eq!((tag.name, tag.args), ("raw", ""));
        let tag = next_tag("x {{ 1 | image: 'Alt' }}", 0).unwrap().unwrap();
        assert_eq!((tag.kind, tag.args), (TagKind::Output, "1 | image: 'Alt'"));
    }

    #[test]
    fn statement_names_read_back_and_ends_pair_with_starts() {
        for statement in Statement::ALL {
            assert_eq!(Statement::parse(statement.name()), Some(statement));
        }
        assert_eq!(Statement::parse("link-new"), None);
        assert_eq!(Statement::EndRaw.opening(), Some(Statement::Raw));
        assert_eq!(Statement::Highlight.closing(), Some(Statement::EndHighlight));
        assert_eq!(Statement::EndOffer.opening(), None);
    }

    #[test]
    fn unterminated_tags_stop_at_a_blank_line() {
        let err = next_tag("a {% link_new x | y.md\n\nlater %}", 0).unwrap().unwrap_err();
        assert_eq!(err.start, 2);
        assert!(next_tag("no tags { here }", 0).is_none());
    }
}
