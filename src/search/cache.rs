//! Search bundles kept between builds: a folder per part of a language's
//! index, holding the bundle and the digest of what it was made from (the
//! pages Pagefind reads, helpgen's version). A build whose part has byte
//! for byte the pages of the kept bundle takes it instead of indexing
//! again. Only ever a shortcut: a folder that cannot be read or written is
//! the same as none.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::indexer::Part;
use crate::render::OutputFile;

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

    /// The digest of one part's pages, in the order they are indexed.
    pub(super) fn digest(part: &Part) -> String {
        let mut digest = Sha256::new();
        digest.update(MADE_BY.as_bytes());
        for page in &part.pages {
            for bytes in [part.lang.as_bytes(), page.url.as_bytes(), &page.html] {
                digest.update((bytes.len() as u64).to_le_bytes());
                digest.update(bytes);
            }
        }
        digest.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The bundle kept as `key` for pages of this `digest`, if there is
    /// one, with its files in the output folder `dir`.
    pub(super) fn load(&self, key: &str, dir: &str, digest: &str) -> Option<Vec<OutputFile>> {
        let folder = self.dir.join(key);
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
                bundle.push(OutputFile::new(format!("{dir}{name}"), bytes));
            }
        }
        bundle.sort_by(|a, b| a.path.cmp(&b.path));
        Some(bundle)
    }

    /// Keeps `bundle`, whose files are in the output folder `dir`, as `key`
    /// for pages of this `digest`. It is written beside the kept one and
    /// takes its place in one rename, so a build stopped halfway leaves the
    /// old one or the new one.
    pub(super) fn store(&self, key: &str, dir: &str, digest: &str, bundle: &[OutputFile]) -> std::io::Result<()> {
        let folder = self.dir.join(key);
        let fresh = self.dir.join(format!(".{key}.new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&fresh);
        for file in bundle {
            let (Some(name), crate::render::FileContent::Bytes(bytes)) = (file.path.strip_prefix(dir), &file.content)
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
        let old: PathBuf = self.dir.join(format!(".{key}.old-{}", std::process::id()));
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
    use crate::search::indexer::Indexable;

    fn part(pages: &[(&str, &[u8])]) -> Part {
        let pages = pages.iter().map(|(url, html)| Indexable { url: url.to_string(), html: html.to_vec() }).collect();
        Part { lang: "fr".to_string(), number: 1, pages }
    }

    #[test]
    fn a_kept_bundle_is_taken_only_for_the_same_pages() {
        let dir = tempfile::tempdir().expect("a folder");
        let cache = SearchCache::new(dir.path());
        let kept = part(&[("/fr/a/", b"<p>a</p>"), ("/fr/b/", b"<p>b</p>")]);
        let (key, at) = (kept.key(), kept.dir());
        assert_eq!((key.as_str(), at.as_str()), ("fr.1", "fr/pagefind/part/1/"));
        let digest = SearchCache::digest(&kept);
        let bundle = vec![
            OutputFile::new("fr/pagefind/part/1/pagefind.js", "js"),
            OutputFile::new("fr/pagefind/part/1/index/x.pf", "ix"),
        ];
        assert!(cache.load(&key, &at, &digest).is_none());
        cache.store(&key, &at, &digest, &bundle).expect("kept");
        assert_eq!(cache.load(&key, &at, &digest), Some(vec![bundle[1].clone(), bundle[0].clone()]));
        // Any change to a page, its address, or the pages' split is another digest.
        for other in [
            part(&[("/fr/a/", b"<p>A</p>"), ("/fr/b/", b"<p>b</p>")]),
            part(&[("/fr/c/", b"<p>a</p>"), ("/fr/b/", b"<p>b</p>")]),
            part(&[("/fr/a/", b"<p>a</p><p>b</p>")]),
        ] {
            let changed = SearchCache::digest(&other);
            assert_ne!(changed, digest);
            assert!(cache.load(&key, &at, &changed).is_none());
        }
        // Stored again, the new bundle replaces the old one whole.
        cache.store(&key, &at, "other", &bundle[..1]).expect("kept");
        assert_eq!(cache.load(&key, &at, "other"), Some(vec![bundle[0].clone()]));
        assert!(cache.load(&key, &at, &digest).is_none());
    }
}
