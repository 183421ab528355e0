//! Loopback servers for the browser tests: the built site, served with a
//! strict Content-Security-Policy, and a WebSocket endpoint that completes
//! the handshake. Both run on threads and stop with the test process.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// What the test pages run under: scripts from the site only, no inline
/// code, and connections only to the site and loopback.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*; object-src 'none'; \
                       base-uri 'none'; frame-ancestors 'none'";

/// The same, plus what Pagefind's WebAssembly needs (as the pages' own
/// policy grants when search is on).
pub const CSP_WITH_SEARCH: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                                   img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                                   frame-ancestors 'none'";

/// A port nothing listens on: bound once, then released.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// Serves `root` on 127.0.0.1 until the process ends, under `csp` when it is
/// not empty; returns the port.
pub fn serve_site(root: &Path, csp: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = answer_file(stream, &root, csp);
            });
        }
    });
    port
}

/// Answers every request with 204 and keeps its target (path and query),
/// for a test to read what a page sent.
pub fn record_requests() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&seen);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            if let Ok((target, _)) = read_request(&stream) {
                log.lock().expect("log").push(target);
            }
            let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    (port, seen)
}

fn answer_file(mut stream: TcpStream, root: &Path, csp: &str) -> std::io::Result<()> {
    let (target, _) = read_request(&stream)?;
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = resolve(root, path);
    let (status, kind, body) = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) => ("200 OK", content_type(&file), body),
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    // An empty policy sends no header: the pages' own policy is then the only one.
    let policy = if csp.is_empty() { String::new() } else { format!("Content-Security-Policy: {csp}\r\n") };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{policy}\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)
}

/// The file a URL path names, never outside `root`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// The request target and headers (names in lower case).
fn read_request(stream: &TcpStream) -> std::io::Result<(String, Vec<(String, String)>)> {
    let (line, headers) = read_head(&mut BufReader::new(stream))?;
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    Ok((target, headers))
}

/// The first line and the headers (names in lower case) of an HTTP request
/// or response, up to the blank line before its body.
pub fn read_head(reader: &mut impl BufRead) -> std::io::Result<(String, Vec<(String, String)>)> {
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut line = String::new();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Ok((first, headers))
}

/// A WebSocket endpoint on 127.0.0.1 that accepts every handshake and
/// holds the connection until the client closes it; returns the port.
pub fn serve_websocket() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let _ = handshake(stream);
            });
        }
    });
    port
}

fn handshake(mut stream: TcpStream) -> std::io::Result<()> {
    let (_, headers) = read_request(&stream)?;
    let key = headers.iter().find(|(name, _)| name == "sec-websocket-key").map(|(_, v)| v.as_str()).unwrap_or("");
    // RFC 6455, section 4.2.2: SHA-1 of the key and this fixed GUID, in base64.
    let digest = sha1_smol::Sha1::from(format!("{key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).digest().bytes();
    let answer = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n\r\n",
        base64(&digest)
    );
    stream.write_all(answer.as_bytes())?;
    // Read until the client goes away; its close frame needs no answer here.
    let mut sink = [0u8; 512];
    while stream.read(&mut sink)? > 0 {}
    Ok(())
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_matches_the_rfc_examples() {
    // RFC 4648, section 10, and the handshake example of RFC 6455.
    let cases: [(&[u8], &str); 4] = [(b"f", "Zg=="), (b"fo", "Zm8="), (b"foo", "Zm9v"), (b"foobar", "Zm9vYmFy")];
    for (input, expected) in cases {
        assert_eq!(base64(input), expected);
    }
    let digest = sha1_smol::Sha1::from("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest().bytes();
    assert_eq!(base64(&digest), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}
