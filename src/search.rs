//! Stage between render and write: the search index. Pagefind reads the
//! rendered article pages from memory and returns its bundle (one index per
//! `<html lang>`, with the `offer` filter the templates mark), which is
//! written with the rest of the site under `pagefind/`.

use crate::error::Result;
use crate::render::{FileContent, OutputFile, SEARCH_DIR};

/// Pagefind's own search interfaces: the theme has its own search box, so
/// these 430 KB would only be dead weight in the output.
const UNUSED_UI: &[&str] = &["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."];

/// Marks the part of a page that is indexed; pages without it are not.
const BODY_MARKER: &[u8] = b"data-pagefind-body";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchReport {
    pub pages: usize,
    pub files: usize,
}

/// The rendered pages that carry an index body, with their root-relative URL.
fn indexable(files: &[OutputFile]) -> impl Iterator<Item = (String, &[u8])> {
    files.iter().filter_map(|file| {
        let FileContent::Bytes(bytes) = &file.content else { return None };
        let dir = file.path.strip_suffix("index.html")?;
        memchr::memmem::find(bytes, BODY_MARKER)?;
        Some((format!("/{dir}"), bytes.as_slice()))
    })
}

/// The bundle's files, to be written beside the pages.
#[cfg(feature = "search")]
pub fn index(files: &[OutputFile]) -> Result<(Vec<OutputFile>, SearchReport)> {
    use crate::error::Error;
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let failed = |e: &dyn std::fmt::Display| Error::Search(e.to_string());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| failed(&e))?;
    runtime.block_on(async {
        let options = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| failed(&e))?;
        let mut report = SearchReport::default();
        for (url, html) in indexable(files) {
            let html = String::from_utf8_lossy(html).into_owned();
            index.add_html_file(None, Some(url), html).await.map_err(|e| failed(&e))?;
            report.pages += 1;
        }
        let bundle = index.get_files().await.map_err(|e| failed(&e))?;
        let out: Vec<OutputFile> = bundle
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                let unused = UNUSED_UI.iter().any(|prefix| name.starts_with(prefix));
                (!unused).then(|| OutputFile::new(format!("{SEARCH_DIR}{name}"), file.contents))
            })
            .collect();
        report.files = out.len();
        Ok((out, report))
    })
}

/// Without the `search` feature there is nothing to index with.
#[cfg(not(feature = "search"))]
pub fn index(_files: &[OutputFile]) -> Result<(Vec<OutputFile>, SearchReport)> {
    Ok((Vec::new(), SearchReport::default()))
}
