//! Stage 5, write: put the rendered files on disk without ever leaving a
//! half-written site. Files go to a staging folder beside the output, which
//! replaces the output only once everything is written; on any failure the
//! previous output is untouched. A folder
//! helpgen did not write is never replaced unless asked, and the leftovers
//! of killed builds are cleared (or restored) by the next one.
//!
//! The output a swap replaces is kept beside it as the spare
//! (`.public.spare`), and the next build starts its staging folder from it:
//! only files whose bytes changed are written (`tree`).

mod tree;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::render::OutputFile;
use tree::Tree;
pub use tree::WriteReport;

/// The file that marks a folder as a site helpgen wrote, so it may replace it.
pub const MARKER: &str = ".helpgen-output";

/// Writes `files` as the whole site (see `write_streamed`).
pub fn write(root: &Path, output: &Path, files: &[OutputFile]) -> Result<WriteReport> {
    write_streamed(root, output, false, |sink| sink.write(files))
}

/// Files handed over while they are made: each batch is written at once
/// into the staging folder, so a build need not hold its whole site.
pub struct Sink<'a> {
    tree: Tree<'a>,
    report: WriteReport,
    /// Every file written so far, which the output keeps.
    paths: Vec<String>,
    /// The marker is written.
    marked: bool,
}

impl Sink<'_> {
    pub fn write(&mut self, files: &[OutputFile]) -> Result<()> {
        self.report += self.tree.write(files)?;
        self.paths.extend(files.iter().map(|f| f.path.clone()));
        self.mark()
    }

    /// Once a first batch is written, what a failure leaves in the staging
    /// folder is known as helpgen's, and kept to start the next build from.
    fn mark(&mut self) -> Result<()> {
        if !self.marked {
            self.marked = true;
            self.write(&[OutputFile::new(MARKER, MARKER_TEXT)])?;
        }
        Ok(())
    }
}

/// Writes the site whose files `produce` hands to the sink as it makes
/// them. The output is replaced only once `produce` has succeeded; if it
/// fails, the previous output is left as it was. `force`: replace an
/// output folder that holds files helpgen did not write.
pub fn write_streamed(
    root: &Path,
    output: &Path,
    force: bool,
    produce: impl FnOnce(&mut Sink) -> Result<()>,
) -> Result<WriteReport> {
    let output = check_location(root, output)?;
    let parent = output.parent().unwrap_or(Path::new("."));
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    std::fs::create_dir_all(parent).map_err(Error::io("create", parent))?;
    recover_leftovers(parent, &name, &output);
    if !force {
        check_ours(&output)?;
    }
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let spare = parent.join(format!(".{name}.spare"));
    let result = claim(&spare, &staging).and_then(|tree| {
        let mut sink = Sink { tree, report: WriteReport::default(), paths: Vec::new(), marked: false };
        produce(&mut sink)?;
        sink.mark()?;
        let Sink { tree, report, paths, .. } = sink;
        tree.prune(paths.iter().map(String::as_str))?;
        flush(&staging)?;
        let replaced = swap_in(&staging, &output, &parent.join(format!(".{name}.previous-{pid}")))?;
        if let Some(replaced) = replaced {
            keep_as_spare(&replaced, &spare);
        }
        Ok(report)
    });
    if result.is_err() {
        // Half updated, but still a fine start for the next build, which
        // compares every file anyway.
        if staging.join(MARKER).is_file() {
            keep_as_spare(&staging, &spare);
        } else {
            let _ = std::fs::remove_dir_all(&staging);
        }
    }
    result
}

const MARKER_TEXT: &str = "This folder was written by helpgen; the next build replaces it.\n";

/// Starts the staging folder from the spare when there is one of helpgen's
/// (taken by a rename, so two builds never share it), else empty.
fn claim<'a>(spare: &Path, staging: &'a Path) -> Result<Tree<'a>> {
    clear(staging)?;
    // A folder of that name without the marker is not helpgen's: it is
    // neither used nor removed.
    if spare.join(MARKER).is_file() && std::fs::rename(spare, staging).is_ok() {
        return Ok(Tree { dir: staging, fresh: false });
    }
    std::fs::create_dir_all(staging).map_err(Error::io("create", staging))?;
    Ok(Tree { dir: staging, fresh: true })
}

