//! Stage 1, load: find every article under `content/<lang>/`, read it, and
//! split and type its front matter. Nothing here knows about Markdown or HTML.
//!
//! Steps: discover language folders and files (sorted), then read and parse
//! the files in parallel; each unreadable file becomes a diagnostic, never a
//! panic, so one run reports every broken file.

mod data;
mod front_matter;
mod history;
mod image_size;
mod includes;
mod media;
mod walk;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use data::DataFiles;
pub use front_matter::{FrontMatter, RelatedArticle, KNOWN_KEYS};
pub use history::{Date, History};
pub use includes::{IncludeFile, Includes, Lookup};
pub use media::{Media, MediaFile, IMAGE_TYPES};
pub use walk::Languages;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, LineIndex, Location, Severity};
use crate::ids::{ArticlePath, LangId};
use crate::syntax::data_path::Positions;

/// Articles larger than this are certainly a mistake (a pasted log, a binary).
pub(crate) const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

/// One article as written, before any Markdown is parsed.
#[derive(Debug, Clone)]
pub struct SourceArticle {
    pub lang: LangId,
    pub path: ArticlePath,
    /// Relative to the site root, for messages: `content/fr/a/b.md`.
    pub file: PathBuf,
    /// The whole file with any BOM removed and CRLF turned into LF, so offsets
    /// into it map to the lines the writer sees. Once the article is parsed,
    /// only its front matter (`forget_body`).
    pub text: String,
    pub body_start: usize,
    pub front: FrontMatter,
    pub lines: LineIndex,
}

/// A text file of the site with what is needed to locate offsets in it.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl SourceText<'_> {
    pub fn location(&self, offset: usize) -> Location {
        self.lines.location(self.file, self.text, offset)
    }

    /// The location of `span`, with its end column when it ends on the line
    /// it starts on.
    pub fn span_location(&self, span: std::ops::Range<usize>) -> Location {
        let location = self.location(span.start);
        match self.lines.line_col(self.text, span.end) {
            (line, end_column) if line == location.line => location.with_end_column(end_column),
            _ => location,
        }
    }
}

impl SourceArticle {
    pub fn source_text(&self) -> SourceText<'_> {
        SourceText { file: &self.file, text: &self.text, lines: &self.lines }
    }

    /// The Markdown below the front matter; empty once the body is forgotten.
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or_default()
    }

    /// Drops the body, which parsing has turned into the article's HTML
    /// and twin: what is checked later is in the front matter, and a large
    /// site would otherwise hold its whole source twice.
    pub fn forget_body(&mut self) {
        self.text.truncate(self.body_start);
        self.text.shrink_to_fit();
        self.lines = LineIndex::new(&self.text);
    }

    /// Location of a byte offset of `text`.
    pub fn location(&self, offset: usize) -> Location {
        self.lines.location(&self.file, &self.text, offset)
    }

    /// Location of the front matter line that holds `needle`, or the first
    /// line; used for values inside the front matter, which serde does not
    /// locate for us.
    pub fn front_matter_location(&self, needle: &str) -> Location {
        let front = &self.text[..self.body_start];
        self.location(front.find(needle).unwrap_or(0))
    }

    /// Where the values of the front matter are written, read when first
    /// asked (most articles are never asked).
    pub fn front_matter_positions(&self) -> FrontMatterPositions<'_> {
        FrontMatterPositions { article: self, positions: std::cell::OnceCell::new() }
    }

    /// Location of `value` written under the front matter key `key`
    /// (`product_label: [a, b]` or a `- b` list below it).
    pub fn front_matter_value_location(&self, key: &str, value: &str) -> Location {
        let front = &self.text[..self.body_start];
        let key_at = front.find(&format!("\n{key}:")).map_or(0, |i| i + 1);
        let found = front[key_at..].find(value).map(|i| key_at + i);
        self.location(found.unwrap_or(key_at))
    }
}

/// The positions of one article's front matter values, by path.
pub struct FrontMatterPositions<'a> {
    article: &'a SourceArticle,
    /// The values' positions, and the lines before the YAML block.
    positions: std::cell::OnceCell<(Positions, u32)>,
}

