//! The links helpgen itself writes into the Markdown it publishes (the
//! twins and the `llms.txt` files), followed into the files of the same
//! build, as the checks follow the articles' links: one that leads nowhere
//! stops the build before anything is written.

use std::collections::HashSet;
use std::ops::Range;

use memchr::memmem;

use super::twin::MarkdownPage;
use super::{FileContent, OutputFile};
use crate::config::BaseUrl;
use crate::diag::{Code, Diagnostic, LineIndex, Location};
use crate::syntax::percent_decode;

/// The addresses helpgen wrote into the twins (where each records its
/// links) and the `llms.txt` files (every link there is helpgen's),
/// followed as the files are handed over. An address no file answers yet
/// is kept, with its place, until every file of the build is known.
/// `llms-full.txt` is left out: its articles are the twins, and the
/// addresses it names are those of `llms.txt`.
pub struct PublishedLinks {
    /// The files of the build, and the folders their `index.html` answers.
    published: HashSet<String>,
    /// The site's own address: links elsewhere are the writers'.
    site: String,
    unanswered: Vec<Unanswered>,
}

struct Unanswered {
    /// The file that holds the link, for the message.
    file: String,
    url: String,
    location: Location,
}

impl PublishedLinks {
    /// `pages`: the paths of the pages the build publishes, known before
    /// they are rendered, so a link to a later page is answered at once.
    pub fn new(base: &BaseUrl, pages: impl IntoIterator<Item = String>) -> PublishedLinks {
        let mut links = PublishedLinks { published: HashSet::new(), site: base.url_of(""), unanswered: Vec::new() };
        for path in pages {
            links.publish(path);
        }
        links
    }

    /// Notes `files` as published: links to them are answered.
    pub fn publish_files(&mut self, files: &[OutputFile]) {
        for file in files {
            self.publish(file.path.clone());
        }
    }

    fn publish(&mut self, path: String) {
        if let Some(folder) = path.strip_suffix("index.html") {
            self.published.insert(folder.to_string());
        }
        self.published.insert(path);
    }

    /// Follows the links helpgen resolved into `twin`.
    pub fn follow_twin(&mut self, twin: &MarkdownPage) {
        let path = twin.path();
        let text = twin.text();
        let unanswered: Vec<Range<usize>> =
            twin.links.iter().filter(|r| !self.answers(&text[(*r).clone()])).cloned().collect();
        self.keep(&path, text, unanswered);
    }

    /// The links still unanswered once `files`, the last of the build, are
    /// published too, with those of the `llms.txt` files among them.
    pub fn finish(mut self, files: &[OutputFile]) -> Vec<Diagnostic> {
        self.publish_files(files);
        let site = self.site.clone();
        let finder = memmem::Finder::new(site.as_bytes());
        for file in files.iter().filter(|f| f.path == "llms.txt" || f.path.ends_with("/llms.txt")) {
            let FileContent::Bytes(bytes) = &file.content else { continue };
            let Ok(text) = std::str::from_utf8(bytes) else { continue };
            let links: Vec<Range<usize>> = finder
                .find_iter(bytes)
                .filter(|&at| text[..at].ends_with("]("))
                .map(|at| at..at + text[at..].find([')', ' ', '\n']).unwrap_or(text.len() - at))
                .filter(|r| !self.answers(&text[r.clone()]))
                .collect();
            self.keep(&file.path, text, links);
        }
        let unanswered = std::mem::take(&mut self.unanswered);
        unanswered.into_iter().filter(|u| !self.answers(&u.url)).map(Unanswered::diagnostic).collect()
    }

    /// Whether a file of the build answers `url`, one of the site's own.
    fn answers(&self, url: &str) -> bool {
        let Some(path) = url.strip_prefix(self.site.as_str()) else { return false };
        let path = path.split(['#', '?']).next().unwrap_or_default();
        if path.contains('%') {
            self.published.contains(percent_decode(path).as_str())
        } else {
            self.published.contains(path)
        }
    }

    /// Keeps the addresses at `ranges` of the file at `path`, with their places.
    fn keep(&mut self, path: &str, text: &str, ranges: Vec<Range<usize>>) {
        if ranges.is_empty() {
            return;
        }
        let lines = LineIndex::new(text);
        for range in ranges {
            let location = lines.location(std::path::Path::new(path), text, range.start);
            self.unanswered.push(Unanswered { file: path.to_string(), url: text[range].to_string(), location });
        }
    }
}

impl Unanswered {
    fn diagnostic(self) -> Diagnostic {
        let message = format!("`{}` links to `{}`, which this build does not publish", self.file, self.url);
        let help = "helpgen wrote this link itself: please report it with the site that shows it";
        Diagnostic::new(Code::OutputBrokenLink, message).at(self.location).with_help(help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_helpgen_wrote_are_followed_into_the_build() {
        let base = BaseUrl::parse("https://help.example.com/docs/").expect("base");
        let twin = "See [a](https://help.example.com/docs/fr/a/#x), [b](https://help.example.com/docs/fr/b%20c/).\n\
                    [gone](https://help.example.com/docs/fr/gone/) [mine](https://help.example.com/docs/old/)\n";
        let at = |url: &str| {
            let start = twin.find(url).expect("in the twin");
            start..start + url.len()
        };
        let files = vec![
            OutputFile::new("fr/a/index.html", ""),
            OutputFile::new("fr/b c/index.html", ""),
            OutputFile::new(
                "fr/llms.txt",
                "- [a](https://help.example.com/docs/fr/a/) [b](https://help.example.com/docs/fr/b/)\n\
                 - [c](https://help.example.com/docs/fr/)\n",
            ),
        ];
        // The article's own `mine` is not among the links helpgen recorded.
        let links = ["https://help.example.com/docs/fr/a/#x", "https://help.example.com/docs/fr/b%20c/"]
            .into_iter()
            .chain(["https://help.example.com/docs/fr/gone/"])
            .map(at)
            .collect();
        let twin = MarkdownPage { site_path: "fr/a/".to_string(), text: twin.to_string(), body_start: 0, links };
        // `fr/a/` and `fr/b c/` are answered only once the last files are known.
        let mut published = PublishedLinks::new(&base, ["fr/index.html".to_string()]);
        published.follow_twin(&twin);
        let found = published.finish(&files);
        let places: Vec<(String, u32, u32)> = found
            .iter()
            .map(|d| d.location.as_ref().expect("a place"))
            .map(|l| (l.file.display().to_string(), l.line, l.column))
            .collect();
        assert_eq!(places, [("fr/a/index.md".to_string(), 2, 8), ("fr/llms.txt".to_string(), 1, 48)]);
        assert!(found[0].message.contains("`https://help.example.com/docs/fr/gone/`"), "{}", found[0].message);
    }
}
