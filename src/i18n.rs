//! UI strings: one Fluent bundle per language, built once per build and shared
//! read-only by the parallel renderers. The theme's strings are the base; a
//! site's `locales/<lang>/*.ftl` override them message by message (files in
//! name order, a later file winning). A message missing in a language falls
//! back to the default language, then to the theme's English, so a page never
//! shows a raw key.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::diag::{Code, Diagnostic, Diagnostics, LineIndex, Location};
use crate::ids::LangId;

/// The language of last resort, which every theme is expected to provide.
const THEME_FALLBACK: &str = "en";

/// Fluent files by language tag, then by file name: the theme's strings.
pub type ThemeStrings = BTreeMap<String, BTreeMap<String, String>>;

type Bundle = FluentBundle<FluentResource>;

pub struct Localizer {
    bundles: HashMap<LangId, Bundle>,
    default: LangId,
    theme_fallback: Bundle,
}

impl Localizer {
    /// Builds one bundle per language from the theme's strings and the
    /// site's `locales/` folder (which may be absent).
    pub fn load(
        theme: &ThemeStrings,
        locales_dir: &Path,
        languages: &[LangId],
        default: &LangId,
        diags: &mut Diagnostics,
    ) -> Localizer {
        let mut bundles = HashMap::new();
        for lang in languages {
            let mut bundle = new_bundle(lang);
            for source in theme.get(lang.as_str()).into_iter().flat_map(|files| files.values()) {
                add_theme_strings(&mut bundle, source);
            }
            for (display, source) in read_site_files(locales_dir, lang, diags) {
                match FluentResource::try_new(source) {
                    Ok(resource) => bundle.add_resource_overriding(resource),
                    Err((resource, errors)) => {
                        let text = resource.source();
                        let lines = LineIndex::new(text);
                        for e in errors {
                            diags.push(
                                Diagnostic::new(Code::I18nSyntax, format!("Fluent syntax error: {}", e.kind))
                                    .at(lines.location(&display, text, e.pos.start)),
                            );
                        }
                        // The entries that did parse are still usable.
                        bundle.add_resource_overriding(resource);
                    }
                }
            }
            bundles.insert(lang.clone(), bundle);
        }
        let fallback_lang = LangId::parse(THEME_FALLBACK).expect("the fallback is a valid tag");
        let mut theme_fallback = new_bundle(&fallback_lang);
        for source in theme.get(THEME_FALLBACK).into_iter().flat_map(|files| files.values()) {
            add_theme_strings(&mut theme_fallback, source);
        }
        Localizer { bundles, default: default.clone(), theme_fallback }
    }

    /// The message `key` in `lang`, falling back to the default language and
    /// then to the theme's English. `None` only if no bundle has the message.
    pub fn get(&self, lang: &LangId, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let chain = [self.bundles.get(lang), self.bundles.get(&self.default), Some(&self.theme_fallback)];
        chain.into_iter().flatten().find_map(|bundle| format(bundle, key, args))
    }

    /// Like `get`, but only from `lang`'s own bundle: for strings such as a
    /// language's own name, where another language's text would be wrong.
    pub fn get_exact(&self, lang: &LangId, key: &str) -> Option<String> {
        self.bundles.get(lang).and_then(|bundle| format(bundle, key, None))
    }
}

/// Checks the messages pages will ask for: each must exist in some language
/// (else pages would show the key), and each language should have its own
/// (else that language falls back). `wanted` pairs a key with where it is
/// asked for.
pub fn check_messages(l10n: &Localizer, languages: &[LangId], wanted: &[(String, Location)], diags: &mut Diagnostics) {
    let mut missing_by_lang: Vec<(&LangId, Vec<&str>)> = languages.iter().map(|l| (l, Vec::new())).collect();
    let mut seen = std::collections::BTreeSet::new();
    for (key, location) in wanted {
        if !seen.insert(key.as_str()) {
            continue;
        }
        if languages.first().and_then(|l| l10n.get(l, key, None)).is_none() {
            diags.push(
                Diagnostic::new(Code::I18nMissingMessage, format!("the message `{key}` is defined in no language"))
                    .at(location.clone())
                    .with_help(format!("add `{key} = ...` to locales/<lang>/*.ftl")),
            );
            continue;
        }
        for (lang, missing) in &mut missing_by_lang {
            if l10n.get_exact(lang, key).is_none() {
                missing.push(key);
            }
        }
    }
    for (lang, missing) in missing_by_lang.into_iter().filter(|(_, m)| !m.is_empty()) {
        let shown: Vec<&str> = missing.iter().take(12).copied().collect();
        let more = if missing.len() > shown.len() {
            format!(" and {} more", missing.len() - shown.len())
        } else {
            String::new()
        };
        diags.push(
            Diagnostic::new(
                Code::I18nUntranslatedMessage,
                format!("{} UI messages are not translated into `{lang}`: {}{more}", missing.len(), shown.join(", ")),
            )
            .at(Location::file(Path::new("locales").join(lang.as_str())))
            .with_help("pages in that language show them in the default language"),
        );
    }
}

