//! Fatal failures: problems that stop a build outright (I/O on the output,
//! a broken theme template). Problems in content are `Diagnostic`s instead.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot {action} `{}`", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{name} failed:\n{message}")]
    Template { name: String, message: String },
    #[error("the output directory `{}` is unusable: {reason}", path.display())]
    Output { path: PathBuf, reason: String },
    #[error("the search index cannot be built: {0}")]
    Search(String),
    #[error("external links cannot be checked: {0}")]
    External(String),
    #[error("cannot serve the site: {0}")]
    Serve(String),
    #[error("{0}")]
    Scaffold(String),
    /// A thread of the build ended before its work: a panic, or its
    /// partner's failure.
    #[error("{0} stopped unexpectedly")]
    Stopped(&'static str),
    /// Links in the Markdown files a build made that lead nowhere.
    #[error("the build wrote {} links that lead nowhere", .0.len())]
    BrokenOutput(Vec<crate::diag::Diagnostic>),
}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { action, path, source }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
