//! The site `serve` shows, held in memory: every file of a build by its
//! path, pages with the live-reload script added. A URL is only ever looked
//! up in this map, never joined to a folder, so no request can reach a file
//! outside the site.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use percent_encoding::percent_decode_str;

use crate::render::{FileContent, OutputFile, SEARCH_DIR};

/// Where the live-reload script and its stylesheet are served.
pub const LIVE_PREFIX: &str = "/__helpgen/";

/// What each page loads to reload itself and show content errors. A module
/// script and a stylesheet from the site, so the pages' own policy allows
/// them.
const LIVE_TAGS: &str = "<link rel=\"stylesheet\" href=\"/__helpgen/live.css\">\n\
                         <script type=\"module\" src=\"/__helpgen/live.js\"></script>\n";

#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Arc<[u8]>),
    /// An image, read from the content folder when asked for.
    File(PathBuf),
}

/// What a URL path finds.
#[derive(Debug)]
pub enum Found<'a> {
    File {
        body: &'a Body,
        path: &'a str,
    },
    /// A folder's URL without its final `/`: the browser is sent on to it.
    Redirect,
    /// Nothing there; the body is the site's 404 page, if it has one.
    Missing(Option<&'a Body>),
    /// A path that climbs out of the site or is not one at all.
    Refused,
}

#[derive(Debug, Default)]
pub struct LiveSite {
    files: HashMap<String, Body>,
}

impl LiveSite {
    /// Puts in new versions of some files; returns the URL paths of the
    /// pages among them.
    pub fn update(&mut self, files: Vec<OutputFile>) -> Vec<String> {
        let mut pages = Vec::new();
        for file in files {
            let body = match file.content {
                FileContent::Bytes(bytes) if file.path.ends_with(".html") => {
                    pages.push(format!("/{}", file.path.strip_suffix("index.html").unwrap_or(&file.path)));
                    Body::Bytes(with_live_tags(bytes).into())
                }
                FileContent::Bytes(bytes) => Body::Bytes(bytes.into()),
                FileContent::Copy(path) => Body::File(path),
                FileContent::Appended(more) => match self.files.get(&file.path) {
                    Some(Body::Bytes(begun)) => Body::Bytes([begun.as_ref(), &more].concat().into()),
                    _ => Body::Bytes(more.into()),
                },
            };
            self.files.insert(file.path, body);
        }
        pages
    }

    /// The site after a full rebuild: these files, and the search index
    /// of the last one until a new index replaces it.
    pub fn replace(&mut self, files: Vec<OutputFile>) {
        self.files.retain(|path, _| path.contains(SEARCH_DIR));
        self.update(files);
    }

    /// Every page, for the search index: the bytes are shared, not copied.
    pub fn pages(&self) -> Vec<(String, Arc<[u8]>)> {
        let pages = self.files.iter().filter(|(path, _)| path.ends_with(".html"));
        pages
            .filter_map(|(path, body)| match body {
                Body::Bytes(bytes) => Some((path.clone(), Arc::clone(bytes))),
                Body::File(_) => None,
            })
            .collect()
    }

    /// The file a URL path (without its query) names: `/en/a/` is
    /// `en/a/index.html`. The path is decoded first, so encoded dots or
    /// slashes cannot climb out.
    pub fn find(&self, url_path: &str) -> Found<'_> {
        let Ok(decoded) = percent_decode_str(url_path).decode_utf8() else { return Found::Refused };
        let Some(relative) = decoded.strip_prefix('/') else { return Found::Refused };
        let climbs = relative.split('/').any(|part| part == ".." || part == ".");
        if climbs || relative.contains(['\\', '\0']) || relative.contains("//") {
            return Found::Refused;
        }
        let key = if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_string()
        };
        if let Some((path, body)) = self.files.get_key_value(&key) {
            return Found::File { body, path };
        }
        if self.files.contains_key(&format!("{relative}/index.html")) {
            return Found::Redirect;
        }
        let lang = relative.split('/').next().unwrap_or_default();
        Found::Missing(self.files.get(&format!("{lang}/404.html")).or_else(|| self.files.get("404.html")))
    }
}

/// The page with the live-reload tags at the end of its head.
fn with_live_tags(mut html: Vec<u8>) -> Vec<u8> {
    let at = memchr::memmem::find(&html, b"</head>").unwrap_or(html.len());
    html.splice(at..at, LIVE_TAGS.bytes());
    html
}

/// The type a file is served as, by its name.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        // The articles' Markdown twins, shown as text.
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_twins_are_served_as_text() {
        assert_eq!(content_type("en/start/index.md"), "text/markdown; charset=utf-8");
        assert_eq!(content_type("en/llms-full.txt"), "text/plain; charset=utf-8");
    }

    fn site() -> LiveSite {
        let mut site = LiveSite::default();
        site.replace(vec![
            OutputFile::new("index.html", "<html><head></head></html>"),
            OutputFile::new("en/a/index.html", "<html><head><title>A</title></head><body>A</body></html>"),
            OutputFile::new("en/404.html", "<html><head></head><body>none</body></html>"),
            OutputFile::new("assets/site.css", "p {}"),
        ]);
        site
    }

    #[test]
    fn pages_are_found_by_their_folder_and_carry_the_live_tags() {
        let site = site();
        let Found::File { body: Body::Bytes(page), path } = site.find("/en/a/") else { panic!("not found") };
        assert_eq!(path, "en/a/index.html");
        let page = String::from_utf8_lossy(page);
        assert!(page.contains("<title>A</title><link rel=\"stylesheet\" href=\"/__helpgen/live.css\">"), "{page}");
        assert!(matches!(site.find("/en/a"), Found::Redirect));
        assert!(matches!(site.find("/assets/site.css"), Found::File { path: "assets/site.css", .. }));
        assert!(matches!(site.find("/"), Found::File { path: "index.html", .. }));
        assert!(matches!(site.find("/en/nothing/"), Found::Missing(Some(_))));
    }

    #[test]
    fn paths_that_climb_out_are_refused_however_they_are_written() {
        let site = site();
        for path in ["/../Cargo.toml", "/en/../../x", "/%2e%2e/x", "/en/%2E%2E%2Fx", "/en/..%5cx", "/./x", "x", "/%ff"]
        {
            assert!(matches!(site.find(path), Found::Refused), "{path}");
        }
    }

    #[test]
    fn updates_name_the_pages_they_change() {
        let mut site = site();
        let pages = site.update(vec![
            OutputFile::new("en/a/index.html", "<html><head></head>new</html>"),
            OutputFile::new("assets/site.css", "p { color: red }"),
        ]);
        assert_eq!(pages, ["/en/a/"]);
        assert_eq!(site.pages().len(), 3);
    }
}
