//! helpgen beside the floor of what any help-center generator costs, on the
//! same site: the floor walks the content, drops each article's front
//! matter, turns its Markdown into HTML with pulldown-cmark and writes it,
//! on every core, and nothing else. Each is run as a process of its own, in
//! turns, so that both meet the same machine; the medians of the wall
//! times, their ratio and each one's peak memory are printed.
//!
//! ```text
//! cargo run --release --example synth -- --articles 1000 --langs en,fr,de --out /dev/shm/synth
//! cargo run --release --example scale_bench -- /dev/shm/synth --out /dev/shm/bench [--runs 5] [--search]
//! ```
//!
//! Put both folders on a RAM disk (`/dev/shm`) to measure the work rather
//! than the disk.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use std::{env, fs, process};

use rayon::prelude::*;

// The same allocator as the helpgen binary, so that its times match a build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: scale_bench SITE_DIR --out DIR [--runs N] [--search]";

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if let Some(kind) = args.iter().position(|a| a == "--child").and_then(|i| args.get(i + 1)) {
        return child(kind, &args);
    }
    let Some(site) = args.first().filter(|a| !a.starts_with("--")) else { fail(USAGE) };
    let Some(out) = option(&args, "--out") else { fail(USAGE) };
    let runs: usize = option(&args, "--runs").and_then(|n| n.parse().ok()).unwrap_or(5).max(1);
    let search = args.iter().any(|a| a == "--search");
    let kinds = ["floor", if search { "helpgen" } else { "helpgen-no-search" }];
    let mut measured: Vec<Vec<(f64, u64)>> = vec![Vec::new(); kinds.len()];
    for _ in 0..runs {
        for (kind, results) in kinds.iter().zip(&mut measured) {
            results.push(run_child(kind, site, out));
        }
    }
    println!("{runs} runs each, in turns, on {site}");
    let medians: Vec<(f64, u64)> = measured.iter().map(|results| median(results)).collect();
    for (kind, (seconds, peak)) in kinds.iter().zip(&medians) {
        println!("{kind:>18}: {seconds:.3} s, peak memory {} MiB", peak / 1024);
    }
    println!("{:>18}: {:.1}x the floor", "ratio", medians[1].0 / medians[0].0);
}

/// Runs one measured child process: its wall time and peak memory (KiB).
fn run_child(kind: &str, site: &str, out: &str) -> (f64, u64) {
    // Each run writes a new site, as a first build does.
    let _ = fs::remove_dir_all(Path::new(out).join(kind));
    let exe = env::current_exe().unwrap_or_else(|e| fail(&format!("cannot find this program: {e}")));
    let output = Command::new(exe)
        .args(["--child", kind, site, "--out", out])
        .output()
        .unwrap_or_else(|e| fail(&format!("cannot run a child: {e}")));
    let text = String::from_utf8_lossy(&output.stdout);
    let mut numbers = text.split_whitespace();
    match (numbers.next().and_then(|s| s.parse().ok()), numbers.next().and_then(|s| s.parse().ok())) {
        (Some(seconds), Some(peak)) if output.status.success() => (seconds, peak),
        _ => fail(&format!("{kind} failed:\n{text}{}", String::from_utf8_lossy(&output.stderr))),
    }
}

/// In the child: does the work, then prints its time and peak memory.
fn child(kind: &str, args: &[String]) {
    let site = args.iter().skip_while(|a| *a != kind).nth(1).map(PathBuf::from).unwrap_or_else(|| fail(USAGE));
    let out = PathBuf::from(option(args, "--out").unwrap_or_else(|| fail(USAGE))).join(kind);
    let start = Instant::now();
    match kind {
        "floor" => floor(&site.join("content"), &out),
        "helpgen" | "helpgen-no-search" => build(&site, &out, kind == "helpgen"),
        _ => fail(USAGE),
    }
    println!("{} {}", start.elapsed().as_secs_f64(), peak_memory_kib());
}

fn build(site: &Path, out: &Path, search: bool) {
    let overrides = helpgen::config::Overrides {
        output: Some(out.to_path_buf()),
        no_search: !search,
        force: true,
        ..Default::default()
    };
    let config = helpgen::config::Config::load(site, overrides).unwrap_or_else(|d| fail(&format!("{d:?}")));
    let report = helpgen::build::build(&config).unwrap_or_else(|e| fail(&e.to_string()));
    if report.has_errors() {
        fail("the site has errors: build it with helpgen to see them");
    }
}

const HEAD: &str = "<!doctype html>\n<html><head><meta charset=\"utf-8\"></head>\n<body><main>\n";
const TAIL: &str = "</main></body></html>\n";

/// The floor: every `.md` file under `content` to `out/<same path>.html`.
fn floor(content: &Path, out: &Path) {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let mut folders: Vec<PathBuf> =
        files.iter().filter_map(|p| out.join(p.strip_prefix(content).ok()?).parent().map(Path::to_path_buf)).collect();
    folders.sort_unstable();
    folders.dedup();
    for folder in &folders {
        fs::create_dir_all(folder).unwrap_or_else(|e| fail(&format!("{}: {e}", folder.display())));
    }
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    files.par_iter().for_each(|path| {
        let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let body = without_front_matter(&text);
        let mut page = String::with_capacity(body.len() * 3 / 2 + HEAD.len() + TAIL.len());
        page.push_str(HEAD);
        pulldown_cmark::html::push_html(&mut page, pulldown_cmark::Parser::new_ext(body, options));
        page.push_str(TAIL);
        let Ok(relative) = path.strip_prefix(content) else { return };
        let target = out.join(relative).with_extension("html");
        fs::write(&target, page).unwrap_or_else(|e| fail(&format!("{}: {e}", target.display())));
    });
}

/// The text after a leading `---` ... `---` block.
fn without_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else { return text };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}

/// This process's peak resident memory in KiB (Linux), 0 where unknown.
fn peak_memory_kib() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn median(results: &[(f64, u64)]) -> (f64, u64) {
    let mut times: Vec<f64> = results.iter().map(|r| r.0).collect();
    let mut peaks: Vec<u64> = results.iter().map(|r| r.1).collect();
    times.sort_by(f64::total_cmp);
    peaks.sort_unstable();
    (times[times.len() / 2], peaks[peaks.len() / 2])
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn fail(message: &str) -> ! {
    eprintln!("scale_bench: {message}");
    process::exit(1)
}
