//! The table of contents of each language: its sections in reading order,
//! their articles sorted by title. The home page lists it, an article's
//! sidebar shows it around the article, and previous/next follow it.

use std::collections::HashMap;

use crate::ids::{ArticlePath, LangId};
use crate::resolve::{Page, Site};

use super::view::{ArticleSummary, LinkView, NavArticle, NavSection};

/// Articles a sidebar lists around the open one; a larger section links to
/// its full list on the home page instead, so pages stay small however
/// large a section grows.
const SIDEBAR_ARTICLES: usize = 15;

pub const GENERAL_SECTION: &str = "general";

pub fn section_id(path: &ArticlePath) -> &str {
    path.section().unwrap_or(GENERAL_SECTION)
}

pub struct Section {
    pub id: String,
    pub articles: Vec<ArticleSummary>,
}

pub struct Contents<'s> {
    by_lang: HashMap<&'s LangId, Vec<Section>>,
    /// Where each page is: its section and its place in it.
    places: HashMap<(&'s LangId, &'s ArticlePath), (usize, usize)>,
}

impl<'s> Contents<'s> {
    /// `order` is a section's place from helpgen.toml, if it has one.
    pub fn new(
        site: &'s Site,
        summary: impl Fn(&Page) -> ArticleSummary,
        order: impl Fn(&str) -> Option<i64>,
    ) -> Contents<'s> {
        let mut grouped: HashMap<&LangId, Vec<(&str, &ArticlePath, ArticleSummary)>> = HashMap::new();
        for page in site.pages().filter(|p| !p.is_redirect()) {
            grouped.entry(page.lang).or_default().push((section_id(page.path), page.path, summary(&page)));
        }
        let mut by_lang = HashMap::new();
        let mut places = HashMap::new();
        for (lang, mut entries) in grouped {
            // Articles at the language root come first, as the general
            // section; then sections in their configured order, then by id;
            // articles by title.
            entries.sort_by_cached_key(|(section, path, a)| {
                let place = (*section != GENERAL_SECTION, order(section).map_or((1, 0), |o| (0, o)));
                (place, section.to_string(), a.title.to_lowercase(), path.as_str().to_string())
            });
            let mut sections: Vec<Section> = Vec::new();
            for (section, path, article) in entries {
                if sections.last().is_none_or(|s| s.id != section) {
                    sections.push(Section { id: section.to_string(), articles: Vec::new() });
                }
                let index = sections.len() - 1;
                let current = &mut sections[index];
                places.insert((lang, path), (index, current.articles.len()));
                current.articles.push(article);
            }
            by_lang.insert(lang, sections);
        }
        Contents { by_lang, places }
    }

    pub fn sections(&self, lang: &LangId) -> &[Section] {
        self.by_lang.get(lang).map_or(&[], Vec::as_slice)
    }

    /// Where `path` is listed for readers of `lang`: its section's place
    /// and its own in it. `None` for a page listed nowhere (a redirect).
    pub fn place(&self, lang: &LangId, path: &ArticlePath) -> Option<(usize, usize)> {
        self.places.get(&(lang, path)).copied()
    }

    /// The articles before and after `path` in its section.
    pub fn neighbours(&self, lang: &LangId, path: &ArticlePath) -> (Option<LinkView>, Option<LinkView>) {
        let Some(&(section, at)) = self.places.get(&(lang, path)) else { return (None, None) };
        let articles = &self.sections(lang)[section].articles;
        let link = |a: &ArticleSummary| LinkView {
            title: a.title.clone(),
            url: a.url.clone(),
            lang: a.fallback.then(|| a.content_lang.clone()),
        };
        let previous = at.checked_sub(1).and_then(|i| articles.get(i)).map(link);
        (previous, articles.get(at + 1).map(link))
    }

    /// Every section of the language, the open article's own unfolded
    /// around it.
    pub fn sidebar(&self, lang: &LangId, path: &ArticlePath, title: impl Fn(&str) -> String) -> Vec<NavSection> {
        let place = self.places.get(&(lang, path)).copied();
        let sections = self.sections(lang);
        sections
            .iter()
            .enumerate()
            .map(|(index, section)| {
                let open = place.filter(|(s, _)| *s == index).map(|(_, at)| at);
                let articles = match open {
                    Some(at) => {
                        let (start, end) = window(section.articles.len(), at, SIDEBAR_ARTICLES);
                        section.articles[start..end]
                            .iter()
                            .enumerate()
                            .map(|(i, a)| NavArticle {
                                title: a.title.clone(),
                                url: a.url.clone(),
                                lang: a.fallback.then(|| a.content_lang.clone()),
                                current: start + i == at,
                            })
                            .collect()
                    }
                    None => Vec::new(),
                };
                NavSection {
                    id: section.id.clone(),
                    title: title(&section.id),
                    count: section.articles.len(),
                    current: open.is_some(),
                    more: open.is_some() && articles.len() < section.articles.len(),
                    articles,
                }
            })
            .collect()
    }
}

/// The `size` items of `len` around `at`, as a half-open range.
fn window(len: usize, at: usize, size: usize) -> (usize, usize) {
    if len <= size {
        return (0, len);
    }
    let start = at.saturating_sub(size / 2).min(len - size);
    (start, start + size)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_sidebar_window_holds_the_open_article_and_stays_in_bounds() {
        assert_eq!(window(5, 2, 25), (0, 5));
        assert_eq!(window(100, 0, 25), (0, 25));
        assert_eq!(window(100, 50, 25), (38, 63));
        assert_eq!(window(100, 99, 25), (75, 100));
        for at in 0..100 {
            let (start, end) = window(100, at, 25);
            assert!(start <= at && at < end && end - start == 25, "{at}: {start}..{end}");
        }
    }
}