impl FrontMatterPositions<'_> {
    /// Location of the value `path` names (`related_articles[1].filepath`),
    /// or of `fallback` as `front_matter_location` finds it.
    pub fn value_at(&self, path: &str, fallback: &str) -> Location {
        let article = self.article;
        let (positions, lines_before) = self.positions.get_or_init(|| {
            let yaml_start = article.text.find('\n').map_or(0, |i| i + 1).min(article.body_start);
            let lines_before = article.text[..yaml_start].matches('\n').count() as u32;
            (Positions::new(&article.text[yaml_start..article.body_start]), lines_before)
        });
        match positions.value_of(path) {
            Some((line, column)) => Location::new(&article.file, line + lines_before, column),
            None => article.front_matter_location(fallback),
        }
    }
}

#[derive(Debug)]
pub struct Content {
    pub languages: Languages,
    /// Sorted by language (in `languages.all` order) and then by path.
    pub articles: Vec<SourceArticle>,
    pub includes: Includes,
    pub media: Media,
    pub data: DataFiles,
}

pub fn load(config: &Config, diags: &mut Diagnostics) -> Option<Content> {
    let (languages, files) = walk::discover(config, diags)?;
    let results: Vec<_> = files.into_par_iter().map(read_article).collect();
    let mut articles = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((article, problems)) => {
                articles.push(article);
                diags.extend(problems);
            }
            Err(d) => diags.push(d),
        }
    }
    let includes = includes::load(&config.content_dir(), diags);
    let media = media::load(&config.content_dir());
    let data = data::load(&config.content_dir(), diags);
    Some(Content { languages, articles, includes, media, data })
}

/// Reads again, from its file, the article `source` was read from.
pub fn reread(config: &Config, source: &SourceArticle) -> Result<(SourceArticle, Vec<Diagnostic>), Diagnostic> {
    read_article(walk::FoundFile {
        lang: source.lang.clone(),
        path: source.path.clone(),
        display: source.file.clone(),
        absolute: config.root.join(&source.file),
    })
}

/// An article as far as it can be read, with the problem of its front
/// matter if it has one; an error when the file itself cannot be read.
fn read_article(found: walk::FoundFile) -> Result<(SourceArticle, Vec<Diagnostic>), Diagnostic> {
    let at_file = || Location::file(&found.display);
    let size = std::fs::metadata(&found.absolute)
        .map_err(|e| Diagnostic::new(Code::ContentUnreadable, format!("cannot read: {e}")).at(at_file()))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(Diagnostic::new(
            Code::ContentTooLarge,
            format!("the file is {size} bytes; articles are limited to {MAX_ARTICLE_BYTES} bytes"),
        )
        .at(at_file())
        .with_help("split the article, or move large data out of it"));
    }
    let bytes = std::fs::read(&found.absolute)
        .map_err(|e| Diagnostic::new(Code::ContentUnreadable, format!("cannot read: {e}")).at(at_file()))?;
    let text = decode(bytes).map_err(|(valid_prefix, bad_offset)| {
        let (line, column) = LineIndex::new(&valid_prefix).line_col(&valid_prefix, bad_offset);
        Diagnostic::new(Code::ContentEncoding, "the file is not valid UTF-8")
            .at(Location::new(&found.display, line, column))
            .with_help("save the file with UTF-8 encoding")
    })?;
    Ok(SourceArticle::read(found.lang, found.path, found.display, text))
}

impl SourceArticle {
    /// Splits and types the front matter of an already decoded article.
    pub fn parse(lang: LangId, path: ArticlePath, file: PathBuf, text: String) -> Result<SourceArticle, Diagnostic> {
        let (article, problems) = SourceArticle::read(lang, path, file, text);
        match problems.into_iter().find(|d| d.severity == Severity::Error) {
            Some(problem) => Err(problem),
            None => Ok(article),
        }
    }

