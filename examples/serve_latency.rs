//! Edit-to-reload latency of `helpgen serve`: from the write of an edited
//! article to the reload event reaching a connected page, and the server's
//! peak memory. It starts the given helpgen binary on a site, listens to the
//! event stream as a page does, appends a line to one article `--runs`
//! times (then restores it) and prints the median and the spread.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example serve_latency -- --bin target/release/helpgen --root /tmp/site
//! ```

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let (Some(bin), Some(root)) = (value("--bin"), value("--root")) else {
        eprintln!("usage: serve_latency --bin HELPGEN --root SITE [--runs N] [--article FILE] [--search]");
        std::process::exit(2);
    };
    let runs: usize = value("--runs").and_then(|n| n.parse().ok()).unwrap_or(20);
    let root = PathBuf::from(root);
    let article = value("--article").map(PathBuf::from).unwrap_or_else(|| first_article(&root.join("content")));
    let mut command = Command::new(bin);
    command.args(["serve", "--root", root.to_str().expect("a UTF-8 path"), "--port", "0"]);
    if !args.iter().any(|a| a == "--search") {
        command.arg("--no-search");
    }
    let mut child = command.stderr(Stdio::piped()).spawn().expect("helpgen starts");
    let pid = child.id();
    let (lines, said) = mpsc::channel();
    let stderr = BufReader::new(child.stderr.take().expect("stderr"));
    std::thread::spawn(move || stderr.lines().map_while(Result::ok).for_each(|l| drop(lines.send(l))));
    let started = Instant::now();
    let port: u16 = loop {
        let line = said.recv_timeout(Duration::from_secs(600)).expect("serve starts");
        if let Some(rest) = line.strip_prefix("Serving http://127.0.0.1:") {
            break rest.split('/').next().and_then(|p| p.parse().ok()).expect("a port");
        }
    };
    println!("first build and start: {} ms", started.elapsed().as_millis());
    let events = listen(port);
    std::thread::sleep(Duration::from_millis(300));
    let original = std::fs::read_to_string(&article).expect("the article");
    let mut times = Vec::new();
    for run in 0..runs {
        while events.try_recv().is_ok() {}
        let written = Instant::now();
        std::fs::write(&article, format!("{original}\nEdit number {run}.\n")).expect("write");
        events.recv_timeout(Duration::from_secs(60)).expect("a reload event");
        times.push(written.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::write(&article, original).expect("restore");
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "edit to reload, {} runs: median {:.1} ms, min {:.1} ms, max {:.1} ms; peak memory {} MB",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        peak_kb(pid) / 1024
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// The reload events of a connected page.
fn listen(port: u16) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "GET /__helpgen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("request");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reload = false;
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if line == "event: reload" {
                reload = true;
            } else if reload && line.starts_with("data: ") {
                reload = false;
                if sender.send(line).is_err() {
                    return;
                }
            }
        }
    });
    receiver
}

fn first_article(content: &Path) -> PathBuf {
    let mut stack = vec![content.join(default_language(content))];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(&dir).expect("a folder").flatten().map(|e| e.path()).collect();
        entries.sort();
        if let Some(md) = entries.iter().find(|p| p.extension().is_some_and(|e| e == "md")) {
            return md.clone();
        }
        stack.extend(entries.into_iter().filter(|p| p.is_dir()).rev());
    }
    panic!("no article under {}", content.display());
}

fn default_language(content: &Path) -> String {
    let mut languages: Vec<String> = std::fs::read_dir(content)
        .expect("content/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('_'))
        .collect();
    languages.sort();
    if languages.iter().any(|l| l == "en") {
        "en".into()
    } else {
        languages.remove(0)
    }
}

/// VmHWM of a process, in KB (Linux); 0 elsewhere.
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
