//! Diagnostics: the one currency for problems found in content. Every stage
//! appends to a `Diagnostics` collector instead of stopping, so one run
//! reports every problem with the file, line and column it comes from.

mod code;

use std::fmt;
use std::path::{Path, PathBuf};

pub use code::Code;

/// A level a site may give a code in `[checks]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A 1-based position in a file; the file path is relative to the site root so
/// messages read the same on every machine.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
    /// Where the problem ends on the same line, 1-based and exclusive (the
    /// column just after its last character, as SARIF's `endColumn`), when
    /// the stage that found it knows the span. Columns count characters.
    pub end_column: Option<u32>,
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, line: u32, column: u32) -> Location {
        Location { file: file.into(), line, column, end_column: None }
    }

    /// The whole file, when the problem has no narrower place.
    pub fn file(file: impl Into<PathBuf>) -> Location {
        Location::new(file, 0, 0)
    }

    /// The span from `column` up to `end_column` (exclusive) on the same
    /// line. An end at or before the start is dropped: a span must hold at
    /// least one character, and a lone column still says where to look.
    pub fn with_end_column(mut self, end_column: u32) -> Location {
        self.end_column = (end_column > self.column).then_some(end_column);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub location: Option<Location>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem of kind `code`, at the code's own severity.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: code.severity(), code, message: message.into(), location: None, help: None }
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

/// An append-only collection of diagnostics from every stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Gives each diagnostic the level its code has in `levels`, dropping
    /// those turned off.
    pub fn apply_levels(&mut self, levels: &std::collections::BTreeMap<Code, Level>) {
        if levels.is_empty() {
            return;
        }
        self.0.retain_mut(|d| match levels.get(&d.code) {
            None => true,
            Some(Level::Off) => false,
            Some(level) => {
                d.severity = match level {
                    Level::Error => Severity::Error,
                    Level::Warning => Severity::Warning,
                    _ => Severity::Info,
                };
                true
            }
        });
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file and position with exact duplicates removed, so output is
    /// deterministic whatever order parallel stages finished in.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| {
            (&a.location, a.severity, a.code.as_str(), &a.message).cmp(&(
                &b.location,
                b.severity,
                b.code.as_str(),
                &b.message,
            ))
        });
        self.0.dedup();
        self.0
    }
}

impl Diagnostics {
    /// The diagnostics at the levels the site gives their codes, sorted.
    pub fn settle(mut self, levels: &std::collections::BTreeMap<Code, Level>) -> Vec<Diagnostic> {
        self.apply_levels(levels);
        self.into_sorted()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Diagnostics {
        Diagnostics(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Maps byte offsets in a text to 1-based line and column (columns count
/// characters, not bytes, so a caret lines up under accented text).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Whether each line is ASCII, where a column is a byte count.
    ascii: Vec<bool>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let ends = line_starts.iter().skip(1).copied().chain(std::iter::once(bytes.len()));
        let ascii = line_starts.iter().zip(ends).map(|(&start, end)| bytes[start..end].is_ascii()).collect();
        LineIndex { line_starts, ascii }
    }

    /// Line and column of `offset` in `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = match self.ascii.get(line) {
            Some(true) => offset - start,
            _ => text.get(start..offset).map_or(offset - start, |s| s.chars().count()),
        };
        (line as u32 + 1, column as u32 + 1)
    }

    pub fn location(&self, file: &Path, text: &str, offset: usize) -> Location {
        let (line, column) = self.line_col(text, offset);
        Location::new(file, line, column)
    }
}

/// The closest candidate to `word` by edit distance, for "did you mean" hints.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = (length / 3).max(2);
    candidates
        .into_iter()
        // The length difference bounds the distance from below: on a large
        // site most candidates are ruled out without the full count.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_chars() {
        let text = "ab\né x\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 1), (1, 2));
        assert_eq!(index.line_col(text, 3), (2, 1));
        assert_eq!(index.line_col(text, text.find('x').unwrap()), (2, 3));
        assert_eq!(index.line_col(text, text.find("last").unwrap()), (4, 1));
        assert_eq!(index.line_col(text, 999), (4, 5));
    }

    #[test]
    fn suggestions_pick_the_closest_candidate() {
        let known = ["link_new", "include", "icon"];
        assert_eq!(did_you_mean("link_nwe", known), Some("link_new"));
        assert_eq!(did_you_mean("incldue", known), Some("include"));
        assert_eq!(did_you_mean("completely-different", known), None);
    }

    #[test]
    fn levels_change_or_drop_diagnostics() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::new(Code::SecurityIframe, "a"));
        all.push(Diagnostic::new(Code::SecurityScript, "b"));
        all.push(Diagnostic::new(Code::DialectAttribute, "c"));
        let levels = std::collections::BTreeMap::from([
            (Code::SecurityIframe, Level::Off),
            (Code::DialectAttribute, Level::Error),
        ]);
        all.apply_levels(&levels);
        let left: Vec<_> = all.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(left, [(Code::SecurityScript, Severity::Error), (Code::DialectAttribute, Severity::Error)]);
    }

    #[test]
    fn sorting_removes_duplicates() {
        let mut all = Diagnostics::default();
        let d = Diagnostic::new(Code::LinkInvalid, "m").at(Location::new("b.md", 2, 1));
        all.push(d.clone());
        all.push(Diagnostic::new(Code::LinkInvalid, "m").at(Location::new("a.md", 9, 1)));
        all.push(d);
        let sorted = all.into_sorted();
        assert_eq!(sorted.len(), 2);
        assert_eq!(sorted[0].location.as_ref().unwrap().file, PathBuf::from("a.md"));
    }

    #[test]
    fn an_end_column_is_kept_only_after_the_start() {
        assert_eq!(Location::new("a.md", 3, 5).end_column, None);
        assert_eq!(Location::new("a.md", 3, 5).with_end_column(9).end_column, Some(9));
        assert_eq!(Location::new("a.md", 3, 5).with_end_column(5).end_column, None);
        assert_eq!(Location::new("a.md", 3, 5).with_end_column(2).end_column, None);
        assert_eq!(Location::new("a.md", 3, 5).with_end_column(9).to_string(), "a.md:3:5");
    }
}
