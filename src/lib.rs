//! helpgen turns a help center written in Markdown with YAML front matter
//! (in a Jekyll/kramdown-flavoured dialect) into a static, localized site.
//!
//! Data flows one way: `content` (load) -> `dialect` and `markdown` (parse)
//! -> `resolve` -> `render` -> `output` (write), driven by `build`, which
//! keeps the loaded, parsed and resolved site as a `build::SiteModel`. Each
//! module depends only on the ones before it; `syntax` is the lexical layer
//! below them all. Content problems are `diag::Diagnostic`s collected across
//! the whole site; `error::Error` is for failures that stop a build.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod diag;
pub mod dialect;
pub mod error;
pub mod escape;
#[cfg(feature = "external")]
pub mod external;
pub mod highlight;
pub mod i18n;
pub mod ids;
pub mod markdown;
pub mod offers;
pub mod output;
pub mod render;
pub mod report;
pub mod requirements;
pub mod resolve;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod syntax;
pub mod theme;
pub mod translations;
