//! What `serve` watches: the files a build reads (content, the theme,
//! locales, helpgen.toml), with the notify crate, and what a change to each
//! means: one article to read again, or the whole site.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::error::{Error, Result};

/// Events that come this close together are one change: an editor saving
/// a file writes, renames and touches it within a few milliseconds.
const QUIET: Duration = Duration::from_millis(8);
/// However busy the files are, a rebuild starts after this long.
const AT_MOST: Duration = Duration::from_millis(250);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// An article's file (relative to the site root), as `build` names it.
    Article(PathBuf),
    /// Anything else a build reads: includes, media, data, templates,
    /// messages, the configuration, or a new or removed folder.
    Site,
}

pub struct Watcher {
    root: PathBuf,
    events: Receiver<notify::Result<notify::Event>>,
    // Watching stops when this is dropped.
    _watcher: notify::RecommendedWatcher,
}

impl Watcher {
    /// Watches `content/`, `themes/` and `locales/` under `root`, and
    /// `root` itself for helpgen.toml (and for those folders appearing).
    pub fn start(root: &Path) -> Result<Watcher> {
        let root = root.canonicalize().map_err(Error::io("read", root))?;
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = sender.send(event);
        })
        .map_err(|e| Error::Serve(format!("cannot watch the site's files: {e}")))?;
        let watch = |watcher: &mut notify::RecommendedWatcher, path: &Path, mode| {
            watcher.watch(path, mode).map_err(|e| Error::Serve(format!("cannot watch `{}`: {e}", path.display())))
        };
        watch(&mut watcher, &root, RecursiveMode::NonRecursive)?;
        for folder in ["content", "themes", "locales"] {
            let path = root.join(folder);
            if path.is_dir() {
                watch(&mut watcher, &path, RecursiveMode::Recursive)?;
            }
        }
        Ok(Watcher { root, events, _watcher: watcher })
    }

    /// Waits for the next change and returns it with those that follow
    /// within a few milliseconds, sorted, each once. `None` when watching
    /// has stopped.
    pub fn next(&self) -> Option<Vec<Change>> {
        let mut changes = Vec::new();
        while changes.is_empty() {
            self.take(self.events.recv().ok()?, &mut changes);
        }
        let deadline = Instant::now() + AT_MOST;
        loop {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.take(event, &mut changes),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
            if Instant::now() >= deadline {
                break;
            }
        }
        changes.sort();
        changes.dedup();
        Some(changes)
    }

    fn take(&self, event: notify::Result<notify::Event>, changes: &mut Vec<Change>) {
        // A watcher error (events lost, say) is answered with a full reload.
        let Ok(event) = event else { return changes.push(Change::Site) };
        if matches!(event.kind, EventKind::Access(_) | EventKind::Modify(notify::event::ModifyKind::Metadata(_))) {
            return;
        }
        for path in &event.paths {
            if let Some(change) = path.strip_prefix(&self.root).ok().and_then(classify) {
                changes.push(change);
            }
        }
    }
}

/// What a change to `path` (relative to the site root) means, if anything.
pub fn classify(path: &Path) -> Option<Change> {
    let parts: Vec<&str> = path
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str().unwrap_or("\u{FFFD}"),
            _ => "",
        })
        .collect();
    let name = *parts.last()?;
    // Editors' swap, backup and probe files, and hidden files generally.
    let scratch = parts.iter().any(|p| p.starts_with('.'))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913";
    if scratch {
        return None;
    }
    match parts.as_slice() {
        ["helpgen.toml"] | ["themes", ..] | ["locales", ..] => Some(Change::Site),
        ["content", folder, ..] if folder.starts_with('_') => Some(Change::Site),
        ["content", _, .., _] if name.ends_with(".md") => Some(Change::Article(path.to_path_buf())),
        ["content", ..] => Some(Change::Site),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(path: &str) -> Option<Change> {
        classify(Path::new(path))
    }

    #[test]
    fn articles_alone_are_read_again_alone() {
        let article = |p: &str| Some(Change::Article(PathBuf::from(p)));
        assert_eq!(what("content/en/setup/start.md"), article("content/en/setup/start.md"));
        assert_eq!(what("content/fr/a.md"), article("content/fr/a.md"));
        for site in ["content/_includes/note.md", "content/_data/offers.yaml", "content/en", "helpgen.toml"] {
            assert_eq!(what(site), Some(Change::Site), "{site}");
        }
        assert_eq!(what("themes/default/templates/base.html"), Some(Change::Site));
        assert_eq!(what("locales/fr/ui.ftl"), Some(Change::Site));
    }

    #[test]
    fn what_a_build_does_not_read_is_ignored() {
        for path in
            ["public/en/index.html", ".public.spare/x", "content/en/.a.md.swp", "content/en/a.md~", "content/en/4913"]
        {
            assert_eq!(what(path), None, "{path}");
        }
        assert_eq!(what("README.md"), None);
        assert_eq!(what("target/debug/x"), None);
    }
}
