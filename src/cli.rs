//! The command line: parse options, call the library, report, and map the
//! outcome to an exit code (0 success, 1 content errors, 2 usage or internal
//! failure).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build;
use crate::config::{Config, Overrides};
use crate::report::Human;

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
        /// Site root: the folder holding content/, and optionally helpgen.toml, themes/ and locales/
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public]; replaced as a whole, only on success
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Public URL of the site, e.g. https://help.example.com/ (overrides base_url in helpgen.toml)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Also show info notes (missing translations, placeholder titles)
        #[arg(long, short)]
        verbose: bool,
    },
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
        Command::Build { root, output, base_url, verbose } => {
            build_command(root, Overrides { output, base_url }, Human::for_stderr(verbose)).into()
        }
    }
}

fn build_command(root: PathBuf, overrides: Overrides, human: Human) -> Outcome {
    let config = match Config::load(&root, overrides) {
        Ok(config) => config,
        Err(d) => {
            eprint!("{}", human.render(&[d], &root));
            return Outcome::ContentErrors;
        }
    };
    let report = match build::build(&config) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            return Outcome::Failure;
        }
    };
    eprint!("{}", human.render(&report.diagnostics, &root));
    match report.written {
        Some(written) => {
            let total: std::time::Duration = report.timings.iter().map(|(_, t)| *t).sum();
            let stages: Vec<String> = report.timings.iter().map(|(s, t)| format!("{s} {} ms", t.as_millis())).collect();
            eprintln!(
                "Built {} articles into {} pages in {} languages: {} files, {} KB in {} ms ({}) -> {}",
                report.articles,
                report.pages,
                report.languages,
                written.files,
                written.bytes / 1024,
                total.as_millis(),
                stages.join(", "),
                config.output.display()
            );
            Outcome::Success
        }
        None => {
            eprintln!("Nothing was written; the previous output, if any, is unchanged.");
            Outcome::ContentErrors
        }
    }
}
