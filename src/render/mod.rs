//! Stage 4, render: turn the resolved site into files in memory. Templates
//! are parsed once; pages render in parallel from read-only state.
//!
//! Steps: set up Tera with the theme and a Fluent-backed `t()` function; for
//! every page of every language build its view (body HTML with cross-links
//! resolved for that language, TOC, offers, related articles, alternates),
//! render it and write its Markdown twin, a batch of pages at a time; then
//! the per-language home and 404 pages, the root redirect, the `llms` and
//! host files, the sitemap and the theme assets, once the links written
//! into the Markdown files are checked.

mod article;
mod body;
mod contents;
mod csp;
mod feedback;
mod llms;
mod published;
mod site_files;
mod sitemap;
mod stream;
mod twin;
mod view;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentArgs;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::ids::LangId;
use crate::offers::Offers;
use crate::requirements::Requirements;
use crate::resolve::{Page, Site};
use crate::theme::Theme;
use contents::Contents;
use view::*;

/// Article pages are rendered and handed over this many at a time: a build
/// that writes them as they come holds no more of them.
const PAGES_AT_ONCE: usize = 512;

/// Where the search stage puts each language's bundle, relative to the
/// language folder; the pages' search box loads it from there.
pub const SEARCH_DIR: &str = "pagefind/";

/// Where part `number` (from 1) of a language's search index goes,
/// relative to `SEARCH_DIR`: a large language is indexed in parts.
pub fn search_part_dir(number: usize) -> String {
    format!("part/{number}/")
}

/// A file to write, with its path relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub content: FileContent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileContent {
    Bytes(Vec<u8>),
    /// A file copied as it is (an image), never loaded into memory.
    Copy(PathBuf),
    /// More of the file at the same path, handed over in an earlier batch
    /// (`render_streamed`): a file too large to hold whole comes in pieces,
    /// at most one per batch.
    Appended(Vec<u8>),
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutputFile {
        OutputFile { path: path.into(), content: FileContent::Bytes(bytes.into()) }
    }
}

pub struct Renderer<'a> {
    tera: Tera,
    l10n: Arc<Localizer>,
    config: &'a Config,
    site: &'a Site,
    data: SiteData<'a>,
    assets: &'a BTreeMap<String, Vec<u8>>,
    /// The offer styles made from the site's offers, if it has any.
    offer_styles: Option<String>,
    /// Where the assets are published (`assets/3f2a9c01d7/`): a folder
    /// named by their content, which a new version of any of them renames.
    assets_dir: String,
    /// The theme's icons by name, as inline SVG.
    icons: &'a BTreeMap<String, String>,
    /// The Content-Security-Policy every page carries; empty for none.
    policy: String,
    /// Built on first use: a render of one article's pages needs it too.
    contents: OnceLock<Contents<'a>>,
}

/// The site's structured data, from `content/_data/`.
#[derive(Clone, Copy)]
pub struct SiteData<'a> {
    pub offers: &'a Offers,
    pub requirements: Option<&'a Requirements>,
    pub history: &'a crate::content::History,
}