/// The folder the swap replaced becomes the next build's spare, if it is
/// helpgen's (a folder replaced with `--force` is not kept). Git is told to
/// ignore it (the file goes when the folder is claimed, as it is not part
/// of the site); if the place is taken, the folder goes.
fn keep_as_spare(replaced: &Path, spare: &Path) {
    let ours = replaced.join(MARKER).is_file();
    let ignored = "# The previous site, kept to make the next build faster.\n*\n";
    if !ours
        || std::fs::write(replaced.join(".gitignore"), ignored).is_err()
        || std::fs::rename(replaced, spare).is_err()
    {
        let _ = std::fs::remove_dir_all(replaced);
    }
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

/// Puts the new output in place of the old, in one atomic exchange where
/// the system has it, else by moving the old aside first (a kill between
/// the two moves is repaired by the next build). Returns where the old
/// output is now, if there was one.
fn swap_in(staging: &Path, output: &Path, previous: &Path) -> Result<Option<PathBuf>> {
    if !output.exists() {
        std::fs::rename(staging, output).map_err(Error::io("replace", output))?;
        return Ok(None);
    }
    if exchange(staging, output) {
        return Ok(Some(staging.to_path_buf()));
    }
    if previous.exists() {
        std::fs::remove_dir_all(previous).map_err(Error::io("remove", previous))?;
    }
    std::fs::rename(output, previous).map_err(Error::io("move aside", output))?;
    if let Err(e) = std::fs::rename(staging, output) {
        let _ = std::fs::rename(previous, output);
        return Err(Error::io("replace", output)(e));
    }
    Ok(Some(previous.to_path_buf()))
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
    use crate::render::FileContent;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text.as_bytes())
    }

    #[test]
    fn replaces_the_previous_output_whole() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("a/index.html", "one"), file("old.html", "x")]).unwrap();
        let report = write(root.path(), &out, &[file("a/index.html", "two")]).unwrap();
        let marker = MARKER_TEXT.len() as u64;
        assert_eq!(report, WriteReport { files: 2, bytes: 3 + marker, written: 2 });
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        let mut beside: Vec<_> = std::fs::read_dir(root.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        beside.sort();
        assert_eq!(beside, [".public.spare", "public"]);
    }

    /// The replaced output is the next build's starting point: a rebuild
    /// writes what differs from it and removes what the site no longer has.
    #[test]
    fn a_rebuild_writes_only_what_changed() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let site = [file("a/index.html", "one"), file("b/index.html", "two"), file("old.html", "x")];
        write(root.path(), &out, &site).unwrap();
        write(root.path(), &out, &site).unwrap();
        let spare = root.path().join(".public.spare");
        assert!(spare.join(".gitignore").is_file());
        assert_eq!(write(root.path(), &out, &site).unwrap().written, 0);
        let changed = [file("a/index.html", "ONE"), file("b/index.html", "two")];
        let report = write(root.path(), &out, &changed).unwrap();
        assert_eq!((report.files, report.written), (3, 1));
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "ONE");
        assert!(!out.join("old.html").exists() && !out.join(".gitignore").exists());
        // The spare is the site before: the next build catches up with both.
        assert_eq!(write(root.path(), &out, &changed).unwrap().written, 1);
        assert_eq!(write(root.path(), &out, &changed).unwrap().written, 0);
    }

    /// A file handed over in pieces is whole, however much longer the
    /// spare's version of it is, and counts once.
    #[test]
    fn a_file_in_pieces_is_written_whole_over_the_spare() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let piece = |text: &str| OutputFile {
            path: "en/full.txt".to_string(),
            content: FileContent::Appended(text.as_bytes().to_vec()),
        };
        let build = |parts: &[&str]| {
            write_streamed(root.path(), &out, false, |sink| {
                sink.write(&[file("en/full.txt", parts[0]), file("a.html", "a")])?;
                for part in &parts[1..] {
                    sink.write(&[piece(part)])?;
                }
                Ok(())
            })
            .unwrap()
        };
        build(&["one ", "two ", "three"]);
        build(&["one ", "two ", "three, longer"]);
        let report = build(&["1 ", "2"]);
        assert_eq!(std::fs::read_to_string(out.join("en/full.txt")).unwrap(), "1 2");
        assert_eq!((report.files, report.written), (3, 1));
        assert_eq!(report.bytes, 3 + 1 + MARKER_TEXT.len() as u64);
    }

    /// A folder named like the spare that is not helpgen's is neither
    /// built upon nor removed; nor is a forced-over folder kept as a spare.
    #[test]
    fn only_helpgens_folders_become_spares() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let spare = root.path().join(".public.spare");
        std::fs::create_dir_all(&spare).unwrap();
        std::fs::write(spare.join("index.html"), "page").unwrap();
        for _ in 0..3 {
            assert_eq!(write(root.path(), &out, &[file("index.html", "page")]).unwrap().written, 2);
        }
        assert_eq!(std::fs::read_dir(&spare).unwrap().count(), 1);
        let mine = root.path().join("mine");
        std::fs::create_dir_all(&mine).unwrap();
        std::fs::write(mine.join("notes.txt"), "mine").unwrap();
        write_streamed(root.path(), &mine, true, |sink| sink.write(&[file("index.html", "x")])).unwrap();
        assert!(!root.path().join(".mine.spare").exists());
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
        let report = write_streamed(root.path(), &out, false, |sink| {
            sink.write(&[file("index.html", "page")])?;
            sink.write(&[file("en/search/x", "idx")])
        })
        .unwrap();
        assert_eq!(report, WriteReport { files: 3, bytes: 7 + MARKER_TEXT.len() as u64, written: 3 });
        assert_eq!(std::fs::read_to_string(out.join("en/search/x")).unwrap(), "idx");
        let failed = write_streamed(root.path(), &out, false, |sink| {
            sink.write(&[file("index.html", "new")])?;
            Err(Error::Search("indexing failed".into()))
        });
        assert!(matches!(failed, Err(Error::Search(_))));
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "page");
        // What was written is kept as the next build's start, never as the site.
        let mut beside: Vec<_> = std::fs::read_dir(root.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        beside.sort();
        assert_eq!(beside, [".public.spare", "public"]);
        assert_eq!(std::fs::read_to_string(root.path().join(".public.spare/index.html")).unwrap(), "new");
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
        write_streamed(root.path(), &out, true, |sink| sink.write(&[file("index.html", "x")])).unwrap();
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
