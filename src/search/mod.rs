//! Stage between render and write: the search index. Pagefind reads the
//! rendered article pages from memory and returns a bundle per language
//! (`<lang>/pagefind/`, with the `offer` filter the templates mark), written
//! with the rest of the site. Languages are indexed in parallel; a language
//! whose pages have not changed since a kept bundle takes it (`cache`).

mod cache;

use std::path::Path;

use cache::SearchCache;

use crate::error::Result;
use crate::render::{FileContent, OutputFile};

/// Pagefind's own search interfaces: the theme has its own search box, so
/// these 430 KB would only be dead weight in the output.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
const UNUSED_UI: &[&str] = &["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."];

/// Marks the part of a page that is indexed; pages without it are not.
const BODY_MARKER: &[u8] = b"data-pagefind-body";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchReport {
    pub pages: usize,
    pub files: usize,
    /// Languages whose bundle was taken from the cache, not made again.
    pub reused: usize,
}

/// A page to index: its language folder, root-relative URL and HTML.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
struct Indexable<'a> {
    lang: &'a str,
    url: String,
    html: &'a [u8],
}

/// The rendered pages that carry an index body, grouped by language folder
/// (the first segment of their path), in a stable order.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
fn by_language<'a>(pages: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<Vec<Indexable<'a>>> {
    let mut groups: std::collections::BTreeMap<&str, Vec<Indexable>> = Default::default();
    for (path, html) in pages {
        let Some(dir) = path.strip_suffix("index.html") else { continue };
        let Some((lang, _)) = dir.split_once('/') else { continue };
        if memchr::memmem::find(html, BODY_MARKER).is_some() {
            groups.entry(lang).or_default().push(Indexable { lang, url: format!("/{dir}"), html });
        }
    }
    groups.into_values().collect()
}

/// The bundles' files, to be written beside the pages; with a `cache`
/// folder, languages whose pages are those of a kept bundle take it.
pub fn index(files: &[OutputFile], cache: Option<&Path>) -> Result<(Vec<OutputFile>, SearchReport)> {
    let pages = files.iter().filter_map(|file| match &file.content {
        FileContent::Bytes(html) => Some((file.path.as_str(), html.as_slice())),
        // Pieces are of text files (`llms-full.txt`), never pages.
        FileContent::Copy(_) | FileContent::Appended(_) => None,
    });
    index_pages(pages, cache)
}

/// The same from pages held elsewhere, as (path, HTML), without copies.
#[cfg(feature = "search")]
pub fn index_pages<'a>(
    pages: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    cache: Option<&Path>,
) -> Result<(Vec<OutputFile>, SearchReport)> {
    let languages = by_language(pages);
    let cache = cache.map(SearchCache::new);
    let mut bundles = Vec::with_capacity(languages.len());
    // Pagefind holds a language's whole index until it is written: large
    // languages are indexed fewer at a time.
    let largest = languages.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let at_once = (PAGES_INDEXED_AT_ONCE / largest).max(1);
    for bundle in in_parallel(&languages, at_once, |pages| cached_or_indexed(pages, cache.as_ref())) {
        bundles.push(bundle?);
    }
    let mut report = SearchReport::default();
    let mut out = Vec::new();
    for (files, pages, reused) in bundles {
        report.pages += pages;
        report.reused += usize::from(reused);
        out.extend(files);
    }
    report.files = out.len();
    Ok((out, report))
}

/// How many pages may be in the indexes being made at one time: each
/// language's index holds about 170 MB per 1,000 pages until it is written,
/// so this bounds the search stage near 3.5 GB however large the site.
#[cfg(feature = "search")]
const PAGES_INDEXED_AT_ONCE: usize = 20_000;

