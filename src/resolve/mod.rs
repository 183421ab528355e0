//! Stage 3, resolve: build the `Site` index (every article in every language,
//! its slug, its translations, the old URLs that redirect to it) and check
//! every cross-reference against it.
//!
//! Steps: give each article path a slug and refuse duplicates; decide, for
//! each language, which translation each page shows (its own, else the
//! default language's, else any); index `redirect_from` URLs; then run the
//! whole-site checks. The index is read-only afterwards and shared by the
//! parallel renderers, which resolve links with the same `Site::find` the
//! checks use.

mod checks;
mod redirects;

use std::collections::{BTreeMap, HashMap};

pub use checks::Checks;
pub use redirects::Redirect;

use crate::content::{Languages, MediaFile, SourceArticle};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::ids::{ArticlePath, LangId, Slug};
use crate::markdown::{LinkTarget, ParsedDoc};

/// One parsed translation of an article.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: SourceArticle,
    pub doc: ParsedDoc,
    /// Images the article shows, published with it.
    pub media: Vec<MediaFile>,
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
    slugs: HashMap<Slug, ArticlePath>,
    /// Old URL (site path without slashes around it) to the page it moved to.
    redirects: BTreeMap<String, Redirect>,
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
        let index = std::iter::once(lang).chain(self.languages.all.iter()).find_map(|l| entry.translations.get(l))?;
        Some(Page { lang, path, slug: &entry.slug, article: &self.articles[*index] })
    }

    /// Where a link to another article leads for a reader of `lang`, with
    /// its anchor; `None` if nothing matches (or the link is not to an
    /// article). Old-style URLs match `/<slug>`, `/<lang>/<slug>` or a
    /// `redirect_from` entry.
    pub fn find<'s>(&'s self, lang: &'s LangId, target: &'s LinkTarget) -> Option<(Page<'s>, Option<&'s str>)> {
        match target {
            LinkTarget::Article { path, anchor } => Some((self.page(lang, path)?, anchor.as_deref())),
            LinkTarget::Url { path, anchor } => {
                let page = self.find_url(lang, path)?;
                Some((page, anchor.as_deref()))
            }
            LinkTarget::SamePage(_) | LinkTarget::External(_) => None,
        }
    }

    /// The article published under a URL slug.
    fn path_for_slug(&self, slug: &str) -> Option<&ArticlePath> {
        let slug = Slug::from_path(&ArticlePath::parse(&format!("{slug}.md")).ok()?)?;
        self.slugs.get(&slug)
    }

    fn find_url<'s>(&'s self, lang: &'s LangId, path: &str) -> Option<Page<'s>> {
        let segments: Vec<&str> = path.split('/').collect();
        let by_slug = |lang: &'s LangId, slug: &str| self.page(lang, self.path_for_slug(slug)?);
        let found = match segments.as_slice() {
            [slug] => by_slug(lang, slug),
            [first, slug] => {
                let other = self.languages.all.iter().find(|l| l.as_str() == *first)?;
                by_slug(other, slug)
            }
            _ => None,
        };
        // An old URL names an article; the reader gets it in their language.
        found.or_else(|| self.page(lang, &self.redirects.get(path)?.target))
    }

    /// The languages that have their own translation of `path`, in site order.
    pub fn translations(&self, path: &ArticlePath) -> Vec<&LangId> {
        let Some(entry) = self.entries.get(path) else { return Vec::new() };
        self.languages.all.iter().filter(|l| entry.translations.contains_key(*l)).collect()
    }

    /// Every article as written, in every language.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn redirects(&self) -> impl Iterator<Item = (&str, &Redirect)> {
        self.redirects.iter().map(|(from, r)| (from.as_str(), r))
    }

    pub fn page_count(&self) -> usize {
        self.entries.len() * self.languages.all.len()
    }

    fn paths(&self) -> impl Iterator<Item = &ArticlePath> {
        self.entries.keys()
    }
}

/// Indexes the articles (problems of their paths and slugs go to
/// `index_diags`) and checks the site (problems go to `check_diags`).
pub fn resolve(
    articles: Vec<Article>,
    languages: Languages,
    checks: &Checks,
    index_diags: &mut Diagnostics,
    check_diags: &mut Diagnostics,
) -> Site {
    let (entries, slugs) = index_entries(&articles, index_diags);
    let mut site = Site { languages, articles, entries, slugs, redirects: BTreeMap::new() };
    site.check(checks, check_diags);
    site
}

impl Site {
    /// Indexes the old URLs that redirect and runs the whole-site checks:
    /// what depends on the articles' contents rather than their paths.
    pub fn check(&mut self, checks: &Checks, diags: &mut Diagnostics) {
        self.redirects = redirects::index(self, diags);
        checks::run(self, checks, diags);
    }

    /// Puts a new version of article `index` in place: the same file, so
    /// the same language and path, and the index stays as it is. Call
    /// `check` afterwards.
    pub fn replace_article(&mut self, index: usize, article: Article) {
        if let Some(old) = self.articles.get_mut(index) {
            debug_assert!(old.source.lang == article.source.lang && old.source.path == article.source.path);
            *old = article;
        }
    }
}

fn index_entries(
    articles: &[Article],
    diags: &mut Diagnostics,
) -> (BTreeMap<ArticlePath, Entry>, HashMap<Slug, ArticlePath>) {
    let mut entries: BTreeMap<ArticlePath, Entry> = BTreeMap::new();
    let mut slugs: HashMap<Slug, ArticlePath> = HashMap::new();
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
                Diagnostic::new(
                    Code::ContentSlug,
                    format!("the file name `{}.md` cannot be used in a URL", source.path.stem()),
                )
                .at(Location::file(&source.file))
                .with_help("use letters, digits, `-`, `_` and `.` only, for example `browser-setup.md`"),
            );
            refused.push(&source.path);
            continue;
        };
        if let Some(owner) = slugs.get(&slug) {
            let first = articles.iter().find(|a| &a.source.path == owner && a.source.lang == source.lang);
            let first_file = first.map_or_else(|| owner.to_string(), |a| a.source.file.display().to_string());
            diags.push(
                Diagnostic::new(Code::ContentDuplicateSlug, format!("the URL slug `{slug}` is already used by {first_file}"))
                    .at(Location::file(&source.file))
                    .with_help("URLs are /<lang>/<file name>/, so file names must be unique in a language; rename one of the two files"),
            );
            refused.push(&source.path);
            continue;
        }
        slugs.insert(slug.clone(), source.path.clone());
        let translations = HashMap::from([(source.lang.clone(), index)]);
        entries.insert(source.path.clone(), Entry { slug, translations });
    }
    (entries, slugs)
}
