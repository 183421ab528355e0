//! How much the dialect front-end costs: parse and render a large article
//! (about 200 KB, 500 tags) with plain pulldown-cmark, and with helpgen's two
//! parse stages (tag expansion, then the Markdown passes), and print the
//! median times and their ratio.
//!
//!     cargo run --release --example dialect_bench [-- --runs 31] [--dense]
//!
//! `--dense` adds an attribute list to every paragraph (about 2,000 tags and
//! attribute lists in all), a worst case for the attribute passes.
//! `--parse-only` runs the Markdown stage 2,000 times and prints nothing,
//! for a profiler.
//!
//! The article has no code blocks: highlighting costs the same whichever
//! front-end finds the code, and would hide the difference being measured.

use std::time::{Duration, Instant};

use helpgen::config::{BaseUrl, Config, Overrides};
use helpgen::content::{Includes, Media, SourceArticle};
use helpgen::diag::Diagnostics;
use helpgen::dialect::{self, Context};
use helpgen::highlight::Highlighter;
use helpgen::i18n::Localizer;
use helpgen::ids::{ArticlePath, LangId};
use helpgen::offers::Offers;
use helpgen::syntax::markdown_options;

// The same allocator as the helpgen binary, so the times match a build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let runs = std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|n| n.parse().ok()).unwrap_or(31usize);
    let dense = std::env::args().any(|a| a == "--dense");
    let text = article(dense);
    let body_start = text.find("\n---\n").map_or(0, |i| i + 5);
    let body = text[body_start..].to_string();
    let tags = body.matches("{%").count() + body.matches("{:").count();
    println!("article: {} bytes, {} tags and attribute lists, {runs} runs", text.len(), tags);

    let config = Config::load(std::path::Path::new("."), Overrides::default()).expect("config");
    let theme = helpgen::theme::load(&config).expect("theme");
    let en = LangId::parse("en").expect("tag");
    let l10n = Localizer::load(
        &theme.locales,
        &config.locales_dir(),
        std::slice::from_ref(&en),
        &en,
        &mut Diagnostics::default(),
    );
    let (includes, media, offers) = (Includes::default(), Media::default(), Offers::default());
    let base_url = BaseUrl::parse("/").expect("base");
    let cx = Context {
        includes: &includes,
        media: &media,
        data: &Default::default(),
        icons: &theme.icons,
        offers: &offers,
        l10n: &l10n,
        base_url: &base_url,
        site_title: None,
        requirements: None,
        hand_written: None,
        allow_frames_from: &[],
    };
    let highlighter = Highlighter::new();
    let path = ArticlePath::parse("guide/big.md").expect("path");
    let article = SourceArticle::parse(en, path, "content/en/guide/big.md".into(), text.clone()).expect("article");

    if std::env::args().any(|a| a == "--parse-only") {
        let e = dialect::expand(&article, &cx, &mut Vec::new());
        for _ in 0..2000 {
            std::hint::black_box(helpgen::markdown::parse(&e, &highlighter, &mut Vec::new()));
        }
        return;
    }
    // Taken in turns, so that a busy moment of a shared machine slows both.
    let (plain, helpgen) = medians(
        runs,
        || {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&body, markdown_options()));
            html.len()
        },
        || {
            let mut found = Vec::new();
            let expanded = dialect::expand(&article, &cx, &mut found);
            let doc = helpgen::markdown::parse(&expanded, &highlighter, &mut found);
            // Opening links is the per-language part the render stage adds.
            let mut html = String::new();
            doc.write_html(&mut html, |_, out| out.push_str("<a href=\"/en/target/\">"));
            html.len()
        },
    );
    // What the design cannot go below: the parser on the text once its tags
    // are Markdown (links parse more slowly than plain text), plus expanding them.
    let expanded = dialect::expand(&article, &cx, &mut Vec::new()).markdown;
    let plain_expanded = median(runs, || {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&expanded, markdown_options()));
        html.len()
    });
    let expand = median(runs, || dialect::expand(&article, &cx, &mut Vec::new()).markdown.len());
    println!("pulldown-cmark alone:         {:>8.2} ms", ms(plain));
    println!("  on the expanded Markdown:   {:>8.2} ms", ms(plain_expanded));
    println!("  tag expansion only:         {:>8.2} ms", ms(expand));
    println!("helpgen dialect + Markdown:   {:>8.2} ms", ms(helpgen));
    println!("ratio: {:.2}x", helpgen.as_secs_f64() / plain.as_secs_f64());
}

/// The median times of `a` and `b`, run one after the other `runs` times.
fn medians(runs: usize, mut a: impl FnMut() -> usize, mut b: impl FnMut() -> usize) -> (Duration, Duration) {
    let mut times: (Vec<Duration>, Vec<Duration>) = (0..runs).map(|_| (time(&mut a), time(&mut b))).unzip();
    times.0.sort();
    times.1.sort();
    (times.0[runs / 2], times.1[runs / 2])
}

fn time(work: &mut impl FnMut() -> usize) -> Duration {
    let start = Instant::now();
    std::hint::black_box(work());
    start.elapsed()
}

fn median(runs: usize, mut work: impl FnMut() -> usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| time(&mut work)).collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A deterministic article: sections of prose with cross-links, menu
/// spans, icons, tables and attribute lists.
fn article(dense: bool) -> String {
    let mut text = String::from("---\ntitle: Big\n---\n\n");
    let mut tags = 0;
    let mut section = 0;
    while text.len() < 200_000 {
        section += 1;
        text.push_str(&format!("## Section {section} of the planning guide\n\n"));
        for paragraph in 0..4 {
            text.push_str("Planners open the schedule and compare the forecast with the staffing of each team. ");
            if tags < 500 {
                text.push_str(&format!(
                    "See {{% link_new the shift rules {section}.{paragraph} | guide/rules-{section}.md %}} "
                ));
                tags += 1;
            }
            if dense || paragraph == 0 {
                text.push_str("Select _Plan > Schedules_{:.menu-item} and **check**{:.doc-button} the totals. ");
            } else {
                text.push_str("Select _Plan > Schedules_ and **check** the totals. ");
            }
            if tags < 500 && paragraph % 2 == 0 {
                text.push_str("Click {% icon item-add %} to add a shift. ");
                tags += 1;
            }
            text.push_str("Agents see the result in their app the next morning, with their breaks and activities.\n\n");
        }
        let (table, list) = if dense { ("{:.settings}\n", "{:.steps}\n") } else { ("", "") };
        text.push_str(&format!("| Setting | Value |\n|---|---|\n| Breaks | 2 |\n| Minimum rest | 11 h |\n{table}\n"));
        text.push_str(&format!("- Review the schedule\n- Publish it\n{list}\n"));
    }
    text
}
