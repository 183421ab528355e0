//! Discovery: which folders under `content/` are languages, and which
//! Markdown files each holds. Output is sorted so builds are deterministic.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{did_you_mean, Code, Diagnostic, Diagnostics, Location};
use crate::ids::{ArticlePath, LangId};

/// The languages of a site, the default one first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    pub default: LangId,
    /// Every language, the default first, then in configured or sorted order.
    pub all: Vec<LangId>,
}

/// One Markdown file found in a language folder.
#[derive(Debug, Clone)]
pub struct FoundFile {
    pub lang: LangId,
    pub path: ArticlePath,
    /// Relative to the site root, for messages: `content/fr/a/b.md`.
    pub display: PathBuf,
    pub absolute: PathBuf,
}

/// Folders under `content/` that hold site data rather than articles.
fn is_reserved(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

pub fn discover(config: &Config, diags: &mut Diagnostics) -> Option<(Languages, Vec<FoundFile>)> {
    let content = config.content_dir();
    let entries = match std::fs::read_dir(&content) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::ContentMissing, format!("cannot read the content folder: {e}"))
                    .at(Location::file("content"))
                    .with_help("articles live in content/<language>/, for example content/en/getting-started.md"),
            );
            return None;
        }
    };
    let mut found_langs = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let display = Path::new("content").join(&name);
        if is_reserved(&name) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            if name.ends_with(".md") {
                diags.push(
                    Diagnostic::new(Code::ContentOutsideLanguage, "this article is not inside a language folder")
                        .at(Location::file(display))
                        .with_help(format!("move it to content/<language>/{name}")),
                );
            }
            continue;
        }
        match LangId::parse(&name) {
            Some(lang) if config.languages.as_ref().is_none_or(|l| l.contains(&lang)) => found_langs.push(lang),
            Some(_) => diags.push(
                Diagnostic::new(Code::ContentUnknownLanguage, format!("language folder `{name}` is not listed in helpgen.toml"))
                    .at(Location::file(display))
                    .with_help("add it to `languages` in helpgen.toml, or rename the folder"),
            ),
            None => diags.push(
                Diagnostic::new(Code::ContentUnknownLanguage, format!("`{name}` is not a language folder"))
                    .at(Location::file(display))
                    .with_help("folders under content/ are language tags such as `en` or `fr`; data folders start with `_` (`_data`, `_includes`)"),
            ),
        }
    }
    let languages = order_languages(config, found_langs, diags)?;

    let mut files = Vec::new();
    for lang in &languages.all {
        let dir = content.join(lang.as_str());
        if dir.is_dir() {
            collect_language(&config.root, &dir, lang, &mut files, diags);
        } else {
            // How every new translation starts: its pages show the default
            // language until articles are translated.
            let message = format!("`{lang}` has no folder under content/ yet: its pages show the default language");
            diags.push(
                Diagnostic::new(Code::I18nLanguageWithoutFolder, message)
                    .at(Location::file(crate::config::CONFIG_FILE))
                    .with_help(format!("translated articles go under content/{lang}/")),
            );
        }
    }
    if files.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::new(Code::ContentEmpty, "the content folder holds no articles")
                .at(Location::file("content"))
                .with_help("add Markdown files under content/<language>/"),
        );
    }
    Some((languages, files))
}

fn order_languages(config: &Config, mut found: Vec<LangId>, diags: &mut Diagnostics) -> Option<Languages> {
    if let Some(configured) = &config.languages {
        // Keep the configured order; a configured language without a folder
        // simply has no translations yet and is published from fallbacks.
        found = configured.clone();
    } else {
        found.sort();
    }
    let default = match &config.default_language {
        Some(lang) => lang.clone(),
        None => match found.iter().find(|l| l.as_str() == "en").or(found.first()) {
            Some(lang) => lang.clone(),
            None => {
                diags.push(
                    Diagnostic::new(Code::ContentEmpty, "the content folder has no language folder")
                        .at(Location::file("content"))
                        .with_help("add Markdown files under content/<language>/, for example content/en/"),
                );
                return None;
            }
        },
    };
    if !found.contains(&default) {
        let known: Vec<&str> = found.iter().map(LangId::as_str).collect();
        let mut d = Diagnostic::new(
            Code::ConfigInvalid,
            format!("the default language `{default}` has no folder under content/"),
        )
        .at(Location::file(crate::config::CONFIG_FILE));
        if let Some(close) = did_you_mean(default.as_str(), known.iter().copied()) {
            d = d.with_help(format!("did you mean `{close}`?"));
        }
        diags.push(d);
        return None;
    }
    found.retain(|l| l != &default);
    found.insert(0, default.clone());
    Some(Languages { default, all: found })
}

/// The articles of one language folder. Symbolic links are followed when
/// they stay inside the site (a shared article linked into two sections);
/// one that leads out of it is refused, since content must not read or
/// publish files from elsewhere on the machine.
fn collect_language(root: &Path, dir: &Path, lang: &LangId, files: &mut Vec<FoundFile>, diags: &mut Diagnostics) {
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let display = |path: &Path| Path::new("content").join(lang.as_str()).join(path.strip_prefix(dir).unwrap_or(path));
    let outside = std::cell::RefCell::new(Vec::new());
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
            return false;
        }
        let escapes = e.path_is_symlink() && !e.path().canonicalize().is_ok_and(|target| target.starts_with(&site));
        if escapes {
            outside.borrow_mut().push(e.path().to_path_buf());
        }
        !escapes
    });
    collect_entries(walker, dir, lang, files, diags);
    for path in outside.into_inner() {
        let d = Diagnostic::new(Code::ContentPath, "this link leads outside the site, so it is not read")
            .at(Location::file(display(&path)))
            .with_help("copy the article into content/, or link to a file inside the site");
        diags.push(d);
    }
}

fn collect_entries(
    walker: impl Iterator<Item = walkdir::Result<walkdir::DirEntry>>,
    dir: &Path,
    lang: &LangId,
    files: &mut Vec<FoundFile>,
    diags: &mut Diagnostics,
) {
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                // Reported relative to the site root, as every path is.
                let inside = e.path().and_then(|p| p.strip_prefix(dir).ok()).unwrap_or(Path::new(""));
                let display = Path::new("content").join(lang.as_str()).join(inside);
                let reason = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                diags.push(
                    Diagnostic::new(Code::ContentUnreadable, format!("cannot read: {reason}"))
                        .at(Location::file(display)),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let extension = entry.path().extension().map(|e| e.to_string_lossy().to_string()).unwrap_or_default();
        if extension != "md" {
            // A Markdown file under another spelling would vanish silently.
            if extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown") {
                let display = Path::new("content")
                    .join(lang.as_str())
                    .join(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
                diags.push(
                    Diagnostic::new(Code::ContentPath, format!("`.{extension}` files are not read as articles"))
                        .at(Location::file(display))
                        .with_help("rename the file to end in lowercase `.md`"),
                );
            }
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let display = Path::new("content").join(lang.as_str()).join(relative);
        let relative = relative.to_string_lossy();
        match ArticlePath::parse(&relative) {
            Ok(path) => {
                files.push(FoundFile { lang: lang.clone(), path, display, absolute: entry.path().to_path_buf() })
            }
            Err(e) => diags.push(Diagnostic::new(Code::ContentPath, e.to_string()).at(Location::file(display))),
        }
    }
}
