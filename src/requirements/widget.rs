//! The requirements as JSON for the self-check widget, one file per
//! language (`/<lang>/requirements.json`): the same facts as the tables,
//! with the display texts already localized.

use serde::Serialize;

use super::table::TableContext;
use super::Range;

#[derive(Debug, Serialize)]
pub struct WidgetData {
    pub lang: String,
    pub browsers: Browsers,
    pub offers: Vec<Offer>,
    pub firewall: Vec<Rule>,
    pub websockets: WebSockets,
    pub bandwidth: Bandwidth,
    pub agent_status_event_kb: f64,
    /// The check's texts, with `{name}` placeholders for what it measures.
    pub messages: std::collections::BTreeMap<&'static str, String>,
}

#[derive(Debug, Serialize)]
pub struct Browsers {
    pub supported_versions: u32,
    pub checked_on: String,
    pub list: Vec<Browser>,
}

#[derive(Debug, Serialize)]
pub struct Browser {
    pub id: &'static str,
    pub name: String,
    pub latest: u32,
    pub oldest_supported: u32,
    pub popup_help: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub ie_mode: &'static str,
    pub ie_mode_text: String,
    pub client: &'static str,
    pub client_text: String,
    pub websocket_fallback: bool,
}

#[derive(Debug, Serialize)]
pub struct Rule {
    pub host: String,
    pub port: u16,
    pub protocol: &'static str,
    pub direction: &'static str,
    pub proxy: bool,
    pub used_by: String,
    pub legacy_port: Option<u16>,
    pub legacy_before: Option<u16>,
}

#[derive(Debug, Serialize)]
pub struct WebSockets {
    pub urls: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Bandwidth {
    pub seats: u32,
    pub mb_per_hour: Range,
}

pub fn data(cx: &TableContext) -> WidgetData {
    let requirements = cx.data;
    let policy = &requirements.browsers;
    let t = |key: &str| cx.t(key);
    WidgetData {
        lang: cx.lang.to_string(),
        browsers: Browsers {
            supported_versions: policy.supported_versions,
            checked_on: policy.checked_on.clone(),
            list: policy
                .list
                .iter()
                .map(|b| Browser {
                    id: b.id.as_str(),
                    name: t(&format!("browser-{}", b.id.as_str())),
                    latest: b.latest,
                    oldest_supported: b.oldest_supported(policy),
                    popup_help: b.popup_help.clone(),
                })
                .collect(),
        },
        offers: cx
            .offer_rows()
            .map(|(id, needs)| Offer {
                id: id.to_string(),
                name: t(&format!("offer-{id}")),
                ie_mode: needs.ie_mode.as_str(),
                ie_mode_text: t(&format!("req-need-{}", needs.ie_mode.as_str())),
                client: needs.client.as_str(),
                client_text: t(&format!("req-need-{}", needs.client.as_str())),
                websocket_fallback: requirements.websockets.fallback_offers.iter().any(|o| o == id),
            })
            .collect(),
        firewall: requirements
            .firewall
            .iter()
            .map(|r| Rule {
                host: r.host.clone(),
                port: r.port,
                protocol: r.protocol.as_str(),
                direction: r.direction.as_str(),
                proxy: r.proxy,
                used_by: t(&format!("req-used-by-{}", r.used_by)),
                legacy_port: r.legacy_port,
                legacy_before: r.legacy_before,
            })
            .collect(),
        websockets: WebSockets { urls: requirements.websockets.urls.clone() },
        bandwidth: Bandwidth { seats: requirements.bandwidth.seats, mb_per_hour: requirements.bandwidth.mb_per_hour },
        agent_status_event_kb: requirements.agent_status_event_kb,
        messages: super::selfcheck::messages(cx).into_iter().collect(),
    }
}

pub fn json(cx: &TableContext) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&data(cx)).unwrap_or_default()
}
