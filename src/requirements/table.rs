//! `{% requirements NAME %}` as accessible HTML tables: a caption, header
//! cells with a scope, every value localized through Fluent, and offer rows
//! marked with `data-offer` so the offer filter can highlight them.

use fluent_bundle::FluentArgs;

use super::Requirements;
use crate::escape;
use crate::i18n::Localizer;
use crate::ids::LangId;
use crate::offers::Offers;

/// Table names `{% requirements NAME %}` accepts.
pub const TABLES: &[&str] = &["browsers", "ie-mode", "client", "firewall", "websockets", "bandwidth"];

/// Seat counts shown in the bandwidth table, besides the reference point.
const SEAT_STEPS: &[u32] = &[25, 50, 100, 500, 1000];

pub struct TableContext<'a> {
    pub data: &'a Requirements,
    pub offers: &'a Offers,
    pub l10n: &'a Localizer,
    pub lang: &'a LangId,
}

impl TableContext<'_> {
    pub(super) fn t(&self, key: &str) -> String {
        self.l10n.get(self.lang, key, None).unwrap_or_else(|| key.to_string())
    }

    pub(super) fn t_args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.l10n.get(self.lang, key, Some(&fluent)).unwrap_or_else(|| key.to_string())
    }

    /// Offers the data has needs for, in the offers' display order.
    pub(super) fn offer_rows(&self) -> impl Iterator<Item = (&str, &super::OfferNeeds)> {
        self.offers.ids().filter_map(|id| self.data.offers.get(id).map(|needs| (id, needs)))
    }
}

/// The table's HTML, or `None` for a name that is not a table.
pub fn render(name: &str, cx: &TableContext) -> Option<String> {
    let table = match name {
        "browsers" => browsers(cx),
        "ie-mode" => needs(cx, "ie-mode", |n| n.ie_mode),
        "client" => needs(cx, "client", |n| n.client),
        "firewall" => firewall(cx),
        "websockets" => websockets(cx),
        "bandwidth" => bandwidth(cx),
        _ => return None,
    };
    Some(table.finish())
}

fn browsers(cx: &TableContext) -> Table {
    let policy = &cx.data.browsers;
    let mut table = Table::new("browsers", &cx.t("req-browsers-caption"));
    table.header(&[cx.t("req-col-browser"), cx.t("req-col-versions"), cx.t("req-col-popups")]);
    for browser in &policy.list {
        let id = browser.id.as_str();
        let versions = cx.t_args(
            "req-versions",
            &[
                ("oldest", browser.oldest_supported(policy).to_string()),
                ("latest", browser.latest.to_string()),
                ("date", policy.checked_on.clone()),
            ],
        );
        let help = match &browser.popup_help {
            Some(url) => format!(
                "<a href=\"{}\" rel=\"noopener\">{}</a>",
                escape::html(url),
                escape::html(&cx.t("req-popup-help"))
            ),
            None => String::new(),
        };
        table.row(
            &format!(" data-browser=\"{id}\""),
            &escape::html(&cx.t(&format!("browser-{id}"))),
            &[escape::html(&versions), help],
        );
    }
    table
}

fn needs(cx: &TableContext, name: &str, need: impl Fn(&super::OfferNeeds) -> super::Need) -> Table {
    let mut table = Table::new(name, &cx.t(&format!("req-{name}-caption")));
    table.header(&[cx.t("req-col-offer"), cx.t(&format!("req-col-{name}"))]);
    for (id, needs) in cx.offer_rows() {
        let value = need(needs).as_str();
        let cell = format!("<span data-need=\"{value}\">{}</span>", escape::html(&cx.t(&format!("req-need-{value}"))));
        table.row(&format!(" data-offer=\"{id}\""), &escape::html(&cx.t(&format!("offer-{id}"))), &[cell]);
    }
    table
}

