//! The site model: everything a build reads, loaded, parsed and resolved,
//! as one value that a long-running process can keep and bring up to date
//! when one article changes. The stages that produce output (render, write,
//! search) run from it and change nothing in it.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::StageTimer;
use crate::config::Config;
use crate::content::{self, DataFiles, Includes, Media, SourceArticle};
use crate::diag::{Diagnostic, Diagnostics, Level, LineIndex, Location, Severity};
use crate::highlight::Highlighter;
use crate::i18n::{self, Localizer};
use crate::offers::{self, Offers};
use crate::requirements::prose::HandWritten;
use crate::requirements::{self, Requirements};
use crate::resolve::{self, Article, CheckResults, Site};
use crate::theme::{self, Theme};
use crate::translations::{self, LanguageStatus};
use crate::{dialect, markdown};

/// What articles are made with, besides their own text: loaded once.
pub struct Inputs {
    pub includes: Includes,
    pub media: Media,
    pub data: DataFiles,
    pub theme: Theme,
    pub l10n: Arc<Localizer>,
    pub offers: Offers,
    /// `None` when the site has no (valid) requirement data.
    pub requirements: Option<Requirements>,
    /// When each content file last changed, for "last updated" dates.
    pub history: content::History,
    hand_written: Option<HandWritten>,
    highlighter: Highlighter,
}

pub struct SiteModel {
    pub inputs: Inputs,
    pub site: Site,
    /// Per language, what is translated.
    pub translations: Vec<LanguageStatus>,
    /// Found while loading: the site's files, data, theme and messages.
    load_diagnostics: Diagnostics,
    /// Found while parsing each article, in the order of `site.articles()`.
    parse_diagnostics: Vec<Vec<Diagnostic>>,
    /// Found indexing the articles' paths and slugs.
    index_diagnostics: Diagnostics,
    /// Found by the whole-site checks of the site's shape: redirects and
    /// translations.
    check_diagnostics: Diagnostics,
    /// Found by the checks of each article, and of the orphans: the parts
    /// an edit to one article's body changes.
    checks: CheckResults,
}

/// What reloading one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reload {
    /// The article was read and parsed again, and the site checked again;
    /// only its body changed, so only its own pages show the change.
    Body,
    /// As `Body`, but its front matter or images changed too: titles,
    /// labels and lists on other pages may show it.
    Updated,
    /// No article of the model comes from that file (a new or deleted
    /// file, or one that could not be read before): load the site again.
    NotAnArticle,
}

impl SiteModel {
    /// Loads, parses and resolves the site. Without content or a theme
    /// there is nothing to build: the diagnostics say why.
    pub fn load(config: &Config, timer: &mut StageTimer) -> Result<SiteModel, Diagnostics> {
        let mut diags = Diagnostics::default();
        timer.begin("loading", 0);
        let Some((inputs, languages, sources)) = Inputs::load(config, &mut diags) else { return Err(diags) };
        timer.lap("load");
        timer.begin("parsing", sources.len());
        let counter = timer.counter();
        let (articles, parse_diagnostics): (Vec<Article>, Vec<Vec<Diagnostic>>) = sources
            .into_par_iter()
            .map(|source| {
                let parsed = inputs.parse(config, source);
                counter.tick();
                parsed
            })
            .unzip();
        inputs.highlighter.forget_blocks();
        timer.lap("parse");
        timer.begin("checking", 0);
        let mut index_diagnostics = Diagnostics::default();
        let mut check_diagnostics = Diagnostics::default();
        let (site, checks) = resolve::resolve(
            articles,
            languages,
            &checks(config, &inputs.offers),
            &mut index_diagnostics,
            &mut check_diagnostics,
        );
        let mut model = SiteModel {
            site,
            inputs,
            translations: Vec::new(),
            load_diagnostics: diags,
            parse_diagnostics,
            index_diagnostics,
            check_diagnostics,
            checks,
        };
        model.report_translations(config);
        timer.lap("resolve");
        Ok(model)
    }

    /// Reads the article written in `file` (relative to the site root)
    /// again, parses it alone and checks the site again. An article whose
    /// file can no longer be read keeps its last version, with the reason
    /// as its diagnostic; one whose front matter cannot be read is kept as
    /// loading keeps it.
    pub fn reload_article(&mut self, config: &Config, file: &Path) -> Reload {
        let Some(index) = self.site.articles().iter().position(|a| a.source.file == file) else {
            return Reload::NotAnArticle;
        };
        let mut reload = Reload::Updated;
        match content::reread(config, &self.site.articles()[index].source) {
            Ok((source, problems)) => {
                let (article, mut found) = self.inputs.parse(config, source);
                if same_outside_body(&self.site.articles()[index], &article) {
                    reload = Reload::Body;
                }
                self.site.replace_article(index, article);
                found.extend(problems);
                self.parse_diagnostics[index] = found;
            }
            Err(d) => self.parse_diagnostics[index] = vec![d],
        }
        if reload == Reload::Body {
            self.check_body_of(config, index);
        } else {
            let mut diags = Diagnostics::default();
            self.checks = self.site.check(&checks(config, &self.inputs.offers), &mut diags);
            self.check_diagnostics = diags;
            self.report_translations(config);
        }
        reload
    }

    /// Checks again what a new body of article `index` can change: its own
    /// checks, those of the articles linking into it (its headings may have
    /// changed), and the orphans. Its front matter is the same, so the
    /// redirects and translations are too.
    fn check_body_of(&mut self, config: &Config, index: usize) {
        let checks = checks(config, &self.inputs.offers);
        for i in std::iter::once(index).chain(self.site.linking_to(index)) {
            if let Some(found) = self.checks.articles.get_mut(i) {
                *found = self.site.check_article(i, &checks);
            }
        }
        self.site.check_orphans_after(index, &mut self.checks);
    }