impl<'a> Renderer<'a> {
    pub fn new(
        theme: &'a Theme,
        l10n: Arc<Localizer>,
        config: &'a Config,
        site: &'a Site,
        data: SiteData<'a>,
    ) -> Result<Renderer<'a>> {
        let mut tera = Tera::new();
        // Tera checks that the functions templates call exist when they are
        // added, so `t` comes first.
        let strings = Arc::clone(&l10n);
        tera.register_function("t", move |kwargs: Kwargs, state: &State| translate(&strings, &kwargs, state));
        // `icon(name="menu")`: a theme icon as inline SVG, for `| safe`.
        let icons = theme.icons.clone();
        tera.register_function("icon", move |kwargs: Kwargs, _: &State| {
            let name: String = kwargs.must_get("name")?;
            Ok(icons.get(&name).cloned().unwrap_or_default())
        });
        tera.add_raw_templates(theme.templates.iter())
            .map_err(|e| Error::Template { name: "the theme's templates".to_string(), message: e.to_string() })?;
        let policy = config.content_security_policy.clone().unwrap_or_else(|| {
            csp::policy(&csp::PolicyInputs {
                search: config.search,
                frames_from: &config.allow_frames_from,
                endpoints: data.requirements.map_or(&[], |r| &r.websockets.urls),
                feedback: config.feedback.url.as_deref(),
            })
        });
        let offer_styles = (!data.offers.list.is_empty()).then(|| site_files::offer_styles(data.offers.ids()));
        let assets_dir = site_files::assets_dir(&theme.assets, offer_styles.as_deref());
        Ok(Renderer {
            tera,
            l10n,
            config,
            site,
            data,
            assets: &theme.assets,
            offer_styles,
            assets_dir,
            icons: &theme.icons,
            policy,
            contents: OnceLock::new(),
        })
    }

    /// Every file of the site, each whole, in a deterministic order.
    pub fn render_all(&self) -> Result<Vec<OutputFile>> {
        let mut all: Vec<OutputFile> = Vec::new();
        self.render_streamed(|files| {
            for file in files {
                let FileContent::Appended(more) = &file.content else {
                    all.push(file);
                    continue;
                };
                // The piece's file was begun in the batch before: close by.
                match all.iter_mut().rev().find(|f| f.path == file.path).map(|f| &mut f.content) {
                    Some(FileContent::Bytes(bytes)) => bytes.extend_from_slice(more),
                    _ => all.push(file),
                }
            }
            Ok(())
        })?;
        Ok(all)
    }

    fn summary(&self, page: &Page) -> ArticleSummary {
        let front = &page.article.source.front;
        ArticleSummary {
            title: front.title.clone(),
            description: front.description.clone().unwrap_or_default(),
            url: self.config.base_url.path_of(&page.site_path()),
            offers: front.product_label.clone(),
            fallback: page.is_fallback(),
            content_lang: page.article.source.lang.to_string(),
        }
    }

    fn contents(&self) -> &Contents<'a> {
        self.contents.get_or_init(|| {
            Contents::new(self.site, |page| self.summary(page), |id| self.config.sections.get(id).and_then(|s| s.order))
        })
    }

    fn home(&self, lang: &LangId) -> Result<String> {
        let base = &self.config.base_url;
        let sections: Vec<SectionView> = self
            .contents()
            .sections(lang)
            .iter()
            .map(|section| SectionView {
                id: section.id.clone(),
                title: self.section_title(lang, &section.id),
                description: self
                    .l10n
                    .get(lang, &format!("section-{}-description", section.id), None)
                    .unwrap_or_default(),
                icon: self.section_icon(&section.id),
                articles: section.articles.clone(),
            })
            .collect();
        let all: Vec<&LangId> = self.site.languages.all.iter().collect();
        let home_path = |l: &LangId| format!("{l}/");
        let frame = Frame {
            description: self.text_or(lang, "home-description", ""),
            canonical: base.url_of(&home_path(lang)),
            alternates: self.alternates(&all, home_path),
            ..self.frame(lang, home_path)
        };
        let mut context = Context::from_serialize(&frame).map_err(template_error("home.html"))?;
        context.insert("sections", &sections);
        self.render("home.html", &context)
    }

    /// The site root: the languages as plain links, which a script turns
    /// into the reader's own language.
    fn languages_page(&self) -> Result<String> {
        let default = &self.site.languages.default;
        let frame = Frame {
            canonical: self.config.base_url.url_of(""),
            description: self.text_or(default, "home-description", ""),
            ..self.frame(default, |l| format!("{l}/"))
        };
        let context = Context::from_serialize(&frame).map_err(template_error("languages.html"))?;
        self.render("languages.html", &context)
    }

    /// A page at each old URL, and `_redirects` with the same moves and
    /// those of `redirect_to` articles, for hosts that redirect themselves.
    fn redirect_files(&self) -> Result<Vec<OutputFile>> {
        let base = &self.config.base_url;
        let mut files = Vec::new();
        let mut rules = Vec::new();
        for (from, redirect) in self.site.redirects() {
            let Some(page) = self.site.page(&redirect.lang, &redirect.target) else { continue };
            let target = base.path_of(&page.site_path());
            // `old.html` is written as that file; `old/path` as its index.html.
            let (path, url) = if from.ends_with(".html") {
                (from.to_string(), base.path_of(from))
            } else {
                (format!("{from}/index.html"), base.path_of(&format!("{from}/")))
            };
            files.push(OutputFile::new(path, self.redirect(&redirect.lang, &target)?));
            rules.push((url, target));
        }
        for page in self.site.pages() {
            if let Some(to) = &page.article.source.front.redirect_to {
                rules.push((base.path_of(&page.site_path()), to.clone()));
            }
        }
        if !rules.is_empty() {
            files.push(OutputFile::new("_redirects", site_files::host_redirects(&rules)));
        }
        Ok(files)
    }

    /// A section card's icon: the one helpgen.toml names, else the theme's
    /// `section` icon.
    fn section_icon(&self, id: &str) -> String {
        let icons = self.icons;
        let named = self.config.sections.get(id).and_then(|s| s.icon.as_ref()).and_then(|name| icons.get(name));
        named.or_else(|| icons.get("section")).cloned().unwrap_or_default()
    }

    /// `/<lang>/offers/<offer>/`: the articles labelled for one offer, so
    /// readers without JavaScript can filter too.
    fn offer_page(&self, lang: &LangId, offer: &str) -> Result<String> {
        let mut articles: Vec<ArticleSummary> = self
            .site
            .pages()
            .filter(|p| p.lang == lang && !p.is_redirect())
            .filter(|p| p.article.source.front.product_label.iter().any(|o| o == offer))
            .map(|page| self.summary(&page))
            .collect();
        articles.sort_by_cached_key(|a| a.title.to_lowercase());
        let all: Vec<&LangId> = self.site.languages.all.iter().collect();
        let path = |l: &LangId| format!("{l}/offers/{offer}/");
        let name = self.text_or(lang, &format!("offer-{offer}"), offer);
        let frame = Frame {
            description: self.text_or_args(lang, "offer-page-description", &[("offer", &name)]),
            canonical: self.config.base_url.url_of(&path(lang)),
            alternates: self.alternates(&all, path),
            ..self.frame(lang, path)
        };
        let mut context = Context::from_serialize(&frame).map_err(template_error("offer.html"))?;
        context.insert("offer", &frame.offers.iter().find(|o| o.id == offer));
        context.insert("articles", &articles);
        self.render("offer.html", &context)
    }

    /// A language's 404 page; the root's (`at_root`, for URLs outside every
    /// language) also offers each language's home page.
    fn not_found(&self, lang: &LangId, at_root: bool) -> Result<String> {
        let frame = self.frame(lang, |l| format!("{l}/"));
        let mut context = Context::from_serialize(&frame).map_err(template_error("404.html"))?;
        context.insert("at_root", &at_root);
        self.render("404.html", &context)
    }

    fn redirect(&self, lang: &LangId, target: &str) -> Result<String> {
        let mut context =
            Context::from_serialize(&self.frame(lang, |l| format!("{l}/"))).map_err(template_error("redirect.html"))?;
        context.insert("target", target);
        self.render("redirect.html", &context)
    }

    /// The parts every page shares; `path_in` gives the same page's site path
    /// in another language, for the language switcher.
    fn frame(&self, lang: &LangId, path_in: impl Fn(&LangId) -> String) -> Frame {
        let base = &self.config.base_url;
        Frame {
            lang: lang.to_string(),
            site_title: self.site_title(lang),
            home_url: base.path_of(&format!("{lang}/")),
            assets: base.path_of(&self.assets_dir),
            code_styles: false,
            csp: self.policy.clone(),
            search: if self.config.search { base.path_of(&format!("{lang}/{SEARCH_DIR}")) } else { String::new() },
            site_root: base.path_of(""),
            description: String::new(),
            canonical: String::new(),
            alternates: Vec::new(),
            translations: self
                .site
                .languages
                .all
                .iter()
                .map(|other| LanguageLink {
                    lang: other.to_string(),
                    name: self.l10n.get_exact(other, "language-name").unwrap_or_else(|| other.to_string()),
                    url: base.path_of(&path_in(other)),
                    current: other == lang,
                })
                .collect(),
            offers: self.offer_links(lang),
            offer_styles: self.offer_styles.is_some(),
            feedback_url: self.config.feedback.url.clone().unwrap_or_default(),
            feedback_contact: self.config.feedback.contact.clone().unwrap_or_default(),
        }
    }

    /// helpgen.toml's `title`, else the language's `site-title` message.
    fn site_title(&self, lang: &LangId) -> String {
        match &self.config.title {
            Some(title) => title.clone(),
            None => self.text_or(lang, "site-title", "Help Center"),
        }
    }

    /// Every offer with its name and page in `lang`.
    fn offer_links(&self, lang: &LangId) -> Vec<OfferLink> {
        let base = &self.config.base_url;
        self.data
            .offers
            .list
            .iter()
            .map(|offer| OfferLink {
                id: offer.id.to_string(),
                name: self.text_or(lang, &format!("offer-{}", offer.id), offer.id.as_str()),
                url: base.path_of(&format!("{lang}/offers/{}/", offer.id)),
                legacy: offer.legacy,
            })
            .collect()
    }

    /// hreflang alternates for the languages that have their own version,
    /// plus x-default for the default language (or the first one present).
    fn alternates(&self, langs: &[&LangId], path_in: impl Fn(&LangId) -> String) -> Vec<Alternate> {
        if langs.len() < 2 {
            return Vec::new();
        }
        let base = &self.config.base_url;
        let mut alternates: Vec<Alternate> =
            langs.iter().map(|l| Alternate { hreflang: l.to_string(), url: base.url_of(&path_in(l)) }).collect();
        let default = langs.iter().find(|l| **l == &self.site.languages.default).unwrap_or(&langs[0]);
        alternates.push(Alternate { hreflang: "x-default".to_string(), url: base.url_of(&path_in(default)) });
        alternates
    }

    fn section_title(&self, lang: &LangId, id: &str) -> String {
        self.l10n.get(lang, &format!("section-{id}"), None).unwrap_or_else(|| humanize(id))
    }

    fn text_or(&self, lang: &LangId, key: &str, fallback: &str) -> String {
        self.l10n.get(lang, key, None).unwrap_or_else(|| fallback.to_string())
    }

    fn text_or_args(&self, lang: &LangId, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(name.to_string(), value.to_string());
        }
        self.l10n.get(lang, key, Some(&fluent)).unwrap_or_default()
    }

    fn render(&self, template: &str, context: &Context) -> Result<String> {
        self.tera.render(template, context).map_err(template_error(template))
    }
}

