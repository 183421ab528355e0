//! The command line: parse options, call the library, report, and map the
//! outcome to an exit code (0 success, 1 content errors, 2 usage or internal
//! failure).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildReport};
use crate::config::{Config, Overrides};
use crate::diag::Severity;
use crate::report::{self, Format, Human};
use crate::translations;

#[derive(Debug, Parser)]
#[command(
    name = "helpgen",
    version,
    about = "Builds a localized static help center from Markdown with YAML front matter"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every article and write the site; nothing is written if any check fails
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: <root>/public]; replaced as a whole, only on success
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Public URL of the site, e.g. https://help.example.com/ (overrides base_url in helpgen.toml)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Skip the search index (and the search box) for this build
        #[arg(long)]
        no_search: bool,
        /// Keep each language's search index in DIR and take it again while its pages do not change (overrides search_cache in helpgen.toml)
        #[arg(long, value_name = "DIR")]
        search_cache: Option<PathBuf>,
        /// Replace the output folder even if it holds files helpgen did not write
        #[arg(long)]
        force: bool,
    },
    /// Start a new help center in DIR: one language, one article, a commented helpgen.toml
    Init {
        /// Folder of the new site (created if needed)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Language of the first article
        #[arg(long, default_value = "en", value_name = "TAG")]
        language: String,
    },
    /// Add an article in the default language, e.g. `helpgen new setup/install-the-app`
    New {
        /// Its path below the language folder (`.md` is added if missing)
        path: String,
        /// Its title [default: from the file name]
        #[arg(long)]
        title: Option<String>,
        /// Site root
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
    /// Preview the site on this computer: pages reload as their files change
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (0: any free port)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but 127.0.0.1 or ::1 shows the site to the network
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        bind: std::net::IpAddr,
        /// No search box and no search index
        #[arg(long)]
        no_search: bool,
    },
    /// Run every check without writing anything; for CI and editors
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// How to print the findings: human (on stderr), json, github or sarif (on stdout)
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit code 1) on warnings too, not only on errors
        #[arg(long)]
        deny_warnings: bool,
        /// Also report, per language, what is translated and what is missing
        #[arg(long)]
        translations: bool,
        /// Also check links to other sites (links that worked are not asked again for a day)
        #[arg(long)]
        external: bool,
        /// Where --external keeps its results between runs [default: <root>/.helpgen-cache/external-links.json]
        #[arg(long, value_name = "FILE")]
        external_cache: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
struct SiteArgs {
    /// Site root: the folder holding content/, and optionally helpgen.toml, themes/ and locales/
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// Show info notes (missing translations, placeholder titles) and every instance of each code
    #[arg(long, short)]
    verbose: bool,
    /// Print nothing but errors: no warnings, no progress, no summary
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    ContentErrors,
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Success => 0,
            Outcome::ContentErrors => 1,
            Outcome::Failure => 2,
        })
    }
}

pub fn run() -> ExitCode {
    // clap exits with 2 on usage errors and 0 for --help, as we want.
    let cli = Cli::parse();
    match cli.command {
        Command::Build { site, output, base_url, no_search, search_cache, force } => {
            build_command(&site, Overrides { output, base_url, no_search, search_cache, force })
        }
        Command::Serve { site, port, bind, no_search } => serve_command(site, port, bind, no_search),
        Command::Init { dir, language } => scaffold_command(crate::scaffold::init(&dir, &language).map(|files| {
            let shown: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            format!(
                "Wrote {}.
Preview it with `helpgen serve --root {}`.",
                shown.join(", "),
                dir.display()
            )
        })),
        Command::New { path, title, root } => scaffold_command(
            crate::scaffold::new_article(&root, &path, title.as_deref())
                .map(|file| format!("Wrote {}.", file.display())),
        ),
        Command::Check { site, format, deny_warnings, translations, external, external_cache } => {
            let external = external.then(|| external_cache.unwrap_or_else(|| site.root.join(EXTERNAL_CACHE)));
            check_command(&site, format, deny_warnings, translations, external)
        }
    }
    .into()
}

fn build_command(site: &SiteArgs, overrides: Overrides) -> Outcome {
    let human = Human::for_stderr(site.verbose);
    let Some(config) = load_config(&site.root, overrides, &human) else { return Outcome::ContentErrors };
    let bar = progress_bar(site.quiet);
    let built = build::build_with_progress(&config, bar.clone());
    bar.finish_and_clear();
    let Some(report) = finish(built) else { return Outcome::Failure };
    let shown = shown(&report.diagnostics, site.quiet);
    if !site.quiet || !shown.is_empty() {
        eprint!("{}", human.render(&shown, &site.root));
    }
    match report.written {
        Some(_) if site.quiet => Outcome::Success,
        Some(written) => {
            let total: std::time::Duration = report.timings.iter().map(|(_, t)| *t).sum();
            let stages: Vec<String> = report.timings.iter().map(|(s, t)| format!("{s} {} ms", t.as_millis())).collect();
            eprintln!(
                "Built {} articles into {} pages in {} languages: {} files ({} written), {} KB in {} ms ({}) -> {}",
                report.articles,
                report.pages,
                report.languages,
                written.files,
                written.written,
                written.bytes / 1024,
                total.as_millis(),
                stages.join(", "),
                config.output.display()
            );
            if let Some(search) = report.search.filter(|s| s.reused > 0) {
                eprintln!("Search: {} of {} indexes unchanged, taken from the cache", search.reused, search.indexes);
            }
            Outcome::Success
        }
        None => {
            eprintln!("Nothing was written; the previous output, if any, is unchanged.");
            Outcome::ContentErrors
        }
    }
}

