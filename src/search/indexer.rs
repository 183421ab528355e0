//! Pages handed over as they are rendered, language by language, and cut
//! into parts of at most `pages_per_index` pages. Each part is indexed (or
//! taken from the cache) on a worker while later pages render; a part
//! waits for a free worker and for room in the budget of pages being
//! indexed, so the search stage holds about two parts' indexes at a time
//! however large the site. The search box merges a language's parts,
//! which `parts.json` lists.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::cache::SearchCache;
use super::{index_part, SearchReport, BODY_MARKER, PARTS_FILE};
use crate::error::{Error, Result};
use crate::render::{search_part_dir, FileContent, OutputFile, SEARCH_DIR};

/// A page to index: its root-relative URL and its HTML.
pub(super) struct Indexable {
    pub url: String,
    pub html: Vec<u8>,
}

/// Consecutive pages of one language, indexed together into one bundle.
pub(super) struct Part {
    pub lang: String,
    /// 0 for the language's first part.
    pub number: usize,
    pub pages: Vec<Indexable>,
}

impl Part {
    /// Where the part's bundle goes: the first one in `<lang>/pagefind/`,
    /// where the pages load Pagefind from, the others below it.
    pub fn dir(&self) -> String {
        match self.number {
            0 => format!("{}/{SEARCH_DIR}", self.lang),
            n => format!("{}/{SEARCH_DIR}{}", self.lang, search_part_dir(n)),
        }
    }

    /// The part's name in the cache: `fr`, `fr.2`.
    pub fn key(&self) -> String {
        match self.number {
            0 => self.lang.clone(),
            n => format!("{}.{n}", self.lang),
        }
    }
}

/// What a worker made of a part.
struct Indexed {
    lang: String,
    number: usize,
    files: Vec<OutputFile>,
    pages: usize,
    reused: bool,
}

pub struct IndexOptions {
    /// Where bundles are kept between builds, if anywhere.
    pub cache: Option<PathBuf>,
    /// The most pages one index holds: Pagefind keeps about 170 KB per
    /// page until a bundle is written.
    pub pages_per_index: usize,
}

/// Takes the rendered pages as they come and indexes them part by part.
pub struct Indexer {
    pages_per_index: usize,
    filling: Option<Part>,
    /// The language and number of the last part handed to the workers.
    last: Option<(String, usize)>,
    /// Languages whose pages have all come.
    done: Vec<String>,
    parts: Option<SyncSender<Part>>,
    budget: Arc<Budget>,
    workers: Vec<JoinHandle<()>>,
    /// Parts the workers are done with, in the order they finish.
    finished: Receiver<Result<Indexed>>,
    report: SearchReport,
    /// Each language's parts after the first, by number.
    extra: BTreeMap<String, Vec<usize>>,
}

/// The pages being indexed, bounded: each holds about 170 KB until its
/// part's bundle is written. Two full parts at a time; more smaller ones,
/// so that a site of small languages keeps every core busy to the end.
struct Budget {
    limit: usize,
    taken: Mutex<usize>,
    freed: Condvar,
}

impl Budget {
    /// Waits until `pages` more fit, or nothing is being indexed.
    fn take(&self, pages: usize) {
        let mut taken = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        while *taken > 0 && *taken + pages > self.limit {
            taken = self.freed.wait(taken).unwrap_or_else(PoisonError::into_inner);
        }
        *taken += pages;
    }

    fn give_back(&self, pages: usize) {
        let mut taken = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        *taken = taken.saturating_sub(pages);
        self.freed.notify_all();
    }
}

/// Pages taken from the budget, given back when dropped.
struct Room<'b> {
    budget: &'b Budget,
    pages: usize,
}

impl Drop for Room<'_> {
    fn drop(&mut self) {
        self.budget.give_back(self.pages);
    }
}

impl Indexer {
    /// One worker more than there are cores: indexing a part is serial,
    /// and with three small languages on two cores the third would
    /// otherwise wait for a free core instead of sharing them.
    pub fn start(options: IndexOptions) -> Indexer {
        let pages_per_index = options.pages_per_index.max(1);
        // No queue: a finished part waits in the hand of the page
        // renderer until a worker is free and the budget allows it.
        let (parts, waiting) = mpsc::sync_channel::<Part>(0);
        let waiting = Arc::new(Mutex::new(waiting));
        let budget =
            Arc::new(Budget { limit: pages_per_index.saturating_mul(2), taken: Mutex::new(0), freed: Condvar::new() });
        let (done, finished) = mpsc::channel();
        let cache = Arc::new(options.cache);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let workers = (0..=cores)
            .map(|_| {
                let (waiting, budget, cache, done) =
                    (Arc::clone(&waiting), Arc::clone(&budget), Arc::clone(&cache), done.clone());
                std::thread::spawn(move || {
                    work(&waiting, &budget, cache.as_deref().map(SearchCache::new).as_ref(), &done);
                })
            })
            .collect();
        Indexer {
            pages_per_index,
            filling: None,
            last: None,
            done: Vec::new(),
            parts: Some(parts),
            budget,
            workers,
            finished,
            report: SearchReport::default(),
            extra: BTreeMap::new(),
        }
    }

