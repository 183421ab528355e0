//! Site configuration: the optional `helpgen.toml` at the site root, merged
//! with command-line overrides into one immutable `Config`. Every key has a
//! default, so a folder with only `content/` builds.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use std::collections::BTreeMap;

use crate::diag::{did_you_mean, Code, Diagnostic, Level, LineIndex, Location};
use crate::ids::LangId;

pub const CONFIG_FILE: &str = "helpgen.toml";

/// Titles that translation tools write into `overwrite_title` when a title was
/// not translated; they mean "use the target's own title".
const DEFAULT_PLACEHOLDER_TITLES: &[&str] = &["Add title for untranslated source"];

#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub output: PathBuf,
    /// `None`: the localized `site-title` message.
    pub title: Option<String>,
    pub base_url: BaseUrl,
    /// `None` means: `en` if the site has it, otherwise the first language.
    pub default_language: Option<LangId>,
    /// `None` means: every language folder found under `content/`.
    pub languages: Option<Vec<LangId>>,
    pub theme: String,
    pub placeholder_titles: Vec<String>,
    /// Levels the site gives diagnostic codes (`[checks]`).
    pub checks: BTreeMap<Code, Level>,
    /// Most articles a language may lack before the build fails.
    pub max_untranslated: BTreeMap<String, usize>,
    /// Build the search index and show the search box: on unless the site
    /// says `search = false`, the build says `--no-search`, or helpgen was
    /// compiled without its `search` feature.
    pub search: bool,
    /// Where each language's search bundle is kept between builds, to be
    /// taken again while its pages do not change (`search_cache` or
    /// `--search-cache`); `None`: every build indexes.
    pub search_cache: Option<PathBuf>,
    /// The most pages one search index holds (`search_pages_per_index`):
    /// a larger language is indexed in parts, which the search box merges.
    pub search_pages_per_index: usize,
    /// Replace an output folder that holds files helpgen did not write.
    pub force: bool,
    /// Addresses whose pages content may embed (`<iframe src>` starting
    /// with one of them), such as a video host's embed URL.
    pub allow_frames_from: Vec<String>,
    /// The policy pages carry instead of the one helpgen derives
    /// (`[security] content_security_policy`); empty for none.
    pub content_security_policy: Option<String>,
    /// Where "Was this helpful?" goes (`[feedback]`); without either
    /// address pages do not ask.
    pub feedback: Feedback,
    /// `[sections.<id>]`: a section's card icon and place, by section id.
    pub sections: BTreeMap<String, SectionSettings>,
}

/// `[sections.<id>]` in helpgen.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSettings {
    /// The home page card's icon: one of the theme's icon names.
    pub icon: Option<String>,
    /// Sections are listed by `order`, lowest first, then by id; a section
    /// without one comes after those with one.
    pub order: Option<i64>,
}

/// `[feedback]`: the answer goes to `url` (a GET with `page`, `lang`,
/// `offer` and `helpful=yes|no`), and `contact` is offered to say more (a
/// `mailto:` or `https://` address, prefilled with the page). Nothing is
/// sent before the reader clicks.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub url: Option<String>,
    pub contact: Option<String>,
}

impl Feedback {
    pub fn asks(&self) -> bool {
        self.url.is_some() || self.contact.is_some()
    }
}

