//! The technical requirements as data, from `content/_data/requirements.yaml`:
//! browsers and their version policy, what each offer needs (IE mode, the
//! desktop client), firewall rules, WebSocket URLs and bandwidth. Tables in
//! articles and the self-check widget's JSON are both made from it, so they
//! cannot disagree.

mod model;
pub mod prose;
pub mod selfcheck;
pub mod table;
pub mod widget;

use std::path::Path;

pub use model::{
    Bandwidth, Browser, BrowserPolicy, Direction, FirewallRule, Need, OfferNeeds, Range, Requirements, WebSockets,
};

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::offers::{invalid_yaml, Offers};
use crate::syntax::data_path::Positions;
use crate::syntax::yaml_limits;

pub const REQUIREMENTS_FILE: &str = "content/_data/requirements.yaml";

/// `None` when the site has no requirements file; problems are reported
/// and also give `None`, so no table is made from half-valid data.
pub fn load(root: &Path, offers: &Offers, today: Date, diags: &mut Diagnostics) -> Option<Requirements> {
    let text = match std::fs::read(root.join(REQUIREMENTS_FILE)) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let d = Diagnostic::new(Code::DataUnreadable, format!("not valid UTF-8: {e}"));
                diags.push(d.at(Location::file(REQUIREMENTS_FILE)));
                return None;
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::DataUnreadable, format!("cannot read: {e}"))
                    .at(Location::file(REQUIREMENTS_FILE)),
            );
            return None;
        }
    };
    let (requirements, found) = parse(&text, offers, today);
    diags.extend(found);
    requirements
}

/// The data and every problem of the file, positioned. The data is `None`
/// when any problem is an error.
pub fn parse(text: &str, offers: &Offers, today: Date) -> (Option<Requirements>, Vec<Diagnostic>) {
    if let Err(over) = yaml_limits::check_data_file(Path::new(REQUIREMENTS_FILE), text) {
        return (None, vec![over]);
    }
    let data: Requirements = match serde_yaml::from_str(text) {
        Ok(data) => data,
        Err(e) => return (None, vec![invalid_yaml(REQUIREMENTS_FILE, text, &e)]),
    };
    let found = validate(&data, text, offers, today);
    let valid = !found.iter().any(|d| d.severity == crate::diag::Severity::Error);
    (valid.then_some(data), found)
}

