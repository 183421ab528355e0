//! A language's search bundle kept between builds: a folder per language
//! holding the bundle and the digest of what it was made from (the pages
//! Pagefind reads, helpgen's version). A build whose pages of a language
//! are byte for byte those of the kept bundle takes it instead of indexing
//! again. Only ever a shortcut: a folder that cannot be read or written is
//! the same as none.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Indexable;
use crate::render::{OutputFile, SEARCH_DIR};

/// What a bundle depends on besides the pages: a new helpgen may index
/// differently, and so may a new Pagefind (raise this with its version).
const MADE_BY: &str = concat!("helpgen ", env!("CARGO_PKG_VERSION"), ", pagefind 1.6");

/// The file beside a kept bundle naming what it was made from.
const DIGEST_FILE: &str = "digest";

pub(super) struct SearchCache<'a> {
    dir: &'a Path,
}

impl<'a> SearchCache<'a> {
    pub(super) fn new(dir: &'a Path) -> SearchCache<'a> {
        SearchCache { dir }
    }

    /// The digest of one language's pages, in the order they are indexed.
    pub(super) fn digest(pages: &[Indexable]) -> String {
        let mut digest = Sha256::new();
        digest.update(MADE_BY.as_bytes());
        for page in pages {
            for part in [page.lang.as_bytes(), page.url.as_bytes(), page.html] {
                digest.update((part.len() as u64).to_le_bytes());
                digest.update(part);
            }
        }
        digest.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The bundle of `lang` kept for pages of this `digest`, if there is one.
    pub(super) fn load(&self, lang: &str, digest: &str) -> Option<Vec<OutputFile>> {
        let folder = self.dir.join(lang);
        if std::fs::read_to_string(folder.join(DIGEST_FILE)).ok()? != digest {
            return None;
        }
        let files = folder.join("files");
        let mut bundle = Vec::new();
        for entry in walkdir::WalkDir::new(&files) {
            let entry = entry.ok()?;
            if entry.file_type().is_file() {
                let name = entry.path().strip_prefix(&files).ok()?.to_str()?.replace('\\', "/");
                let bytes = std::fs::read(entry.path()).ok()?;
                bundle.push(OutputFile::new(format!("{lang}/{SEARCH_DIR}{name}"), bytes));
            }
        }
        bundle.sort_by(|a, b| a.path.cmp(&b.path));
        Some(bundle)
    }

    /// Keeps `bundle` as the one of `lang` for pages of this `digest`. It is
    /// written beside the kept one and takes its place in one rename, so a
    /// build stopped halfway leaves the old one or the new one.
    pub(super) fn store(&self, lang: &str, digest: &str, bundle: &[OutputFile]) -> std::io::Result<()> {
        let folder = self.dir.join(lang);
        let fresh = self.dir.join(format!(".{lang}.new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&fresh);
        let prefix = format!("{lang}/{SEARCH_DIR}");
        for file in bundle {
            let (Some(name), crate::render::FileContent::Bytes(bytes)) =
                (file.path.strip_prefix(&prefix), &file.content)
            else {
                continue;
            };
            let target = fresh.join("files").join(name);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, bytes)?;
        }
        std::fs::create_dir_all(&fresh)?;
        std::fs::write(fresh.join(DIGEST_FILE), digest)?;
        let old: PathBuf = self.dir.join(format!(".{lang}.old-{}", std::process::id()));
        if folder.exists() {
            std::fs::rename(&folder, &old)?;
        }
        std::fs::rename(&fresh, &folder)?;
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(url: &str, html: &'a [u8]) -> Indexable<'a> {
        Indexable { lang: "fr", url: url.to_string(), html }
    }

    #[test]
    fn a_kept_bundle_is_taken_only_for_the_same_pages() {
        let dir = tempfile::tempdir().expect("a folder");
        let cache = SearchCache::new(dir.path());
        let digest = SearchCache::digest(&[page("/fr/a/", b"<p>a</p>"), page("/fr/b/", b"<p>b</p>")]);
        let bundle =
            vec![OutputFile::new("fr/pagefind/pagefind.js", "js"), OutputFile::new("fr/pagefind/index/x.pf", "ix")];
        assert!(cache.load("fr", &digest).is_none());
        cache.store("fr", &digest, &bundle).expect("kept");
        assert_eq!(cache.load("fr", &digest), Some(vec![bundle[1].clone(), bundle[0].clone()]));
        // Any change to a page, its address, or the pages' split is another digest.
        for other in [
            vec![page("/fr/a/", b"<p>A</p>"), page("/fr/b/", b"<p>b</p>")],
            vec![page("/fr/c/", b"<p>a</p>"), page("/fr/b/", b"<p>b</p>")],
            vec![page("/fr/a/", b"<p>a</p><p>b</p>")],
        ] {
            let changed = SearchCache::digest(&other);
            assert_ne!(changed, digest);
            assert!(cache.load("fr", &changed).is_none());
        }
        // Stored again, the new bundle replaces the old one whole.
        cache.store("fr", "other", &bundle[..1]).expect("kept");
        assert_eq!(cache.load("fr", "other"), Some(vec![bundle[0].clone()]));
        assert!(cache.load("fr", &digest).is_none());
    }
}
