//! Brings a folder to hold exactly a set of files, rewriting only those
//! whose bytes differ. The output set aside at the last swap becomes the
//! next one this way: a rebuild writes what changed, not every file, and
//! keeps its folders instead of deleting and creating thousands of them.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::render::{FileContent, OutputFile};

/// Files of the site, how many bytes they hold, and how many of them had to
/// be written because the folder did not already hold them as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub files: usize,
    pub bytes: u64,
    pub written: usize,
}

impl std::ops::AddAssign for WriteReport {
    fn add_assign(&mut self, other: WriteReport) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.written += other.written;
    }
}

/// A folder to bring up to date. A fresh one is known to be empty, so
/// nothing in it is compared or pruned.
pub struct Tree<'a> {
    pub dir: &'a Path,
    pub fresh: bool,
}

impl Tree<'_> {
    /// Writes `files`, skipping each one already there byte for byte.
    pub fn write(&self, files: &[OutputFile]) -> Result<WriteReport> {
        let dir = self.dir;
        let mut relatives = Vec::with_capacity(files.len());
        for file in files {
            let relative = safe_relative(&file.path).ok_or_else(|| Error::Output {
                path: dir.join(&file.path),
                reason: "a generated path leaves the output folder".to_string(),
            })?;
            relatives.push(relative);
        }
        let folders: HashSet<&Path> =
            relatives.iter().filter_map(|r| r.parent()).filter(|p| !p.as_os_str().is_empty()).collect();
        let mut folders: Vec<&Path> = folders.into_iter().collect();
        folders.sort();
        make_folders(dir, &folders)?;
        let results: Vec<(u64, bool)> =
            files.par_iter().map(|file| write_if_changed(dir, file, !self.fresh)).collect::<Result<_>>()?;
        Ok(WriteReport {
            // A piece adds to a file counted when it was begun.
            files: files.iter().filter(|f| !matches!(f.content, FileContent::Appended(_))).count(),
            bytes: results.iter().map(|(size, _)| size).sum(),
            written: results.iter().filter(|(_, written)| *written).count(),
        })
    }

    /// Removes every file that is not one of `keep`, every folder that
    /// holds none of them, and every symbolic link.
    pub fn prune<'f>(&self, keep: impl IntoIterator<Item = &'f str>) -> Result<()> {
        if self.fresh {
            return Ok(());
        }
        let files: HashSet<&Path> = keep.into_iter().map(Path::new).collect();
        let folders: HashSet<&Path> = files.iter().flat_map(|f| f.ancestors().skip(1)).collect();
        prune_folder(self.dir, Path::new(""), &files, &folders)
    }
}

fn prune_folder(dir: &Path, relative: &Path, files: &HashSet<&Path>, folders: &HashSet<&Path>) -> Result<()> {
    let here = dir.join(relative);
    for entry in std::fs::read_dir(&here).map_err(Error::io("read", &here))? {
        let entry = entry.map_err(Error::io("read", &here))?;
        let path = relative.join(entry.file_name());
        let kind = entry.file_type().map_err(Error::io("read", entry.path()))?;
        if kind.is_dir() && folders.contains(path.as_path()) {
            prune_folder(dir, &path, files, folders)?;
        } else if kind.is_dir() {
            std::fs::remove_dir_all(entry.path()).map_err(Error::io("remove", entry.path()))?;
        } else if !(kind.is_file() && files.contains(path.as_path())) {
            std::fs::remove_file(entry.path()).map_err(Error::io("remove", entry.path()))?;
        }
    }
    Ok(())
}

/// Creates the folders, each checked once: a file or link in the way (a
/// page that was `faq` and is now `faq/index.html`, or a link someone put
/// in the folder) is removed first, so no write goes through a link.
fn make_folders(dir: &Path, folders: &[&Path]) -> Result<()> {
    let mut sound: HashSet<PathBuf> = HashSet::new();
    for folder in folders {
        let mut at = PathBuf::new();
        for part in folder.components() {
            at.push(part);
            if sound.contains(&at) {
                continue;
            }
            let path = dir.join(&at);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    std::fs::remove_file(&path).map_err(Error::io("remove", &path))?;
                    std::fs::create_dir(&path).map_err(Error::io("create", &path))?;
                }
                Err(_) => std::fs::create_dir(&path).map_err(Error::io("create", &path))?,
            }
            sound.insert(at.clone());
        }
    }
    Ok(())
}

