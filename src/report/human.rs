//! Human-readable diagnostics: rustc-style blocks with the source line and a
//! caret under the column, then a count. Colour only on a terminal, and never
//! when NO_COLOR is set.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};

pub struct Human {
    color: bool,
    /// Info notes are hidden unless asked for: on a real site they number
    /// in the hundreds and would bury the errors.
    show_info: bool,
}

impl Human {
    /// Colours when stderr is a terminal and NO_COLOR is unset or empty.
    pub fn for_stderr(show_info: bool) -> Human {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Human { color: !no_color && std::io::stderr().is_terminal(), show_info }
    }

    pub fn plain(show_info: bool) -> Human {
        Human { color: false, show_info }
    }

    /// Every diagnostic followed by a summary line; `root` is where the
    /// files named in locations are read from for the source snippet.
    pub fn render(&self, diagnostics: &[Diagnostic], root: &Path) -> String {
        let mut out = String::new();
        let mut sources = Sources { root, files: HashMap::new() };
        for d in diagnostics.iter().filter(|d| self.show_info || d.severity != Severity::Info) {
            out.push_str(&self.one(d, &mut sources));
            out.push('\n');
        }
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        let (errors, warnings, notes) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
        if errors + warnings + notes > 0 {
            out.push_str(&format!("{errors} {}, {warnings} {}", plural(errors, "error"), plural(warnings, "warning")));
            if notes > 0 && !self.show_info {
                out.push_str(&format!(" ({notes} {} hidden; --verbose shows them)", plural(notes, "note")));
            }
            out.push('\n');
        }
        out
    }

    fn one(&self, d: &Diagnostic, sources: &mut Sources) -> String {
        let colour = match d.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        let mut out =
            format!("{}: {}\n", self.paint(colour, &format!("{}[{}]", d.severity.label(), d.code)), d.message);
        if let Some(location) = &d.location {
            let line_text = (location.line > 0).then(|| sources.line(&location.file, location.line)).flatten();
            let gutter = " ".repeat(location.line.to_string().len());
            out.push_str(&format!("{gutter}{} {location}\n", self.paint("34", "-->")));
            if let Some(text) = line_text {
                let caret_pad: String = text
                    .chars()
                    .take(location.column.saturating_sub(1) as usize)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!("{gutter} {}\n", self.paint("34", "|")));
                out.push_str(&format!(
                    "{} {} {text}\n",
                    self.paint("34", &location.line.to_string()),
                    self.paint("34", "|")
                ));
                out.push_str(&format!("{gutter} {} {caret_pad}{}\n", self.paint("34", "|"), self.paint(colour, "^")));
            }
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
        out
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[1;{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// Source files for snippets, each read once however many diagnostics it has.
struct Sources<'a> {
    root: &'a Path,
    files: HashMap<PathBuf, Option<Vec<String>>>,
}

impl Sources<'_> {
    /// The 1-based `line` of a file, read leniently (a diagnostic may be
    /// about the file's encoding, so invalid UTF-8 must not hide the snippet).
    fn line(&mut self, file: &Path, line: u32) -> Option<String> {
        let root = self.root;
        let lines = self.files.entry(file.to_path_buf()).or_insert_with(|| {
            let bytes = std::fs::read(root.join(file)).ok()?;
            let text = String::from_utf8_lossy(&bytes);
            let text = text.trim_start_matches('\u{feff}');
            Some(text.lines().map(|l| l.trim_end_matches('\r').to_string()).collect())
        });
        lines.as_ref()?.get((line as usize).checked_sub(1)?).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::diag::Location;

    #[test]
    fn shows_the_line_and_a_caret_under_the_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "first\nsée {% bad %}\n").unwrap();
        let d = Diagnostic::new(Code::DialectUnknownTag, "unknown tag `bad`")
            .at(Location::new("a.md", 2, 5))
            .with_help("did you mean `raw`?");
        let note = Diagnostic::new(Code::I18nMissingTranslation, "not translated").at(Location::file("a.md"));
        let text = Human::plain(false).render(&[d, note.clone()], dir.path());
        let expected = "error[dialect.unknown-tag]: unknown tag `bad`\n --> a.md:2:5\n  |\n2 | sée {% bad %}\n  |     ^\n  = help: did you mean `raw`?\n\n1 error, 0 warnings (1 note hidden; --verbose shows them)\n";
        assert_eq!(text, expected);
        let verbose = Human::plain(true).render(&[note], dir.path());
        assert_eq!(verbose, "info[i18n.missing-translation]: not translated\n --> a.md\n\n0 errors, 0 warnings\n");
    }
}
