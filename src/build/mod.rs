//! The one place that knows the order of the stages. `model` loads, parses
//! and resolves the site into a `SiteModel`, a value that can be kept and
//! updated; `publish` renders it and writes it with the search index made
//! alongside. Content problems are collected as diagnostics, and the site
//! is written only when there is no error.

mod model;

use std::time::{Duration, Instant};

pub use model::{Inputs, Reload, SiteModel};

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::error::{Error, Result};
use crate::output::WriteReport;
use crate::render::{OutputFile, Renderer, SiteData};
use crate::{output, search, translations};

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
    /// `None` unless external links were checked.
    #[cfg(feature = "external")]
    pub external: Option<crate::external::ExternalReport>,
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
    run_mode(config, Mode::Build, StageTimer::start())
}

/// `build`, showing its stages on `bar`.
pub fn build_with_progress(config: &Config, bar: indicatif::ProgressBar) -> Result<BuildReport> {
    run_mode(config, Mode::Build, StageTimer::with_progress(bar))
}

pub fn check(config: &Config) -> Result<BuildReport> {
    run_mode(config, Mode::Check, StageTimer::start())
}

/// Every check, and the site's links to other sites.
#[cfg(feature = "external")]
pub fn check_with_external(config: &Config, options: &crate::external::ExternalOptions) -> Result<BuildReport> {
    let mut timer = StageTimer::start();
    let mut report = BuildReport::default();
    if let Some(model) = load(config, &mut timer, &mut report) {
        let mut found = Vec::new();
        report.external = Some(crate::external::check(&model.site, options, &mut found)?);
        timer.lap("external");
        let mut all: Diagnostics = std::mem::take(&mut report.diagnostics).into_iter().collect();
        all.extend(found);
        report.diagnostics = all.settle(&config.checks);
    }
    report.timings = timer.laps;
    Ok(report)
}

/// Loads the site model and notes what it holds; without one, the report
/// says why.
fn load(config: &Config, timer: &mut StageTimer, report: &mut BuildReport) -> Option<SiteModel> {
    match SiteModel::load(config, timer) {
        Ok(model) => {
            report.languages = model.site.languages.all.len();
            report.articles = model.site.articles().len();
            report.pages = model.site.page_count();
            report.translations = model.translations.clone();
            report.diagnostics = model.diagnostics(config);
            Some(model)
        }
        Err(diags) => {
            report.diagnostics = diags.settle(&config.checks);
            None
        }
    }
}

fn run_mode(config: &Config, mode: Mode, mut timer: StageTimer) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let model = load(config, &mut timer, &mut report);
    if let Some(model) = model.filter(|_| mode == Mode::Build && !report.has_errors()) {
        publish(config, &model, &mut report, &mut timer)?;
    }
    report.timings = timer.laps;
    Ok(report)
}

/// The stages that produce output, from the model. Pages are written as
/// they are rendered, on a thread of their own, so the build never holds
/// the whole site; with search, each part of a language's index is made
/// from its pages while later ones render. A template that cannot be
/// rendered is the site's own problem, reported like content, and nothing
/// is published.
fn publish(config: &Config, model: &SiteModel, report: &mut BuildReport, timer: &mut StageTimer) -> Result<()> {
    timer.begin(if config.search { "rendering, writing and indexing for search" } else { "rendering and writing" }, 0);
    let mut searched = None;
    let mut tail = Duration::ZERO;
    let written = renderer(config, model).and_then(|renderer| {
        output::write_streamed(&config.root, &config.output, config.force, |sink| {
            let indexer = config.search.then(|| {
                search::Indexer::start(search::IndexOptions {
                    cache: config.search_cache.clone(),
                    pages_per_index: config.search_pages_per_index,
                })
            });
            let (sink, indexer) = write_while_rendering(&renderer, sink, indexer)?;
            let Some(indexer) = indexer else { return Ok(()) };
            let waiting = Instant::now();
            let (bundle, indexed) = indexer.finish()?;
            tail = waiting.elapsed();
            searched = Some(indexed);
            sink.write(&bundle)
        })
    });
    match written.map_err(|e| site_problem(config, e)) {
        Ok(written) => report.written = Some(written),
        Err(Ok(found)) => add_diagnostics(config, report, found),
        Err(Err(error)) => return Err(error),
    }
    report.search = searched;
    if report.search.is_some() {
        // Indexing runs beside the rendering; `search` is what it took after.
        timer.lap_with_tail("render, write and index", "search", tail);
    } else {
        timer.lap("render and write");
    }
    Ok(())
}

