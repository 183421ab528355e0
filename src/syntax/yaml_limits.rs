//! Limits a YAML text must keep before a parser reads it. YAML parsers
//! slow down sharply on deep nesting (100,000 brackets took 37 s), and a
//! data file of tens of megabytes costs a gigabyte of memory as values, so
//! both are measured with one cheap pass first.

use std::path::Path;

use crate::diag::{Code, Diagnostic, LineIndex};

/// How large and how deep one kind of YAML text may be.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    /// What the text is, for messages: "the front matter", "this data file".
    pub what: &'static str,
    pub max_bytes: usize,
    pub max_depth: usize,
}

/// Front matter is a handful of keys: larger than this, it is a mistake.
pub const FRONT_MATTER: YamlLimits = YamlLimits { what: "the front matter", max_bytes: 64 << 10, max_depth: 32 };

/// `content/_data/*.yaml`: requirement tables and lists of facts, some
/// hundreds of kilobytes at most in a real help center.
pub const DATA_FILE: YamlLimits = YamlLimits { what: "this data file", max_bytes: 8 << 20, max_depth: 64 };

/// Why a text is over its limits, and the byte offset where it crosses them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverLimit {
    pub offset: usize,
    pub message: String,
}

/// Checks the size, then how deep brackets or indentation nest (two spaces
/// a level; quoted text aside). The offset is where the nesting first goes
/// past the limit; the message gives the deepest level found.
pub fn check(yaml: &str, limits: YamlLimits) -> Result<(), OverLimit> {
    if yaml.len() > limits.max_bytes {
        let (size, max) = (kilobytes(yaml.len()), kilobytes(limits.max_bytes));
        return Err(OverLimit { offset: 0, message: format!("{} is {size}; it may be at most {max}", limits.what) });
    }
    let (mut depth, mut deepest, mut crossed) = (0usize, 0usize, None);
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        deepest = deepest.max(indent / 2);
        if deepest > limits.max_depth {
            crossed.get_or_insert(line_start + indent);
        }
        for (i, opens) in brackets(line.as_bytes()) {
            if !opens {
                depth = depth.saturating_sub(1);
                continue;
            }
            depth += 1;
            deepest = deepest.max(depth);
            if depth > limits.max_depth {
                crossed.get_or_insert(line_start + i);
            }
        }
        line_start += line.len();
    }
    match crossed {
        Some(offset) => Err(OverLimit {
            offset,
            message: format!("{} nests {deepest} levels deep; it may nest at most {}", limits.what, limits.max_depth),
        }),
        None => Ok(()),
    }
}

/// The `[`, `{`, `]` and `}` of a line outside quoted text, with whether
/// each opens. A quote opens text only where a scalar can start (after a
/// space, `[`, `{` or `,`, or first on the line), as in YAML: the
/// apostrophe of `it's` opens nothing. Quoted text that runs on to the next
/// line is read there as if unquoted, which can only overcount.
fn brackets(line: &[u8]) -> impl Iterator<Item = (usize, bool)> + '_ {
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    line.iter().enumerate().filter_map(move |(i, &byte)| {
        if let Some(q) = quote {
            match byte {
                _ if escaped => escaped = false,
                b'\\' if q == b'"' => escaped = true,
                _ if byte == q => quote = None,
                _ => {}
            }
            return None;
        }
        match byte {
            b'"' | b'\'' if i == 0 || matches!(line[i - 1], b' ' | b'\t' | b'[' | b'{' | b',') => {
                quote = Some(byte);
                None
            }
            b'[' | b'{' => Some((i, true)),
            b']' | b'}' => Some((i, false)),
            _ => None,
        }
    })
}

/// A `content/_data/` file over its limits, as a positioned `data.invalid`.
pub fn check_data_file(file: &Path, text: &str) -> Result<(), Diagnostic> {
    check(text, DATA_FILE).map_err(|over| {
        Diagnostic::new(Code::DataInvalid, over.message)
            .at(LineIndex::new(text).location(file, text, over.offset))
            .with_help("split the data into several files, or flatten its lists")
    })
}

fn kilobytes(bytes: usize) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..0x100000 => format!("{} KB", bytes >> 10),
        _ => format!("{:.1} MB", bytes as f64 / f64::from(1 << 20)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: YamlLimits = YamlLimits { what: "the text", max_bytes: 1000, max_depth: 3 };

    #[test]
    fn nesting_past_the_limit_is_placed_where_it_crosses() {
        let err = check("a: [[[[x]]]]\n", SMALL).unwrap_err();
        assert_eq!(err.offset, 6);
        assert_eq!(err.message, "the text nests 4 levels deep; it may nest at most 3");
        let indented = "a:\n  b:\n    c:\n      d:\n        e: 1\n";
        let err = check(indented, SMALL).unwrap_err();
        assert_eq!(&indented[err.offset..err.offset + 2], "e:");
        assert!(check("a: [[[x]]]\nb: [[[y]]]\n", SMALL).is_ok());
        assert!(check("a: [[[x]]] [[[x]]] [[[x]]]\n", SMALL).is_ok());
    }

    #[test]
    fn brackets_in_quotes_are_text_and_a_quote_ends_with_its_line() {
        assert!(check("a: \"[[[[[[\"\nb: '{{{{{{'\n", SMALL).is_ok());
        assert!(check("a: \"\\\"[[[[\"\n", SMALL).is_ok());
        // An apostrophe inside plain text does not hide the brackets after
        // it, on its line or the next.
        assert!(check("a: it's\nb: [[[[x]]]]\n", SMALL).is_err());
        assert!(check("a: [x, it's, [[[[y]]]]]\n", SMALL).is_err());
    }

    #[test]
    fn size_is_checked_first() {
        let err = check(&"a".repeat(2000), SMALL).unwrap_err();
        assert_eq!((err.offset, err.message.as_str()), (0, "the text is 1 KB; it may be at most 1000 bytes"));
        let err = check(&"a".repeat(9 << 20), DATA_FILE).unwrap_err();
        assert_eq!(err.message, "this data file is 9.0 MB; it may be at most 8.0 MB");
    }
}
