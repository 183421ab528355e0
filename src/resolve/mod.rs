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

use rayon::prelude::*;

pub use checks::Checks;
pub use redirects::Redirect;

use crate::content::{Languages, MediaFile, SourceArticle};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::ids::{ArticlePath, LangId, Slug};
use crate::markdown::{LinkTarget, ParsedDoc};

/// What the whole-site checks found, kept apart where a change to one
/// article's body changes only part of it.
#[derive(Debug, Default)]
pub struct CheckResults {
    /// Each article's own checks, in the order of `Site::articles`.
    pub articles: Vec<Vec<Diagnostic>>,
    pub orphans: Diagnostics,
    /// What each article leads to, and how many articles lead to each
    /// path: the orphans follow from them.
    leads: Vec<Vec<ArticlePath>>,
    reached: HashMap<ArticlePath, usize>,
}

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

    /// The article lives elsewhere now (`redirect_to`): its page sends
    /// readers there and is listed nowhere.
    pub fn is_redirect(&self) -> bool {
        self.article.source.front.redirect_to.is_some()
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

    /// The site path of the home page a link names (`/`, or `/fr/` for a
    /// language's), if it names one.
    pub fn home_path(&self, target: &LinkTarget) -> Option<String> {
        let LinkTarget::Url { path, .. } = target else { return None };
        if path.is_empty() {
            return Some(String::new());
        }
        self.languages.all.iter().find(|l| l.as_str() == path).map(|l| format!("{l}/"))
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
/// `index_diags`) and checks the site (problems of its shape go to
/// `check_diags`, the others are returned by article).
pub fn resolve(
    articles: Vec<Article>,
    languages: Languages,
    checks: &Checks,
    index_diags: &mut Diagnostics,
    check_diags: &mut Diagnostics,
) -> (Site, CheckResults) {
    let (entries, slugs) = index_entries(&articles, index_diags);
    let mut site = Site { languages, articles, entries, slugs, redirects: BTreeMap::new() };
    let results = site.check(checks, check_diags);
    (site, results)
}

impl Site {
    /// Indexes the old URLs that redirect and runs the whole-site checks:
    /// what depends on the articles' contents rather than their paths.
    /// Every whole-site check: the redirects are indexed again, then each
    /// article and the site's shape are checked.
    pub fn check(&mut self, checks: &Checks, diags: &mut Diagnostics) -> CheckResults {
        self.redirects = redirects::index(self, diags);
        checks::translations(self, diags);
        // Each article is checked against the site alone: on every core.
        let site = &*self;
        let articles =
            (0..site.articles.len()).into_par_iter().map(|index| site.check_article(index, checks)).collect();
        let leads: Vec<Vec<ArticlePath>> = site.articles.par_iter().map(|a| checks::leads_to(site, a)).collect();
        let mut reached: HashMap<ArticlePath, usize> = HashMap::new();
        for path in leads.iter().flatten() {
            *reached.entry(path.clone()).or_default() += 1;
        }
        let mut orphans = Diagnostics::default();
        checks::orphans(self, &reached, &mut orphans);
        CheckResults { articles, orphans, leads, reached }
    }

    /// The checks of article `index` alone (see `checks::article`).
    pub fn check_article(&self, index: usize, checks: &Checks) -> Vec<Diagnostic> {
        let mut diags = Diagnostics::default();
        if let Some(article) = self.articles.get(index) {
            checks::article(self, article, checks, &mut diags);
        }
        diags.into_iter().collect()
    }

    /// Article `index` may lead elsewhere now: the orphans are found again
    /// from what the others led to before.
    pub fn check_orphans_after(&self, index: usize, results: &mut CheckResults) {
        let Some(article) = self.articles.get(index) else { return };
        let now = checks::leads_to(self, article);
        if let Some(before) = results.leads.get_mut(index) {
            for path in before.iter() {
                if let Some(count) = results.reached.get_mut(path) {
                    *count = count.saturating_sub(1);
                }
            }
            for path in &now {
                *results.reached.entry(path.clone()).or_default() += 1;
            }
            *before = now;
        }
        results.orphans = Diagnostics::default();
        checks::orphans(self, &results.reached, &mut results.orphans);
    }

    /// The articles with a link into article `index`, whose anchors it
    /// defines: checked again when its body changes.
    pub fn linking_to(&self, index: usize) -> Vec<usize> {
        let Some(target) = self.articles.get(index) else { return Vec::new() };
        let leads_there = |article: &Article| {
            article.doc.links.iter().any(|link| match &link.target {
                LinkTarget::Article { path, .. } => *path == target.source.path,
                LinkTarget::Url { .. } => self
                    .find(&article.source.lang, &link.target)
                    .is_some_and(|(page, _)| *page.path == target.source.path),
                LinkTarget::SamePage(_) | LinkTarget::External(_) => false,
            })
        };
        (0..self.articles.len()).filter(|&i| i != index && leads_there(&self.articles[i])).collect()
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

/// Every article path with its slug and translations. A path whose slug
/// collides with another's is still indexed, so links to it are checked
/// against it and only the collision is reported: once for each of its
/// files, in every language. Slugs that differ only in case collide too,
/// as they do on the file systems of many writers and hosts.
fn index_entries(
    articles: &[Article],
    diags: &mut Diagnostics,
) -> (BTreeMap<ArticlePath, Entry>, HashMap<Slug, ArticlePath>) {
    let mut entries: BTreeMap<ArticlePath, Entry> = BTreeMap::new();
    let mut slugs: HashMap<Slug, ArticlePath> = HashMap::new();
    // Lowercase slug -> the first path that took it.
    let mut owners: HashMap<String, ArticlePath> = HashMap::new();
    for (index, article) in articles.iter().enumerate() {
        let source = &article.source;
        let slug = match entries.get_mut(&source.path) {
            Some(entry) => {
                entry.translations.insert(source.lang.clone(), index);
                entry.slug.clone()
            }
            None => {
                let Some(slug) = Slug::from_path(&source.path) else {
                    diags.push(unusable_slug(source));
                    continue;
                };
                owners.entry(slug.as_str().to_lowercase()).or_insert_with(|| source.path.clone());
                slugs.entry(slug.clone()).or_insert_with(|| source.path.clone());
                let translations = HashMap::from([(source.lang.clone(), index)]);
                entries.insert(source.path.clone(), Entry { slug: slug.clone(), translations });
                slug
            }
        };
        if let Some(owner) = owners.get(&slug.as_str().to_lowercase()).filter(|owner| **owner != source.path) {
            diags.push(duplicate_slug(articles, source, &slug, owner, &entries));
        }
    }
    (entries, slugs)
}

fn unusable_slug(source: &SourceArticle) -> Diagnostic {
    Diagnostic::new(Code::ContentSlug, format!("the file name `{}.md` cannot be used in a URL", source.path.stem()))
        .at(Location::file(&source.file))
        .with_help("use letters, digits, `-`, `_` and `.` only, for example `browser-setup.md`")
}

/// `source`'s slug is taken by the article at `owner`: named by its file in
/// the same language, or else in the first language that has it.
fn duplicate_slug(
    articles: &[Article],
    source: &SourceArticle,
    slug: &Slug,
    owner: &ArticlePath,
    entries: &BTreeMap<ArticlePath, Entry>,
) -> Diagnostic {
    let owner_entry = entries.get(owner);
    let translation = |lang: &LangId| owner_entry.and_then(|e| e.translations.get(lang)).map(|&i| &articles[i]);
    let first = translation(&source.lang).or_else(|| owner_entry?.translations.values().min().map(|&i| &articles[i]));
    let first_file = first.map_or_else(|| owner.to_string(), |a| a.source.file.display().to_string());
    let owner_slug = owner_entry.map_or_else(String::new, |e| e.slug.to_string());
    let message = if owner_slug == slug.as_str() {
        format!("the URL slug `{slug}` is already used by {first_file}")
    } else {
        format!("the URL slug `{slug}` differs only in case from `{owner_slug}`, used by {first_file}; many file systems and hosts see one page")
    };
    Diagnostic::new(Code::ContentDuplicateSlug, message).at(Location::file(&source.file)).with_help(
        "URLs are /<lang>/<file name>/, so file names must be unique in a language; rename one of the two files",
    )
}
