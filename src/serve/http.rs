//! The HTTP side of `serve`, on tiny_http: files from the in-memory site
//! (GET and HEAD only), the live-reload script, and a Server-Sent Events
//! stream that tells open pages to reload or to show content errors.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::site::{content_type, Body, Found, LiveSite, LIVE_PREFIX};

const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");

/// What the server threads share with the rebuild loop.
#[derive(Default)]
pub struct Shared {
    pub site: RwLock<LiveSite>,
    events: Mutex<Events>,
}

#[derive(Default)]
struct Events {
    clients: Vec<Sender<String>>,
    /// The content errors being shown, sent to pages as they connect.
    errors: Option<String>,
}

impl Shared {
    /// Tells every open page that `pages` changed (`None`: every page).
    pub fn reload(&self, pages: Option<&[String]>) {
        let pages = match pages {
            Some(pages) => serde_json::json!(pages),
            None => serde_json::json!("*"),
        };
        self.send("reload", &serde_json::json!({ "pages": pages }).to_string(), None);
    }

    /// Shows content errors on every open page, until `clear_errors`.
    pub fn show_errors(&self, errors: &serde_json::Value) {
        let data = errors.to_string();
        self.send("errors", &data, Some(Some(data.clone())));
    }

    pub fn clear_errors(&self) {
        self.send("ok", "{}", Some(None));
    }

    fn send(&self, event: &str, data: &str, errors: Option<Option<String>>) {
        let Ok(mut events) = self.events.lock() else { return };
        if let Some(errors) = errors {
            events.errors = errors;
        }
        let message = format!("event: {event}\ndata: {data}\n\n");
        events.clients.retain(|client| client.send(message.clone()).is_ok());
    }

    fn subscribe(&self) -> Receiver<String> {
        let (sender, receiver) = mpsc::channel();
        if let Ok(mut events) = self.events.lock() {
            if let Some(errors) = &events.errors {
                let _ = sender.send(format!("event: errors\ndata: {errors}\n\n"));
            }
            events.clients.push(sender);
        }
        receiver
    }
}

/// Answers requests until the process ends, each on a thread of its own
/// (an event stream stays open as long as its page).
pub fn answer_all(server: tiny_http::Server, shared: Arc<Shared>) {
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || answer(request, &shared));
    }
}

fn answer(request: Request, shared: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let allow = header("Allow", "GET, HEAD");
        let _ = request.respond(Response::from_string("only GET and HEAD\n").with_status_code(405).with_header(allow));
        return;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    match path.strip_prefix(LIVE_PREFIX) {
        Some("events") => return stream_events(request, shared),
        Some("live.js") => return send(request, 200, "live.js", LIVE_JS.as_bytes().to_vec()),
        Some("live.css") => return send(request, 200, "live.css", LIVE_CSS.as_bytes().to_vec()),
        _ => {}
    }
    let found = {
        let Ok(site) = shared.site.read() else { return };
        match site.find(path) {
            Found::File { body, path } => Ok((200, path.to_string(), body.clone())),
            Found::Missing(Some(body)) => Ok((404, "404.html".to_string(), body.clone())),
            Found::Missing(None) => Err((404, String::new())),
            Found::Redirect => Err((301, format!("{path}/"))),
            Found::Refused => Err((400, String::new())),
        }
    };
    match found {
        Ok((status, name, Body::Bytes(bytes))) => send(request, status, &name, bytes.to_vec()),
        Ok((status, name, Body::File(file))) => match std::fs::read(&file) {
            Ok(bytes) => send(request, status, &name, bytes),
            Err(_) => send(request, 404, "missing.txt", b"not found\n".to_vec()),
        },
        Err((301, to)) => {
            let _ = request.respond(Response::empty(301).with_header(header("Location", &to)));
        }
        Err((status, _)) => send(request, status, "error.txt", format!("{status}\n").into_bytes()),
    }
}

fn send(request: Request, status: u16, name: &str, bytes: Vec<u8>) {
    let response = Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type(name)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    // Names and values here are ASCII written in this file or paths the
    // site map holds; a value that is not is sent as an empty header.
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| Header::from_bytes(name.as_bytes(), &b""[..]).expect("an ASCII header name"))
}

/// A Server-Sent Events stream: written and flushed event by event, with a
/// comment every 15 s so a page that went away is noticed.
fn stream_events(request: Request, shared: &Shared) {
    let events = shared.subscribe();
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: close\r\n\r\nretry: 500\n\n";
    if writer.write_all(head.as_bytes()).and_then(|()| writer.flush()).is_err() {
        return;
    }
    loop {
        let message = match events.recv_timeout(Duration::from_secs(15)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer.write_all(message.as_bytes()).and_then(|()| writer.flush()).is_err() {
            return;
        }
    }
}