#[cfg(test)]
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The file's size, and whether it had to be written.
fn write_if_changed(dir: &Path, file: &OutputFile, compare: bool) -> Result<(u64, bool)> {
    let path = dir.join(&file.path);
    let old = if compare { std::fs::symlink_metadata(&path) } else { Err(std::io::ErrorKind::NotFound.into()) };
    let old_size = match old {
        Ok(meta) if meta.is_file() => Some(meta.len()),
        // A folder or link where the file goes: it is not this file.
        Ok(meta) if meta.is_dir() => {
            std::fs::remove_dir_all(&path).map_err(Error::io("remove", &path))?;
            None
        }
        Ok(_) => {
            std::fs::remove_file(&path).map_err(Error::io("remove", &path))?;
            None
        }
        Err(_) => None,
    };
    match &file.content {
        FileContent::Bytes(bytes) => {
            if old_size == Some(bytes.len() as u64) && std::fs::read(&path).is_ok_and(|old| old == *bytes) {
                return Ok((bytes.len() as u64, false));
            }
            std::fs::write(&path, bytes).map_err(Error::io("write", &path))?;
            Ok((bytes.len() as u64, true))
        }
        FileContent::Appended(bytes) => {
            // The file was begun by an earlier batch, never by this one.
            let mut file = std::fs::OpenOptions::new().append(true).open(&path).map_err(Error::io("write", &path))?;
            std::io::Write::write_all(&mut file, bytes).map_err(Error::io("write", &path))?;
            // Counted as written when it was begun.
            Ok((bytes.len() as u64, false))
        }
        FileContent::Copy(from) => {
            let size = std::fs::metadata(from).map_err(Error::io("read", from))?.len();
            if old_size == Some(size) && same_bytes(from, &path) {
                return Ok((size, false));
            }
            std::fs::copy(from, &path).map_err(Error::io("copy", from))?;
            Ok((size, true))
        }
    }
}

fn same_bytes(a: &Path, b: &Path) -> bool {
    matches!((std::fs::read(a), std::fs::read(b)), (Ok(a), Ok(b)) if a == b)
}

fn safe_relative(path: &str) -> Option<&Path> {
    let path = Path::new(path);
    path.components().all(|c| matches!(c, Component::Normal(_))).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text.as_bytes())
    }

    fn write_changed(dir: &Path, files: &[OutputFile]) -> Result<WriteReport> {
        Tree { dir, fresh: false }.write(files)
    }

    fn prune<'f>(dir: &Path, keep: impl IntoIterator<Item = &'f str>) -> Result<()> {
        Tree { dir, fresh: false }.prune(keep)
    }

    fn read(dir: &Path, path: &str) -> String {
        std::fs::read_to_string(dir.join(path)).unwrap()
    }

    #[test]
    fn only_files_that_differ_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let files = [file("a/index.html", "one"), file("b/index.html", "two")];
        assert_eq!(write_changed(dir.path(), &files).unwrap(), WriteReport { files: 2, bytes: 6, written: 2 });
        assert_eq!(write_changed(dir.path(), &files).unwrap().written, 0);
        // Same size, other bytes: written.
        let files = [file("a/index.html", "one"), file("b/index.html", "TWO")];
        assert_eq!(write_changed(dir.path(), &files).unwrap().written, 1);
        assert_eq!(read(dir.path(), "b/index.html"), "TWO");
    }

    #[test]
    fn a_file_and_a_folder_may_trade_places() {
        let dir = tempfile::tempdir().unwrap();
        write_changed(dir.path(), &[file("faq", "page"), file("old/index.html", "x")]).unwrap();
        write_changed(dir.path(), &[file("faq/index.html", "now a folder"), file("old", "now a file")]).unwrap();
        assert_eq!(read(dir.path(), "faq/index.html"), "now a folder");
        assert_eq!(read(dir.path(), "old"), "now a file");
    }

    #[test]
    fn prune_keeps_the_site_and_removes_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        write_changed(dir.path(), &[file("en/a/index.html", "a"), file("en/b/index.html", "b"), file("x", "x")])
            .unwrap();
        prune(dir.path(), ["en/a/index.html", "x"]).unwrap();
        assert!(dir.path().join("en/a/index.html").is_file() && dir.path().join("x").is_file());
        assert!(!dir.path().join("en/b").exists());
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_folder_are_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("index.html"), "theirs").unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("en")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("index.html"), dir.path().join("top.html")).unwrap();
        let files = [file("en/index.html", "ours"), file("en/a/index.html", "ours"), file("top.html", "ours")];
        write_changed(dir.path(), &files).unwrap();
        assert_eq!(read(outside.path(), "index.html"), "theirs");
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1);
        assert_eq!(read(dir.path(), "en/index.html"), "ours");
        assert!(!is_link(&dir.path().join("en")) && !is_link(&dir.path().join("top.html")));
    }

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_changed(dir.path(), &[file("../escape.html", "x")]).is_err());
        assert!(write_changed(dir.path(), &[file("/abs.html", "x")]).is_err());
    }
}