    /// The bundles of the parts finished since last asked, to be written
    /// at once rather than held to the end.
    pub fn take_finished(&mut self) -> Result<Vec<OutputFile>> {
        let mut files = Vec::new();
        while let Ok(part) = self.finished.try_recv() {
            files.extend(self.note(part?));
        }
        Ok(files)
    }

    /// Counts a finished part in the report and the parts' lists.
    fn note(&mut self, part: Indexed) -> Vec<OutputFile> {
        self.report.indexes += 1;
        self.report.pages += part.pages;
        self.report.reused += usize::from(part.reused);
        self.report.files += part.files.len();
        let listed = self.extra.entry(part.lang).or_default();
        if part.number > 0 {
            listed.push(part.number);
        }
        part.files
    }

    /// Takes the pages among `files` that carry an index body; the other
    /// files are dropped. A language's pages come one after another.
    pub fn add(&mut self, files: Vec<OutputFile>) -> Result<()> {
        for file in files {
            let FileContent::Bytes(html) = file.content else { continue };
            let Some(dir) = file.path.strip_suffix("index.html") else { continue };
            let Some((lang, _)) = dir.split_once('/') else { continue };
            if memchr::memmem::find(&html, BODY_MARKER).is_none() {
                continue;
            }
            let page = Indexable { url: format!("/{dir}"), html };
            self.part_for(lang)?.pages.push(page);
        }
        Ok(())
    }

    /// The part a page of `lang` goes into, beginning a new one when the
    /// current one is full or of another language.
    fn part_for(&mut self, lang: &str) -> Result<&mut Part> {
        let full = self.filling.as_ref().is_some_and(|p| p.lang != lang || p.pages.len() >= self.pages_per_index);
        if full {
            self.hand_over()?;
        }
        let part = match self.filling.take() {
            Some(part) => part,
            None => {
                let number = match &self.last {
                    Some((last, number)) if last == lang => number + 1,
                    _ if self.done.iter().any(|l| l == lang) => {
                        return Err(Error::Search(format!("{lang}: its pages came apart, after another language's")));
                    }
                    _ => 0,
                };
                Part { lang: lang.to_string(), number, pages: Vec::new() }
            }
        };
        Ok(self.filling.insert(part))
    }

    fn hand_over(&mut self) -> Result<()> {
        let Some(part) = self.filling.take() else { return Ok(()) };
        if let Some((last, _)) = &self.last {
            if *last != part.lang {
                self.done.push(last.clone());
            }
        }
        self.last = Some((part.lang.clone(), part.number));
        self.budget.take(part.pages.len());
        let stopped = || Error::Search("the indexing workers stopped unexpectedly".into());
        self.parts.as_ref().ok_or_else(stopped)?.send(part).map_err(|_| stopped())
    }

    /// Indexes what is left and returns the bundles not taken yet, with
    /// each language's list of its parts, and the report of them all.
    pub fn finish(mut self) -> Result<(Vec<OutputFile>, SearchReport)> {
        self.hand_over()?;
        // Closing the channel lets the workers end once the queue is empty.
        self.parts = None;
        for worker in std::mem::take(&mut self.workers) {
            worker.join().map_err(|_| Error::Search("an indexing thread stopped unexpectedly".into()))?;
        }
        let mut files = self.take_finished()?;
        for (lang, mut numbers) in std::mem::take(&mut self.extra) {
            numbers.sort_unstable();
            let dirs: Vec<String> = numbers.into_iter().map(search_part_dir).collect();
            // Serializing a list of strings cannot fail.
            let json = serde_json::to_string(&dirs).unwrap_or_default();
            files.push(OutputFile::new(format!("{lang}/{SEARCH_DIR}{PARTS_FILE}"), json));
            self.report.files += 1;
        }
        Ok((files, self.report))
    }
}