fn firewall(cx: &TableContext) -> Table {
    let mut table = Table::new("firewall", &cx.t("req-firewall-caption"));
    table.header(&[
        cx.t("req-col-destination"),
        cx.t("req-col-protocol"),
        cx.t("req-col-port"),
        cx.t("req-col-direction"),
        cx.t("req-col-proxy"),
        cx.t("req-col-used-by"),
    ]);
    for rule in &cx.data.firewall {
        let mut port = rule.port.to_string();
        if let (Some(legacy), Some(year)) = (rule.legacy_port, rule.legacy_before) {
            let note = cx.t_args("req-legacy-port", &[("port", legacy.to_string()), ("year", year.to_string())]);
            port = format!("{port}<br><small>{}</small>", escape::html(&note));
        }
        let proxy = if rule.proxy { "req-proxy-yes" } else { "req-proxy-no" };
        let cells = [
            rule.protocol.as_str().to_string(),
            port,
            escape::html(&cx.t(&format!("req-direction-{}", rule.direction.as_str()))),
            escape::html(&cx.t(proxy)),
            escape::html(&cx.t(&format!("req-used-by-{}", rule.used_by))),
        ];
        table.row("", &format!("<code>{}</code>", escape::html(&rule.host)), &cells);
    }
    table
}

fn websockets(cx: &TableContext) -> Table {
    let mut table = Table::new("websockets", &cx.t("req-websockets-caption"));
    table.header(&[cx.t("req-col-offer"), cx.t("req-col-without-websockets")]);
    for (id, _) in cx.offer_rows() {
        let slower = cx.data.websockets.fallback_offers.iter().any(|o| o == id);
        let key = if slower { "req-fallback-slower" } else { "req-fallback-none" };
        table.row(
            &format!(" data-offer=\"{id}\""),
            &escape::html(&cx.t(&format!("offer-{id}"))),
            &[escape::html(&cx.t(key))],
        );
    }
    let urls: Vec<String> =
        cx.data.websockets.urls.iter().map(|url| format!("<li><code>{}</code></li>", escape::html(url))).collect();
    table.before = format!("<ul class=\"requirements-urls\">{}</ul>\n", urls.join(""));
    table
}

fn bandwidth(cx: &TableContext) -> Table {
    let reference = &cx.data.bandwidth;
    let mut table = Table::new("bandwidth", &cx.t("req-bandwidth-caption"));
    table.header(&[cx.t("req-col-seats"), cx.t("req-col-mb-per-hour")]);
    let mut seats: Vec<u32> = SEAT_STEPS.to_vec();
    seats.push(reference.seats);
    seats.sort_unstable();
    seats.dedup();
    for count in seats {
        let range = reference.for_seats(count);
        let mut text = cx.t_args("req-bandwidth-range", &[("min", whole(range.min)), ("max", whole(range.max))]);
        if count == reference.seats {
            text = format!("{text} ({})", cx.t("req-bandwidth-reference"));
        }
        table.row(&format!(" data-seats=\"{count}\""), &count.to_string(), &[escape::html(&text)]);
    }
    table
}

/// Whole megabytes, at least 1: readers plan with round numbers.
fn whole(mb: f64) -> String {
    format!("{}", mb.round().max(1.0) as u64)
}

/// A table being written: caption and column headers first, then rows.
struct Table {
    name: String,
    /// HTML shown above the table, inside its wrapper.
    before: String,
    html: String,
}

impl Table {
    fn new(name: &str, caption: &str) -> Table {
        let html = format!("<table>\n<caption>{}</caption>\n", escape::html(caption));
        Table { name: name.to_string(), before: String::new(), html }
    }

    fn header(&mut self, columns: &[String]) {
        self.html.push_str("<thead><tr>");
        for column in columns {
            self.html.push_str(&format!("<th scope=\"col\">{}</th>", escape::html(column)));
        }
        self.html.push_str("</tr></thead>\n<tbody>\n");
    }

    /// `header` and `cells` are HTML already; `attributes` go on the `<tr>`.
    fn row(&mut self, attributes: &str, header: &str, cells: &[String]) {
        self.html.push_str(&format!("<tr{attributes}><th scope=\"row\">{header}</th>"));
        for cell in cells {
            self.html.push_str(&format!("<td>{cell}</td>"));
        }
        self.html.push_str("</tr>\n");
    }

    fn finish(self) -> String {
        let (name, before, html) = (self.name, self.before, self.html);
        format!("<div class=\"requirements\" data-requirements=\"{name}\">\n{before}{html}</tbody>\n</table>\n</div>\n")
    }
}
