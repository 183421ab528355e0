//! `{% selfcheck %}`: the markup of the workstation check, and the localized
//! messages its script reads from `/<lang>/requirements.json`. The checks
//! themselves run in the reader's browser (theme script `selfcheck.js`).

use super::table::TableContext;
use crate::escape;

/// Every message of the check. Placeholders stay as `{name}` in the JSON so
/// the script fills them in with what it measured.
pub const MESSAGES: &[&str] = &[
    "selfcheck-label",
    "selfcheck-intro",
    "selfcheck-noscript",
    "selfcheck-seats",
    "selfcheck-run",
    "selfcheck-copy",
    "selfcheck-copied",
    "selfcheck-copy-failed",
    "selfcheck-text-label",
    "selfcheck-running",
    "selfcheck-done",
    "selfcheck-verdict-pass",
    "selfcheck-verdict-warn",
    "selfcheck-verdict-fail",
    "selfcheck-verdict-na",
    "selfcheck-check-browser",
    "selfcheck-check-ie-mode",
    "selfcheck-check-client",
    "selfcheck-check-popups",
    "selfcheck-check-endpoint",
    "selfcheck-check-endpoints",
    "selfcheck-check-bandwidth",
    "selfcheck-browser-supported",
    "selfcheck-browser-newer",
    "selfcheck-browser-outdated",
    "selfcheck-browser-outdated-next",
    "selfcheck-browser-no-version",
    "selfcheck-browser-no-version-next",
    "selfcheck-browser-unsupported",
    "selfcheck-browser-unsupported-next",
    "selfcheck-offer-none",
    "selfcheck-offer-none-next",
    "selfcheck-need-none",
    "selfcheck-ie-mode-edge",
    "selfcheck-ie-mode-edge-next",
    "selfcheck-ie-mode-other",
    "selfcheck-ie-mode-other-next",
    "selfcheck-client-needed",
    "selfcheck-client-needed-next",
    "selfcheck-popups-allowed",
    "selfcheck-popups-blocked",
    "selfcheck-popups-blocked-next",
    "selfcheck-endpoint-ok",
    "selfcheck-endpoint-failed",
    "selfcheck-endpoint-timeout",
    "selfcheck-endpoint-next",
    "selfcheck-endpoints-none",
    "selfcheck-bandwidth-result",
    "selfcheck-bandwidth-failed",
    "selfcheck-bandwidth-next",
];

/// Names the messages may use as `{ $name }`.
const PLACEHOLDERS: &[&str] = &[
    "browser", "browsers", "version", "oldest", "latest", "offer", "need", "help", "url", "ms", "seconds", "measured",
    "seats", "min", "max", "pass", "warn", "fail",
];

/// Where the build writes the file the bandwidth test downloads, relative
/// to the site root.
pub const PROBE_PATH: &str = "assets/selfcheck-probe.bin";

/// Size of that file: large enough for a rough measure on a fast line,
/// small enough not to cost a reader on a slow one.
const PROBE_BYTES: usize = 512 * 1024;

/// The messages for the JSON, placeholders left in.
pub fn messages(cx: &TableContext) -> Vec<(&'static str, String)> {
    let args: Vec<(&'static str, String)> = PLACEHOLDERS.iter().map(|name| (*name, format!("{{{name}}}"))).collect();
    MESSAGES.iter().map(|key| (*key, cx.t_args(key, &args))).collect()
}

/// The check's markup: controls hidden until the script starts, and a
/// note for readers without JavaScript.
pub fn markup(cx: &TableContext, json_url: &str, probe_url: &str) -> String {
    let t = |key: &str| escape::html(&cx.t(key));
    format!(
        "<section class=\"selfcheck\" aria-label=\"{label}\" data-selfcheck=\"{json}\" data-probe=\"{probe}\">\n\
         <p class=\"selfcheck-title\">{label}</p>\n\
         <p>{intro}</p>\n\
         <noscript><p class=\"selfcheck-noscript\">{noscript}</p></noscript>\n\
         <div class=\"selfcheck-controls\" data-controls hidden>\n\
         <label>{seats} <input type=\"number\" min=\"1\" max=\"1000000\" step=\"1\" value=\"{reference}\" data-seats></label>\n\
         <button type=\"button\" data-run>{run}</button>\n\
         <button type=\"button\" data-copy hidden>{copy}</button>\n\
         </div>\n\
         <p class=\"selfcheck-status\" role=\"status\" data-status></p>\n\
         <ul class=\"selfcheck-results\" data-results></ul>\n\
         <details class=\"selfcheck-text\" data-text-box hidden><summary>{text}</summary>\
         <textarea readonly rows=\"10\" data-text></textarea></details>\n\
         </section>\n",
        label = t("selfcheck-label"),
        json = escape::html(json_url),
        probe = escape::html(probe_url),
        intro = t("selfcheck-intro"),
        noscript = t("selfcheck-noscript"),
        seats = t("selfcheck-seats"),
        reference = cx.data.bandwidth.seats,
        run = t("selfcheck-run"),
        copy = t("selfcheck-copy"),
        text = t("selfcheck-text-label"),
    )
}

/// The download for the bandwidth test: pseudo-random bytes, so a server
/// that compresses cannot make the line look faster than it is.
pub fn probe() -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut bytes = Vec::with_capacity(PROBE_BYTES);
    while bytes.len() < PROBE_BYTES {
        // xorshift64: fast, deterministic, and far from compressible.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(PROBE_BYTES);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_is_the_announced_size_and_does_not_compress() {
        let bytes = probe();
        assert_eq!(bytes.len(), PROBE_BYTES);
        let mut counts = [0usize; 256];
        for b in &bytes {
            counts[*b as usize] += 1;
        }
        // Every byte value about equally often: nothing for gzip to gain.
        let expected = PROBE_BYTES / 256;
        assert!(counts.iter().all(|&c| c > expected * 8 / 10 && c < expected * 12 / 10), "{counts:?}");
    }
}
