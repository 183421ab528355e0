//! Diagnostics for people and for tools. One enum picks the format; each
//! format is a function from the sorted diagnostics to text, so nothing else
//! in helpgen formats a diagnostic itself.

mod human;
mod machine;
mod snippet;

use std::path::Path;

pub use human::Human;

use crate::diag::Diagnostic;
use crate::translations::LanguageStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style blocks with the source line and a caret, grouped by code
    Human,
    /// one JSON document: diagnostics and counts
    Json,
    /// GitHub Actions workflow commands, shown inline on pull requests
    Github,
    /// SARIF 2.1.0, for code-scanning tools
    Sarif,
}

/// The report in `format`. `root` is where files named in locations are read
/// for source snippets (human format only). `translations`, when asked for,
/// is a field of the JSON report; other formats leave it to the caller.
/// `verbose` shows info notes and every instance of a code in the human
/// report and notices in the GitHub one; JSON and SARIF always hold all.
pub fn render(
    format: Format,
    diagnostics: &[Diagnostic],
    translations: Option<&[LanguageStatus]>,
    root: &Path,
    verbose: bool,
) -> String {
    match format {
        Format::Human => Human::for_stderr(verbose).render(diagnostics, root),
        Format::Json => machine::json(diagnostics, translations),
        Format::Github => machine::github(diagnostics, verbose),
        Format::Sarif => machine::sarif(diagnostics),
    }
}
