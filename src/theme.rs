//! The theme: Tera templates and static assets. The default theme is compiled
//! into the binary, so a site without `themes/` builds; a site's
//! `themes/<name>/templates/*.html` and `themes/<name>/static/**` replace or
//! add files one by one. The theme also owns the UI strings its templates use
//! (`locales/<lang>/*.ftl`), which a site's own `locales/` override.

use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Location};
use crate::syntax::html;

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../themes/default/", $path)))),*]
    };
}

const DEFAULT_THEME: &[(&str, &[u8])] = embedded![
    "templates/base.html",
    "templates/article.html",
    "templates/home.html",
    "templates/404.html",
    "templates/redirect.html",
    "templates/offer.html",
    "templates/languages.html",
    "templates/search-box.html",
    "static/css/helpgen.css",
    "static/css/highlight.css",
    "static/js/early.js",
    "static/js/site.js",
    "static/js/lang-choice.js",
    "static/js/offer-filter.js",
    "static/js/fill.js",
    "static/js/search.js",
    "static/js/search-core.js",
    "static/js/selfcheck.js",
    "static/js/selfcheck-core.js",
    "static/favicon.svg",
    "locales/en/ui.ftl",
    "locales/fr/ui.ftl",
    "locales/de/ui.ftl",
    "icons/arrow-left.svg",
    "icons/arrow-right.svg",
    "icons/book.svg",
    "icons/calendar.svg",
    "icons/check.svg",
    "icons/close.svg",
    "icons/copy.svg",
    "icons/delete.svg",
    "icons/download.svg",
    "icons/edit.svg",
    "icons/external-link.svg",
    "icons/filter.svg",
    "icons/globe.svg",
    "icons/info.svg",
    "icons/item-add.svg",
    "icons/menu.svg",
    "icons/moon.svg",
    "icons/rocket.svg",
    "icons/search.svg",
    "icons/section.svg",
    "icons/settings.svg",
    "icons/warning.svg",
];

pub struct Theme {
    /// Template name (`article.html`) to source.
    pub templates: BTreeMap<String, String>,
    /// Path under the output's `assets/` (`css/helpgen.css`) to bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Fluent files by language tag, then by file name.
    pub locales: BTreeMap<String, BTreeMap<String, String>>,
    /// Icon name to inline SVG, already marked up for `{% icon %}`.
    pub icons: BTreeMap<String, String>,
}

pub fn load(config: &Config) -> Result<Theme, Diagnostic> {
    let mut theme =
        Theme { templates: BTreeMap::new(), assets: BTreeMap::new(), locales: BTreeMap::new(), icons: BTreeMap::new() };
    for (path, bytes) in DEFAULT_THEME {
        theme.add(path, bytes.to_vec()).map_err(|m| Diagnostic::new(Code::ThemeInvalid, m))?;
    }
    let dir = config.theme_dir();
    if !dir.is_dir() {
        if config.theme != "default" {
            return Err(Diagnostic::new(Code::ThemeMissing, format!("the theme `{}` does not exist", config.theme))
                .at(Location::file(crate::config::CONFIG_FILE))
                .with_help(format!("create themes/{}/ or remove `theme` from helpgen.toml", config.theme)));
        }
        return theme.with_section_icons(config);
    }
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry =
            entry.map_err(|e| Diagnostic::new(Code::ThemeUnreadable, e.to_string()).at(Location::file(&dir)))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&dir) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        let display = Path::new("themes").join(&config.theme).join(&relative);
        let bytes = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::new(Code::ThemeUnreadable, format!("cannot read: {e}")).at(Location::file(&display))
        })?;
        theme.add(&relative, bytes).map_err(|m| Diagnostic::new(Code::ThemeInvalid, m).at(Location::file(&display)))?;
    }
    theme.with_section_icons(config)
}

/// A UI message a template asks for with `t(key="...")`.
pub struct UsedMessage {
    pub key: String,
    pub template: String,
    /// Offset of the call in the template source.
    pub offset: usize,
}