/// What the command line may override.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Skip the search index for this build.
    pub no_search: bool,
    /// Keep search bundles in this folder between builds.
    pub search_cache: Option<PathBuf>,
    /// Replace an output folder helpgen did not write (`--force`).
    pub force: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    title: Option<String>,
    base_url: Option<String>,
    default_language: Option<String>,
    languages: Option<Vec<String>>,
    theme: Option<String>,
    placeholder_titles: Option<Vec<String>>,
    checks: Option<BTreeMap<String, Level>>,
    translations: Option<TranslationsFile>,
    search: Option<bool>,
    /// Relative to the site root.
    search_cache: Option<PathBuf>,
    search_pages_per_index: Option<usize>,
    security: Option<SecurityFile>,
    feedback: Option<Feedback>,
    sections: Option<BTreeMap<String, SectionSettings>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecurityFile {
    allow_frames_from: Option<Vec<String>>,
    content_security_policy: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationsFile {
    max_untranslated: Option<BTreeMap<String, usize>>,
}

impl Config {
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }

    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }

    pub fn is_placeholder_title(&self, title: &str) -> bool {
        let title = title.trim();
        title.is_empty() || self.placeholder_titles.iter().any(|p| p.eq_ignore_ascii_case(title))
    }

    /// Reads `<root>/helpgen.toml` if present. A malformed file is a content
    /// problem with a position, not an internal failure.
    pub fn load(root: &Path, overrides: Overrides) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => parse_file(&text)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => ConfigFile::empty(),
            Err(e) => {
                return Err(Diagnostic::new(Code::ConfigUnreadable, format!("cannot read {CONFIG_FILE}: {e}"))
                    .at(Location::file(CONFIG_FILE)))
            }
        };
        let at_file = || Location::file(CONFIG_FILE);
        let lang = |tag: &str| {
            LangId::parse(tag).ok_or_else(|| {
                Diagnostic::new(Code::ConfigInvalid, format!("`{tag}` is not a language tag"))
                    .at(at_file())
                    .with_help("use a tag such as `en`, `fr`, `de` or `pt-BR`")
            })
        };
        let default_language = file.default_language.as_deref().map(lang).transpose()?;
        let languages = match file.languages {
            Some(tags) => Some(tags.iter().map(|t| lang(t)).collect::<Result<Vec<_>, _>>()?),
            None => None,
        };
        let base_url = overrides.base_url.or(file.base_url).unwrap_or_else(|| "/".to_string());
        let base_url = BaseUrl::parse(&base_url).map_err(|reason| {
            Diagnostic::new(Code::ConfigInvalid, format!("base URL `{base_url}` is unusable: {reason}")).at(at_file())
        })?;
        let mut checks = BTreeMap::new();
        for (name, level) in file.checks.unwrap_or_default() {
            let problem = match Code::from_name(&name) {
                Some(code) if code.level_can_change() => {
                    checks.insert(code, level);
                    continue;
                }
                Some(_) => format!("`{name}` cannot be changed: without it nothing sound can be built"),
                None => {
                    let hint = did_you_mean(&name, Code::ALL.iter().map(|c| c.as_str()))
                        .map(|c| format!("; did you mean `{c}`?"))
                        .unwrap_or_default();
                    format!("`{name}` under [checks] is not a diagnostic code{hint}")
                }
            };
            return Err(Diagnostic::new(Code::ConfigInvalid, problem)
                .at(at_file())
                .with_help("the codes are listed in the README"));
        }
        let security = file.security.unwrap_or(SecurityFile { allow_frames_from: None, content_security_policy: None });
        let allow_frames_from = security.allow_frames_from.unwrap_or_default();
        for prefix in &allow_frames_from {
            check_frame_prefix(prefix).map_err(|problem| {
                Diagnostic::new(Code::ConfigInvalid, format!("`{prefix}` in allow_frames_from {problem}"))
                    .at(at_file())
                    .with_help("give the address a frame's `src` starts with, such as `https://www.youtube-nocookie.com/embed/`")
            })?;
        }
        let feedback = file.feedback.unwrap_or_default();
        check_feedback(&feedback).map_err(|problem| {
            Diagnostic::new(Code::ConfigInvalid, problem)
                .at(at_file())
                .with_help("`url` takes an https:// address (http:// only on 127.0.0.1 or localhost); `contact` a mailto: or https:// address")
        })?;
        Ok(Config {
            feedback,
            sections: file.sections.unwrap_or_default(),
            checks,
            search: file.search.unwrap_or(true) && !overrides.no_search && cfg!(feature = "search"),
            search_cache: overrides.search_cache.or_else(|| file.search_cache.map(|dir| root.join(dir))),
            search_pages_per_index: file.search_pages_per_index.unwrap_or(crate::search::PAGES_PER_INDEX).max(1),
            force: overrides.force,
            allow_frames_from,
            content_security_policy: security.content_security_policy,
            max_untranslated: file.translations.and_then(|t| t.max_untranslated).unwrap_or_default(),
            root: root.to_path_buf(),
            output: overrides.output.unwrap_or_else(|| root.join("public")),
            title: file.title,
            base_url,
            default_language,
            languages,
            theme: file.theme.unwrap_or_else(|| "default".to_string()),
            placeholder_titles: file
                .placeholder_titles
                .unwrap_or_else(|| DEFAULT_PLACEHOLDER_TITLES.iter().map(|s| s.to_string()).collect()),
        })
    }
}

