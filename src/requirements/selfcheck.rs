//! `{% selfcheck %}`: the markup of the workstation check, and the localized
//! messages its script reads from `/<lang>/requirements.json`. The checks
//! themselves run in the reader's browser (theme script `selfcheck.js`).

use super::table::TableContext;
use crate::escape;

/// Every message of the check. Placeholders stay as `{name}` in the JSON so
/// the script fills them in with what it measured.
pub const MESSAGES: &[&str] = &[
    "selfcheck-label",
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
    "selfcheck-ie-mode-need-no",
    "selfcheck-ie-mode-need-custom-features-only",
    "selfcheck-ie-mode-need-yes",
    "selfcheck-ie-mode-need-required-to-sign-in",
    "selfcheck-ie-mode-edge",
    "selfcheck-ie-mode-edge-next",
    "selfcheck-ie-mode-other",
    "selfcheck-ie-mode-other-next",
    "selfcheck-client-need-no",
    "selfcheck-client-need-custom-features-only",
    "selfcheck-client-need-yes",
    "selfcheck-client-need-required-to-sign-in",
    "selfcheck-client-unseen",
    "selfcheck-client-needed-next",
    "selfcheck-popups-allowed",
    "selfcheck-popups-blocked",
    "selfcheck-popups-blocked-next",
    "selfcheck-endpoints-reached",
    "selfcheck-endpoints-slowest",
    "selfcheck-endpoints-failed",
    "selfcheck-endpoints-timeout",
    "selfcheck-endpoints-next",
    "selfcheck-endpoints-none",
    "selfcheck-bandwidth-result",
    "selfcheck-bandwidth-failed",
    "selfcheck-bandwidth-next",
    "selfcheck-report-date",
    "selfcheck-report-page",
    "selfcheck-report-language",
    "selfcheck-report-offer",
    "selfcheck-report-agent",
];

/// Names the messages may use as `{ $name }`.
const PLACEHOLDERS: &[&str] = &[
    "browser", "browsers", "version", "oldest", "latest", "offer", "help", "url", "ms", "seconds", "passed", "total",
    "measured", "seats", "min", "max", "need", "pass", "warn", "fail", "date", "lang", "agent",
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

/// The check's markup. The article around it has the heading and the
/// introduction, so the box holds only what the check needs: its name for
/// assistive technology, the controls, the status and the results. The
/// controls are rendered in place, their buttons disabled until the script
/// is ready, so its start moves nothing (a style attribute would hide them
/// too, but a stricter policy than the page's own may refuse it); readers
/// without JavaScript get a note saying why the buttons do nothing. Its
/// words are the interface's, not the article's: search leaves them out.
pub fn markup(cx: &TableContext, json_url: &str, probe_url: &str) -> String {
    let t = |key: &str| escape::html(&cx.t(key));
    format!(
        "<section class=\"selfcheck\" aria-label=\"{label}\" data-pagefind-ignore data-selfcheck=\"{json}\" data-probe=\"{probe}\">\n\
         <noscript><p class=\"selfcheck-noscript\">{noscript}</p></noscript>\n\
         <div class=\"selfcheck-controls\" data-controls>\n\
         <label>{seats} <input type=\"number\" min=\"1\" max=\"1000000\" step=\"1\" value=\"{reference}\" data-seats></label>\n\
         <button type=\"button\" data-run disabled>{run}</button>\n\
         <button type=\"button\" data-copy disabled>{copy}</button>\n\
         </div>\n\
         <p class=\"selfcheck-status\" role=\"status\" data-status></p>\n\
         <ul class=\"selfcheck-results\" data-results></ul>\n\
         <details class=\"selfcheck-text\" data-text-box hidden><summary>{text}</summary>\
         <textarea readonly rows=\"10\" data-text></textarea></details>\n\
         </section>\n",
        label = t("selfcheck-label"),
        json = escape::html(json_url),
        probe = escape::html(probe_url),
        noscript = t("selfcheck-noscript"),
        seats = t("selfcheck-seats"),
        reference = cx.data.bandwidth.seats,
        run = t("selfcheck-run"),
        copy = t("selfcheck-copy"),
        text = t("selfcheck-text-label"),
    )
}

/// What the Markdown twin says in the check's place: it runs only on the page.
pub fn markdown(cx: &TableContext) -> String {
    let t = |key: &str| escape::markdown_text(&cx.t(key));
    format!("> **{}.** {}", t("selfcheck-label"), t("selfcheck-noscript"))
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