fn new_bundle(lang: &LangId) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) around placeables would end up in HTML.
    bundle.set_use_isolating(false);
    bundle
}

fn add_theme_strings(bundle: &mut Bundle, source: &str) {
    // The default theme's files are checked by a unit test; for a custom
    // theme the part that parsed is still better than nothing.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    bundle.add_resource_overriding(resource);
}

fn format(bundle: &Bundle, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// `(display path, text)` of every `locales/<lang>/*.ftl`, sorted.
fn read_site_files(locales_dir: &Path, lang: &LangId, diags: &mut Diagnostics) -> Vec<(std::path::PathBuf, String)> {
    let dir = locales_dir.join(lang.as_str());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "ftl")).collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let display = Path::new("locales").join(lang.as_str()).join(path.file_name().unwrap_or_default());
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => files.push((display, text.trim_start_matches('\u{feff}').replace("\r\n", "\n"))),
            Ok(Err(_)) => diags.push(
                Diagnostic::new(Code::I18nEncoding, "the file is not valid UTF-8")
                    .at(Location::file(display))
                    .with_help("save the file with UTF-8 encoding"),
            ),
            Err(e) => diags
                .push(Diagnostic::new(Code::I18nUnreadable, format!("cannot read: {e}")).at(Location::file(display))),
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> LangId {
        LangId::parse(tag).unwrap()
    }

    fn default_theme() -> ThemeStrings {
        let files = |text: &str| BTreeMap::from([("ui.ftl".to_string(), text.to_string())]);
        BTreeMap::from([
            ("en".to_string(), files(include_str!("../themes/default/locales/en/ui.ftl"))),
            ("fr".to_string(), files(include_str!("../themes/default/locales/fr/ui.ftl"))),
            ("de".to_string(), files(include_str!("../themes/default/locales/de/ui.ftl"))),
        ])
    }

    #[test]
    fn default_theme_strings_parse_cleanly() {
        for (tag, files) in default_theme() {
            assert!(FluentResource::try_new(files["ui.ftl"].clone()).is_ok(), "{tag}/ui.ftl has a syntax error");
        }
    }

    #[test]
    fn default_theme_languages_define_every_english_message() {
        let theme = default_theme();
        let english = FluentResource::try_new(theme["en"]["ui.ftl"].clone()).unwrap();
        let ids = |r: &FluentResource| -> Vec<String> {
            r.entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect()
        };
        let english_ids = ids(&english);
        for tag in ["fr", "de"] {
            let other = ids(&FluentResource::try_new(theme[tag]["ui.ftl"].clone()).unwrap());
            let missing: Vec<_> = english_ids.iter().filter(|id| !other.contains(id)).collect();
            assert!(missing.is_empty(), "locales/{tag}/ui.ftl lacks {missing:?}");
        }
    }

    #[test]
    fn missing_messages_fall_back_to_the_default_language() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("xx")).unwrap();
        std::fs::write(dir.path().join("xx/ui.ftl"), "only-here = Ici\ngreeting = Salut { $name }\n").unwrap();
        let mut diags = Diagnostics::default();
        let langs = [lang("en"), lang("xx")];
        let l10n = Localizer::load(&default_theme(), dir.path(), &langs, &langs[0], &mut diags);
        assert!(diags.is_empty());
        assert_eq!(l10n.get(&langs[1], "only-here", None).as_deref(), Some("Ici"));
        let mut args = FluentArgs::new();
        args.set("name", "Ana");
        assert_eq!(l10n.get(&langs[1], "greeting", Some(&args)).as_deref(), Some("Salut Ana"));
        // Not in `xx`: comes from the default language (the theme's English).
        assert_eq!(l10n.get(&langs[1], "on-this-page", None).as_deref(), Some("On this page"));
        assert_eq!(l10n.get_exact(&langs[1], "on-this-page"), None);
        assert_eq!(l10n.get(&langs[1], "no-such-message", None), None);
    }

    #[test]
    fn syntax_errors_are_positioned() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/ui.ftl"), "ok = fine\n\nthis is not an entry\n").unwrap();
        let mut diags = Diagnostics::default();
        let l10n = Localizer::load(&default_theme(), dir.path(), &[lang("en")], &lang("en"), &mut diags);
        let d = diags.iter().next().expect("a diagnostic");
        assert_eq!(d.code, Code::I18nSyntax);
        assert_eq!(d.location.as_ref().unwrap().line, 3);
        assert_eq!(l10n.get(&lang("en"), "ok", None).as_deref(), Some("fine"));
    }
}
