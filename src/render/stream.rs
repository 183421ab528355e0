//! The article pages in reading order, a batch at a time: each batch's
//! pages and twins are handed over together, while each language's
//! `llms-full.txt` grows from its twins and the links helpgen wrote into
//! them are followed. Beyond a batch, only one language's full text and
//! the links not yet answered are held.

use rayon::prelude::*;

use super::article::page_file;
use super::llms::FullText;
use super::published::PublishedLinks;
use super::twin::MarkdownPage;
use super::view::ArticleSummary;
use super::{OutputFile, Renderer, PAGES_AT_ONCE};
use crate::error::{Error, Result};
use crate::ids::LangId;
use crate::resolve::Page;

impl Renderer<'_> {
    /// Every file of the site, handed to `emit` a batch at a time: the
    /// article pages as they are rendered, then the files made from all of
    /// them, once the links helpgen wrote into its Markdown files are known
    /// to lead somewhere.
    pub fn render_streamed(&self, mut emit: impl FnMut(Vec<OutputFile>) -> Result<()>) -> Result<()> {
        let pages = self.pages_in_reading_order();
        let mut links = PublishedLinks::new(&self.config.base_url, pages.iter().map(page_file));
        let mut full_texts = FullTexts { renderer: self, next_language: 0, current: None };
        for batch in pages.chunks(PAGES_AT_ONCE) {
            let rendered: Vec<(OutputFile, Option<MarkdownPage>)> =
                batch.par_iter().map(|page| self.page(page)).collect::<Result<_>>()?;
            let mut files = Vec::with_capacity(rendered.len() * 2);
            for (page, (html, twin)) in batch.iter().zip(rendered) {
                files.push(html);
                if let Some(twin) = twin {
                    links.follow_twin(&twin);
                    full_texts.add(page, &twin, &mut files);
                    files.push(twin.into_file());
                }
            }
            full_texts.hand_over(&mut files);
            links.publish_files(&files);
            emit(files)?;
        }
        let mut files = self.site_files()?;
        full_texts.finish(&mut files);
        let broken = links.finish(&files);
        if !broken.is_empty() {
            return Err(Error::BrokenOutput(broken));
        }
        emit(files)
    }

    /// A language's whole `llms-full.txt`, made again from its pages.
    pub(super) fn full_text_file(&self, lang: &LangId) -> Option<OutputFile> {
        let mut text = self.full_text(lang);
        for page in self.pages_in_reading_order().iter().filter(|page| page.lang == lang) {
            if let Some((section, article)) = self.listed(page) {
                text.add(section, article, self.markdown_page(page).body());
            }
        }
        text.take_piece()
    }

    /// Where `page` is listed: its section's place, and its entry there.
    fn listed(&self, page: &Page) -> Option<(usize, &ArticleSummary)> {
        let (section, at) = self.contents().place(page.lang, page.path)?;
        Some((section, self.contents().sections(page.lang).get(section)?.articles.get(at)?))
    }

    /// Language by language, each language's pages in the order of its
    /// sections (the order of `llms-full.txt`), then the pages listed
    /// nowhere.
    fn pages_in_reading_order(&self) -> Vec<Page<'_>> {
        let contents = self.contents();
        let mut pages: Vec<Page> = self.site.pages().collect();
        // `pages()` goes language by language already: a stable sort keeps that.
        let language = |page: &Page| self.site.languages.all.iter().position(|l| l == page.lang);
        pages.sort_by_cached_key(|page| {
            (language(page), contents.place(page.lang, page.path).unwrap_or((usize::MAX, 0)))
        });
        pages
    }
}

/// Each language's `llms-full.txt`, made as its twins come and handed
/// over a piece per batch: a file is never in two pieces of one batch,
/// whose files are written side by side. Every language has one, even
/// with no article.
struct FullTexts<'r, 'a> {
    renderer: &'r Renderer<'a>,
    /// The first language whose file is not begun.
    next_language: usize,
    current: Option<FullText>,
}

impl FullTexts<'_, '_> {
    fn add(&mut self, page: &Page, twin: &MarkdownPage, batch: &mut Vec<OutputFile>) {
        let Some((section, article)) = self.renderer.listed(page) else { return };
        while self.current.as_ref().is_none_or(|text| text.lang() != page.lang) {
            if !self.begin_next(batch) {
                return;
            }
        }
        if let Some(text) = &mut self.current {
            text.add(section, article, twin.body());
        }
    }

    /// The current language's text so far, with the batch.
    fn hand_over(&mut self, batch: &mut Vec<OutputFile>) {
        batch.extend(self.current.as_mut().and_then(FullText::take_piece));
    }

    /// Hands over the rest of the current language's file and begins the
    /// next language's; false when every language is begun.
    fn begin_next(&mut self, batch: &mut Vec<OutputFile>) -> bool {
        self.hand_over(batch);
        self.current = None;
        let Some(lang) = self.renderer.site.languages.all.get(self.next_language) else { return false };
        self.next_language += 1;
        self.current = Some(self.renderer.full_text(lang));
        true
    }

    fn finish(mut self, batch: &mut Vec<OutputFile>) {
        while self.begin_next(batch) {}
    }
}