/// A frame prefix must be an `https://` address that can stand in a
/// Content-Security-Policy as it is (no spaces, quotes, `;` or `,`).
fn check_frame_prefix(prefix: &str) -> Result<(), &'static str> {
    let rest = prefix.strip_prefix("https://").ok_or("should start with `https://`")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'));
    if !host_ok || prefix.contains(|c: char| c.is_whitespace() || c.is_control() || "'\";,".contains(c)) {
        return Err("is not an address a frame can start with");
    }
    Ok(())
}

/// Feedback addresses end up in links and in the page's policy: only
/// plain web and mail addresses, without characters a policy or an
/// attribute would read differently.
/// Whether a URL's part after `http://` names this machine.
fn loopback(rest: &str) -> bool {
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let name = host.rsplit_once(':').filter(|(_, port)| port.parse::<u16>().is_ok()).map_or(host, |(name, _)| name);
    matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

fn check_feedback(feedback: &Feedback) -> Result<(), String> {
    let plain = |a: &str| !a.contains(|c: char| c.is_whitespace() || c.is_control() || "'\"<>;,`".contains(c));
    if let Some(url) = &feedback.url {
        // Plain http only to this machine: a local endpoint, or a test.
        let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://").filter(|rest| loopback(rest)));
        let host = host.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        if host.is_none_or(str::is_empty) || !plain(url) {
            return Err(format!("feedback `url` `{url}` is not an https:// address"));
        }
    }
    if let Some(contact) = &feedback.contact {
        let known = contact.starts_with("mailto:") || contact.starts_with("https://");
        if !known || !plain(contact) {
            return Err(format!("feedback `contact` `{contact}` is not a mailto: or https:// address"));
        }
    }
    Ok(())
}

impl ConfigFile {
    fn empty() -> ConfigFile {
        ConfigFile {
            title: None,
            base_url: None,
            default_language: None,
            languages: None,
            theme: None,
            placeholder_titles: None,
            checks: None,
            translations: None,
            search: None,
            search_cache: None,
            search_pages_per_index: None,
            security: None,
            feedback: None,
            sections: None,
        }
    }
}

fn parse_file(text: &str) -> Result<ConfigFile, Diagnostic> {
    toml::from_str(text).map_err(|e| {
        let location = match e.span() {
            Some(span) => LineIndex::new(text).location(Path::new(CONFIG_FILE), text, span.start),
            None => Location::file(CONFIG_FILE),
        };
        Diagnostic::new(Code::ConfigInvalid, e.message().to_string()).at(location)
    })
}

/// Where the site is published. Absolute URLs (`https://help.example.com/docs/`)
/// give absolute sitemap and hreflang links; a bare path (`/docs/`) works for
/// previews. Either way pages link to each other with root-relative paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host without a trailing slash, empty for a bare path.
    origin: String,
    /// Starts and ends with `/`.
    path: String,
}

