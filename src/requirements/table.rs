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

/// A table written twice: for the page, and for its Markdown twin.
pub struct RenderedTable {
    pub html: String,
    pub markdown: String,
}

/// The table, or `None` for a name that is not a table.
pub fn render(name: &str, cx: &TableContext) -> Option<RenderedTable> {
    let table = match name {
        "browsers" => browsers(cx),
        "ie-mode" => needs(cx, "ie-mode", |n| n.ie_mode),
        "client" => needs(cx, "client", |n| n.client),
        "firewall" => firewall(cx),
        "websockets" => websockets(cx),
        "bandwidth" => bandwidth(cx),
        _ => return None,
    };
    Some(RenderedTable { html: table.html(), markdown: table.markdown() })
}

fn browsers(cx: &TableContext) -> Table {
    let policy = &cx.data.browsers;
    let mut table = Table::new("browsers", cx.t("req-browsers-caption"));
    table.columns = vec![cx.t("req-col-browser"), cx.t("req-col-versions"), cx.t("req-col-popups")];
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
            Some(url) => Cell::link(cx.t("req-popup-help"), url),
            None => Cell::default(),
        };
        table.row(
            format!(" data-browser=\"{id}\""),
            Cell::text(cx.t(&format!("browser-{id}"))),
            vec![Cell::text(versions), help],
        );
    }
    table
}

fn needs(cx: &TableContext, name: &str, need: impl Fn(&super::OfferNeeds) -> super::Need) -> Table {
    let mut table = Table::new(name, cx.t(&format!("req-{name}-caption")));
    table.columns = vec![cx.t("req-col-offer"), cx.t(&format!("req-col-{name}"))];
    for (id, needs) in cx.offer_rows() {
        let value = need(needs).as_str();
        let cell = Cell(vec![Piece::Need { value, text: cx.t(&format!("req-need-{value}")) }]);
        table.row(format!(" data-offer=\"{id}\""), Cell::text(cx.t(&format!("offer-{id}"))), vec![cell]);
    }
    table
}

fn firewall(cx: &TableContext) -> Table {
    let mut table = Table::new("firewall", cx.t("req-firewall-caption"));
    table.columns = vec![
        cx.t("req-col-destination"),
        cx.t("req-col-protocol"),
        cx.t("req-col-port"),
        cx.t("req-col-direction"),
        cx.t("req-col-proxy"),
        cx.t("req-col-used-by"),
    ];
    for rule in &cx.data.firewall {
        let mut port = Cell::text(rule.port.to_string());
        if let (Some(legacy), Some(year)) = (rule.legacy_port, rule.legacy_before) {
            let note = cx.t_args("req-legacy-port", &[("port", legacy.to_string()), ("year", year.to_string())]);
            port.0.push(Piece::Note(note));
        }
        let proxy = if rule.proxy { "req-proxy-yes" } else { "req-proxy-no" };
        let cells = vec![
            Cell::text(rule.protocol.as_str().to_string()),
            port,
            Cell::text(cx.t(&format!("req-direction-{}", rule.direction.as_str()))),
            Cell::text(cx.t(proxy)),
            Cell::text(cx.t(&format!("req-used-by-{}", rule.used_by))),
        ];
        table.row(String::new(), Cell(vec![Piece::Code(rule.host.clone())]), cells);
    }
    table
}

fn websockets(cx: &TableContext) -> Table {
    let mut table = Table::new("websockets", cx.t("req-websockets-caption"));
    table.columns = vec![cx.t("req-col-offer"), cx.t("req-col-without-websockets")];
    for (id, _) in cx.offer_rows() {
        let slower = cx.data.websockets.fallback_offers.iter().any(|o| o == id);
        let key = if slower { "req-fallback-slower" } else { "req-fallback-none" };
        table.row(
            format!(" data-offer=\"{id}\""),
            Cell::text(cx.t(&format!("offer-{id}"))),
            vec![Cell::text(cx.t(key))],
        );
    }
    table.addresses = cx.data.websockets.urls.clone();
    table
}

fn bandwidth(cx: &TableContext) -> Table {
    let reference = &cx.data.bandwidth;
    let mut table = Table::new("bandwidth", cx.t("req-bandwidth-caption"));
    table.columns = vec![cx.t("req-col-seats"), cx.t("req-col-mb-per-hour")];
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
        table.row(format!(" data-seats=\"{count}\""), Cell::text(count.to_string()), vec![Cell::text(text)]);
    }
    table
}

/// Whole megabytes, at least 1: readers plan with round numbers.
fn whole(mb: f64) -> String {
    format!("{}", mb.round().max(1.0) as u64)
}

