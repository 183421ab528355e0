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
use crate::diag::{Code, Diagnostic, LineIndex};
use crate::syntax::percent_decode;

/// A diagnostic for each address helpgen wrote into the `twins` (where
/// each recorded its links) and the `llms.txt` files among `files` (every
/// link there is helpgen's) that no file of the build answers: the files
/// at `emitted`, `files` or the twins. `llms-full.txt` is left out: its
/// articles are the twins, and the addresses it names are those of
/// `llms.txt`.
pub fn broken_links(
    emitted: &[String],
    files: &[OutputFile],
    twins: &[MarkdownPage],
    base: &BaseUrl,
) -> Vec<Diagnostic> {
    let twin_paths: Vec<String> = twins.iter().map(MarkdownPage::path).collect();
    // A folder's address is answered by its index.html.
    let published: HashSet<&str> = emitted
        .iter()
        .map(String::as_str)
        .chain(files.iter().map(|f| f.path.as_str()))
        .chain(twin_paths.iter().map(String::as_str))
        .flat_map(|path| [Some(path), path.strip_suffix("index.html")])
        .flatten()
        .collect();
    let site = base.url_of("");
    let leads_nowhere = |url: &str| url.strip_prefix(site.as_str()).is_none_or(|path| !answers(&published, path));
    let mut found = Vec::new();
    for (path, twin) in twin_paths.iter().zip(twins) {
        report(
            path,
            twin.text(),
            twin.links.iter().filter(|&r| leads_nowhere(&twin.text()[r.clone()])).cloned(),
            &mut found,
        );
    }
    let finder = memmem::Finder::new(site.as_bytes());
    for file in files.iter().filter(|f| f.path == "llms.txt" || f.path.ends_with("/llms.txt")) {
        let FileContent::Bytes(bytes) = &file.content else { continue };
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let links = finder
            .find_iter(bytes)
            .filter(|&at| text[..at].ends_with("]("))
            .map(|at| at..at + text[at..].find([')', ' ', '\n']).unwrap_or(text.len() - at));
        report(&file.path, text, links.filter(|r| leads_nowhere(&text[r.clone()])), &mut found);
    }
    found
}

/// A diagnostic for each address at `broken` in the file at `path`.
fn report(path: &str, text: &str, broken: impl Iterator<Item = Range<usize>>, found: &mut Vec<Diagnostic>) {
    let mut lines = None;
    for range in broken {
        let lines = lines.get_or_insert_with(|| LineIndex::new(text));
        let location = lines.location(std::path::Path::new(path), text, range.start);
        let url = &text[range];
        let message = format!("`{path}` links to `{url}`, which this build does not publish");
        let help = "helpgen wrote this link itself: please report it with the site that shows it";
        found.push(Diagnostic::new(Code::OutputBrokenLink, message).at(location).with_help(help));
    }
}

/// Whether a file of the build answers the site path `path` (`fr/plan/#a`).
fn answers(published: &HashSet<&str>, path: &str) -> bool {
    let path = path.split(['#', '?']).next().unwrap_or_default();
    if path.contains('%') {
        published.contains(percent_decode(path).as_str())
    } else {
        published.contains(path)
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
        let twins = [MarkdownPage { site_path: "fr/a/".to_string(), text: twin.to_string(), body_start: 0, links }];
        let found = broken_links(&["fr/index.html".to_string()], &files, &twins, &base);
        let places: Vec<(String, u32, u32)> = found
            .iter()
            .map(|d| d.location.as_ref().expect("a place"))
            .map(|l| (l.file.display().to_string(), l.line, l.column))
            .collect();
        assert_eq!(places, [("fr/a/index.md".to_string(), 2, 8), ("fr/llms.txt".to_string(), 1, 48)]);
        assert!(found[0].message.contains("`https://help.example.com/docs/fr/gone/`"), "{}", found[0].message);
    }
}
