//! Reusable snippets under `content/_includes/`, read once per build so the
//! parallel parse stage never touches the disk. A snippet that cannot be read
//! is reported here, once, and remembered as broken.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{decode, SourceText, MAX_ARTICLE_BYTES};
use crate::diag::{Code, Diagnostic, Diagnostics, LineIndex, Location};

pub const INCLUDES_DIR: &str = "_includes";

#[derive(Debug, Clone)]
pub struct IncludeFile {
    /// Relative to the site root, for messages: `content/_includes/a/b.md`.
    pub file: PathBuf,
    pub text: String,
    pub lines: LineIndex,
}

impl IncludeFile {
    pub fn source_text(&self) -> SourceText<'_> {
        SourceText { file: &self.file, text: &self.text, lines: &self.lines }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Includes {
    /// By path relative to `_includes/`; `None` for a file already reported
    /// as unreadable.
    files: BTreeMap<String, Option<IncludeFile>>,
}

pub enum Lookup<'a> {
    Found(&'a IncludeFile),
    Broken,
    Missing,
}

impl Includes {
    pub fn get(&self, path: &str) -> Lookup<'_> {
        match self.files.get(path) {
            Some(Some(file)) => Lookup::Found(file),
            Some(None) => Lookup::Broken,
            None => Lookup::Missing,
        }
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// For tests and callers that build snippets in memory.
    pub fn insert(&mut self, path: &str, text: &str) {
        let file = Path::new("content").join(INCLUDES_DIR).join(path);
        let text = super::strip_markers(text.to_string());
        self.files.insert(path.to_string(), Some(IncludeFile { file, lines: LineIndex::new(&text), text }));
    }
}

pub fn load(content_dir: &Path, diags: &mut Diagnostics) -> Includes {
    let root = content_dir.join(INCLUDES_DIR);
    let mut includes = Includes::default();
    if !root.is_dir() {
        return includes;
    }
    for entry in WalkDir::new(&root).sort_by_file_name().into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&root) else {
            continue;
        };
        let key = relative.to_string_lossy().replace('\\', "/");
        let display = Path::new("content").join(INCLUDES_DIR).join(relative);
        includes.files.insert(key, read(entry.path(), &display, diags));
    }
    includes
}

fn read(path: &Path, display: &Path, diags: &mut Diagnostics) -> Option<IncludeFile> {
    let at_file = || Location::file(display);
    let bytes = match std::fs::metadata(path).map(|m| m.len()) {
        Ok(size) if size > MAX_ARTICLE_BYTES => {
            diags.push(
                Diagnostic::new(
                    Code::ContentTooLarge,
                    format!("the file is {size} bytes; the limit is {MAX_ARTICLE_BYTES}"),
                )
                .at(at_file()),
            );
            return None;
        }
        _ => std::fs::read(path),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            diags.push(Diagnostic::new(Code::ContentUnreadable, format!("cannot read: {e}")).at(at_file()));
            return None;
        }
    };
    match decode(bytes).map(super::strip_markers) {
        Ok(text) => Some(IncludeFile { file: display.to_path_buf(), lines: LineIndex::new(&text), text }),
        Err((prefix, offset)) => {
            let (line, column) = LineIndex::new(&prefix).line_col(&prefix, offset);
            diags.push(
                Diagnostic::new(Code::ContentEncoding, "the file is not valid UTF-8")
                    .at(Location::new(display, line, column))
                    .with_help("save the file with UTF-8 encoding"),
            );
            None
        }
    }
}
