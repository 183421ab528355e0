//! `helpgen check --external`: every http(s) link of the site's articles,
//! checked once however often it is written, with lychee's client (it
//! limits requests per host, times out and retries). A cache file keeps
//! the links that worked for a while, so a run soon after another asks
//! them nothing again; a broken link is asked every time, so a fix shows.
//! Results are ordinary diagnostics, at every place the link is written.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::StreamExt;
use serde::{Deserialize, Serialize};

use crate::diag::{Code, Diagnostic, Location};
use crate::error::{Error, Result};
use crate::markdown::LinkTarget;
use crate::resolve::Site;

/// Requests in flight at once, over every host; lychee bounds each host.
const IN_FLIGHT: usize = 16;

#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// Where the results are kept between runs (a folder CI may keep).
    pub cache: PathBuf,
    /// How long a link that worked is not asked again.
    pub max_age: Duration,
    /// How long one request may take.
    pub timeout: Duration,
}

/// What one run did, for the summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExternalReport {
    pub links: usize,
    pub checked: usize,
    pub from_cache: usize,
    pub broken: usize,
}

/// The cache file: for each URL that worked, when it was checked.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    /// Seconds since the Unix epoch.
    worked: BTreeMap<String, u64>,
}

/// Checks the external links of `site`; their problems go to `diags`.
pub fn check(site: &Site, options: &ExternalOptions, diags: &mut Vec<Diagnostic>) -> Result<ExternalReport> {
    let places = external_links(site);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let mut cache = read_cache(options);
    let fresh = |url: &str| cache.worked.get(url).is_some_and(|&at| now.saturating_sub(at) < options.max_age.as_secs());
    let asked: Vec<&str> = places.keys().map(String::as_str).filter(|url| !fresh(url)).collect();
    let mut report =
        ExternalReport { links: places.len(), from_cache: places.len() - asked.len(), ..ExternalReport::default() };
    let results = ask(&asked, options)?;
    report.checked = results.len();
    for (url, problem) in results {
        let Some(problem) = problem else {
            cache.worked.insert(url.to_string(), now);
            continue;
        };
        cache.worked.remove(url);
        report.broken += 1;
        for location in &places[url] {
            let d = Diagnostic::new(Code::LinkExternalBroken, format!("`{url}` {problem}"))
                .with_help("fix or remove the link; a site that is down for a while can be asked again later");
            diags.push(d.at(location.clone()));
        }
    }
    write_cache(options, &cache)?;
    Ok(report)
}

/// Every http(s) URL the articles link to, with where each is written.
fn external_links(site: &Site) -> BTreeMap<String, Vec<Location>> {
    let mut places: BTreeMap<String, Vec<Location>> = BTreeMap::new();
    for article in site.articles() {
        for link in &article.doc.links {
            if let LinkTarget::External(url) = &link.target {
                if url.starts_with("https://") || url.starts_with("http://") {
                    places.entry(url.clone()).or_default().push(link.location.clone());
                }
            }
        }
    }
    places
}

/// Asks each URL; `None` when it worked, else what went wrong.
fn ask<'u>(urls: &[&'u str], options: &ExternalOptions) -> Result<Vec<(&'u str, Option<String>)>> {
    if urls.is_empty() {
        return Ok(Vec::new());
    }
    let client = lychee_lib::ClientBuilder::builder()
        .timeout(options.timeout)
        .max_retries(2u64)
        .build()
        .client()
        .map_err(|e| Error::External(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::External(e.to_string()))?;
    let results = runtime.block_on(async {
        let asks = urls.iter().map(|&url| {
            let client = &client;
            async move { (url, problem(client.check(url).await)) }
        });
        futures::stream::iter(asks).buffer_unordered(IN_FLIGHT).collect::<Vec<_>>().await
    });
    Ok(results)
}

/// What went wrong with a link, or `None` when it works.
fn problem(response: lychee_lib::Result<lychee_lib::Response>) -> Option<String> {
    let response = match response {
        Ok(response) => response,
        Err(e) => return Some(format!("cannot be checked: {e}")),
    };
    let status = response.status();
    if !status.is_error() {
        return None;
    }
    Some(match status.code() {
        Some(code) => format!("answered {code}"),
        None => format!("could not be reached: {status}"),
    })
}

fn read_cache(options: &ExternalOptions) -> Cache {
    // A missing or damaged cache only means asking again.
    std::fs::read(&options.cache).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default()
}

fn write_cache(options: &ExternalOptions, cache: &Cache) -> Result<()> {
    let io = |e: std::io::Error| Error::External(format!("cannot write {}: {e}", options.cache.display()));
    if let Some(folder) = options.cache.parent() {
        std::fs::create_dir_all(folder).map_err(io)?;
    }
    let json = serde_json::to_vec_pretty(cache).map_err(|e| Error::External(e.to_string()))?;
    // Written whole, then moved in place: a killed run leaves the old cache.
    let partial = options.cache.with_extension("partial");
    std::fs::write(&partial, json).map_err(io)?;
    std::fs::rename(&partial, &options.cache).map_err(io)
}
