//! kramdown attribute lists (`{:.class #id key="value"}`): after a span
//! (`_Menu_{:.menu-item}`, `[t](u){:target="_blank"}`) or on a line of their
//! own next to a block (`{:.note}`).

use crate::escape;

/// Help shown with attribute lists helpgen will not apply.
pub const HELP: &str = "write attributes as `{:.class}`, `{:#id}` or `{:key=\"value\"}`; the text is shown as written";

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Attributes {
    pub id: Option<String>,
    pub classes: Vec<String>,
    pub pairs: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttributeError {
    /// Not an attribute list at all (no closing brace...): leave the text.
    NotAList,
    /// Looks like a list but holds something helpgen will not emit.
    Invalid(String),
}

/// Parses a list at the start of `text`; returns it and its length in bytes.
pub fn parse(text: &str) -> Result<(Attributes, usize), AttributeError> {
    let inner_start = 2;
    if !text.starts_with("{:") {
        return Err(AttributeError::NotAList);
    }
    let close = memchr::memchr(b'}', text.as_bytes()).ok_or(AttributeError::NotAList)?;
    let mut rest = &text[inner_start..close];
    let mut attrs = Attributes::default();
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let token_end = token_len(rest);
        match first {
            '.' | '#' => {
                let name = &rest[1..token_end];
                if !is_name(name) {
                    return Err(AttributeError::Invalid(format!(
                        "`{}` is not a valid class or id",
                        &rest[..token_end]
                    )));
                }
                if first == '.' {
                    attrs.classes.push(name.to_string());
                } else {
                    attrs.id = Some(name.to_string());
                }
                rest = &rest[token_end..];
            }
            _ => {
                let eq = rest.find('=').ok_or_else(|| {
                    AttributeError::Invalid(format!("`{}` is not `key=\"value\"`", &rest[..token_end]))
                })?;
                let key = &rest[..eq];
                if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')) {
                    return Err(AttributeError::Invalid(format!("`{key}` is not a valid attribute name")));
                }
                if key.to_ascii_lowercase().starts_with("on") {
                    return Err(AttributeError::Invalid(format!(
                        "event handler attributes such as `{key}` are not allowed"
                    )));
                }
                let after = &rest[eq + 1..];
                let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
                let Some(quote) = quote else {
                    return Err(AttributeError::Invalid(format!("the value of `{key}` must be quoted")));
                };
                let value_end = after[1..]
                    .find(quote)
                    .ok_or_else(|| AttributeError::Invalid(format!("the value of `{key}` is not closed")))?;
                attrs.pairs.push((key.to_string(), after[1..1 + value_end].to_string()));
                rest = &after[value_end + 2..];
            }
        }
    }
    Ok((attrs, close + 1))
}

/// The length of the token `rest` starts with: up to the first whitespace.
fn token_len(rest: &str) -> usize {
    // Most lists are ASCII: their bytes are looked at, not their characters.
    match rest.bytes().position(|b| b.is_ascii_whitespace() || b == 0x0b || !b.is_ascii()) {
        Some(at) if !rest.as_bytes()[at].is_ascii() => {
            at + rest[at..].find(char::is_whitespace).unwrap_or(rest.len() - at)
        }
        Some(at) => at,
        None => rest.len(),
    }
}

/// Whether `name` may be a class or an id: letters, digits, `-` and `_`.
fn is_name(name: &str) -> bool {
    let valid_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_');
    let valid_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_');
    !name.is_empty() && (name.bytes().all(valid_byte) || name.chars().all(valid_char))
}

impl Attributes {
    /// ` id="…" class="…" key="…"`, escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    /// Appends ` id="…" class="…" key="…"`, escaped, to `out`.
    pub fn write_html(&self, out: &mut String) {
        if let Some(id) = &self.id {
            push_attribute(out, "id", id);
        }
        if let Some((first, others)) = self.classes.split_first() {
            out.push_str(" class=\"");
            escape::push_html(out, first);
            for class in others {
                out.push(' ');
                escape::push_html(out, class);
            }
            out.push('"');
        }
        for (key, value) in &self.pairs {
            push_attribute(out, key, value);
        }
    }
}

fn push_attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape::push_html(out, value);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_ids_and_pairs() {
        let (a, len) = parse("{:.menu-item .b #x title=\"A <b>\"} rest").unwrap();
        assert_eq!(len, "{:.menu-item .b #x title=\"A <b>\"}".len());
        assert_eq!(a.to_html(), " id=\"x\" class=\"menu-item b\" title=\"A &lt;b&gt;\"");
    }

    #[test]
    fn names_may_be_written_in_any_script_and_split_at_any_space() {
        let (a, _) = parse("{:.größe\u{a0}.étape\t#übersicht}").unwrap();
        assert_eq!(a.classes, ["größe", "étape"]);
        assert_eq!(a.id.as_deref(), Some("übersicht"));
        assert!(matches!(parse("{:.a·b}"), Err(AttributeError::Invalid(_))));
    }

    #[test]
    fn rejects_what_it_cannot_emit_safely() {
        assert_eq!(parse("{: no brace"), Err(AttributeError::NotAList));
        assert_eq!(parse("plain"), Err(AttributeError::NotAList));
        assert!(matches!(parse("{:onclick=\"x\"}"), Err(AttributeError::Invalid(_))));
        assert!(matches!(parse("{:.\"bad}"), Err(AttributeError::Invalid(_))));
        assert!(matches!(parse("{:title=x}"), Err(AttributeError::Invalid(_))));
    }
}
