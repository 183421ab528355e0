//! Just enough of the W3C WebDriver protocol (JSON over HTTP on loopback) to
//! drive headless Chromium through chromedriver: a session, navigation,
//! clicks, scripts and the browser's console log.

use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver, stopped when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

pub struct Session<'a> {
    driver: &'a Driver,
    id: String,
    /// The browser's version as the driver reports it, e.g. "148.0.7778.167".
    pub browser_version: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    pub fn start() -> Driver {
        let port = super::servers::closed_port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if driver.call("GET", "/status", None).is_ok_and(|v| v["value"]["ready"] == true) {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not become ready on port {port}");
    }

    /// A headless Chromium session with the flags a closed network needs.
    pub fn session(&self, extra_args: &[String]) -> Session<'_> {
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--window-size=1200,900",
        ];
        let profile = tempfile::tempdir().expect("profile dir");
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.extend_from_slice(extra_args);
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            // chromedriver turns the pop-up blocker off unless told not to.
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args,
                                   "excludeSwitches": ["disable-popup-blocking"]},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        let answer = self.call("POST", "/session", Some(&capabilities)).expect("new session");
        let value = &answer["value"];
        Session {
            driver: self,
            id: value["sessionId"].as_str().expect("session id").to_string(),
            browser_version: value["capabilities"]["browserVersion"].as_str().unwrap_or_default().to_string(),
            _profile: profile,
        }
    }

    /// One request; an error is a transport failure or a WebDriver error.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
        let body = body.map(Value::to_string).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
        let mut reader = BufReader::new(stream);
        let (status, headers) = super::servers::read_head(&mut reader).map_err(|e| e.to_string())?;
        let length =
            headers.iter().find(|(name, _)| name == "content-length").and_then(|(_, v)| v.parse::<usize>().ok());
        let mut bytes = Vec::new();
        match length {
            Some(n) => {
                bytes.resize(n, 0);
                reader.read_exact(&mut bytes).map_err(|e| e.to_string())?;
            }
            None => {
                reader.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
            }
        }
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| format!("{e}: {status}"))?;
        if value["value"].get("error").is_some() {
            return Err(format!("{method} {path}: {}", value["value"]));
        }
        Ok(value)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Session<'_> {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        self.driver.call(method, &path, body.as_ref()).unwrap_or_else(|e| panic!("{e}"))["value"].take()
    }

    /// The browser's major version, as the driver reports it.
    pub fn browser_major(&self) -> u32 {
        self.browser_version.split('.').next().and_then(|m| m.parse().ok()).expect("a browser version")
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body) in the page and returns its value.
    pub fn run(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": [] })))
    }

    fn element(&self, css: &str) -> String {
        let found = self.call("POST", "/element", Some(json!({ "using": "css selector", "value": css })));
        found.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).expect("element id").to_string()
    }

    /// A real click, which counts as the reader's gesture (pop-ups need one).
    pub fn click(&self, css: &str) {
        let id = self.element(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Types `text` into the element, key by key, as a reader would.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.call("POST", &format!("/element/{id}/value"), Some(json!({ "text": text })));
    }

    /// Polls `script` until it returns something truthy, for up to `limit`.
    pub fn wait_for(&self, script: &str, limit: Duration) -> Value {
        let deadline = Instant::now() + limit;
        loop {
            let value = self.run(script);
            let done = !(value.is_null() || value == false || value == "" || value == 0);
            if done || Instant::now() >= deadline {
                return value;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A Chrome DevTools command, for what WebDriver has no verb for.
    pub fn devtools(&self, command: &str, params: Value) -> Value {
        self.call("POST", "/goog/cdp/execute", Some(json!({ "cmd": command, "params": params })))
    }

    /// Lays pages out `width` CSS pixels wide (as a phone when narrow), in
    /// the light or dark colour scheme the system would ask for.
    pub fn emulate(&self, width: u32, height: u32, dark: bool) {
        let mobile = width < 600;
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
        );
        let scheme = if dark { "dark" } else { "light" };
        self.devtools(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
    }

    /// The visible part of the page as PNG bytes.
    pub fn screenshot(&self) -> Vec<u8> {
        use base64::Engine as _;
        let encoded = self.call("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD.decode(encoded.as_str().expect("base64")).expect("a PNG")
    }

    /// The browser console's entries since the last call: (level, message).
    pub fn console(&self) -> Vec<(String, String)> {
        let entries = self.call("POST", "/se/log", Some(json!({ "type": "browser" })));
        entries
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|e| {
                        (e["level"].as_str().unwrap_or("").to_string(), e["message"].as_str().unwrap_or("").to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self.driver.call("DELETE", &format!("/session/{}", self.id), None);
    }
}
