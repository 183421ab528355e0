//! When each content file last changed, from the git history when the site
//! is a git checkout: pages show it as their "last updated" date. Without
//! git, or outside a checkout, there are no dates and pages leave them out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The newest commit time (Unix seconds) of each file under `content/`,
/// keyed by its path relative to the site root (`content/en/a.md`).
#[derive(Debug, Default, Clone)]
pub struct History {
    changed: HashMap<PathBuf, i64>,
}

impl History {
    /// One `git log` over the content folder: one process however many
    /// articles, the newest commit of each file seen first. A shallow clone
    /// (CI checkouts often are) has no dates: its one commit would date
    /// every page to the day of the build.
    pub fn load(root: &Path) -> History {
        let shallow = git(root, &["rev-parse", "--is-shallow-repository"]);
        if shallow.as_deref().map(str::trim) != Some("false") {
            return History::default();
        }
        // Paths as they are, not quoted with octal escapes (`équipe.md`).
        let log = ["-c", "core.quotePath=false", "log", "--relative", "--no-renames", "--name-only"];
        match git(root, &[&log[..], &["--format=%x1e%ct", "--", "content"]].concat()) {
            Some(text) => History::parse(&text),
            None => History::default(),
        }
    }

    /// Reads `git log --format=%x1e%ct --name-only`: each commit is a record
    /// separator, its time, then the files it touched.
    fn parse(log: &str) -> History {
        let mut changed = HashMap::new();
        for commit in log.split('\u{1e}') {
            let mut lines = commit.lines();
            let Some(Ok(time)) = lines.next().map(|t| t.trim().parse::<i64>()) else { continue };
            for file in lines.map(str::trim).filter(|l| !l.is_empty()) {
                changed.entry(PathBuf::from(file)).or_insert(time);
            }
        }
        History { changed }
    }

    /// When `file` (relative to the site root) last changed in a commit.
    pub fn changed(&self, file: &Path) -> Option<Date> {
        self.changed.get(file).map(|&time| Date::from_unix(time))
    }
}

/// What `git -C root <args>` prints, when it runs and succeeds.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A calendar date in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The civil date of a Unix time (days-from-civil inverted, proleptic
    /// Gregorian calendar).
    pub fn from_unix(seconds: i64) -> Date {
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }

    /// `2026-03-04`, for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_times_become_civil_dates() {
        assert_eq!(Date::from_unix(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix(951_782_400).iso(), "2000-02-29");
        assert_eq!(Date::from_unix(1_709_251_199).iso(), "2024-02-29");
        assert_eq!(Date::from_unix(1_798_761_599).iso(), "2026-12-31");
        assert_eq!(Date::from_unix(-1).iso(), "1969-12-31");
    }

    #[test]
    fn the_newest_commit_of_each_file_wins() {
        let log = "\u{1e}200\n\ncontent/en/a.md\ncontent/fr/a.md\n\u{1e}100\n\ncontent/en/a.md\ncontent/en/b.md\n";
        let history = History::parse(log);
        assert_eq!(history.changed(Path::new("content/en/a.md")), Some(Date::from_unix(200)));
        assert_eq!(history.changed(Path::new("content/en/b.md")), Some(Date::from_unix(100)));
        assert_eq!(history.changed(Path::new("content/de/a.md")), None);
    }

    #[test]
    fn a_folder_outside_git_has_no_dates() {
        let dir = std::env::temp_dir().join(format!("helpgen-history-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        // The temp folder may sit inside some checkout; a fresh `content`
        // under it has no commits either way.
        assert_eq!(History::load(&dir).changed(Path::new("content/en/a.md")), None);
        let _ = std::fs::remove_dir(&dir);
    }
}