/// What serde cannot check: offer ids, port 0, URLs, dates and ranges.
fn validate(data: &Requirements, text: &str, offers: &Offers, today: Date) -> Vec<Diagnostic> {
    // serde forgets where values are written: problems are placed by the
    // path of the value they are about.
    let positions = Positions::new(text);
    let at = |path: &str| match positions.of(path) {
        Some((line, column)) => Location::new(REQUIREMENTS_FILE, line, column),
        None => Location::file(REQUIREMENTS_FILE),
    };
    let mut found = Vec::new();
    let mut problem = |path: String, message: String| {
        found.push(Diagnostic::new(Code::DataInvalid, message).at(at(&path)));
    };
    for id in data.offers.keys() {
        if offers.get(id).is_none() {
            let d = offers.unknown(id);
            problem(format!("offers.{id}"), d.message.clone() + &d.help.map(|h| format!("; {h}")).unwrap_or_default());
        }
    }
    for (i, id) in data.websockets.fallback_offers.iter().enumerate() {
        if offers.get(id).is_none() {
            problem(format!("websockets.fallback_offers[{i}]"), format!("`{id}` in `fallback_offers` is not an offer"));
        }
    }
    for (i, rule) in data.firewall.iter().enumerate() {
        for (key, port) in [("port", Some(rule.port)), ("legacy_port", rule.legacy_port)] {
            if port == Some(0) {
                problem(format!("firewall[{i}].{key}"), "port 0 is not a port; use 1 to 65535".to_string());
            }
        }
        if rule.host.is_empty() || rule.host.contains(['/', ' ', ':']) {
            let message = format!("`{}` is not a host name or pattern like `*.example.com`", rule.host);
            problem(format!("firewall[{i}].host"), message);
        }
    }
    for (i, url) in data.websockets.urls.iter().enumerate() {
        if let Err(why) = model::check_url(url) {
            problem(format!("websockets.urls[{i}]"), format!("`{url}` {why}"));
        }
    }
    for (i, browser) in data.browsers.list.iter().enumerate() {
        if let Some(url) = &browser.popup_help {
            if let Err(why) = model::check_url(url).and_then(|_| model::require_https(url)) {
                problem(format!("browsers.list[{i}].popup_help"), format!("`{url}` {why}"));
            }
        }
    }
    if data.browsers.supported_versions == 0 {
        problem("browsers.supported_versions".into(), "`supported_versions` must be at least 1".to_string());
    }
    if data.bandwidth.mb_per_hour.min > data.bandwidth.mb_per_hour.max || data.bandwidth.seats == 0 {
        let message = "bandwidth needs at least one seat and `min` no larger than `max`".to_string();
        problem("bandwidth".into(), message);
    }
    match Date::parse(&data.browsers.checked_on) {
        None => problem(
            "browsers.checked_on".into(),
            format!("`{}` is not a date like 2026-11-01", data.browsers.checked_on),
        ),
        Some(checked) => {
            let age = today.days() - checked.days();
            if age > i64::from(data.browsers.max_age_days) {
                let message = format!(
                    "the latest browser versions were recorded {age} days ago, more than `max_age_days` ({})",
                    data.browsers.max_age_days
                );
                let d = Diagnostic::new(Code::DataStale, message)
                    .with_help("check each browser's latest major version, update `latest` and `checked_on`");
                found.push(d.at(at("browsers.checked_on")));
            }
        }
    }
    found
}

/// Fluent messages the tables and the widget's JSON use for this data.
pub fn messages(data: &Requirements) -> Vec<String> {
    let fixed = [
        "req-browsers-caption",
        "req-col-browser",
        "req-col-versions",
        "req-col-popups",
        "req-versions",
        "req-popup-help",
        "req-col-offer",
        "req-ie-mode-caption",
        "req-col-ie-mode",
        "req-client-caption",
        "req-col-client",
        "req-firewall-caption",
        "req-col-destination",
        "req-col-protocol",
        "req-col-port",
        "req-col-direction",
        "req-col-proxy",
        "req-col-used-by",
        "req-legacy-port",
        "req-proxy-yes",
        "req-proxy-no",
        "req-websockets-caption",
        "req-col-without-websockets",
        "req-fallback-slower",
        "req-fallback-none",
        "req-bandwidth-caption",
        "req-col-seats",
        "req-col-mb-per-hour",
        "req-bandwidth-range",
        "req-bandwidth-reference",
    ];
    let mut keys: Vec<String> = fixed.iter().chain(selfcheck::MESSAGES).map(|k| k.to_string()).collect();
    keys.extend(data.browsers.list.iter().map(|b| format!("browser-{}", b.id.as_str())));
    for needs in data.offers.values() {
        keys.extend([needs.ie_mode, needs.client].map(|n| format!("req-need-{}", n.as_str())));
    }
    for rule in &data.firewall {
        keys.push(format!("req-direction-{}", rule.direction.as_str()));
        keys.push(format!("req-used-by-{}", rule.used_by));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A calendar date, for the age of the recorded browser versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    days_since_epoch: i64,
}

impl Date {
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Date { days_since_epoch: (seconds / 86_400) as i64 }
    }

    /// `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i64 = parts.next()?.parse().ok()?;
        let month: i64 = parts.next()?.parse().ok()?;
        let day: i64 = parts.next()?.parse().ok()?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1970..=9999).contains(&year) {
            return None;
        }
        // Days from the civil calendar (Howard Hinnant's well-known method).
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Some(Date { days_since_epoch: era * 146_097 + day_of_era - 719_468 })
    }

    fn days(self) -> i64 {
        self.days_since_epoch
    }
}

#[cfg(test)]
mod tests;
