//! The translation report: per language, how many articles have their own
//! text, which are missing (readers get the default language's), and which
//! language-specific snippets (`_includes/.../<lang>/...`) are missing.
//! Thresholds in helpgen.toml turn too many missing articles into errors.

use std::collections::BTreeMap;

use crate::config::CONFIG_FILE;
use crate::content::Includes;
use crate::diag::{Code, Diagnostic, Location};
use crate::ids::LangId;
use crate::resolve::Site;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LanguageStatus {
    pub lang: LangId,
    pub translated: usize,
    /// Article paths shown from another language.
    pub missing: Vec<String>,
    /// Snippets the default language has under its own folder and this one lacks.
    pub missing_includes: Vec<String>,
}

pub fn report(site: &Site, includes: &Includes) -> Vec<LanguageStatus> {
    let default = &site.languages.default;
    let paths: Vec<&str> = includes.paths().collect();
    site.languages
        .all
        .iter()
        .map(|lang| {
            let (mut translated, mut missing) = (0, Vec::new());
            for page in site.pages().filter(|p| p.lang == lang) {
                if page.is_fallback() {
                    missing.push(page.path.to_string());
                } else {
                    translated += 1;
                }
            }
            let missing_includes = if lang == default {
                Vec::new()
            } else {
                paths
                    .iter()
                    .filter_map(|path| swap_language(path, default, lang))
                    .filter(|swapped| !paths.contains(&swapped.as_str()))
                    .collect()
            };
            LanguageStatus { lang: lang.clone(), translated, missing, missing_includes }
        })
        .collect()
}

/// `reusables/en/steps/x.md` for `de`: `reusables/de/steps/x.md`.
fn swap_language(path: &str, from: &LangId, to: &LangId) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let at = segments.iter().position(|s| *s == from.as_str())?;
    let mut swapped = segments;
    swapped[at] = to.as_str();
    Some(swapped.join("/"))
}

/// Errors for languages over their `max_untranslated` threshold.
pub fn check_thresholds(status: &[LanguageStatus], limits: &BTreeMap<String, usize>) -> Vec<Diagnostic> {
    status
        .iter()
        .filter_map(|s| {
            let limit = *limits.get(s.lang.as_str())?;
            (s.missing.len() > limit).then(|| {
                Diagnostic::new(
                    Code::I18nTooManyUntranslated,
                    match s.missing.len() {
                        1 => format!("1 article is not translated into `{}`; helpgen.toml allows {limit}", s.lang),
                        n => format!("{n} articles are not translated into `{}`; helpgen.toml allows {limit}", s.lang),
                    },
                )
                .at(Location::file(CONFIG_FILE))
                .with_help("`helpgen check --translations` lists them")
            })
        })
        .collect()
}

/// The report as text, a few lines per language.
pub fn render_text(status: &[LanguageStatus]) -> String {
    let mut out = String::from("Translations:\n");
    for s in status {
        let total = s.translated + s.missing.len();
        out.push_str(&format!("  {}: {}/{} articles translated", s.lang, s.translated, total));
        if !s.missing_includes.is_empty() {
            out.push_str(&format!(", {} snippets missing", s.missing_includes.len()));
        }
        out.push('\n');
        for path in &s.missing {
            out.push_str(&format!("    missing: {path}\n"));
        }
        for path in &s.missing_includes {
            out.push_str(&format!("    missing snippet: _includes/{path}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_paths_swap_their_language_folder() {
        let (en, de) = (LangId::parse("en").unwrap(), LangId::parse("de").unwrap());
        assert_eq!(swap_language("reusables/en/steps/x.md", &en, &de).as_deref(), Some("reusables/de/steps/x.md"));
        assert_eq!(swap_language("shared/x.md", &en, &de), None);
    }

    #[test]
    fn thresholds_turn_into_errors() {
        let status = vec![LanguageStatus {
            lang: LangId::parse("fr").unwrap(),
            translated: 1,
            missing: vec!["a.md".into(), "b.md".into()],
            missing_includes: vec![],
        }];
        assert!(check_thresholds(&status, &BTreeMap::from([("fr".to_string(), 2)])).is_empty());
        let errors = check_thresholds(&status, &BTreeMap::from([("fr".to_string(), 1)]));
        assert_eq!(errors[0].code, Code::I18nTooManyUntranslated);
        assert!(errors[0].message.starts_with("2 articles are not translated into `fr`"), "{}", errors[0].message);
    }
}
