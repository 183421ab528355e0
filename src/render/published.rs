//! The links helpgen itself writes into the Markdown it publishes (the
//! twins, `llms.txt`, `llms-full.txt`), followed into the files of the same
//! build, as the checks follow the articles' links: one that leads nowhere
//! stops the build before anything is written.

use std::collections::HashSet;

use memchr::memmem;

use super::OutputFile;
use crate::config::BaseUrl;
use crate::diag::{Code, Diagnostic, LineIndex};
use crate::syntax::percent_decode;

/// Whether helpgen checks the links of the file at `path`.
fn is_checked(path: &str) -> bool {
    path.ends_with(".md") || path.rsplit('/').next().is_some_and(|name| name.starts_with("llms"))
}

/// A diagnostic for each link to an address below the site's URL, in the
/// Markdown files among `files`, that no file of `files` answers. Code
/// blocks are the writer's examples; `hand_written` are the articles' own
/// absolute addresses: the writer's to keep, as on the pages (`check
/// --external` follows those).
pub fn broken_links(files: &[OutputFile], base: &BaseUrl, hand_written: &HashSet<String>) -> Vec<Diagnostic> {
    let published: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let site = base.url_of("");
    let finder = memmem::Finder::new(site.as_bytes());
    let mut found = Vec::new();
    for file in files.iter().filter(|f| is_checked(&f.path)) {
        let super::FileContent::Bytes(bytes) = &file.content else { continue };
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let mut lines = None;
        for at in addresses(text, &finder) {
            // In angle brackets, an address may hold spaces.
            let ends: &[char] = if bytes[at - 1] == b'<' { &['>', '\n'] } else { &[')', '>', ' ', '\n', '"'] };
            let url = &text[at..at + text[at..].find(ends).unwrap_or(text.len() - at)];
            if hand_written.contains(url) || answers(&published, &url[site.len()..]) {
                continue;
            }
            let lines = lines.get_or_insert_with(|| LineIndex::new(text));
            let location = lines.location(std::path::Path::new(&file.path), text, at);
            let message = format!("`{}` links to `{url}`, which this build does not publish", file.path);
            let help = "helpgen wrote this link itself: please report it with the site that shows it";
            found.push(Diagnostic::new(Code::OutputBrokenLink, message).at(location).with_help(help));
        }
    }
    found
}

/// Where the addresses of the site start in `text` that a link points at
/// (`](url)`, `](<url>)`) or that an `llms-full.txt` entry names
/// (`Address: url`), outside fenced code.
fn addresses(text: &str, site: &memmem::Finder) -> Vec<usize> {
    let mut found = Vec::new();
    let (mut start, mut fence) = (0, None::<&str>);
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            (None, None) => {
                for at in site.find_iter(line.as_bytes()) {
                    let before = &line[..at];
                    if before.ends_with("](") || before.ends_with("](<") || before.ends_with("Address: ") {
                        found.push(start + at);
                    }
                }
            }
            _ => {}
        }
        start += line.len();
    }
    found
}

/// Whether a file of the build answers the site path `path` (`fr/plan/#a`).
fn answers(published: &HashSet<&str>, path: &str) -> bool {
    let path = path.split(['#', '?']).next().unwrap_or_default();
    let path = percent_decode(path);
    if path.is_empty() || path.ends_with('/') {
        published.contains(format!("{path}index.html").as_str())
    } else {
        published.contains(path.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_below_the_site_are_followed_into_the_build() {
        let base = BaseUrl::parse("https://help.example.com/docs/").expect("base");
        let twin = "See [a](https://help.example.com/docs/fr/a/#x), [b](<https://help.example.com/docs/fr/b c/>).\n\
                    ![i](https://help.example.com/docs/media/i.png)\n\
                    [gone](https://help.example.com/docs/fr/gone/) [mine](https://help.example.com/docs/old/)\n\
                    - Address: https://help.example.com/docs/fr/ [x](https://other.org/docs/fr/gone/)\n\
                    ```md\n[example](https://help.example.com/docs/fr/example/)\n```\n\
                    Not a link: https://help.example.com/docs/fr/prose/\n";
        let files = vec![
            OutputFile::new("fr/a/index.html", ""),
            OutputFile::new("fr/b c/index.html", ""),
            OutputFile::new("fr/index.html", ""),
            OutputFile::new("media/i.png", ""),
            OutputFile::new("fr/a/index.md", twin),
            // Not Markdown: not checked.
            OutputFile::new("fr/c/index.html", twin),
        ];
        let mine = HashSet::from(["https://help.example.com/docs/old/".to_string()]);
        let found = broken_links(&files, &base, &mine);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`https://help.example.com/docs/fr/gone/`"), "{}", found[0].message);
        let location = found[0].location.as_ref().expect("a place");
        assert_eq!((location.file.to_str(), location.line, location.column), (Some("fr/a/index.md"), 3, 8));
    }
}
