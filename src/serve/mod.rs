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
    let indexer = config.search.then(|| search::Indexer::start(Arc::clone(&shared), config.search_pages_per_index));
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

    /// Loads, checks and renders the whole site. Content errors are shown
    /// but do not hold the site back (a real site may carry some for a
    /// while); only a site that cannot be loaded or rendered keeps the
    /// last good one.
    fn rebuild_all(&mut self) -> Option<String> {
        if let Err(d) = self.reload_config() {
            return self.report(&[d], None);
        }
        let model = match SiteModel::load(&self.config, &mut StageTimer::start()) {
            Ok(model) => model,
            Err(diags) => return self.report(&diags.settle(&self.config.checks), None),
        };
        let mut diagnostics = model.diagnostics(&self.config);
        let rendered = build::render(&self.config, &model, Pages::All);
        self.model = Some(model);
        let Some(files) = rendered_or_reported(rendered, &mut diagnostics) else {
            return self.report(&diagnostics, None);
        };
        self.report(&diagnostics, None);
        let count = files.len();
        self.shared.site.write().ok()?.replace(files);
        self.shared.reload(None);
        self.refresh_search();
        Some(format!("the site ({count} files)"))
    }

    /// Renders the pages of one article whose body alone changed. While
    /// that article has errors its last good pages stay.
    fn rebuild_pages_of(&mut self, file: &Path) -> Option<String> {
        let model = self.model.as_ref()?;
        let mut diagnostics = model.errors_and_diagnostics_of(&self.config, file);
        let rendered = build::render(&self.config, model, Pages::Of(file));
        let files = rendered_or_reported(rendered, &mut diagnostics);
        self.report(&diagnostics, Some(file));
        let in_file = |d: &Diagnostic| d.location.as_ref().is_some_and(|l| l.file == file);
        if diagnostics.iter().any(|d| d.severity == Severity::Error && in_file(d)) {
            return None;
        }
        let pages = self.shared.site.write().ok()?.update(files?);
        self.shared.reload(Some(&pages));
        self.refresh_search();
        Some(pages.join(", "))
    }

    fn refresh_search(&self) {
        if let Some(indexer) = &self.indexer {
            indexer.refresh();
        }
    }

    /// Prints the diagnostics (with one `changed` file, only its own and
    /// the errors), and shows the errors over the open pages, or takes
    /// them away when there are none. Returns `None`, for the callers that
    /// stop there.
    fn report(&self, diagnostics: &[Diagnostic], changed: Option<&Path>) -> Option<String> {
        let printed: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| {
                let in_changed = d.location.as_ref().is_some_and(|l| Some(l.file.as_path()) == changed);
                changed.is_none() || d.severity == Severity::Error || in_changed
            })
            .cloned()
            .collect();
        if printed.iter().any(|d| d.severity != Severity::Info) {
            eprint!("{}", self.human.render(&printed, &self.config.root));
        }
        let errors: Vec<Diagnostic> = printed.into_iter().filter(|d| d.severity == Severity::Error).collect();
        if errors.is_empty() {
            self.shared.clear_errors();
            return None;
        }
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

/// The rendered files, or `None` with the reason added to `diagnostics`.
fn rendered_or_reported(
    rendered: Result<std::result::Result<Vec<OutputFile>, Vec<Diagnostic>>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<OutputFile>> {
    match rendered {
        Ok(Ok(files)) => Some(files),
        Ok(Err(found)) => {
            diagnostics.extend(found);
            None
        }
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

/// The source lines of a rendered block: those after its `-->` line.
fn snippet_of(block: &str) -> String {
    block.lines().skip_while(|l| !l.trim_start().starts_with("-->")).skip(1).collect::<Vec<_>>().join("\n")
}