/// `work` done on each item, on one more thread than there are cores
/// (rather than rayon's one per core), at most `limit`: indexing one
/// language is serial, and with three languages on two cores the third
/// would otherwise wait for a free core instead of sharing them. Results
/// come back in the items' order.
#[cfg(feature = "search")]
fn in_parallel<T: Sync, R: Send>(items: &[T], limit: usize, work: impl Fn(&T) -> Result<R> + Sync) -> Vec<Result<R>> {
    use std::sync::atomic::{AtomicUsize, Ordering};

    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..items.len().min(cores + 1).min(limit.max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { return done };
                        done.push((i, work(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker.join().unwrap_or_else(|_| {
                    vec![(
                        usize::MAX,
                        Err(crate::error::Error::Search("an indexing thread stopped unexpectedly".into())),
                    )]
                })
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

/// One language's bundle: the kept one if its pages are unchanged, else
/// made again (and kept); with whether it was kept.
#[cfg(feature = "search")]
fn cached_or_indexed(pages: &[Indexable], cache: Option<&SearchCache>) -> Result<(Vec<OutputFile>, usize, bool)> {
    let (Some(cache), Some(lang)) = (cache, pages.first().map(|page| page.lang)) else {
        let (files, count) = index_language(pages)?;
        return Ok((files, count, false));
    };
    let digest = SearchCache::digest(pages);
    if let Some(bundle) = cache.load(lang, &digest) {
        return Ok((bundle, pages.len(), true));
    }
    let (files, count) = index_language(pages)?;
    // A cache that cannot be written only makes the next build slower.
    let _ = cache.store(lang, &digest, &files);
    Ok((files, count, false))
}

/// One language's bundle, from pages that all share that language.
#[cfg(feature = "search")]
fn index_language(pages: &[Indexable]) -> Result<(Vec<OutputFile>, usize)> {
    use crate::error::Error;
    use crate::render::SEARCH_DIR;
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let Some(lang) = pages.first().map(|page| page.lang) else { return Ok((Vec::new(), 0)) };
    let failed = |e: &dyn std::fmt::Display| Error::Search(format!("{lang}: {e}"));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| failed(&e))?;
    runtime.block_on(async {
        // The folder decides the language, as it does for the pages themselves.
        let options = PagefindServiceConfig::builder().force_language(lang.to_string()).build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| failed(&e))?;
        for page in pages {
            let html = String::from_utf8_lossy(page.html).into_owned();
            index.add_html_file(None, Some(page.url.clone()), html).await.map_err(|e| failed(&e))?;
        }
        let bundle = index.get_files().await.map_err(|e| failed(&e))?;
        let files = bundle
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                let unused = UNUSED_UI.iter().any(|prefix| name.starts_with(prefix));
                (!unused).then(|| OutputFile::new(format!("{lang}/{SEARCH_DIR}{name}"), file.contents))
            })
            .collect();
        Ok((files, pages.len()))
    })
}

/// Without the `search` feature there is nothing to index with.
#[cfg(not(feature = "search"))]
pub fn index_pages<'a>(
    _pages: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    _cache: Option<&Path>,
) -> Result<(Vec<OutputFile>, SearchReport)> {
    Ok((Vec::new(), SearchReport::default()))
}

#[cfg(all(test, feature = "search"))]
mod tests {
    use super::*;

    #[test]
    fn parallel_work_covers_every_item_once_and_keeps_their_order() {
        let items: Vec<usize> = (0..40).collect();
        let threads = std::sync::Mutex::new(std::collections::HashSet::new());
        let done = in_parallel(&items, usize::MAX, |&n| {
            threads.lock().unwrap().insert(std::thread::current().id());
            if n == 7 {
                Err(crate::error::Error::Search("seven".into()))
            } else {
                Ok(n * 2)
            }
        });
        let doubled: Vec<_> = done.iter().map(|r| r.as_ref().ok().copied()).collect();
        let expected: Vec<_> = items.iter().map(|&n| (n != 7).then_some(n * 2)).collect();
        assert_eq!(doubled, expected);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        assert!(threads.lock().unwrap().len() <= cores + 1);
        // A limit of one: one thread does it all, in order.
        let one = std::sync::Mutex::new(std::collections::HashSet::new());
        let done = in_parallel(&items, 1, |&n| {
            one.lock().unwrap().insert(std::thread::current().id());
            Ok(n)
        });
        assert_eq!(done.into_iter().map(Result::unwrap).collect::<Vec<_>>(), items);
        assert_eq!(one.lock().unwrap().len(), 1);
    }
}