impl BaseUrl {
    pub fn parse(raw: &str) -> Result<BaseUrl, &'static str> {
        let raw = raw.trim();
        if raw.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '?' | '#')) {
            return Err("it contains a space, a quote, `?`, `#` or an angle bracket");
        }
        let (origin, path) = match raw.split_once("://") {
            Some((scheme, rest)) => {
                if scheme != "http" && scheme != "https" {
                    return Err("only http and https URLs can be published");
                }
                let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
                if host.is_empty() {
                    return Err("the host is missing");
                }
                (format!("{scheme}://{host}"), path)
            }
            None if raw.starts_with('/') => (String::new(), raw),
            None => return Err("write an absolute URL (https://host/path/) or a path starting with `/`"),
        };
        let mut path = path.trim_end_matches('/').to_string();
        path.push('/');
        Ok(BaseUrl { origin, path })
    }

    /// Scheme and host (`https://help.example.com`), empty for a bare path.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The path the site is published under, with a `/` at each end.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Root-relative path of a site path such as `fr/browser-setup/`.
    pub fn path_of(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }

    /// Absolute URL when the origin is known, root-relative path otherwise.
    pub fn url_of(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.path_of(site_path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        let b = BaseUrl::parse("https://help.example.com").unwrap();
        assert_eq!(b.path_of("fr/a/"), "/fr/a/");
        assert_eq!(b.url_of("fr/a/"), "https://help.example.com/fr/a/");
        let b = BaseUrl::parse("https://example.com/docs").unwrap();
        assert_eq!(b.path_of("/fr/"), "/docs/fr/");
        let b = BaseUrl::parse("/").unwrap();
        assert_eq!(b.url_of("sitemap.xml"), "/sitemap.xml");
        assert!(BaseUrl::parse("ftp://x").is_err());
        assert!(BaseUrl::parse("help.example.com").is_err());
        assert!(BaseUrl::parse("https://x/\"><script>").is_err());
    }

    #[test]
    fn pages_per_search_index_are_at_least_one() {
        let per_index = |text: &str| {
            let dir = tempfile::tempdir().expect("a folder");
            std::fs::write(dir.path().join(CONFIG_FILE), text).expect("written");
            Config::load(dir.path(), Overrides::default()).map(|c| c.search_pages_per_index)
        };
        assert_eq!(per_index("").ok(), Some(crate::search::PAGES_PER_INDEX));
        assert_eq!(per_index("search_pages_per_index = 0\n").ok(), Some(1));
        assert_eq!(per_index("search_pages_per_index = 18446744073709551615\n").ok(), Some(usize::MAX));
        let negative = per_index("search_pages_per_index = -3\n").expect_err("refused");
        assert_eq!((negative.code, negative.location.map(|l| l.line)), (Code::ConfigInvalid, Some(1)));
    }

    #[test]
    fn config_errors_have_positions() {
        let err = parse_file("title = \"x\"\nbase_ulr = \"/\"\n").unwrap_err();
        assert_eq!(err.code, Code::ConfigInvalid);
        assert_eq!(err.location.unwrap().line, 2);
        assert!(err.message.contains("base_ulr"), "{}", err.message);
    }

    #[test]
    fn feedback_addresses_must_be_plain_web_or_mail_addresses() {
        let ok = |url: Option<&str>, contact: Option<&str>| {
            check_feedback(&Feedback { url: url.map(String::from), contact: contact.map(String::from) }).is_ok()
        };
        assert!(ok(Some("https://feedback.example.com/answers"), Some("mailto:docs@example.com")));
        assert!(ok(None, Some("https://example.com/contact")));
        assert!(!ok(Some("http://feedback.example.com/"), None));
        assert!(!ok(Some("http://127.0.0.1.example.com/"), None));
        assert!(ok(Some("http://127.0.0.1:8080/answers"), None));
        assert!(ok(Some("http://localhost/answers"), None));
        assert!(!ok(Some("https://"), None));
        assert!(!ok(Some("https://a.example.com/'; script-src *"), None));
        assert!(!ok(None, Some("javascript:alert(1)")));
        assert!(!ok(None, Some("mailto:a@example.com\"><b>")));
    }
}