fn scaffold_command(result: crate::error::Result<String>) -> Outcome {
    match result {
        Ok(said) => {
            eprintln!("{said}");
            Outcome::Success
        }
        Err(e) => {
            eprintln!("error: {e}");
            Outcome::Failure
        }
    }
}

fn serve_command(site: SiteArgs, port: u16, address: std::net::IpAddr, no_search: bool) -> Outcome {
    if !address.is_loopback() {
        eprintln!("warning: serving on {address}: other computers on the network can read the site");
    }
    let options = crate::serve::ServeOptions { root: site.root, address, port, no_search, verbose: site.verbose };
    match crate::serve::serve(&options) {
        Ok(()) => Outcome::Success,
        Err(e) => {
            eprintln!("error: {e}");
            Outcome::Failure
        }
    }
}

/// The diagnostics to print: only the errors with --quiet.
fn shown(diagnostics: &[crate::diag::Diagnostic], quiet: bool) -> Vec<crate::diag::Diagnostic> {
    diagnostics.iter().filter(|d| !quiet || d.severity == Severity::Error).cloned().collect()
}

/// A progress bar on stderr for a build that lasts: it appears after a
/// second, on a terminal only (indicatif draws nothing elsewhere, as in
/// CI), and never with --quiet.
fn progress_bar(quiet: bool) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
    if !quiet {
        let later = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if !later.is_finished() {
                later.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                later.enable_steady_tick(std::time::Duration::from_millis(120));
            }
        });
    }
    bar
}

/// Where `check --external` keeps its results unless told otherwise.
const EXTERNAL_CACHE: &str = ".helpgen-cache/external-links.json";

fn check_command(
    site: &SiteArgs,
    format: Format,
    deny_warnings: bool,
    show_translations: bool,
    external: Option<PathBuf>,
) -> Outcome {
    // A broken helpgen.toml is reported like any finding, in the chosen format.
    let (diagnostics, languages) = match Config::load(&site.root, Overrides::default()) {
        Ok(config) => match finish(run_check(&config, external)) {
            Some(report) => {
                #[cfg(feature = "external")]
                if let Some(external) = &report.external {
                    eprintln!(
                        "External links: {} in all, {} asked, {} known good from the cache, {} broken",
                        external.links, external.checked, external.from_cache, external.broken
                    );
                }
                (report.diagnostics, report.translations)
            }
            None => return Outcome::Failure,
        },
        Err(d) => (vec![d], Vec::new()),
    };
    let translations = show_translations.then_some(languages.as_slice());
    let human_only_errors = site.quiet && format == Format::Human;
    let text = report::render(format, &shown(&diagnostics, human_only_errors), translations, &site.root, site.verbose);
    if let (Some(languages), false) = (translations, format == Format::Json) {
        print!("{}", translations::render_text(languages));
    }
    if format == Format::Human {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    let fails = |s: Severity| diagnostics.iter().any(|d| d.severity == s);
    if fails(Severity::Error) || (deny_warnings && fails(Severity::Warning)) {
        Outcome::ContentErrors
    } else {
        Outcome::Success
    }
}

/// `check`, with the external links when a cache file is given for them.
fn run_check(config: &Config, external: Option<PathBuf>) -> crate::error::Result<BuildReport> {
    let Some(cache) = external else { return build::check(config) };
    #[cfg(feature = "external")]
    {
        let options = crate::external::ExternalOptions {
            cache,
            max_age: std::time::Duration::from_secs(24 * 60 * 60),
            timeout: std::time::Duration::from_secs(20),
        };
        build::check_with_external(config, &options)
    }
    #[cfg(not(feature = "external"))]
    {
        let _ = cache;
        Err(crate::error::Error::External("this helpgen was built without the `external` feature".into()))
    }
}

fn load_config(root: &Path, overrides: Overrides, human: &Human) -> Option<Config> {
    match Config::load(root, overrides) {
        Ok(config) => Some(config),
        Err(d) => {
            eprint!("{}", human.render(&[d], root));
            None
        }
    }
}

/// The report of a run, or `None` after printing an internal failure with
/// its chain of causes.
fn finish(result: crate::error::Result<BuildReport>) -> Option<BuildReport> {
    match result {
        Ok(report) => Some(report),
        Err(e) => {
            eprintln!("error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            None
        }
    }
}
