//! Machine-readable reports: JSON (helpgen's own shape), GitHub Actions
//! workflow commands, and SARIF 2.1.0. Paths are relative to the site root
//! with `/` separators, so reports read the same on every machine.

use serde_json::{json, Value};

use crate::diag::{Diagnostic, Severity};
use crate::translations::LanguageStatus;

fn file_of(d: &Diagnostic) -> Option<String> {
    d.location.as_ref().map(|l| l.file.to_string_lossy().replace('\\', "/"))
}

/// Line and column, `None` when the problem concerns a whole file.
fn position(d: &Diagnostic) -> Option<(u32, u32)> {
    d.location.as_ref().filter(|l| l.line > 0).map(|l| (l.line, l.column.max(1)))
}

/// The exclusive end column of a span, only where there is a position for
/// it to end after.
fn end_column(d: &Diagnostic) -> Option<u32> {
    let (_, column) = position(d)?;
    d.location.as_ref()?.end_column.filter(|&end| end > column)
}

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics.iter().filter(|d| d.severity == severity).count()
}

/// `{"diagnostics":[...],"errors":N,"warnings":M,"infos":K}`, and
/// `"translations":[...]` when given.
pub fn json(diagnostics: &[Diagnostic], translations: Option<&[LanguageStatus]>) -> String {
    let items: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut item = json!({
                "severity": d.severity.label(),
                "code": d.code,
                "message": d.message,
            });
            if let Some(file) = file_of(d) {
                item["file"] = json!(file);
            }
            if let Some((line, column)) = position(d) {
                item["line"] = json!(line);
                item["column"] = json!(column);
            }
            if let Some(end) = end_column(d) {
                item["end_column"] = json!(end);
            }
            if let Some(help) = &d.help {
                item["help"] = json!(help);
            }
            item
        })
        .collect();
    let mut report = json!({
        "diagnostics": items,
        "errors": count(diagnostics, Severity::Error),
        "warnings": count(diagnostics, Severity::Warning),
        "infos": count(diagnostics, Severity::Info),
    });
    if let Some(translations) = translations {
        report["translations"] = json!(translations);
    }
    format!("{report:#}\n")
}

/// `::error file=F,line=L,col=C,title=CODE::message` lines. Notices (info
/// notes) only when `verbose`: GitHub shows each one as an annotation on the
/// pull request, where hundreds of them would hide the errors.
pub fn github(diagnostics: &[Diagnostic], verbose: bool) -> String {
    let mut out = String::new();
    for d in diagnostics.iter().filter(|d| verbose || d.severity != Severity::Info) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = Vec::new();
        if let Some(file) = file_of(d) {
            properties.push(format!("file={}", escape_property(&file)));
        }
        if let Some((line, column)) = position(d) {
            properties.push(format!("line={line},col={column}"));
        }
        properties.push(format!("title={}", escape_property(d.code.as_str())));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!("::{command} {}::{}\n", properties.join(","), escape_data(&message)));
    }
    out
}

/// Workflow command data: `%`, CR and LF are escaped.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Workflow command properties: also `:` and `,`, which separate them.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A SARIF 2.1.0 log with one run, one rule per diagnostic code.
pub fn sarif(diagnostics: &[Diagnostic]) -> String {
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let rules: Vec<Value> = codes.iter().map(|code| json!({ "id": code, "name": code })).collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!(" ({help})"));
            }
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": codes.binary_search(&d.code.as_str()).unwrap_or(0),
                "level": level,
                "message": { "text": text },
            });
            if let Some(file) = file_of(d) {
                let mut physical = json!({ "artifactLocation": { "uri": file } });
                if let Some((line, column)) = position(d) {
                    physical["region"] = json!({ "startLine": line, "startColumn": column });
                }
                if let Some(end) = end_column(d) {
                    physical["region"]["endColumn"] = json!(end);
                }
                result["locations"] = json!([{ "physicalLocation": physical }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "helpgen",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    format!("{log:#}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::diag::Location;

    fn sample() -> Vec<Diagnostic> {
        vec![
            Diagnostic::new(Code::LinkMissingTarget, "no article `a, b: c.md`\n100% gone")
                .at(Location::new("content/fr/a.md", 12, 5))
                .with_help("did you mean `b.md`?"),
            Diagnostic { severity: Severity::Warning, ..Diagnostic::new(Code::ContentEmpty, "nothing") }
                .at(Location::file("content")),
            Diagnostic::new(Code::I18nMissingTranslation, "not translated"),
            Diagnostic::new(Code::DialectAttribute, "an attribute").at(Location::new("b.md", 3, 4).with_end_column(11)),
        ]
    }

    #[test]
    fn json_has_positions_counts_and_help() {
        let report: Value = serde_json::from_str(&json(&sample(), None)).unwrap();
        let first = &report["diagnostics"][0];
        assert_eq!(first["severity"], "error");
        assert_eq!(first["code"], "link.missing-target");
        assert_eq!(first["file"], "content/fr/a.md");
        assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(12), Some(5)));
        assert_eq!(first["help"], "did you mean `b.md`?");
        assert_eq!(report["diagnostics"][1]["file"], "content");
        assert!(report["diagnostics"][1].get("line").is_none());
        assert!(first.get("end_column").is_none());
        assert_eq!(report["diagnostics"][3]["end_column"], 11);
        assert_eq!(
            (report["errors"].as_u64(), report["warnings"].as_u64(), report["infos"].as_u64()),
            (Some(1), Some(2), Some(1))
        );
    }

    #[test]
    fn github_commands_are_escaped() {
        let lines: Vec<String> = github(&sample(), true).lines().map(str::to_string).collect();
        assert_eq!(
            lines[0],
            "::error file=content/fr/a.md,line=12,col=5,title=link.missing-target::no article `a, b: c.md`%0A100%25 gone%0Ahelp: did you mean `b.md`?"
        );
        assert_eq!(lines[1], "::warning file=content,title=content.empty::nothing");
        assert_eq!(lines[2], "::notice title=i18n.missing-translation::not translated");
    }

    #[test]
    fn github_notices_need_verbose() {
        let text = github(&sample(), false);
        let commands: Vec<&str> = text.lines().map(|l| l.split(' ').next().unwrap_or(l)).collect();
        assert_eq!(commands, ["::error", "::warning", "::warning"]);
    }

    #[test]
    fn sarif_has_the_2_1_0_shape() {
        let log: Value = serde_json::from_str(&sarif(&sample())).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "helpgen");
        let rules: Vec<&str> =
            run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(rules, ["content.empty", "dialect.attribute", "i18n.missing-translation", "link.missing-target"]);
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "link.missing-target");
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize], "link.missing-target");
        assert_eq!(result["level"], "error");
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(12), Some(5)));
        assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "content/fr/a.md");
        assert!(region.get("endColumn").is_none());
        assert_eq!(run["results"][2]["level"], "note");
        assert!(run["results"][2].get("locations").is_none());
        let span = &run["results"][3]["locations"][0]["physicalLocation"]["region"];
        assert_eq!((span["startColumn"].as_u64(), span["endColumn"].as_u64()), (Some(4), Some(11)));
    }
}
