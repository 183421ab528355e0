//! Stage between render and write: the search index. Pagefind reads the
//! rendered article pages from memory and returns a bundle per language
//! (`<lang>/pagefind/`, with the `offer` filter the templates mark), written
//! with the rest of the site. Languages are indexed in parallel.

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
fn by_language(files: &[OutputFile]) -> Vec<Vec<Indexable<'_>>> {
    let mut groups: std::collections::BTreeMap<&str, Vec<Indexable>> = Default::default();
    for file in files {
        let FileContent::Bytes(html) = &file.content else { continue };
        let Some(dir) = file.path.strip_suffix("index.html") else { continue };
        let Some((lang, _)) = dir.split_once('/') else { continue };
        if memchr::memmem::find(html, BODY_MARKER).is_some() {
            groups.entry(lang).or_default().push(Indexable { lang, url: format!("/{dir}"), html });
        }
    }
    groups.into_values().collect()
}

/// The bundles' files, to be written beside the pages.
#[cfg(feature = "search")]
pub fn index(files: &[OutputFile]) -> Result<(Vec<OutputFile>, SearchReport)> {
    // One thread per language rather than rayon's one per core: indexing a
    // language is serial, and with more languages than cores the last ones
    // would otherwise wait for a free core instead of sharing them.
    let languages = by_language(files);
    let bundles: Vec<(Vec<OutputFile>, usize)> = std::thread::scope(|scope| {
        let running: Vec<_> = languages.iter().map(|pages| scope.spawn(move || index_language(pages))).collect();
        running
            .into_iter()
            .map(|thread| {
                thread.join().unwrap_or_else(|_| {
                    Err(crate::error::Error::Search("an indexing thread stopped unexpectedly".into()))
                })
            })
            .collect::<Result<_>>()
    })?;
    let mut report = SearchReport::default();
    let mut out = Vec::new();
    for (files, pages) in bundles {
        report.pages += pages;
        out.extend(files);
    }
    report.files = out.len();
    Ok((out, report))
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
pub fn index(_files: &[OutputFile]) -> Result<(Vec<OutputFile>, SearchReport)> {
    Ok((Vec::new(), SearchReport::default()))
}