/// A worker: indexes the parts it receives until there are no more.
fn work(waiting: &Mutex<Receiver<Part>>, budget: &Budget, cache: Option<&SearchCache>, done: &Sender<Result<Indexed>>) {
    loop {
        // The lock is held only while waiting for a part, not while indexing.
        let part = match waiting.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(part) = part else { return };
        let pages = part.pages.len();
        // Given back however indexing ends, a panic included: the pages
        // waiting for room must not wait forever.
        let room = Room { budget, pages };
        let indexed = cached_or_indexed(&part, cache);
        let Part { lang, number, pages: held } = part;
        drop(held);
        drop(room);
        // The indexer is gone only when the build has stopped anyway.
        let _ = done.send(indexed.map(|(files, reused)| Indexed { lang, number, files, pages, reused }));
    }
}

/// A part's bundle: the kept one if its pages are unchanged, else made
/// again (and kept); with whether it was kept.
fn cached_or_indexed(part: &Part, cache: Option<&SearchCache>) -> Result<(Vec<OutputFile>, bool)> {
    let Some(cache) = cache else { return Ok((index_part(part)?, false)) };
    let digest = SearchCache::digest(part);
    if let Some(bundle) = cache.load(&part.key(), &part.dir(), &digest) {
        return Ok((bundle, true));
    }
    let files = index_part(part)?;
    // A cache that cannot be written only makes the next build slower.
    let _ = cache.store(&part.key(), &part.dir(), &digest, &files);
    Ok((files, false))
}

#[cfg(all(test, feature = "search"))]
mod tests {
    use super::*;

    fn page(path: &str, words: &str) -> OutputFile {
        OutputFile::new(
            path,
            format!("<html lang=\"en\"><body><main data-pagefind-body><p>{words}</p></main></body></html>"),
        )
    }

    fn indexer(pages_per_index: usize) -> Indexer {
        Indexer::start(IndexOptions { cache: None, pages_per_index })
    }

    #[test]
    fn a_language_is_cut_into_parts_listed_beside_the_first() {
        let mut indexer = indexer(2);
        let en = ["en/a/index.html", "en/b/index.html", "en/c/index.html"].map(|p| page(p, "shift planning"));
        indexer.add(en.to_vec()).expect("added");
        // Pages without an index body, and other files, are left out.
        let other = [OutputFile::new("en/d/index.html", "<p>no body</p>"), OutputFile::new("en/llms.txt", "x")];
        indexer.add([other.to_vec(), vec![page("fr/a/index.html", "planification")]].concat()).expect("added");
        let (files, report) = indexer.finish().expect("indexed");
        assert_eq!((report.pages, report.indexes, report.reused), (4, 3, 0));
        let listed = |lang: &str| {
            let path = format!("{lang}/{SEARCH_DIR}{PARTS_FILE}");
            files.iter().find(|f| f.path == path).map(|f| f.content.clone())
        };
        assert_eq!(listed("en"), Some(FileContent::Bytes(br#"["part/1/"]"#.to_vec())));
        assert_eq!(listed("fr"), Some(FileContent::Bytes(b"[]".to_vec())));
        let entry = |dir: &str| files.iter().any(|f| f.path == format!("{dir}pagefind-entry.json"));
        assert!(entry("en/pagefind/") && entry("en/pagefind/part/1/") && entry("fr/pagefind/"));
        // A merged part is read with the first part's script.
        assert!(files.iter().any(|f| f.path == "en/pagefind/pagefind.js"));
        assert!(!files.iter().any(|f| f.path.starts_with("en/pagefind/part/1/") && f.path.ends_with(".js")));
    }

    #[test]
    fn the_budget_waits_for_room_but_never_for_nothing() {
        let budget = Arc::new(Budget { limit: 4, taken: Mutex::new(0), freed: Condvar::new() });
        // Larger than the limit, with nothing being indexed: taken at once.
        budget.take(10);
        let (taken, told) = mpsc::channel();
        let waiting = Arc::clone(&budget);
        let other = std::thread::spawn(move || {
            waiting.take(1);
            let _ = taken.send(());
        });
        assert!(told.recv_timeout(std::time::Duration::from_millis(200)).is_err(), "no room yet");
        budget.give_back(10);
        assert!(told.recv_timeout(std::time::Duration::from_secs(10)).is_ok(), "room once given back");
        other.join().expect("the other thread");
        assert_eq!(*budget.taken.lock().expect("taken"), 1);
    }

    #[test]
    fn a_language_whose_pages_come_apart_is_an_error() {
        let mut indexer = indexer(10);
        indexer.add(vec![page("en/a/index.html", "a"), page("fr/a/index.html", "b")]).expect("added");
        let apart = indexer.add(vec![page("en/b/index.html", "c")]);
        assert!(matches!(apart, Err(Error::Search(message)) if message.contains("en: its pages came apart")));
    }
}
