//! `helpgen serve`: the writer's loop. The site is built once into memory
//! and served on 127.0.0.1; the files a build reads are watched, and a
//! change rebuilds what it touches from the site model kept in memory (an
//! edited article is read and parsed alone and only its pages are rendered
//! again). Open pages reload themselves, or show the content errors over
//! the last good version until they are fixed. Nothing is written to disk.

mod http;
mod search;
mod site;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::build::{self, Pages, Reload, SiteModel, StageTimer};
use crate::config::{Config, Overrides};
use crate::diag::{Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::render::OutputFile;
use crate::report::Human;
use http::Shared;
use watch::{Change, Watcher};

pub struct ServeOptions {
    pub root: PathBuf,
    pub address: IpAddr,
    /// 0 for any free port.
    pub port: u16,
    pub no_search: bool,
    pub verbose: bool,
}

/// Serves until the process is stopped. Fails only when it cannot start:
/// no port, no readable configuration, nothing to watch.
pub fn serve(options: &ServeOptions) -> Result<()> {
    let server = tiny_http::Server::http(SocketAddr::new(options.address, options.port))
        .map_err(|e| Error::Serve(format!("cannot listen on {}:{}: {e}", options.address, options.port)))?;
    let port = server.server_addr().to_ip().map_or(options.port, |a| a.port());
    let url = match options.address {
        IpAddr::V6(address) => format!("http://[{address}]:{port}/"),
        IpAddr::V4(address) => format!("http://{address}:{port}/"),
    };
    let overrides = overrides(&url, options.no_search);
    let human = Human::for_stderr(options.verbose);
    let config = Config::load(&options.root, overrides).map_err(|d| {
        eprint!("{}", human.render(&[d], &options.root));
        Error::Serve("helpgen.toml has an error".into())
    })?;
    let watcher = Watcher::start(&options.root)?;
    let shared = Arc::new(Shared::default());
    let indexer = config.search.then(|| search::Indexer::start(Arc::clone(&shared)));
    let mut session = Session { config, model: None, shared: Arc::clone(&shared), human, url: url.clone(), indexer };
    session.rebuild_all();
    std::thread::spawn(move || http::answer_all(server, shared));
    eprintln!("Serving {url} (Ctrl+C to stop); pages reload when their files change.");
    while let Some(changes) = watcher.next() {
        session.apply(&changes);
    }
    Err(Error::Serve("watching the site's files stopped".into()))
}

/// What the loop keeps between changes.
struct Session {
    config: Config,
    /// `None` until the site could be loaded.
    model: Option<SiteModel>,
    shared: Arc<Shared>,
    human: Human,
    /// The address pages are served from, their base URL.
    url: String,
    /// `None` when search is off.
    indexer: Option<search::Indexer>,
}

/// What `serve` changes in the site's configuration: the base URL is the
/// server's own.
fn overrides(url: &str, no_search: bool) -> Overrides {
    Overrides { base_url: Some(url.to_string()), no_search, ..Overrides::default() }
}

impl Session {
    fn apply(&mut self, changes: &[Change]) {
        let started = Instant::now();
        let articles: Vec<&Path> = changes
            .iter()
            .map(|change| match change {
                Change::Article(file) => Some(file.as_path()),
                Change::Site => None,
            })
            .collect::<Option<_>>()
            .unwrap_or_default();
        // One edited article (the usual case) is rebuilt alone; more, or
        // anything else, rebuilds the site.
        let rebuilt = match (articles.as_slice(), &mut self.model) {
            ([file], Some(model)) if self.config.root.join(file).is_file() => {
                match model.reload_article(&self.config, file) {
                    Reload::Body => self.rebuild_pages_of(file),
                    Reload::Updated | Reload::NotAnArticle => self.rebuild_all(),
                }
            }
            _ => self.rebuild_all(),
        };
        if let Some(pages) = rebuilt {
            eprintln!("Rebuilt {pages} in {} ms", started.elapsed().as_millis());
        }
    }

    /// Loads, checks and renders the whole site; `None` when it has errors.
    fn rebuild_all(&mut self) -> Option<String> {
        if let Err(d) = self.reload_config() {
            return self.report(vec![d]);
        }
        let model = match SiteModel::load(&self.config, &mut StageTimer::start()) {
            Ok(model) => model,
            Err(diags) => return self.report(diags.settle(&self.config.checks)),
        };
        let diagnostics = model.diagnostics(&self.config);
        let files = build::render(&self.config, &model, Pages::All);
        self.model = Some(model);
        let files = self.report_and_render(diagnostics, files, None)?;
        let count = files.len();
        match self.shared.site.write() {
            Ok(mut site) => site.replace(files),
            Err(_) => return None,
        }
        self.shared.reload(None);
        self.refresh_search();
        Some(format!("the site ({count} files)"))
    }

    /// Renders the pages of one article whose body alone changed.
    fn rebuild_pages_of(&mut self, file: &Path) -> Option<String> {
        let model = self.model.as_ref()?;
        let diagnostics = model.errors_and_diagnostics_of(&self.config, file);
        let files = build::render(&self.config, model, Pages::Of(file));
        let files = self.report_and_render(diagnostics, files, Some(file))?;
        let pages = self.shared.site.write().ok()?.update(files);
        self.shared.reload(Some(&pages));
        self.refresh_search();
        Some(pages.join(", "))
    }

    fn refresh_search(&self) {
        if let Some(indexer) = &self.indexer {
            indexer.refresh();
        }
    }

    /// With errors, prints them, shows them on the open pages (the pages
    /// stay as they were) and returns `None`; else prints the warnings, of
    /// the `changed` file only when one article changed.
    fn report_and_render(
        &self,
        mut diagnostics: Vec<Diagnostic>,
        files: Result<std::result::Result<Vec<OutputFile>, Diagnostic>>,
        changed: Option<&Path>,
    ) -> Option<Vec<OutputFile>> {
        let files = match files {
            Ok(Ok(files)) => Some(files),
            Ok(Err(d)) => {
                diagnostics.push(d);
                None
            }
            Err(e) => {
                eprintln!("error: {e}");
                None
            }
        };
        let errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
        if errors || files.is_none() {
            self.report(diagnostics);
            return None;
        }
        let in_changed =
            |d: &Diagnostic| changed.is_none_or(|file| d.location.as_ref().is_some_and(|l| l.file == file));
        let shown: Vec<Diagnostic> = diagnostics.into_iter().filter(in_changed).collect();
        if shown.iter().any(|d| d.severity == Severity::Warning) {
            eprint!("{}", self.human.render(&shown, &self.config.root));
        }
        self.shared.clear_errors();
        files
    }

    /// Prints the diagnostics and shows their errors over the open pages.
    fn report(&self, diagnostics: Vec<Diagnostic>) -> Option<String> {
        eprint!("{}", self.human.render(&diagnostics, &self.config.root));
        let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect();
        let blocks = Human::plain(true).blocks(&errors, &self.config.root);
        let shown: Vec<serde_json::Value> = blocks
            .into_iter()
            .map(|(d, block)| {
                serde_json::json!({
                    "code": d.code.as_str(),
                    "location": d.location.as_ref().map(|l| l.to_string()).unwrap_or_default(),
                    "message": d.message,
                    "help": d.help,
                    "snippet": snippet_of(&block),
                })
            })
            .collect();
        self.shared.show_errors(&serde_json::Value::Array(shown));
        None
    }

    /// helpgen.toml may have changed: read it again, keeping the serving
    /// address and options.
    fn reload_config(&mut self) -> std::result::Result<(), Diagnostic> {
        self.config = Config::load(&self.config.root, overrides(&self.url, self.indexer.is_none()))?;
        Ok(())
    }
}

/// The source lines of a rendered block: those after its `-->` line.
fn snippet_of(block: &str) -> String {
    block.lines().skip_while(|l| !l.trim_start().starts_with("-->")).skip(1).collect::<Vec<_>>().join("\n")
}
