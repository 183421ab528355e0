//! Human-readable diagnostics: grouped by code, errors first, each group
//! headed by its count and the code's meaning and showing a few instances
//! as rustc-style blocks with the source line (a window of it when it is
//! long) and a caret under the column, or under the span when it is known,
//! then a count. Colour only on a terminal, and never when NO_COLOR is set.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::snippet::snippet;
use crate::diag::{Code, Diagnostic, Severity};

/// Instances of one code shown without --verbose. One broken template
/// repeats a problem on every page of every language; a few instances show
/// what it is and where, and the count says how far it goes.
const SHOWN_PER_CODE: usize = 5;

pub struct Human {
    color: bool,
    /// Shows info notes and every instance of each code. Without it the
    /// report of a real site stays readable: notes number in the hundreds
    /// and would bury the errors, and one mistake can repeat thousands of
    /// times.
    verbose: bool,
}

/// The diagnostics of one code at one severity (a site may give a code
/// another level, so both make the key), in the order they came.
struct Group<'a> {
    severity: Severity,
    code: Code,
    items: Vec<&'a Diagnostic>,
}

impl Human {
    /// Colours when stderr is a terminal and NO_COLOR is unset or empty.
    pub fn for_stderr(verbose: bool) -> Human {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Human { color: !no_color && std::io::stderr().is_terminal(), verbose }
    }

    pub fn plain(verbose: bool) -> Human {
        Human { color: false, verbose }
    }

    /// The diagnostics grouped by code, followed by a summary line; `root`
    /// is where the files named in locations are read from for the source
    /// snippet.
    pub fn render(&self, diagnostics: &[Diagnostic], root: &Path) -> String {
        let mut out = String::new();
        let mut sources = Sources { root, files: HashMap::new() };
        for group in groups(diagnostics, self.verbose) {
            self.group(&group, &mut sources, &mut out);
        }
        out.push_str(&self.summary(diagnostics));
        out
    }

    /// Each diagnostic alone as the block `render` prints for it (source
    /// line and caret included), for a report shown elsewhere, such as
    /// over a page in the browser.
    pub fn blocks<'d>(&self, diagnostics: &'d [Diagnostic], root: &Path) -> Vec<(&'d Diagnostic, String)> {
        let mut sources = Sources { root, files: HashMap::new() };
        diagnostics.iter().map(|d| (d, self.one(d, &mut sources))).collect()
    }

    /// A header with the count and meaning, unless the code has a single
    /// instance (its own block already names the code), then the instances
    /// and how many were left out.
    fn group(&self, group: &Group, sources: &mut Sources, out: &mut String) {
        let total = group.items.len();
        if total > 1 {
            let title = format!("{} × {} ({})", thousands(total), group.code, group.severity.label());
            out.push_str(&format!("{}: {}\n\n", self.paint(colour(group.severity), &title), group.code.meaning()));
        }
        let shown = if self.verbose { total } else { total.min(SHOWN_PER_CODE) };
        for d in &group.items[..shown] {
            out.push_str(&self.one(d, sources));
            out.push('\n');
        }
        if shown < total {
            out.push_str(&format!("... and {} more (--verbose shows all)\n\n", thousands(total - shown)));
        }
    }

    fn summary(&self, diagnostics: &[Diagnostic]) -> String {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        let (errors, warnings, notes) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
        if errors + warnings + notes == 0 {
            return String::new();
        }
        let mut out = format!("{errors} {}, {warnings} {}", plural(errors, "error"), plural(warnings, "warning"));
        if notes > 0 && !self.verbose {
            out.push_str(&format!(" ({notes} {} hidden; --verbose shows them)", plural(notes, "note")));
        }
        out.push('\n');
        out
    }

    fn one(&self, d: &Diagnostic, sources: &mut Sources) -> String {
        let colour = colour(d.severity);
        let mut out =
            format!("{}: {}\n", self.paint(colour, &format!("{}[{}]", d.severity.label(), d.code)), d.message);
        if let Some(location) = &d.location {
            let line_text = (location.line > 0).then(|| sources.line(&location.file, location.line)).flatten();
            let gutter = " ".repeat(location.line.to_string().len());
            out.push_str(&format!("{gutter}{} {location}\n", self.paint("34", "-->")));
            if let Some(text) = line_text {
                let snippet = snippet(&text, location.column, location.end_column);
                let marker = "^".repeat(snippet.width);
                out.push_str(&format!("{gutter} {}\n", self.paint("34", "|")));
                out.push_str(&format!(
                    "{} {} {}\n",
                    self.paint("34", &location.line.to_string()),
                    self.paint("34", "|"),
                    snippet.text
                ));
                out.push_str(&format!(
                    "{gutter} {} {}{}\n",
                    self.paint("34", "|"),
                    snippet.pad,
                    self.paint(colour, &marker)
                ));
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

/// The ANSI colour of a severity.
fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "31",
        Severity::Warning => "33",
        Severity::Info => "36",
    }
}

/// Errors first, then warnings, then notes (only when shown); within a
/// severity the most frequent code first, ties by name, so the same site
/// always gives the same report.
fn groups(diagnostics: &[Diagnostic], show_info: bool) -> Vec<Group<'_>> {
    let mut by_code: HashMap<(Severity, Code), Vec<&Diagnostic>> = HashMap::new();
    for d in diagnostics.iter().filter(|d| show_info || d.severity != Severity::Info) {
        by_code.entry((d.severity, d.code)).or_default().push(d);
    }
    let mut groups: Vec<Group> =
        by_code.into_iter().map(|((severity, code), items)| Group { severity, code, items }).collect();
    groups.sort_by(|a, b| {
        (a.severity, b.items.len(), a.code.as_str()).cmp(&(b.severity, a.items.len(), b.code.as_str()))
    });
    groups
}

