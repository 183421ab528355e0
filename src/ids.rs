//! Small identifier types shared by every stage: languages, article paths and
//! URL slugs. Each is validated once, where it is created, so later stages can
//! rely on it without re-checking.

use std::fmt;

/// A language tag naming a folder under `content/` and `locales/` (`en`, `fr`, `de-CH`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct LangId(String);

impl LangId {
    /// Accepts a well-formed BCP 47 tag whose primary language subtag has 2 or 3
    /// lowercase letters. Longer primary subtags are valid BCP 47 but in a
    /// content folder they are far more likely a misplaced folder (`images`).
    /// The tag is kept as written, since it also names folders on disk.
    pub fn parse(tag: &str) -> Option<LangId> {
        let primary = tag.split('-').next().unwrap_or("");
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) || tag.contains('_') {
            return None;
        }
        tag.parse::<unic_langid::LanguageIdentifier>().ok()?;
        Some(LangId(tag.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LangId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The path of an article relative to its language root, with `/` separators
/// and the `.md` extension: `getting-started/browser-setup.md`. The same path
/// in two languages names the same article in two translations.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct ArticlePath(String);

impl ArticlePath {
    /// Normalises a path written by a writer (`./a/b.md`, `a//b.md`, `/a/b.md`)
    /// and refuses anything that would climb out of the language root.
    pub fn parse(raw: &str) -> Result<ArticlePath, PathError> {
        let joined = normalize_relative(raw)?;
        if !joined.ends_with(".md") {
            return Err(PathError::NotMarkdown);
        }
        Ok(ArticlePath(joined))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first folder of the path, which groups articles into sections on
    /// the home page; `None` for an article at the language root.
    pub fn section(&self) -> Option<&str> {
        self.0.split_once('/').map(|(first, _)| first)
    }

    /// The file name without `.md`, which becomes the URL slug.
    pub fn stem(&self) -> &str {
        let file = self.0.rsplit('/').next().unwrap_or(&self.0);
        file.strip_suffix(".md").unwrap_or(file)
    }
}

impl fmt::Display for ArticlePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A relative path with `/` separators, `.` and empty segments removed and
/// `..` applied; refused if it would climb above its root.
pub fn normalize_relative(raw: &str) -> Result<String, PathError> {
    let raw = raw.trim();
    // Most paths are written plainly already: one pass over the bytes.
    let bytes = raw.as_bytes();
    let plain = |part: &[u8]| !matches!(part, b"" | b"." | b"..");
    if !bytes.is_empty() && !bytes.contains(&b'\\') && bytes.split(|&b| b == b'/').all(plain) {
        return Ok(raw.to_string());
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in raw.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(PathError::EscapesRoot);
                }
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return Err(PathError::Empty);
    }
    Ok(parts.join("/"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("the path is empty")]
    Empty,
    #[error("the path climbs out of its root folder with `..`")]
    EscapesRoot,
    #[error("the path does not name a Markdown file (it should end in `.md`)")]
    NotMarkdown,
}

/// The last segment of an article URL: `/<lang>/<slug>/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// A slug must be usable as one directory name on every file system and in
    /// a URL without escaping: letters (any script), digits, `-`, `_` and `.`.
    pub fn from_path(path: &ArticlePath) -> Option<Slug> {
        let stem = path.stem();
        let usable = !stem.is_empty()
            && !stem.starts_with('.')
            && stem.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
        usable.then(|| Slug(stem.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(LangId::parse("fr").unwrap().as_str(), "fr");
        assert_eq!(LangId::parse("de-CH").unwrap().as_str(), "de-CH");
        // Kept as written: it is also a folder name on a case-sensitive disk.
        assert_eq!(LangId::parse("pt-br").unwrap().as_str(), "pt-br");
        assert!(LangId::parse("pt_BR").is_none());
        assert!(LangId::parse("en-").is_none());
        assert!(LangId::parse("images").is_none());
        assert!(LangId::parse("EN").is_none());
        assert!(LangId::parse("e").is_none());
        assert!(LangId::parse("").is_none());
    }

    #[test]
    fn article_paths_are_normalised() {
        let p = ArticlePath::parse("./getting-started//browser-setup.md").unwrap();
        assert_eq!(p.as_str(), "getting-started/browser-setup.md");
        assert_eq!(p.section(), Some("getting-started"));
        assert_eq!(p.stem(), "browser-setup");
        assert_eq!(ArticlePath::parse("a/../b.md").unwrap().as_str(), "b.md");
        assert_eq!(ArticlePath::parse("../b.md"), Err(PathError::EscapesRoot));
        assert_eq!(ArticlePath::parse("a/b"), Err(PathError::NotMarkdown));
        assert_eq!(ArticlePath::parse(" "), Err(PathError::Empty));
        assert_eq!(ArticlePath::parse("top.md").unwrap().section(), None);
        assert_eq!(ArticlePath::parse(" /a\\b.md ").unwrap().as_str(), "a/b.md");
        assert_eq!(ArticlePath::parse("a/b.md/").unwrap().as_str(), "a/b.md");
    }

    #[test]
    fn slugs_reject_unsafe_names() {
        let ok = ArticlePath::parse("a/prérequis-techniques.md").unwrap();
        assert_eq!(Slug::from_path(&ok).unwrap().as_str(), "prérequis-techniques");
        for bad in ["a/with space.md", "a/.hidden.md", "a/quote\".md", "a/q?.md"] {
            assert!(Slug::from_path(&ArticlePath::parse(bad).unwrap()).is_none(), "{bad}");
        }
    }
}
