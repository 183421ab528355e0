//! `check --external` against a server on 127.0.0.1: broken links are
//! positioned warnings, and links that worked are not asked again while
//! the cache is fresh.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::harness::Site;

/// A server answering 200 on `/ok` and 404 elsewhere, counting requests per path.
fn server() -> (u16, Arc<Mutex<HashMap<String, usize>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let asked = Arc::new(Mutex::new(HashMap::new()));
    let counts = asked.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let path = request.split_whitespace().nth(1).unwrap_or("").to_string();
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            *counts.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
            let status = if path == "/ok" { "200 OK" } else { "404 Not Found" };
            let answer = format!("HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            let _ = reader.get_mut().write_all(answer.as_bytes());
        }
    });
    (port, asked)
}

fn check_external(site: &Site) -> Value {
    let cache = site.path("ci-cache/links.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_helpgen"))
        .args(["check", "--root", site.root().to_str().unwrap(), "--format", "json", "--external"])
        .arg("--external-cache")
        .arg(&cache)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn broken_external_links_are_warned_where_written_and_good_ones_are_cached() {
    let (port, asked) = server();
    let site = Site::empty();
    let page = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let body = format!(
        "See [the guide]({}) and [the old page]({}).\n\nAgain: [old]({}).\n",
        page("/ok"),
        page("/gone"),
        page("/gone")
    );
    site.write("content/en/links.md", format!("---\ntitle: Links\n---\n\n{body}"));
    let report = check_external(&site);
    let broken: Vec<(u64, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "link.external-broken")
        .map(|d| {
            (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string())
        })
        .collect();
    let message = format!("`{}` answered 404 Not Found", page("/gone"));
    let column = body.find("[the old page]").unwrap() as u64 + 1;
    assert_eq!(broken, [(5, column, message.clone()), (7, 8, message)], "{report:#}");
    let first = asked.lock().unwrap().clone();
    assert_eq!(first.get("/ok"), Some(&1), "{first:?}");
    // Again, with the cache: only the broken link is asked again.
    check_external(&site);
    let second = asked.lock().unwrap().clone();
    assert_eq!(second.get("/ok"), Some(&1), "{second:?}");
    assert!(second["/gone"] > first["/gone"], "{first:?} then {second:?}");
}
