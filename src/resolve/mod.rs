//! Stage 3, resolve: build the `Site` index (every article in every language,
//! its slug and its translations) and check every cross-reference against it.
//!
//! Steps: give each article path a slug and refuse duplicates; decide, for
//! each language, which translation each page shows (its own, else the
//! default language's, else any); check link_new targets and anchors and
//! related articles; report missing translations. The index is read-only
//! afterwards and shared by the parallel renderers.

use std::collections::{BTreeMap, HashMap};

use crate::content::{Languages, MediaFile, SourceArticle};
use crate::diag::{did_you_mean, Diagnostic, Diagnostics};
use crate::dialect::CrossLink;
use crate::ids::{ArticlePath, LangId, Slug};
use crate::markdown::ParsedDoc;
use crate::offers::Offers;

/// One parsed translation of an article.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: SourceArticle,
    pub links: Vec<CrossLink>,
    pub doc: ParsedDoc,
    /// Images the article shows, published with it.
    pub media: Vec<MediaFile>,
}

/// What the whole-site checks need besides the articles.
pub struct Checks<'a> {
    pub offers: &'a Offers,
    pub placeholder_title: &'a dyn Fn(&str) -> bool,
}

#[derive(Debug, Clone)]
struct Entry {
    slug: Slug,
    /// Index into `Site::articles`, by language.
    translations: HashMap<LangId, usize>,
}

#[derive(Debug)]
pub struct Site {
    pub languages: Languages,
    articles: Vec<Article>,
    entries: BTreeMap<ArticlePath, Entry>,
}

/// A page as published: an article path in one language, showing either its
/// own translation or a fallback.
#[derive(Debug, Clone, Copy)]
pub struct Page<'s> {
    pub lang: &'s LangId,
    pub path: &'s ArticlePath,
    pub slug: &'s Slug,
    pub article: &'s Article,
}

impl Page<'_> {
    /// True when the page shows another language's text.
    pub fn is_fallback(&self) -> bool {
        &self.article.source.lang != self.lang
    }

    /// `fr/browser-setup/`, relative to the site root.
    pub fn site_path(&self) -> String {
        page_site_path(self.lang, self.slug)
    }
}

pub fn page_site_path(lang: &LangId, slug: &Slug) -> String {
    format!("{lang}/{slug}/")
}

impl Site {
    /// Every published page, language by language, paths in sorted order.
    pub fn pages(&self) -> impl Iterator<Item = Page<'_>> + '_ {
        self.languages
            .all
            .iter()
            .flat_map(move |lang| self.entries.keys().filter_map(move |path| self.page(lang, path)))
    }

    /// The page for `path` in `lang`: its own translation, else the default
    /// language's, else the first language that has it.
    pub fn page<'s>(&'s self, lang: &'s LangId, path: &ArticlePath) -> Option<Page<'s>> {
        let (path, entry) = self.entries.get_key_value(path)?;
        let index = std::iter::once(lang)
            .chain(self.languages.all.iter())
            .find_map(|l| entry.translations.get(l))?;
        Some(Page {
            lang,
            path,
            slug: &entry.slug,
            article: &self.articles[*index],
        })
    }

    /// The languages that have their own translation of `path`, in site order.
    pub fn translations(&self, path: &ArticlePath) -> Vec<&LangId> {
        let Some(entry) = self.entries.get(path) else {
            return Vec::new();
        };
        self.languages
            .all
            .iter()
            .filter(|l| entry.translations.contains_key(*l))
            .collect()
    }

    /// Every article as written, in every language.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn page_count(&self) -> usize {
        self.entries.len() * self.languages.all.len()
    }
}

pub fn resolve(articles: Vec<Article>, languages: Languages, checks: &Checks, diags: &mut Diagnostics) -> Site {
    let entries = index_entries(&articles, diags);
    let site = Site {
        languages,
        articles,
        entries,
    };
    for article in &site.articles {
        check_links(&site, article, diags);
        check_related(&site, article, checks.placeholder_title, diags);
        check_offers(article, checks.offers, diags);
    }
    report_missing_translations(&site, diags);
    site
}