/// A table's content, written as HTML for the page and as Markdown for
/// its twin from the same cells.
struct Table {
    name: String,
    caption: String,
    columns: Vec<String>,
    /// Addresses listed above the table (the WebSocket endpoints).
    addresses: Vec<String>,
    rows: Vec<Row>,
}

struct Row {
    /// HTML attributes of the `<tr>`, for the offer filter and the check.
    attributes: String,
    header: Cell,
    cells: Vec<Cell>,
}

/// A cell's content, in pieces that each format writes its own way.
#[derive(Default)]
struct Cell(Vec<Piece>);

enum Piece {
    Text(String),
    Code(String),
    Link {
        text: String,
        url: String,
    },
    /// A requirement level, which the check's script reads from the page.
    Need {
        value: &'static str,
        text: String,
    },
    /// A smaller line under the value.
    Note(String),
}

impl Cell {
    fn text(text: String) -> Cell {
        Cell(vec![Piece::Text(text)])
    }

    fn link(text: String, url: &str) -> Cell {
        Cell(vec![Piece::Link { text, url: url.to_string() }])
    }

    fn html(&self) -> String {
        let mut html = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(text) => escape::push_html(&mut html, text),
                Piece::Code(code) => html.push_str(&format!("<code>{}</code>", escape::html(code))),
                Piece::Link { text, url } => html.push_str(&format!(
                    "<a href=\"{}\" rel=\"noopener\">{}</a>",
                    escape::html(url),
                    escape::html(text)
                )),
                Piece::Need { value, text } => {
                    html.push_str(&format!("<span data-need=\"{value}\">{}</span>", escape::html(text)))
                }
                Piece::Note(note) => html.push_str(&format!("<br><small>{}</small>", escape::html(note))),
            }
        }
        html
    }

    fn markdown(&self) -> String {
        let mut markdown = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(text) | Piece::Need { text, .. } => markdown.push_str(&escape::markdown_text(text)),
                Piece::Code(code) => markdown.push_str(&code_span(code)),
                Piece::Link { text, url } => {
                    markdown.push_str(&format!("[{}]({})", escape::markdown_text(text), escape::markdown_url(url)))
                }
                Piece::Note(note) => markdown.push_str(&format!(" ({})", escape::markdown_text(note))),
            }
        }
        markdown
    }
}

impl Table {
    fn new(name: &str, caption: String) -> Table {
        Table { name: name.to_string(), caption, columns: Vec::new(), addresses: Vec::new(), rows: Vec::new() }
    }

    fn row(&mut self, attributes: String, header: Cell, cells: Vec<Cell>) {
        self.rows.push(Row { attributes, header, cells });
    }

    fn html(&self) -> String {
        let mut html = format!("<div class=\"requirements\" data-requirements=\"{}\">\n", self.name);
        if !self.addresses.is_empty() {
            let items: Vec<String> =
                self.addresses.iter().map(|url| format!("<li><code>{}</code></li>", escape::html(url))).collect();
            html.push_str(&format!("<ul class=\"requirements-urls\">{}</ul>\n", items.join("")));
        }
        html.push_str(&format!("<table>\n<caption>{}</caption>\n<thead><tr>", escape::html(&self.caption)));
        for column in &self.columns {
            html.push_str(&format!("<th scope=\"col\">{}</th>", escape::html(column)));
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            html.push_str(&format!("<tr{}><th scope=\"row\">{}</th>", row.attributes, row.header.html()));
            for cell in &row.cells {
                html.push_str(&format!("<td>{}</td>", cell.html()));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n</div>\n");
        html
    }

    /// The caption as a bold line, then a GitHub-flavoured table: the form
    /// every Markdown reader knows.
    fn markdown(&self) -> String {
        let mut markdown = format!("**{}**\n\n", escape::markdown_text(&self.caption));
        for url in &self.addresses {
            markdown.push_str(&format!("- {}\n", code_span(url)));
        }
        if !self.addresses.is_empty() {
            markdown.push('\n');
        }
        let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
        markdown.push_str(&line(self.columns.iter().map(|c| escape::markdown_text(c)).collect()));
        markdown.push_str(&line(self.columns.iter().map(|_| "---".to_string()).collect()));
        for row in &self.rows {
            let cells = std::iter::once(&row.header).chain(&row.cells).map(Cell::markdown).collect();
            markdown.push_str(&line(cells));
        }
        markdown.truncate(markdown.trim_end().len());
        markdown
    }
}

/// A code span holding `code` as it is: its fence is longer than any run of
/// backticks inside, and a pipe is escaped so it cannot end a table cell.
fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{}{pad}{fence}", code.replace('|', "\\|"))
}
