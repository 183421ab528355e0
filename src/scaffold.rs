//! `helpgen init` and `helpgen new`: the files a writer starts from. A new
//! site is one language, one article and a short commented helpgen.toml,
//! and builds without a warning; a new article is its file with front
//! matter, in the default language. Nothing is ever overwritten.

use std::path::{Path, PathBuf};

use crate::config::{Config, Overrides, CONFIG_FILE};
use crate::error::{Error, Result};
use crate::ids::{ArticlePath, LangId};

const CONFIG: &str = r#"# helpgen's settings for this help center. Every key is optional.

# The name shown in the header of every page.
title = "Help Center"

# The address readers open; canonical links and the sitemap use it.
base_url = "https://help.example.com/"

# The language of the root page, and the one that stands in for articles
# not translated yet. Other languages are folders beside it in content/.
default_language = "{lang}"

# Offers: list them in content/_data/offers.yaml to label articles with
# `product_label` and let readers filter the site by the offer they have.

# Diagnostics can be given another level, for example:
# [checks]
# "link.orphan" = "off"
"#;

const ARTICLE: &str = "---\ntitle: Getting started\n---\n\n\
Welcome to the help center. Each article is a Markdown file under\n\
`content/{lang}/`; its front matter gives at least its title.\n\n\
## Preview your changes\n\n\
Run `helpgen serve` and open the address it prints: pages reload as you\n\
save. `helpgen build` writes the whole site to `public/`.\n";

const GITIGNORE: &str = "# What helpgen writes: the built site and its caches.\n/public/\n/.helpgen-cache/\n";

/// Writes a new site in `dir` (created if needed) for language `lang`;
/// returns the files written. Refuses a folder that already has a site.
pub fn init(dir: &Path, lang: &str) -> Result<Vec<PathBuf>> {
    let refuse = |reason: String| Error::Scaffold(reason);
    let lang = LangId::parse(lang)
        .ok_or_else(|| refuse(format!("`{lang}` is not a language tag, such as `en` or `pt-BR`")))?;
    for existing in [CONFIG_FILE, "content"] {
        if dir.join(existing).exists() {
            return Err(refuse(format!("`{}` already exists; nothing was written", dir.join(existing).display())));
        }
    }
    let mut files = vec![
        (dir.join(CONFIG_FILE), CONFIG.replace("{lang}", lang.as_str())),
        (dir.join("content").join(lang.as_str()).join("getting-started.md"), ARTICLE.replace("{lang}", lang.as_str())),
    ];
    if !dir.join(".gitignore").exists() {
        files.push((dir.join(".gitignore"), GITIGNORE.to_string()));
    }
    for (path, text) in &files {
        write_new(path, text)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// Writes a new article at `path` (below the default language's folder;
/// `.md` added if missing) with its front matter; returns its file.
pub fn new_article(root: &Path, path: &str, title: Option<&str>) -> Result<PathBuf> {
    let with_extension = if path.ends_with(".md") { path.to_string() } else { format!("{path}.md") };
    let article = ArticlePath::parse(&with_extension)
        .map_err(|e| Error::Scaffold(format!("`{path}` cannot be an article's path: {e}")))?;
    let config = Config::load(root, Overrides::default())
        .map_err(|d| Error::Scaffold(format!("{CONFIG_FILE}: {}", d.message)))?;
    let lang = default_language(&config).ok_or_else(|| {
        Error::Scaffold("there is no language folder under content/; run `helpgen init` first".into())
    })?;
    let file = config.content_dir().join(&lang).join(article.as_str());
    let title = title.map(str::to_string).unwrap_or_else(|| title_from(article.as_str()));
    let quoted = serde_json::to_string(&title).unwrap_or_else(|_| "\"New article\"".into());
    write_new(&file, &format!("---\ntitle: {quoted}\n---\n\n"))?;
    Ok(file)
}

/// The default language as a build picks it: the configured one, else
/// `en` if the site has it, else the first language folder.
fn default_language(config: &Config) -> Option<String> {
    if let Some(lang) = &config.default_language {
        return Some(lang.to_string());
    }
    let entries = std::fs::read_dir(config.content_dir()).ok()?;
    let mut found: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| LangId::parse(name).is_some())
        .collect();
    found.sort();
    found.iter().find(|l| *l == "en").or(found.first()).cloned()
}

/// `setup/install-the-app.md` -> `Install the app`.
fn title_from(path: &str) -> String {
    let stem = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".md");
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "New article".to_string(),
    }
}

fn write_new(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io("create", parent))?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            Error::Scaffold(format!("`{}` already exists; nothing was written", path.display()))
        }
        _ => Error::io("write", path)(e),
    })?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(Error::io("write", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_file_names() {
        assert_eq!(title_from("setup/install-the-app.md"), "Install the app");
        assert_eq!(title_from("faq_billing.md"), "Faq billing");
        assert_eq!(title_from("émargement.md"), "Émargement");
    }

    #[test]
    fn nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), "fr").unwrap();
        let again = init(dir.path(), "fr").unwrap_err();
        assert!(again.to_string().contains("already exists"), "{again}");
        let file = new_article(dir.path(), "setup/first-steps", None).unwrap();
        assert!(file.ends_with("content/fr/setup/first-steps.md"));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "---\ntitle: \"First steps\"\n---\n\n");
        assert!(new_article(dir.path(), "setup/first-steps.md", None).is_err());
        assert!(new_article(dir.path(), "../outside", None).is_err());
        assert!(init(dir.path(), "not a tag").is_err());
    }
}
