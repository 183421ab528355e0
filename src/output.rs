//! Stage 5, write: put the rendered files on disk without ever leaving a
//! half-written site. Files go to a staging folder beside the output, which
//! replaces the output only once everything is written; on any failure the
//! staging folder is removed and the previous output is untouched. A folder
//! helpgen did not write is never replaced unless asked, and the leftovers
//! of killed builds are cleared (or restored) by the next one.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::render::{FileContent, OutputFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteReport {
    pub files: usize,
    pub bytes: u64,
}

/// The file that marks a folder as a site helpgen wrote, so it may replace it.
pub const MARKER: &str = ".helpgen-output";

pub fn write(root: &Path, output: &Path, files: &[OutputFile]) -> Result<WriteReport> {
    write_with(root, output, false, files, || Ok(Vec::new()))
}

/// Like `write`, with more files that `later` makes while `files` are being
/// written (the search index, made from the pages). The output is replaced
/// only once both are on disk; if `later` fails, it is left as it was.
/// `force`: replace an output folder that holds files helpgen did not write.
pub fn write_with(
    root: &Path,
    output: &Path,
    force: bool,
    files: &[OutputFile],
    later: impl FnOnce() -> Result<Vec<OutputFile>>,
) -> Result<WriteReport> {
    let output = check_location(root, output)?;
    let parent = output.parent().unwrap_or(Path::new("."));
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    std::fs::create_dir_all(parent).map_err(Error::io("create", parent))?;
    recover_leftovers(parent, &name, &output);
    if !force {
        check_ours(&output)?;
    }
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let result = clear(&staging).and_then(|()| {
        let mut first = write_all(&staging, files)?;
        let marker = staging.join(MARKER);
        std::fs::write(&marker, "This folder was written by helpgen; the next build replaces it.\n")
            .map_err(Error::io("write", &marker))?;
        first.files += 1;
        let second = write_all(&staging, &later()?)?;
        flush(&staging)?;
        swap_in(&staging, &output, &parent.join(format!(".{name}.previous-{}", std::process::id())))?;
        Ok(WriteReport { files: first.files + second.files, bytes: first.bytes + second.bytes })
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Refuses outputs that a swap would destroy: the site root itself, a folder
/// containing it, or a folder of the site's sources.
fn check_location(root: &Path, output: &Path) -> Result<PathBuf> {
    let unusable = |reason: &str| Error::Output { path: output.to_path_buf(), reason: reason.to_string() };
    let root = root.canonicalize().map_err(Error::io("read", root))?;
    let name = output.file_name().ok_or_else(|| unusable("it has no folder name"))?;
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let absolute = match parent.canonicalize() {
        Ok(parent) => parent.join(name),
        // The parent does not exist yet, so it cannot hold the sources.
        Err(_) => return Ok(output.to_path_buf()),
    };
    if root.starts_with(&absolute) {
        return Err(unusable("it is the site root or contains it; choose a folder such as `public`"));
    }
    for source in ["content", "themes", "locales"] {
        if absolute.starts_with(root.join(source)) {
            return Err(unusable(&format!("it is inside the site's `{source}` folder")));
        }
    }
    if absolute.exists() && !absolute.is_dir() {
        return Err(unusable("it exists and is not a folder"));
    }
    Ok(absolute)
}

/// Refuses to replace a folder with files helpgen did not write: a user's
/// folder given as `--output` by mistake would be lost. An output of an
/// older helpgen, without the marker, is known by its stylesheet.
fn check_ours(output: &Path) -> Result<()> {
    let Ok(mut entries) = std::fs::read_dir(output) else { return Ok(()) };
    let empty = entries.next().is_none();
    let ours = output.join(MARKER).is_file() || output.join("assets/css/helpgen.css").is_file();
    if empty || ours {
        return Ok(());
    }
    Err(Error::Output {
        path: output.to_path_buf(),
        reason: "it holds files helpgen did not write; choose another folder, empty it, or pass --force".into(),
    })
}

/// Clears what killed builds left beside the output: staging folders, and
/// the previous output set aside for a swap, which is put back if the swap
/// never happened. Only leftovers of processes that are gone are touched.
fn recover_leftovers(parent: &Path, name: &str, output: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else { continue };
        let Some((kind, pid)) = rest.split_once('-') else { continue };
        let gone = pid.parse().is_ok_and(process_gone);
        if !gone || !matches!(kind, "staging" | "previous") {
            continue;
        }
        if kind == "previous" && !output.exists() && std::fs::rename(entry.path(), output).is_ok() {
            continue;
        }
        let _ = std::fs::remove_dir_all(entry.path());
    }
}

/// Whether no process `pid` runs; where that cannot be known, never.
fn process_gone(pid: u32) -> bool {
    pid != std::process::id() && cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists()
}

/// Removes a staging folder left by an earlier run that was interrupted.
fn clear(staging: &Path) -> Result<()> {
    if staging.exists() {
        std::fs::remove_dir_all(staging).map_err(Error::io("remove", staging))?;
    }
    Ok(())
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<WriteReport> {
    let mut dirs = BTreeSet::new();
    for file in files {
        let relative = safe_relative(&file.path).ok_or_else(|| Error::Output {
            path: staging.join(&file.path),
            reason: "a generated path leaves the output folder".to_string(),
        })?;
        if let Some(dir) = relative.parent() {
            dirs.insert(staging.join(dir));
        }
    }
    dirs.insert(staging.to_path_buf());
    for dir in &dirs {
        std::fs::create_dir_all(dir).map_err(Error::io("create", dir))?;
    }
    let sizes: Vec<u64> = files
        .par_iter()
        .map(|file| {
            let path = staging.join(&file.path);
            match &file.content {
                FileContent::Bytes(bytes) => {
                    std::fs::write(&path, bytes).map_err(Error::io("write", &path))?;
                    Ok(bytes.len() as u64)
                }
                FileContent::Copy(from) => std::fs::copy(from, &path).map_err(Error::io("copy", from)),
            }
        })
        .collect::<Result<_>>()?;
    Ok(WriteReport { files: files.len(), bytes: sizes.iter().sum() })
}

fn safe_relative(path: &str) -> Option<&Path> {
    let path = Path::new(path);
    path.components().all(|c| matches!(c, Component::Normal(_))).then_some(path)
}

/// Puts the new output in place of the old, then deletes the old: in one
/// atomic exchange where the system has it, else by moving the old aside
/// first (a kill between the two moves is repaired by the next build).
fn swap_in(staging: &Path, output: &Path, previous: &Path) -> Result<()> {
    let had_output = output.exists();
    if had_output && exchange(staging, output) {
        // The old site is in the staging folder now.
        let _ = std::fs::remove_dir_all(staging);
        return Ok(());
    }
    if had_output {
        if previous.exists() {
            std::fs::remove_dir_all(previous).map_err(Error::io("remove", previous))?;
        }
        std::fs::rename(output, previous).map_err(Error::io("move aside", output))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_output {
            let _ = std::fs::rename(previous, output);
        }
        return Err(Error::io("replace", output)(e));
    }
    if had_output {
        // The new site is in place; a leftover old copy is only clutter.
        let _ = std::fs::remove_dir_all(previous);
    }
    Ok(())
}

/// Puts the written files on the disk before the swap makes them the
/// site: after a crash the output is the old site or the whole new one.
/// One `syncfs` for the file system, not one call per file.
#[cfg(target_os = "linux")]
fn flush(staging: &Path) -> Result<()> {
    let folder = std::fs::File::open(staging).map_err(Error::io("open", staging))?;
    rustix::fs::syncfs(&folder).map_err(|e| Error::io("flush", staging)(e.into()))
}

#[cfg(not(target_os = "linux"))]
fn flush(_: &Path) -> Result<()> {
    Ok(())
}

/// Swaps two folders atomically, where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text.as_bytes())
    }

    #[test]
    fn replaces_the_previous_output_whole() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("a/index.html", "one"), file("old.html", "x")]).unwrap();
        let report = write(root.path(), &out, &[file("a/index.html", "two")]).unwrap();
        assert_eq!(report, WriteReport { files: 2, bytes: 3 });
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(root.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers, ["public"]);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("index.html", "good")]).unwrap();
        let err = write(root.path(), &out, &[file("ok.html", "x"), file("../escape.html", "bad")]).unwrap_err();
        assert!(matches!(err, Error::Output { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "good");
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
    }

    #[test]
    fn files_made_during_the_write_join_it_or_cancel_it() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let report = write_with(root.path(), &out, false, &[file("index.html", "page")], || {
            Ok(vec![file("en/search/x", "idx")])
        })
        .unwrap();
        assert_eq!(report, WriteReport { files: 3, bytes: 7 });
        assert_eq!(std::fs::read_to_string(out.join("en/search/x")).unwrap(), "idx");
        let failed = write_with(root.path(), &out, false, &[file("index.html", "new")], || {
            Err(Error::Search("indexing failed".into()))
        });
        assert!(matches!(failed, Err(Error::Search(_))));
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "page");
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn folders_are_exchanged_in_one_step() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = (root.path().join("a"), root.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("new"), "").unwrap();
        std::fs::write(b.join("old"), "").unwrap();
        assert!(exchange(&a, &b));
        assert!(b.join("new").exists() && a.join("old").exists());
    }

    /// A folder helpgen did not write is never emptied by mistake.
    #[test]
    fn a_foreign_folder_is_replaced_only_when_forced() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("mine");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = write(root.path(), &out, &[file("index.html", "x")]).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
        write_with(root.path(), &out, true, &[file("index.html", "x")], || Ok(Vec::new())).unwrap();
        assert!(out.join(MARKER).is_file() && !out.join("notes.txt").exists());
        // Now it is helpgen's: replaced without asking.
        write(root.path(), &out, &[file("index.html", "y")]).unwrap();
    }

    /// A build killed between its two renames left the old output aside:
    /// the next build puts it back; staging folders of dead builds go.
    #[test]
    fn leftovers_of_killed_builds_are_restored_or_removed() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let dead = u32::MAX;
        let previous = root.path().join(format!(".public.previous-{dead}"));
        std::fs::create_dir_all(&previous).unwrap();
        std::fs::write(previous.join(MARKER), "").unwrap();
        std::fs::write(previous.join("index.html"), "old").unwrap();
        let staging = root.path().join(format!(".public.staging-{dead}"));
        std::fs::create_dir_all(staging.join("en")).unwrap();
        recover_leftovers(root.path(), "public", &out);
        if cfg!(target_os = "linux") {
            assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "old");
            assert!(!staging.exists() && !previous.exists());
        }
        write(root.path(), &out, &[file("index.html", "new")]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
    }

    #[test]
    fn refuses_outputs_that_would_destroy_sources() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("content/en")).unwrap();
        for bad in
            [root.path().to_path_buf(), root.path().join("content/en"), root.path().parent().unwrap().to_path_buf()]
        {
            assert!(write(root.path(), &bad, &[file("x.html", "x")]).is_err(), "{}", bad.display());
        }
        assert!(root.path().join("content/en").is_dir());
    }
}