/// `getting-started` -> `Getting started`, for sections without a message.
fn humanize(id: &str) -> String {
    let text = id.replace(['-', '_'], " ");
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn template_error(name: &str) -> impl Fn(tera::Error) -> Error + '_ {
    move |e| Error::Template { name: format!("template `{name}`"), message: e.to_string() }
}

/// `t(key="on-this-page")` in templates: the message in the page's `lang`
/// (or an explicit `lang=`), other keyword arguments passed to Fluent. An
/// unknown key renders as the key itself, visibly, rather than failing.
fn translate(l10n: &Localizer, kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    let key: String = kwargs.must_get("key")?;
    let lang: Option<String> = match kwargs.get::<String>("lang")? {
        Some(lang) => Some(lang),
        None => state.get::<String>("lang")?,
    };
    let lang = lang.as_deref().and_then(LangId::parse);
    let mut args = FluentArgs::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str().filter(|n| *n != "key" && *n != "lang") else {
            continue;
        };
        if let Some(n) = value.as_f64() {
            args.set(name.to_string(), n);
        } else {
            args.set(name.to_string(), value.to_string());
        }
    }
    let text = match lang {
        Some(lang) => l10n.get(&lang, &key, Some(&args)),
        None => None,
    };
    Ok(text.unwrap_or(key))
}