    /// Every diagnostic of the model, at the levels the site gives them,
    /// sorted by place.
    pub fn diagnostics(&self, config: &Config) -> Vec<Diagnostic> {
        self.all().cloned().collect::<Diagnostics>().settle(&config.checks)
    }

    /// The errors of the whole site and every diagnostic in `file`, at the
    /// site's levels: what a writer who just edited `file` needs to see,
    /// without copying thousands of warnings elsewhere.
    pub fn errors_and_diagnostics_of(&self, config: &Config, file: &Path) -> Vec<Diagnostic> {
        let is_error = |d: &Diagnostic| match config.checks.get(&d.code) {
            Some(level) => *level == Level::Error,
            None => d.severity == Severity::Error,
        };
        let in_file = |d: &Diagnostic| d.location.as_ref().is_some_and(|l| l.file == file);
        self.all().filter(|d| is_error(d) || in_file(d)).cloned().collect::<Diagnostics>().settle(&config.checks)
    }

    fn all(&self) -> impl Iterator<Item = &Diagnostic> {
        self.load_diagnostics
            .iter()
            .chain(self.parse_diagnostics.iter().flatten())
            .chain(self.index_diagnostics.iter())
            .chain(self.check_diagnostics.iter())
            .chain(self.checks.articles.iter().flatten())
            .chain(self.checks.orphans.iter())
    }

    /// What is translated, and the languages that lack more than allowed.
    fn report_translations(&mut self, config: &Config) {
        self.translations = translations::report(&self.site, &self.inputs.includes);
        self.check_diagnostics.extend(translations::check_thresholds(&self.translations, &config.max_untranslated));
    }
}

/// Whether two versions of an article differ in their body only.
fn same_outside_body(old: &Article, new: &Article) -> bool {
    let front = |a: &Article| serde_json::to_string(&a.source.front).ok();
    let media = |a: &Article| a.media.iter().map(|m| m.key.clone()).collect::<Vec<_>>();
    front(old).is_some() && front(old) == front(new) && media(old) == media(new)
}

fn checks<'a>(config: &'a Config, offers: &'a Offers) -> resolve::Checks<'a> {
    resolve::Checks { offers, config }
}

impl Inputs {
    /// Loads everything but the articles' parse: the content's files (and
    /// the articles, returned as written), the theme, the UI messages, the
    /// offers and requirement data. `None` when there is no content or no
    /// usable theme.
    fn load(config: &Config, diags: &mut Diagnostics) -> Option<(Inputs, content::Languages, Vec<SourceArticle>)> {
        // One `git log`, which runs while the files are read.
        let root = config.root.clone();
        let history = std::thread::spawn(move || content::History::load(&root));
        let content = content::load(config, diags)?;
        let theme = theme::load(config).map_err(|d| diags.push(d)).ok()?;
        let languages = &content.languages;
        let l10n =
            Arc::new(Localizer::load(&theme.locales, &config.locales_dir(), &languages.all, &languages.default, diags));
        let offers = offers::load(&config.root, diags);
        let requirements = requirements::load(&config.root, &offers, requirements::Date::today(), diags);
        let mut wanted = wanted_messages(&theme, &offers, config);
        if let Some(data) = &requirements {
            let file = Location::file(requirements::REQUIREMENTS_FILE);
            wanted.extend(requirements::messages(data).into_iter().map(|key| (key, file.clone())));
        }
        i18n::check_messages(&l10n, &languages.all, &wanted, diags);
        let inputs = Inputs {
            includes: content.includes,
            media: content.media,
            data: content.data,
            theme,
            l10n,
            offers,
            hand_written: requirements.as_ref().and_then(HandWritten::new),
            requirements,
            history: history.join().unwrap_or_default(),
            highlighter: Highlighter::new(),
        };
        Some((inputs, content.languages, content.articles))
    }

    /// Parses one article: its tags expanded, then its Markdown.
    fn parse(&self, config: &Config, mut source: SourceArticle) -> (Article, Vec<Diagnostic>) {
        let cx = dialect::Context {
            includes: &self.includes,
            media: &self.media,
            data: &self.data,
            icons: &self.theme.icons,
            offers: &self.offers,
            l10n: &self.l10n,
            base_url: &config.base_url,
            site_title: config.title.as_deref(),
            requirements: self.requirements.as_ref(),
            hand_written: self.hand_written.as_ref(),
            allow_frames_from: &config.allow_frames_from,
        };
        let mut found = Vec::new();
        let expanded = dialect::expand(&source, &cx, &mut found);
        let doc = markdown::parse(&expanded, &self.highlighter, &mut found);
        let media = expanded.media;
        source.forget_body();
        (Article { source, doc, media }, found)
    }
}

/// The UI messages pages will ask for: the templates' own, and each offer's name.
fn wanted_messages(theme: &Theme, offers: &Offers, config: &Config) -> Vec<(String, Location)> {
    let mut lines: std::collections::HashMap<String, LineIndex> = std::collections::HashMap::new();
    let mut wanted: Vec<(String, Location)> = theme
        .used_messages()
        .into_iter()
        .map(|used| {
            let file = Path::new("themes").join(&config.theme).join("templates").join(&used.template);
            let location = match theme.templates.get(&used.template) {
                Some(source) => lines.entry(used.template.clone()).or_insert_with(|| LineIndex::new(source)).location(
                    &file,
                    source,
                    used.offset,
                ),
                None => Location::file(&file),
            };
            (used.key, location)
        })
        .collect();
    let offers_file = Location::file(offers::OFFERS_FILE);
    wanted.extend(offers.ids().map(|id| (format!("offer-{id}"), offers_file.clone())));
    wanted
}