impl Theme {
    /// The theme, once every icon `[sections.<id>] icon` names is one of its
    /// own: a misspelt name is a clear error rather than a missing picture.
    fn with_section_icons(self, config: &Config) -> Result<Theme, Diagnostic> {
        for (id, section) in &config.sections {
            let Some(icon) = &section.icon else { continue };
            if !self.icons.contains_key(icon) {
                let known: Vec<&str> = self.icons.keys().map(String::as_str).collect();
                return Err(Diagnostic::new(
                    Code::ConfigInvalid,
                    format!("`[sections.{id}] icon = \"{icon}\"` names no icon of the theme"),
                )
                .at(Location::file(crate::config::CONFIG_FILE))
                .with_help(format!("the theme's icons: {}", known.join(", "))));
            }
        }
        Ok(self)
    }

    /// Every literal `t(key="...")` in the templates, in template order.
    pub fn used_messages(&self) -> Vec<UsedMessage> {
        let mut used = Vec::new();
        for (name, source) in &self.templates {
            for (offset, _) in source.match_indices("t(key=") {
                let rest = &source[offset + "t(key=".len()..];
                let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
                if let Some(end) = rest[1..].find(quote) {
                    used.push(UsedMessage { key: rest[1..1 + end].to_string(), template: name.clone(), offset });
                }
            }
        }
        used
    }

    fn add(&mut self, relative: &str, bytes: Vec<u8>) -> Result<(), String> {
        if let Some(name) = relative.strip_prefix("templates/") {
            let text = String::from_utf8(bytes).map_err(|_| "the template is not valid UTF-8".to_string())?;
            self.templates.insert(name.to_string(), text.replace("\r\n", "\n"));
        } else if let Some(asset) = relative.strip_prefix("static/") {
            self.assets.insert(asset.to_string(), bytes);
        } else if let Some(file) = relative.strip_prefix("icons/") {
            if let Some(name) = file.strip_suffix(".svg") {
                let text = String::from_utf8(bytes).map_err(|_| "the icon is not valid UTF-8".to_string())?;
                self.icons.insert(name.to_string(), prepare_icon(name, &text)?);
            }
        } else if let Some((lang, file)) = relative.strip_prefix("locales/").and_then(|r| r.split_once('/')) {
            if file.ends_with(".ftl") && !file.contains('/') {
                let text = String::from_utf8(bytes).map_err(|_| "the file is not valid UTF-8".to_string())?;
                self.locales.entry(lang.to_string()).or_default().insert(file.to_string(), text.replace("\r\n", "\n"));
            }
        }
        Ok(())
    }
}

/// The SVG from its root element on, with the attributes an inline icon
/// needs: a class for styling and `aria-hidden`, since the accessible name
/// comes from text next to it.
fn prepare_icon(name: &str, svg: &str) -> Result<String, String> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_') {
        return Err(format!("icon names use a-z, 0-9, `-` and `_`; `{name}.svg` does not"));
    }
    let scripted =
        |tag: html::StartTag| tag.name == "script" || tag.attributes.iter().any(html::Attribute::is_event_handler);
    if html::start_tags(svg).any(scripted) {
        return Err(format!("icon `{name}` contains a script or an event handler"));
    }
    let start = svg.find("<svg").ok_or_else(|| format!("icon `{name}` has no <svg> element"))?;
    let body = svg[start + 4..].trim_end();
    Ok(format!("<svg class=\"icon icon-{name}\" aria-hidden=\"true\" focusable=\"false\"{body}"))
}

#[cfg(test)]
mod tests {
    use super::{prepare_icon, DEFAULT_THEME};

    /// A file added to themes/default but not embedded would work in this
    /// repository (which has the folder) and be missing everywhere else.
    #[test]
    fn every_default_theme_file_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| entry.path().strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"))
            // Pictures of the theme for the README; the loader ignores them.
            .filter(|path| !path.starts_with("screenshots/"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = DEFAULT_THEME.iter().map(|(path, _)| path.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn icons_are_marked_decorative_and_checked() {
        let svg =
            prepare_icon("item-add", "<?xml version=\"1.0\"?>\n<svg viewBox=\"0 0 24 24\"><path d=\"M1 1\"/></svg>\n")
                .unwrap();
        assert_eq!(svg, "<svg class=\"icon icon-item-add\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\"><path d=\"M1 1\"/></svg>");
        assert!(prepare_icon("x", "<svg><script>alert(1)</script></svg>").is_err());
        assert!(prepare_icon("x", "<svg onload=\"alert(1)\"></svg>").is_err());
        assert!(prepare_icon("x", "<svg><g id=\"only\"/></svg>").is_ok());
        assert!(prepare_icon("bad name", "<svg/>").is_err());
        assert!(prepare_icon("x", "no svg").is_err());
    }
}
