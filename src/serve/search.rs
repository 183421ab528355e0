//! Search for `serve`, indexed on a thread of its own so that no reload
//! waits for it: after the first build and after each change, the latest
//! pages are indexed (changes made meanwhile are taken together) and the
//! index files join the served site when they are ready.

use std::sync::mpsc::{self, Sender};
use std::sync::Arc;
use std::time::Instant;

use super::http::Shared;

pub struct Indexer {
    wanted: Sender<()>,
}

impl Indexer {
    /// `pages_per_index`: as the build cuts a language's index into parts.
    pub fn start(shared: Arc<Shared>, pages_per_index: usize) -> Indexer {
        let (wanted, requests) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            while requests.recv().is_ok() {
                // Asked again while indexing: one more run covers them all.
                while requests.try_recv().is_ok() {}
                let started = Instant::now();
                let pages = match shared.site.read() {
                    Ok(site) => site.pages(),
                    Err(_) => return,
                };
                let options = crate::search::IndexOptions { cache: None, pages_per_index };
                match crate::search::index_pages(pages.iter().map(|(path, html)| (path.as_str(), &html[..])), options) {
                    Ok((bundle, _)) => {
                        if let Ok(mut site) = shared.site.write() {
                            site.update(bundle);
                        }
                        eprintln!("Search index ready ({} ms)", started.elapsed().as_millis());
                    }
                    Err(e) => eprintln!("error: {e}"),
                }
            }
        });
        Indexer { wanted }
    }

    /// The pages changed: index them again when the indexer is free.
    pub fn refresh(&self) {
        let _ = self.wanted.send(());
    }
}