/// Counts with thousands separated (`11,164`): large ones are the point of
/// the headers and should read at a glance.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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

    /// A site whose `a.md` has `lines` numbered lines, and a warning of
    /// `code` on each of its first `count` lines (cycling past the end).
    fn warnings(code: Code, count: usize, lines: usize) -> (tempfile::TempDir, Vec<Diagnostic>) {
        let dir = tempfile::tempdir().unwrap();
        let text: String = (1..=lines).map(|n| format!("line {n}\n")).collect();
        std::fs::write(dir.path().join("a.md"), text).unwrap();
        let all = (0..count)
            .map(|i| {
                let line = (i % lines + 1) as u32;
                Diagnostic::new(code, format!("problem {i}")).at(Location::new("a.md", line, 6))
            })
            .collect();
        (dir, all)
    }

    #[test]
    fn ten_thousand_identical_warnings_fit_on_a_screen_or_two() {
        let (dir, all) = warnings(Code::OfferUnavailableTarget, 10_000, 50);
        let text = Human::plain(false).render(&all, dir.path());
        assert!(text.lines().count() < 200, "{} lines:\n{text}", text.lines().count());
        let header =
            format!("10,000 × offer.unavailable-target (warning): {}\n", Code::OfferUnavailableTarget.meaning());
        assert!(text.starts_with(&header), "{text}");
        assert_eq!(text.matches("warning[offer.unavailable-target]").count(), SHOWN_PER_CODE);
        assert!(text.contains("warning[offer.unavailable-target]: problem 4\n --> a.md:5:6\n"), "{text}");
        assert!(text.ends_with("\n... and 9,995 more (--verbose shows all)\n\n0 errors, 10000 warnings\n"), "{text}");

        let verbose = Human::plain(true).render(&all, dir.path());
        assert_eq!(verbose.matches("warning[offer.unavailable-target]").count(), 10_000);
        assert!(!verbose.contains("more (--verbose"), "nothing is left out with --verbose");
    }

    #[test]
    fn groups_go_by_severity_then_count_then_code() {
        let (dir, mut all) = warnings(Code::DialectAttribute, 2, 3);
        all.extend(warnings(Code::LinkNested, 2, 3).1);
        all.extend(warnings(Code::LinkUntranslatedTarget, 3, 3).1);
        all.push(Diagnostic::new(Code::LinkInvalid, "bad link").at(Location::new("a.md", 3, 1)));
        all.push(Diagnostic::new(Code::LinkOrphan, "no links here").at(Location::file("a.md")));
        let text = Human::plain(false).render(&all, dir.path());
        let titles: Vec<&str> = text.lines().filter(|l| l.contains(" × ") || l.starts_with("error[")).collect();
        assert_eq!(
            titles,
            [
                "error[link.invalid]: bad link",
                "3 × link.untranslated-target (warning): a link whose target is not translated into the article's language",
                "2 × dialect.attribute (warning): an attribute list helpgen will not emit; shown as written",
                "2 × link.nested (warning): a `link_new` inside another link's text, shown as text",
            ]
        );
        assert!(!text.contains("link.orphan"), "{text}");
        let problems: Vec<&str> = text.lines().filter(|l| l.starts_with("warning[link.untranslated-target]")).collect();
        assert_eq!(problems.len(), 3);
        assert!(problems[0].ends_with("problem 0") && problems[2].ends_with("problem 2"), "{problems:?}");
        assert!(text.ends_with("\n1 error, 7 warnings (1 note hidden; --verbose shows them)\n"), "{text}");

        let verbose = Human::plain(true).render(&all, dir.path());
        assert!(
            verbose.contains("\n\ninfo[link.orphan]: no links here\n --> a.md\n\n1 error, 7 warnings\n"),
            "{verbose}"
        );
    }

    #[test]
    fn a_code_given_another_level_is_grouped_at_that_level() {
        let (dir, mut all) = warnings(Code::DialectAttribute, 2, 2);
        all.iter_mut().for_each(|d| d.severity = Severity::Error);
        let text = Human::plain(false).render(&all, dir.path());
        assert!(text.starts_with("2 × dialect.attribute (error): "), "{text}");
        assert!(text.contains("\nerror[dialect.attribute]: problem 1\n"), "{text}");
    }

    #[test]
    fn a_long_line_shows_a_window_and_the_span() {
        let dir = tempfile::tempdir().unwrap();
        let link = "{% link_new Gone | gone.md %}";
        let line: String = std::iter::repeat_n(format!("{link} and "), 2_000).collect();
        std::fs::write(dir.path().join("a.md"), format!("# Title\n{line}\n")).unwrap();
        let step = link.len() + " and ".len();
        let all: Vec<Diagnostic> = (0..2_000)
            .map(|i| {
                let column = (i * step + 1) as u32;
                let at = Location::new("a.md", 2, column).with_end_column(column + link.len() as u32);
                Diagnostic::new(Code::LinkMissingTarget, "no article `gone.md`").at(at)
            })
            .collect();
        let text = Human::plain(false).render(&all, dir.path());
        assert!(text.len() < 4_000, "{} bytes", text.len());
        assert!(text.lines().all(|l| l.chars().count() < 140), "{text}");
        let third =
            format!("error[link.missing-target]: no article `gone.md`\n --> a.md:2:{}\n  |\n2 | …", 2 * step + 1);
        assert!(text.contains(&third), "{text}");
        // From the third link on, the window starts a third of its width
        // before the column, after a `…`.
        let marker = format!("  | {}{}\n", " ".repeat(41), "^".repeat(link.len()));
        assert_eq!(text.matches(&marker).count(), 3, "{text}");
        assert!(text.contains(&format!("2 | {link} and {link}")), "the first instance starts at the line's start");
    }

    #[test]
    fn counts_have_thousands_separators() {
        let cases = [(0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (11_164, "11,164"), (1_234_567, "1,234,567")];
        for (n, text) in cases {
            assert_eq!(thousands(n), text);
        }
    }
}
