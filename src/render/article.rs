//! Article pages: the view of one article in one language (its body,
//! table of contents, offers, neighbours, sidebar, feedback links) and the
//! pages an article's file turns into.

use tera::Context;

use super::contents::section_id;
use super::twin::MarkdownPage;
use super::view::*;
use super::{body, feedback, template_error, OutputFile, Renderer};
use crate::error::Result;
use crate::ids::LangId;
use crate::markdown::LinkTarget;
use crate::resolve::{page_site_path, Page};

impl Renderer<'_> {
    pub(super) fn article(&self, page: &Page) -> Result<String> {
        let base = &self.config.base_url;
        let source = &page.article.source;
        let front = &source.front;
        let toc = if front.toc {
            page.article.doc.headings.iter().filter(|h| (2..=3).contains(&h.level)).cloned().collect()
        } else {
            Vec::new()
        };
        // A fallback page points at the original as canonical, so it must not
        // also claim to be one of the alternates.
        let translated: Vec<&LangId> = if page.is_fallback() { Vec::new() } else { self.site.translations(page.path) };
        let alternates = self.alternates(&translated, |lang| page_site_path(lang, page.slug));
        // A fallback page duplicates another language's text: point search
        // engines at the original.
        let canonical_lang = if page.is_fallback() { &source.lang } else { page.lang };
        let frame = Frame {
            description: front.description.clone().unwrap_or_default(),
            canonical: base.url_of(&page_site_path(canonical_lang, page.slug)),
            alternates,
            code_styles: page.article.doc.has_code,
            ..self.frame(page.lang, |lang| page_site_path(lang, page.slug))
        };
        let (previous, next) = self.contents().neighbours(page.lang, page.path);
        let url = base.url_of(&page.site_path());
        let view = ArticleView {
            title: front.title.clone(),
            body: self.body(page),
            selfcheck: page.article.doc.has_selfcheck,
            toc,
            offers: front
                .product_label
                .iter()
                .map(|id| OfferView { id: id.clone(), name: self.text_or(page.lang, &format!("offer-{id}"), id) })
                .collect(),
            related: self.related(page),
            fallback: page.is_fallback(),
            content_lang: source.lang.to_string(),
            section: SectionRef {
                id: section_id(page.path).to_string(),
                title: self.section_title(page.lang, section_id(page.path)),
            },
            contact: self.config.feedback.contact.as_deref().map_or_else(String::new, |contact| {
                feedback::contact_link(contact, &front.title, &url, page.lang.as_str())
            }),
            markdown_url: base.path_of(&format!("{}{}", page.site_path(), MarkdownPage::FILE)),
            url,
            updated: self.data.history.changed(&source.file).map(DateView::from),
            previous,
            next,
            nav: self.contents().sidebar(page.lang, page.path, |id| self.section_title(page.lang, id)),
            // A labelled article is not for the other offers: their readers get a notice.
            other_offers: if front.product_label.is_empty() {
                Vec::new()
            } else {
                frame.offers.iter().filter(|offer| !front.product_label.contains(&offer.id)).cloned().collect()
            },
            extra: front.extra.clone(),
        };
        let mut context = Context::from_serialize(&frame).map_err(template_error("article.html"))?;
        context.insert("page", &view);
        self.render("article.html", &context)
    }

    /// The files of the pages that show the article written in `file` (its
    /// own, and those of languages that fall back to it), and the full
    /// texts of their languages: what a change to its text alone changes.
    pub fn pages_of(&self, file: &std::path::Path) -> Result<Vec<OutputFile>> {
        let mut files = Vec::new();
        let mut languages = Vec::new();
        for page in self.site.pages().filter(|page| page.article.source.file == file) {
            let (html, twin) = self.page(&page)?;
            files.push(html);
            if let Some(twin) = twin {
                files.push(twin.into_file());
                languages.push(page.lang);
            }
        }
        files.extend(languages.into_iter().filter_map(|lang| self.full_text_file(lang)));
        Ok(files)
    }

    /// A page's HTML file, and its Markdown twin unless it only redirects.
    pub(super) fn page(&self, page: &Page) -> Result<(OutputFile, Option<MarkdownPage>)> {
        let (html, twin) = match page.article.source.front.redirect_to.as_deref() {
            // `redirect_to`: the article lives elsewhere now.
            Some(to) => (self.redirect(page.lang, to)?, None),
            None => (self.article(page)?, Some(self.markdown_page(page))),
        };
        Ok((OutputFile::new(page_file(page), html), twin))
    }

    fn related(&self, page: &Page) -> Vec<LinkView> {
        let base = &self.config.base_url;
        let mut links = Vec::new();
        for related in &page.article.source.front.related_articles {
            let Ok(path) = &related.path else {
                continue;
            };
            let Some(target) = self.site.page(page.lang, path) else {
                continue;
            };
            let title = match &related.overwrite_title {
                Some(title) if !self.config.is_placeholder_title(title) => title.clone(),
                _ => target.article.source.front.title.clone(),
            };
            let lang = target.is_fallback().then(|| target.article.source.lang.to_string());
            links.push(LinkView { title, url: base.path_of(&target.site_path()), lang });
        }
        links
    }

    /// The article's HTML, its cross-links pointing at the pages readers of
    /// this language get.
    fn body(&self, page: &Page) -> String {
        body::to_html(&page.article.doc, |target| self.href(page, target))
    }

    /// Where a link to another page of the site points, for readers of the
    /// page's language.
    pub(super) fn href(&self, page: &Page, target: &LinkTarget) -> Option<body::Href> {
        let base = &self.config.base_url;
        let Some((found, anchor)) = self.site.find(page.lang, target) else {
            let home = self.site.home_path(target)?;
            return Some(body::Href { url: base.path_of(&home), hreflang: None });
        };
        let mut url = base.path_of(&found.site_path());
        if let Some(anchor) = anchor {
            url.push('#');
            url.push_str(anchor);
        }
        let hreflang = found.is_fallback().then(|| found.article.source.lang.to_string());
        Some(body::Href { url, hreflang })
    }
}

/// Where a page's HTML is published: `fr/browser-setup/index.html`.
pub(super) fn page_file(page: &Page) -> String {
    format!("{}index.html", page.site_path())
}
