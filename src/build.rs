//! The one place that knows the order of the stages: load, parse, resolve,
//! render, then write with the search index made alongside. Each stage is
//! one call; content problems are collected as diagnostics, and the site is
//! written only when there is no error.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, LineIndex, Location};
use crate::error::{Error, Result};
use crate::highlight::Highlighter;
use crate::i18n::Localizer;
use crate::output::WriteReport;
use crate::render::{Renderer, SiteData};
use crate::resolve::{self, Article};
use crate::{content, dialect, i18n, markdown, offers, output, requirements, search, theme, translations};

#[derive(Debug, Default)]
pub struct BuildReport {
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub languages: usize,
    pub articles: usize,
    pub pages: usize,
    /// `None` when errors prevented writing.
    pub written: Option<WriteReport>,
    /// Wall time of each stage, in order.
    pub timings: Vec<(&'static str, Duration)>,
    /// Per language, what is translated; empty if loading failed.
    pub translations: Vec<translations::LanguageStatus>,
    /// `None` when search is off or nothing was written.
    pub search: Option<search::SearchReport>,
}

impl BuildReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == crate::diag::Severity::Error)
    }
}

/// What a run goes as far as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every check, then render and write the site if there is no error.
    Build,
    /// Every check; nothing is rendered or written.
    Check,
}

pub fn build(config: &Config) -> Result<BuildReport> {
    run_mode(config, Mode::Build)
}

pub fn check(config: &Config) -> Result<BuildReport> {
    run_mode(config, Mode::Check)
}

fn run_mode(config: &Config, mode: Mode) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let mut diags = Diagnostics::default();
    let mut timer = StageTimer::start();
    let result = run(config, mode, &mut report, &mut diags, &mut timer);
    diags.apply_levels(&config.checks);
    report.diagnostics = diags.into_sorted();
    report.timings = timer.laps;
    result.map(|()| report)
}

/// The stages in order; returns early, with the diagnostics collected so far,
/// when a stage leaves nothing sound to continue with.
fn run(
    config: &Config,
    mode: Mode,
    report: &mut BuildReport,
    diags: &mut Diagnostics,
    timer: &mut StageTimer,
) -> Result<()> {
    let Some(content) = content::load(config, diags) else {
        return Ok(());
    };
    let theme = match theme::load(config) {
        Ok(theme) => theme,
        Err(d) => {
            diags.push(d);
            return Ok(());
        }
    };
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
    let highlighter = Highlighter::new();
    timer.lap("load");

    let cx = dialect::Context {
        includes: &content.includes,
        media: &content.media,
        icons: &theme.icons,
        offers: &offers,
        l10n: &l10n,
        base_url: &config.base_url,
        requirements: requirements.as_ref(),
    };
    let parsed: Vec<(Article, Vec<Diagnostic>)> =
        content.articles.into_par_iter().map(|source| parse(source, &cx, &highlighter)).collect();
    let mut articles = Vec::with_capacity(parsed.len());
    for (article, found) in parsed {
        articles.push(article);
        diags.extend(found);
    }
    timer.lap("parse");

    report.articles = articles.len();
    let checks = resolve::Checks { offers: &offers, placeholder_title: &|title| config.is_placeholder_title(title) };
    let site = resolve::resolve(articles, content.languages, &checks, diags);
    report.languages = site.languages.all.len();
    report.pages = site.page_count();
    report.translations = translations::report(&site, &content.includes);
    diags.extend(translations::check_thresholds(&report.translations, &config.max_untranslated));
    timer.lap("resolve");
    // The site's own levels decide what stops the build.
    diags.apply_levels(&config.checks);
    if diags.has_errors() || mode == Mode::Check {
        return Ok(());
    }

    // A broken template is the site's own problem, reported like content.
    let rendered =
        Renderer::new(&theme, l10n, config, &site, SiteData { offers: &offers, requirements: requirements.as_ref() })
            .and_then(|renderer| renderer.render_all());
    let files = match rendered {
        Ok(files) => files,
        Err(Error::Template { name, message }) => {
            let file = std::path::Path::new("themes").join(&config.theme).join("templates");
            diags.push(
                Diagnostic::new(Code::ThemeInvalid, format!("{name} cannot be rendered:\n{message}"))
                    .at(Location::file(file)),
            );
            return Ok(());
        }
        Err(other) => return Err(other),
    };
    timer.lap("render");
    // The search index is made from the pages while they are written: the
    // one is CPU work, the other mostly waiting on the disk.
    let (written, indexed) = std::thread::scope(|scope| {
        let indexing = config.search.then(|| {
            scope.spawn(|| {
                let start = Instant::now();
                search::index(&files).map(|indexed| (indexed, start.elapsed()))
            })
        });
        let mut indexed = None;
        let written = output::write_with(&config.root, &config.output, &files, || {
            let Some(indexing) = indexing else { return Ok(Vec::new()) };
            let ((bundle, searched), took) =
                indexing.join().map_err(|_| Error::Search("the indexing thread stopped unexpectedly".into()))??;
            indexed = Some((searched, took));
            Ok(bundle)
        });
        (written, indexed)
    });
    report.written = Some(written?);
    // Laps add up to the whole build: search is its own time, write what
    // writing took beyond it.
    if let Some((searched, took)) = indexed {
        report.search = Some(searched);
        timer.overlapped("search", took);
    }
    timer.lap("write");
    Ok(())
}

/// The UI messages pages will ask for: the templates' own, and each offer's name.
fn wanted_messages(theme: &theme::Theme, offers: &offers::Offers, config: &Config) -> Vec<(String, Location)> {
    let mut lines: std::collections::HashMap<String, LineIndex> = std::collections::HashMap::new();
    let mut wanted: Vec<(String, Location)> = theme
        .used_messages()
        .into_iter()
        .map(|used| {
            let file = std::path::Path::new("themes").join(&config.theme).join("templates").join(&used.template);
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

fn parse(
    source: content::SourceArticle,
    cx: &dialect::Context,
    highlighter: &Highlighter,
) -> (Article, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let expanded = dialect::expand(&source, cx, &mut found);
    let doc = markdown::parse(&expanded, highlighter, &mut found);
    let media = expanded.media;
    (Article { source, doc, media }, found)
}

struct StageTimer {
    laps: Vec<(&'static str, Duration)>,
    since: Instant,
}

impl StageTimer {
    fn start() -> StageTimer {
        StageTimer { laps: Vec::new(), since: Instant::now() }
    }

    /// A stage that ran alongside the next one, for `took` of its time.
    fn overlapped(&mut self, stage: &'static str, took: Duration) {
        self.laps.push((stage, took));
        self.since += took;
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.since));
        self.since = now;
    }
}