fn index_entries(articles: &[Article], diags: &mut Diagnostics) -> BTreeMap<ArticlePath, Entry> {
    let mut entries: BTreeMap<ArticlePath, Entry> = BTreeMap::new();
    let mut slug_owner: HashMap<Slug, &ArticlePath> = HashMap::new();
    let mut refused: Vec<&ArticlePath> = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let source = &article.source;
        if let Some(entry) = entries.get_mut(&source.path) {
            entry.translations.insert(source.lang.clone(), index);
            continue;
        }
        if refused.contains(&&source.path) {
            continue;
        }
        let Some(slug) = Slug::from_path(&source.path) else {
            diags.push(
                Diagnostic::error(
                    "content.slug",
                    format!("the file name `{}.md` cannot be used in a URL", source.path.stem()),
                )
                .at(crate::diag::Location::file(&source.file))
                .with_help("use letters, digits, `-`, `_` and `.` only, for example `browser-setup.md`"),
            );
            refused.push(&source.path);
            continue;
        };
        if let Some(owner) = slug_owner.get(&slug) {
            let first = articles
                .iter()
                .find(|a| &a.source.path == *owner && a.source.lang == source.lang);
            let first_file = first.map_or_else(|| owner.to_string(), |a| a.source.file.display().to_string());
            diags.push(
                Diagnostic::error("content.duplicate-slug", format!("the URL slug `{slug}` is already used by {first_file}"))
                    .at(crate::diag::Location::file(&source.file))
                    .with_help("URLs are /<lang>/<file name>/, so file names must be unique in a language; rename one of the two files"),
            );
            refused.push(&source.path);
            continue;
        }
        slug_owner.insert(slug.clone(), &source.path);
        let translations = HashMap::from([(source.lang.clone(), index)]);
        entries.insert(source.path.clone(), Entry { slug, translations });
    }
    entries
}

fn check_links(site: &Site, article: &Article, diags: &mut Diagnostics) {
    let source = &article.source;
    for link in &article.links {
        let location = link.location.clone();
        let Some(target) = site.page(&source.lang, &link.target) else {
            diags.push(missing_target("link.missing-target", site, &link.target).at(location));
            continue;
        };
        if target.is_fallback() {
            diags.push(
                Diagnostic::warning(
                    "link.untranslated-target",
                    format!(
                        "`{}` is not translated into `{}`; readers get the `{}` text",
                        link.target, source.lang, target.article.source.lang
                    ),
                )
                .at(location.clone()),
            );
        }
        if let Some(anchor) = &link.anchor {
            if !target.article.doc.has_anchor(anchor) {
                let ids = target.article.doc.headings.iter().map(|h| h.id.as_str());
                let mut d = Diagnostic::error(
                    "link.missing-anchor",
                    format!(
                        "`{}` has no heading with the id `{anchor}`",
                        target.article.source.file.display()
                    ),
                )
                .at(location);
                if let Some(close) = did_you_mean(anchor, ids) {
                    d = d.with_help(format!("did you mean `#{close}`?"));
                }
                diags.push(d);
            }
        }
    }
}

fn check_related(site: &Site, article: &Article, placeholder: &dyn Fn(&str) -> bool, diags: &mut Diagnostics) {
    let source = &article.source;
    for related in &source.front.related_articles {
        let location = source.front_matter_location(&related.filepath);
        match ArticlePath::parse(&related.filepath) {
            Ok(path) if site.entries.contains_key(&path) => {}
            Ok(path) => diags.push(missing_target("related.missing-target", site, &path).at(location)),
            Err(e) => diags.push(
                Diagnostic::error(
                    "related.missing-target",
                    format!("invalid related article path `{}`: {e}", related.filepath),
                )
                .at(location),
            ),
        }
        if let Some(title) = &related.overwrite_title {
            if placeholder(title) && !title.trim().is_empty() {
                diags.push(
                    Diagnostic::info(
                        "placeholder.overwrite-title",
                        format!(
                            "`overwrite_title: {title}` is a translation placeholder; the target's own title is shown"
                        ),
                    )
                    .at(source.front_matter_location(title)),
                );
            }
        }
    }
}

fn check_offers(article: &Article, offers: &Offers, diags: &mut Diagnostics) {
    let source = &article.source;
    for id in &source.front.product_label {
        if offers.get(id).is_none() {
            diags.push(
                offers
                    .unknown(id)
                    .at(source.front_matter_value_location("product_label", id)),
            );
        }
    }
}

fn missing_target(code: &'static str, site: &Site, target: &ArticlePath) -> Diagnostic {
    let mut d = Diagnostic::error(code, format!("no article `{target}` exists in any language"));
    let paths = site.entries.keys().map(ArticlePath::as_str);
    if let Some(close) = did_you_mean(target.as_str(), paths) {
        d = d.with_help(format!("did you mean `{close}`?"));
    } else if let Some(same_name) = site.entries.keys().find(|p| p.stem() == target.stem()) {
        d = d.with_help(format!(
            "paths are relative to the language folder; did you mean `{same_name}`?"
        ));
    }
    d
}

fn report_missing_translations(site: &Site, diags: &mut Diagnostics) {
    for (path, entry) in &site.entries {
        let missing: Vec<&str> = site
            .languages
            .all
            .iter()
            .filter(|l| !entry.translations.contains_key(*l))
            .map(LangId::as_str)
            .collect();
        if missing.is_empty() {
            continue;
        }
        if let Some(page) = site.page(&site.languages.default, path) {
            diags.push(
                Diagnostic::info(
                    "i18n.missing-translation",
                    format!(
                        "not translated into {}; those pages show the `{}` text with a notice",
                        missing.join(", "),
                        page.article.source.lang
                    ),
                )
                .at(crate::diag::Location::file(&page.article.source.file)),
            );
        }
    }
}
