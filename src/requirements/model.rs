//! The typed shape of `requirements.yaml`. Unknown keys are errors, so a
//! misspelt field never silently drops a fact from the tables.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    pub browsers: BrowserPolicy,
    /// Offer id to what that offer needs on the workstation.
    pub offers: BTreeMap<String, OfferNeeds>,
    pub firewall: Vec<FirewallRule>,
    pub websockets: WebSockets,
    pub bandwidth: Bandwidth,
    /// Size of one real-time agent status event, in KB.
    pub agent_status_event_kb: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BrowserPolicy {
    /// How many major versions, counting down from the latest, are supported.
    pub supported_versions: u32,
    /// When the `latest` versions were last checked (`YYYY-MM-DD`).
    pub checked_on: String,
    /// After this many days, the build warns that `latest` may be out of date.
    pub max_age_days: u32,
    pub list: Vec<Browser>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Browser {
    pub id: BrowserId,
    /// The latest major version, as of `checked_on`.
    pub latest: u32,
    /// The vendor's page on allowing pop-ups for a site.
    #[serde(default)]
    pub popup_help: Option<String>,
}

impl Browser {
    pub fn oldest_supported(&self, policy: &BrowserPolicy) -> u32 {
        self.latest.saturating_sub(policy.supported_versions.saturating_sub(1))
    }
}

/// The browsers the widget can recognise; anything else is unsupported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BrowserId {
    Edge,
    Chrome,
    Firefox,
    Safari,
}

impl BrowserId {
    pub fn as_str(self) -> &'static str {
        match self {
            BrowserId::Edge => "edge",
            BrowserId::Chrome => "chrome",
            BrowserId::Firefox => "firefox",
            BrowserId::Safari => "safari",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfferNeeds {
    /// Microsoft Edge in Internet Explorer mode.
    pub ie_mode: Need,
    /// The desktop client.
    pub client: Need,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    No,
    CustomFeaturesOnly,
    Yes,
    RequiredToSignIn,
}

impl Need {
    pub fn as_str(self) -> &'static str {
        match self {
            Need::No => "no",
            Need::CustomFeaturesOnly => "custom-features-only",
            Need::Yes => "yes",
            Need::RequiredToSignIn => "required-to-sign-in",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FirewallRule {
    /// A host name or pattern: `*.example.com`, `wfm-<environment>.example.com`.
    pub host: String,
    pub port: u16,
    pub protocol: Protocol,
    pub direction: Direction,
    /// Whether the traffic may go through a proxy configured in the browser.
    pub proxy: bool,
    /// What needs the rule; shown through the Fluent message `req-used-by-<key>`.
    pub used_by: String,
    /// The port older environments use instead.
    #[serde(default)]
    pub legacy_port: Option<u16>,
    /// Environments created before this year use `legacy_port`.
    #[serde(default)]
    pub legacy_before: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Inbound,
    Outbound,
    Both,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Inbound => "inbound",
            Direction::Outbound => "outbound",
            Direction::Both => "both",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WebSockets {
    /// `https://` and `wss://` URLs to allow.
    pub urls: Vec<String>,
    /// Offers whose real-time views fall back to a slower mode without WebSockets.
    #[serde(default)]
    pub fallback_offers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bandwidth {
    /// The reference point: this many seats, all signed in...
    pub seats: u32,
    /// ...transfer this much per hour.
    pub mb_per_hour: Range,
}

impl Bandwidth {
    /// MB per hour for `seats`, scaled from the reference point.
    pub fn for_seats(&self, seats: u32) -> Range {
        let factor = f64::from(seats) / f64::from(self.seats.max(1));
        Range { min: self.mb_per_hour.min * factor, max: self.mb_per_hour.max * factor }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

/// Whether a URL is one the widget may contact: `https://` or `wss://`
/// (plain `http://` and `ws://` only on the loopback host, for tests), and
/// a host name without user info or spaces.
pub fn check_url(url: &str) -> Result<(), String> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err("is not a URL: it should start with `https://` or `wss://`".into());
    };
    let host_and_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host_and_port.rsplit_once(':').map_or(host_and_port, |(host, _)| host);
    let loopback = host == "127.0.0.1";
    match scheme {
        "https" | "wss" => {}
        "http" | "ws" if loopback => {}
        _ => return Err("should start with `https://` or `wss://`".into()),
    }
    let port_ok = host_and_port.rsplit_once(':').is_none_or(|(_, port)| port.parse::<u16>().is_ok_and(|p| p > 0));
    let host_ok = !host.is_empty()
        && host.split('.').all(|label| !label.is_empty())
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if !host_ok || !port_ok || url.contains(char::is_whitespace) {
        return Err("does not have a valid host name".into());
    }
    Ok(())
}

/// Help pages are opened by readers: plain `https://` only.
pub fn require_https(url: &str) -> Result<(), String> {
    if url.starts_with("https://") {
        Ok(())
    } else {
        Err("should start with `https://`".into())
    }
}
