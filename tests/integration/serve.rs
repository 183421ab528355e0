//! `helpgen serve` as a writer meets it: started on 127.0.0.1 with port 0,
//! an article edited, broken and fixed, while a page listens for events.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::harness::Site;

const WAIT: Duration = Duration::from_secs(15);

/// A running `serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(site: &Site) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_helpgen"))
        .args(["serve", "--root", site.root().to_str().unwrap(), "--port", "0", "--no-search"])
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .expect("helpgen serve starts");
    // Stopped however the test ends.
    let mut server = Server { child, port: 0 };
    let stderr = BufReader::new(server.child.stderr.take().unwrap());
    let (lines, found) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        let Ok(line) = found.recv_timeout(Duration::from_millis(100)) else { continue };
        if let Some(rest) = line.strip_prefix("Serving http://127.0.0.1:") {
            server.port = rest.split('/').next().unwrap().parse().unwrap();
            return server;
        }
    }
    panic!("serve did not say where it serves");
}

/// Status and body of a request sent as written, without any normalizing.
fn request(port: u16, method: &str, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// The events a page would receive, as (event, data).
fn listen(port: u16) -> Receiver<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET /__helpgen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let (events, received) = mpsc::channel();
    std::thread::spawn(move || {
        let mut event = String::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if events.send((event.clone(), data.to_string())).is_err() {
                    return;
                }
            }
        }
    });
    received
}

fn next_event(events: &Receiver<(String, String)>, name: &str) -> String {
    let deadline = Instant::now() + WAIT;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Ok((event, data)) if event == name => return data,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    panic!("no `{name}` event");
}

const ARTICLE: &str = "content/en/guide/start.md";

#[test]
fn an_edit_reloads_the_page_an_error_shows_over_it_until_fixed() {
    let site = Site::fixture("i18n");
    let server = serve(&site);
    let (status, page) = request(server.port, "GET", "/en/start/");
    assert_eq!(status, 200);
    assert!(page.contains("/__helpgen/live.js"), "{page}");
    let events = listen(server.port);
    std::thread::sleep(Duration::from_millis(200));
    let built_full_text = request(server.port, "GET", "/en/llms-full.txt").1;

    let original = std::fs::read_to_string(site.path(ARTICLE)).unwrap();
    site.write(ARTICLE, format!("{original}\nA sentence added while serving.\n"));
    let reload = next_event(&events, "reload");
    assert!(reload.contains("\"/en/start/\""), "{reload}");
    assert!(request(server.port, "GET", "/en/start/").1.contains("A sentence added while serving."));
    // Its Markdown twin too, and the full text of its language.
    assert!(request(server.port, "GET", "/en/start/index.md").1.contains("\nA sentence added while serving.\n"));
    let full = request(server.port, "GET", "/en/llms-full.txt").1;
    assert_eq!(full.matches("\nA sentence added while serving.\n").count(), 1, "{full}");

    site.write(ARTICLE, format!("{original}\nSee {{% link_new this | guide/nowhere.md %}}.\n"));
    let errors = next_event(&events, "errors");
    assert!(errors.contains("link.missing-target") && errors.contains("content/en/guide/start.md:"), "{errors}");
    // The last good page stays.
    assert!(request(server.port, "GET", "/en/start/").1.contains("A sentence added while serving."));

    site.write(ARTICLE, &original);
    next_event(&events, "ok");
    next_event(&events, "reload");
    assert!(!request(server.port, "GET", "/en/start/").1.contains("A sentence added"));
    assert_eq!(request(server.port, "GET", "/en/llms-full.txt").1, built_full_text);
}

#[test]
fn new_articles_appear_and_paths_out_of_the_site_are_refused() {
    let site = Site::fixture("i18n");
    let server = serve(&site);
    let events = listen(server.port);
    std::thread::sleep(Duration::from_millis(200));
    site.write("content/en/guide/fresh.md", "---\ntitle: Fresh\n---\n\nJust written.\n");
    assert_eq!(next_event(&events, "reload"), r#"{"pages":"*"}"#);
    let (status, page) = request(server.port, "GET", "/en/fresh/");
    assert_eq!(status, 200);
    assert!(page.contains("Just written."));

    for target in ["/../helpgen.toml", "/%2e%2e/helpgen.toml", "/en/..%2f..%2fhelpgen.toml", "/en/..\\helpgen.toml"] {
        assert_eq!(request(server.port, "GET", target).0, 400, "{target}");
    }
    // No listings, and nothing but reading.
    assert_eq!(request(server.port, "GET", "/assets/").0, 404);
    assert_eq!(request(server.port, "GET", "/helpgen.toml").0, 404);
    assert_eq!(request(server.port, "POST", "/en/").0, 405);
    assert_eq!(request(server.port, "HEAD", "/en/").0, 200);
}

/// A site that already has an error elsewhere still previews every other
/// edit: the error is shown, the edited page is updated.
#[test]
fn errors_elsewhere_do_not_hold_back_an_edit() {
    let site = Site::fixture("i18n");
    site.write("content/en/guide/broken.md", "---\ntitle: Broken\n---\n\n{% link_new x | guide/nowhere.md %}\n");
    let server = serve(&site);
    let events = listen(server.port);
    // A page that connects is told of the errors at once.
    assert!(next_event(&events, "errors").contains("content/en/guide/broken.md:5:1"));
    let original = std::fs::read_to_string(site.path(ARTICLE)).unwrap();
    site.write(ARTICLE, format!("{original}\nStill previewed.\n"));
    assert!(next_event(&events, "reload").contains("\"/en/start/\""));
    assert!(request(server.port, "GET", "/en/start/").1.contains("Still previewed."));
}