/// Renders every file, writing (and indexing) each batch on a thread of
/// its own while the next one renders. Returns the sink and the indexer
/// for what follows the last batch.
fn write_while_rendering<'s, 'o>(
    renderer: &Renderer,
    sink: &'s mut output::Sink<'o>,
    mut indexer: Option<search::Indexer>,
) -> Result<(&'s mut output::Sink<'o>, Option<search::Indexer>)> {
    std::thread::scope(|scope| {
        // One batch waits while another is written: no more are held.
        let (batches, received) = std::sync::mpsc::sync_channel::<Vec<OutputFile>>(1);
        let writer = scope.spawn(move || -> Result<_> {
            for files in received {
                sink.write(&files)?;
                if let Some(indexer) = indexer.as_mut() {
                    indexer.add(files)?;
                    sink.write(&indexer.take_finished()?)?;
                }
            }
            Ok((sink, indexer))
        });
        // Sending fails only once the writer has stopped, whose own error
        // is the one returned.
        let rendered = renderer.render_streamed(|files| batches.send(files).map_err(|_| Error::Stopped("writing")));
        drop(batches);
        let written = writer.join().map_err(|_| Error::Stopped("the writing thread"))??;
        rendered?;
        Ok(written)
    })
}

/// Which pages to render.
#[derive(Debug, Clone, Copy)]
pub enum Pages<'a> {
    /// Every file of the site.
    All,
    /// The pages that show the article written in this file.
    Of(&'a std::path::Path),
}

/// Renders from the model. A template that cannot be rendered is the
/// site's own problem, returned as its diagnostic, as are links the build
/// wrote that lead nowhere.
pub fn render(
    config: &Config,
    model: &SiteModel,
    pages: Pages,
) -> Result<std::result::Result<Vec<OutputFile>, Vec<Diagnostic>>> {
    let rendered = renderer(config, model).and_then(|renderer| match pages {
        Pages::All => renderer.render_all(),
        Pages::Of(file) => renderer.pages_of(file),
    });
    match rendered.map_err(|e| site_problem(config, e)) {
        Ok(files) => Ok(Ok(files)),
        Err(Ok(found)) => Ok(Err(found)),
        Err(Err(error)) => Err(error),
    }
}

fn renderer<'a>(config: &'a Config, model: &'a SiteModel) -> Result<Renderer<'a>> {
    let inputs = &model.inputs;
    let data =
        SiteData { offers: &inputs.offers, requirements: inputs.requirements.as_ref(), history: &inputs.history };
    Renderer::new(&inputs.theme, inputs.l10n.clone(), config, &model.site, data)
}

/// A failure that is the site's own problem, as its diagnostics: a template
/// that cannot be rendered, links the build wrote that lead nowhere.
/// Anything else stays an error.
fn site_problem(config: &Config, error: Error) -> std::result::Result<Vec<Diagnostic>, Error> {
    match error {
        Error::Template { name, message } => {
            let file = std::path::Path::new("themes").join(&config.theme).join("templates");
            let d = Diagnostic::new(Code::ThemeInvalid, format!("{name} cannot be rendered:\n{message}"))
                .at(Location::file(file));
            Ok(vec![d])
        }
        Error::BrokenOutput(found) => Ok(found),
        other => Err(other),
    }
}

fn add_diagnostics(config: &Config, report: &mut BuildReport, found: Vec<Diagnostic>) {
    let mut all: Diagnostics = std::mem::take(&mut report.diagnostics).into_iter().collect();
    all.extend(found);
    report.diagnostics = all.settle(&config.checks);
}

/// One item of a stage done; shareable across threads.
#[derive(Clone)]
pub struct Counter(Option<indicatif::ProgressBar>);

impl Counter {
    pub fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
}

/// The wall time of each stage, in order, and the progress shown while
/// they run.
pub struct StageTimer {
    laps: Vec<(&'static str, Duration)>,
    since: Instant,
    progress: Option<indicatif::ProgressBar>,
}

impl StageTimer {
    pub fn start() -> StageTimer {
        StageTimer { laps: Vec::new(), since: Instant::now(), progress: None }
    }

    /// Reports each stage, and the items of those that count them, to `bar`.
    pub fn with_progress(bar: indicatif::ProgressBar) -> StageTimer {
        StageTimer { progress: Some(bar), ..StageTimer::start() }
    }

    /// A stage begins, with `items` to do (0 when it does not count them).
    pub fn begin(&self, stage: &'static str, items: usize) {
        let Some(bar) = &self.progress else { return };
        let template = if items > 0 { "{spinner} {msg} [{bar:30}] {pos}/{len}" } else { "{spinner} {msg}" };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(stage);
        bar.set_position(0);
        bar.set_length(items as u64);
    }

    /// What a stage's workers advance, one item at a time.
    pub fn counter(&self) -> Counter {
        Counter(self.progress.clone())
    }

    /// The stage `stage` ends now, its last `tail` spent on `tail_stage`
    /// alone: the work that ran beside it, finishing.
    fn lap_with_tail(&mut self, stage: &'static str, tail_stage: &'static str, tail: Duration) {
        let now = Instant::now();
        self.laps.push((stage, (now - self.since).saturating_sub(tail)));
        self.laps.push((tail_stage, tail));
        self.since = now;
    }

    /// The stage `stage` ends now.
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.since));
        self.since = now;
    }
}
