//! The corpus of broken articles in tests/fixtures/broken/: each is checked
//! alone beside a valid article and must give its expected diagnostic at its
//! expected position, never a panic, and nothing written.

use std::path::Path;

use serde_json::Value;

use crate::harness::Site;

#[test]
fn every_broken_article_gives_its_diagnostic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let expected = std::fs::read_to_string(corpus.join("expected.txt")).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let [name, code, position] = line.split('\t').collect::<Vec<_>>()[..] else { panic!("bad line {line:?}") };
        cases += 1;
        let site = Site::empty();
        site.write("content/en/ok.md", "---\ntitle: OK\n---\n\n## Part\n\nText.\n");
        site.write(&format!("content/en/{name}"), std::fs::read(corpus.join(name)).unwrap());
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_helpgen"))
            .args(["check", "--root", site.root().to_str().unwrap(), "--format", "json", "--deny-warnings"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(1) || stderr.contains("panicked") {
            failures.push(format!("{name}: exit {:?}, stderr {stderr}", out.status.code()));
            continue;
        }
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let file = format!("content/en/{name}");
        let found = report["diagnostics"].as_array().unwrap().iter().any(|d| {
            let at = match (d["line"].as_u64(), d["column"].as_u64()) {
                (Some(line), Some(column)) => format!("{line}:{column}"),
                _ => "-".to_string(),
            };
            d["code"] == code && d["file"] == file.as_str() && (position == "?" || at == position)
        });
        if !found {
            failures.push(format!("{name}: expected {code} at {position}, got {:#}", report["diagnostics"]));
        }
        assert!(!site.path("public").exists());
    }
    assert!(cases >= 30, "the corpus has only {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}
