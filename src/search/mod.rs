//! Stage between render and write: the search index. Pagefind reads the
//! rendered article pages from memory and returns a bundle per part of a
//! language (`<lang>/pagefind/`, with the `offer` filter the templates
//! mark), written with the rest of the site. A large language is cut into
//! parts that the search box merges; a part whose pages have not changed
//! since a kept bundle takes it (`cache`).

mod cache;
mod indexer;

pub use indexer::{IndexOptions, Indexer};

use crate::error::Result;
use crate::render::OutputFile;

/// Beside a language's first bundle: the folders of the others, which the
/// search box merges into it, as a JSON list relative to that bundle.
pub const PARTS_FILE: &str = "parts.json";

/// Pages one index holds unless the site says otherwise: Pagefind keeps
/// about 170 KB per page until the bundle is written, so two parts made
/// side by side stay near 700 MB.
pub const PAGES_PER_INDEX: usize = 2_000;

/// Pagefind's own search interfaces: the theme has its own search box, so
/// these 430 KB would only be dead weight in the output.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
const UNUSED_UI: &[&str] = &["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."];

/// Whether a bundle's file is read when the bundle is merged into the
/// first one: its index, not the script and WebAssembly, which are the
/// first bundle's.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
fn read_when_merged(name: &str) -> bool {
    name == "pagefind-entry.json"
        || name.ends_with(".pf_meta")
        || ["index/", "filter/", "fragment/"].iter().any(|folder| name.starts_with(folder))
}

/// Marks the part of a page that is indexed; pages without it are not.
const BODY_MARKER: &[u8] = b"data-pagefind-body";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchReport {
    pub pages: usize,
    pub files: usize,
    /// Bundles made, or taken: one per part of a language.
    pub indexes: usize,
    /// Bundles taken from the cache, not made again.
    pub reused: usize,
}

/// The bundles of pages held elsewhere, as (path, HTML), in any order:
/// each language's pages are indexed in the order of their paths.
pub fn index_pages<'a>(
    pages: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    options: IndexOptions,
) -> Result<(Vec<OutputFile>, SearchReport)> {
    let mut pages: Vec<(&str, &[u8])> = pages.into_iter().collect();
    pages.sort_by_key(|(path, _)| *path);
    let mut indexer = Indexer::start(options);
    indexer.add(pages.into_iter().map(|(path, html)| OutputFile::new(path, html)).collect())?;
    indexer.finish()
}

/// One part's bundle.
#[cfg(feature = "search")]
fn index_part(part: &indexer::Part) -> Result<Vec<OutputFile>> {
    use crate::error::Error;
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let (lang, dir) = (&part.lang, part.dir());
    let failed = |e: &dyn std::fmt::Display| Error::Search(format!("{lang}: {e}"));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| failed(&e))?;
    runtime.block_on(async {
        // The folder decides the language, as it does for the pages themselves.
        let options = PagefindServiceConfig::builder().force_language(lang.to_string()).build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| failed(&e))?;
        for page in &part.pages {
            let html = String::from_utf8_lossy(&page.html).into_owned();
            index.add_html_file(None, Some(page.url.clone()), html).await.map_err(|e| failed(&e))?;
        }
        let bundle = index.get_files().await.map_err(|e| failed(&e))?;
        let files = bundle
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                let unused = UNUSED_UI.iter().any(|prefix| name.starts_with(prefix))
                    || (part.number > 0 && !read_when_merged(&name));
                (!unused).then(|| OutputFile::new(format!("{dir}{name}"), file.contents))
            })
            .collect();
        Ok(files)
    })
}

/// Without the `search` feature there is nothing to index with.
#[cfg(not(feature = "search"))]
fn index_part(_part: &indexer::Part) -> Result<Vec<OutputFile>> {
    Ok(Vec::new())
}