    /// Like `parse`, but an article whose front matter cannot be read is
    /// still an article, with the problem beside it: untitled, with the body
    /// after its front matter (or the whole text without one). It stays
    /// known to the site, its path and headings, so that links to it are
    /// checked as usual and only the front matter is reported. Warnings
    /// about the front matter come with it too.
    pub fn read(lang: LangId, path: ArticlePath, file: PathBuf, text: String) -> (SourceArticle, Vec<Diagnostic>) {
        let text = strip_markers(text);
        let lines = LineIndex::new(&text);
        let located = |e: front_matter::FrontMatterError| {
            let mut d = Diagnostic::new(e.code, e.message).at(lines.location(&file, &text, e.offset));
            d.help = e.help;
            d
        };
        let (body_start, read) = match front_matter::split(&text) {
            Ok(split) => (split.body_start, front_matter::parse(&text, split)),
            Err(e) => (e.offset, Err(e)),
        };
        let (front, problems) = match read {
            Ok(read) => (read.front, read.warnings.into_iter().map(located).collect()),
            Err(e) => (FrontMatter::default(), vec![located(e)]),
        };
        (SourceArticle { lang, path, file, body_start, front, lines, text }, problems)
    }
}

/// The private-use characters helpgen uses as markers in generated text,
/// replaced in all source text (same UTF-8 length, so offsets stay exact):
/// content can then never fake a placeholder or a link marker. NUL is
/// replaced too, as CommonMark says, so it never reaches a page. Both
/// happen before lines are indexed, so positions count in the result.
pub(crate) fn strip_markers(text: String) -> String {
    use crate::syntax::markers::{holds_reserved, RESERVED};
    let text = if holds_reserved(&text) { text.replace(RESERVED, "\u{FFFD}") } else { text };
    if memchr::memchr(0, text.as_bytes()).is_some() {
        text.replace('\0', "\u{FFFD}")
    } else {
        text
    }
}

/// UTF-8 text without BOM and with LF line ends; on invalid UTF-8, the valid
/// prefix and the offset of the first bad byte.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<String, (String, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        (String::from_utf8_lossy(&bytes[..valid]).into_owned(), valid)
    })?;
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}

#[cfg(test)]
mod tests {
    use super::{decode, strip_markers, SourceArticle};
    use crate::ids::{ArticlePath, LangId};

    #[test]
    fn front_matter_is_located_alike_once_the_body_is_forgotten() {
        let text = "---\ntitle: Réglages\nproduct_label: [essential, gold]\n---\n\n# Réglages\n\nTexte.\n";
        let path = ArticlePath::parse("a/b.md").expect("a path");
        let mut article = SourceArticle::parse(
            LangId::parse("fr").expect("a language"),
            path,
            "content/fr/a/b.md".into(),
            text.to_string(),
        )
        .expect("an article");
        let located = |a: &SourceArticle| {
            let value = a.front_matter_value_location("product_label", "gold");
            let positions = a.front_matter_positions();
            let title = positions.value_at("title", "title:");
            [(value.line, value.column), (title.line, title.column)]
        };
        let before = located(&article);
        article.forget_body();
        assert_eq!(located(&article), before);
        assert_eq!(before, [(3, 28), (2, 8)]);
        assert_eq!(article.body(), "");
        assert_eq!(article.text, "---\ntitle: Réglages\nproduct_label: [essential, gold]\n---\n");
    }

    #[test]
    fn marker_characters_are_replaced_and_nothing_else() {
        let reserved: String = crate::syntax::markers::RESERVED.iter().collect();
        let text = format!("a{reserved}\u{E005}\u{E040}é⸢");
        let stripped = strip_markers(text.clone());
        assert_eq!(stripped, format!("a{}\u{E005}\u{E040}é⸢", "\u{FFFD}".repeat(5)));
        assert_eq!(stripped.len(), text.len());
    }

    #[test]
    fn decode_strips_bom_and_crlf() {
        assert_eq!(decode(b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n".to_vec()).unwrap(), "---\ntitle: x\n---\n");
    }

    #[test]
    fn decode_reports_the_first_bad_byte() {
        let (prefix, offset) = decode(b"ok\nbad \xFF here".to_vec()).unwrap_err();
        assert_eq!(prefix, "ok\nbad ");
        assert_eq!(offset, 7);
    }
}
