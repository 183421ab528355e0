//! How long the search stage takes on a built site: read the pages of an
//! output folder back into memory, index them as a build does, and print the
//! median time and the bundle's size.
//!
//!     cargo run --release --example search_bench -- OUTPUT_DIR [--runs 5]
//!
//! Build the site first (e.g. the 1,000 x 3 synthetic site from the `synth`
//! example). Each language is cut into parts of at most 2,000 pages, indexed
//! side by side as in a build: one part per core at a time.

use std::path::Path;
use std::time::{Duration, Instant};

use helpgen::render::OutputFile;

// The same allocator as the helpgen binary, so the times match a build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: search_bench OUTPUT_DIR [--runs N]");
        std::process::exit(2);
    };
    let runs = std::env::args().skip_while(|a| a != "--runs").nth(1).and_then(|n| n.parse().ok()).unwrap_or(5usize);
    let pages = read_pages(Path::new(&dir));
    let bytes: usize = pages.iter().map(page_len).sum();
    println!("{} pages, {} KB of HTML, {runs} runs", pages.len(), bytes / 1024);

    let mut times = Vec::with_capacity(runs);
    let mut bundle = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let html = pages.iter().filter_map(|page| match &page.content {
            helpgen::render::FileContent::Bytes(bytes) => Some((page.path.as_str(), bytes.as_slice())),
            _ => None,
        });
        let options = helpgen::search::IndexOptions { cache: None, pages_per_index: helpgen::search::PAGES_PER_INDEX };
        let (files, _) = helpgen::search::index_pages(html, options).expect("index");
        times.push(start.elapsed());
        bundle = files;
    }
    times.sort();
    let size: usize = bundle.iter().map(page_len).sum();
    println!("bundle: {} files, {} KB", bundle.len(), size / 1024);
    println!("search: median {}, min {}, max {}", ms(times[runs / 2]), ms(times[0]), ms(times[runs - 1]));
}

fn read_pages(dir: &Path) -> Vec<OutputFile> {
    let mut pages: Vec<OutputFile> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name() == "index.html")
        .filter_map(|entry| {
            let relative = entry.path().strip_prefix(dir).ok()?.to_str()?.replace('\\', "/");
            Some(OutputFile::new(relative, std::fs::read(entry.path()).ok()?))
        })
        .collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

fn page_len(file: &OutputFile) -> usize {
    match &file.content {
        helpgen::render::FileContent::Bytes(bytes) | helpgen::render::FileContent::Appended(bytes) => bytes.len(),
        helpgen::render::FileContent::Copy(_) => 0,
    }
}

fn ms(time: Duration) -> String {
    format!("{:.0} ms", time.as_secs_f64() * 1000.0)
}
