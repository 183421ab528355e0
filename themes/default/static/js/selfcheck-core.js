// The workstation check's decisions, free of the DOM and the network so they
// can be tested without a browser (tests/js/selfcheck-core.test.mjs). Each
// check gives a result: { check, verdict, message, values, next }, where
// verdict is pass, warn, fail or na, and message and next name texts of the
// JSON's `messages` (without their `selfcheck-` prefix).

import { fill } from "./fill.js";

/** How long a connection may take before it counts as failed. */
export const TIMEOUT_MS = 5000;

/** Enough of a User-Agent string for any real browser; the rest is ignored. */
const MAX_UA = 1024;

const KNOWN_BRANDS = { "Microsoft Edge": "edge", "Google Chrome": "chrome", Chromium: "chrome", HeadlessChrome: "chrome" };

function major(text) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * The browser family (edge, chrome, firefox, safari or other) and its major
 * version (null when it does not say), from User-Agent Client Hints brands
 * when there are any, the User-Agent string otherwise.
 */
export function detectBrowser({ brands, userAgent } = {}) {
  const real = (Array.isArray(brands) ? brands : []).filter(
    (b) => b && typeof b.brand === "string" && !/not.?a.?brand/i.test(b.brand),
  );
  if (real.length > 0) {
    // A brand helpgen does not know (Opera, Brave...) makes it another browser,
    // even though it also says Chromium.
    if (real.some((b) => !(b.brand in KNOWN_BRANDS))) return { family: "other", major: null };
    for (const name of ["Microsoft Edge", "Google Chrome", "Chromium", "HeadlessChrome"]) {
      const found = real.find((b) => b.brand === name);
      if (found) return { family: KNOWN_BRANDS[name], major: major(found.version) };
    }
  }
  const ua = String(userAgent ?? "").slice(0, MAX_UA);
  const rules = [
    [/\bEdg(?:e|A|iOS)?\/(\d+)/, "edge"],
    [/\b(?:OPR|Opera|SamsungBrowser|YaBrowser|Vivaldi|UCBrowser)\//, "other"],
    [/\b(?:Firefox|FxiOS)\/(\d+)/, "firefox"],
    [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\/(\d+)/, "chrome"],
    [/\bVersion\/(\d+)[^ ]*(?: Mobile\/\S+)? Safari\//, "safari"],
    [/\bSafari\//, "safari"],
  ];
  for (const [pattern, family] of rules) {
    const found = pattern.exec(ua);
    if (found) return { family, major: family === "other" ? null : major(found[1]) };
  }
  return { family: "other", major: null };
}

function result(check, verdict, message, values = {}, next = null) {
  return { check, verdict, message, values, next };
}

/** Check 1: the browser against the version policy of the data. */
export function browserResult(browser, browsers) {
  const list = browsers?.list ?? [];
  const policy = list.find((b) => b.id === browser.family);
  if (!policy) {
    const names = list.map((b) => b.name).join(", ");
    return result("browser", "fail", "browser-unsupported", { browsers: names }, "browser-unsupported-next");
  }
  const values = { browser: policy.name, version: browser.major, oldest: policy.oldest_supported, latest: policy.latest };
  if (browser.major === null) return result("browser", "warn", "browser-no-version", values, "browser-no-version-next");
  if (browser.major < policy.oldest_supported) {
    return result("browser", "fail", "browser-outdated", values, "browser-outdated-next");
  }
  if (browser.major > policy.latest) return result("browser", "pass", "browser-newer", values);
  return result("browser", "pass", "browser-supported", values);
}

/** Check 2a: what the chosen offer needs of Edge's IE mode, and whether this browser has it. */
export function ieModeResult(offer, browser) {
  if (!offer) return result("ie-mode", "na", "offer-none", {}, "offer-none-next");
  const values = { offer: offer.name, need: offer.ie_mode_text };
  if (offer.ie_mode === "no") return result("ie-mode", "pass", "need-none", values);
  if (browser.family === "edge") return result("ie-mode", "warn", "ie-mode-edge", values, "ie-mode-edge-next");
  const verdict = offer.ie_mode === "custom-features-only" ? "warn" : "fail";
  return result("ie-mode", verdict, "ie-mode-other", values, "ie-mode-other-next");
}

/** Check 2b: the desktop client; a page cannot see it, so a need is a warning. */
export function clientResult(offer) {
  if (!offer) return result("client", "na", "offer-none", {}, "offer-none-next");
  const values = { offer: offer.name, need: offer.client_text };
  if (offer.client === "no") return result("client", "pass", "need-none", values);
  return result("client", "warn", "client-needed", values, "client-needed-next");
}

/** Check 3: whether a pop-up opened on the reader's click. */
export function popupResult(opened, helpUrl) {
  if (opened) return result("popups", "pass", "popups-allowed");
  return result("popups", "fail", "popups-blocked", { help: helpUrl || "" }, helpUrl ? "popups-blocked-next" : null);
}

/** Check 4: one endpoint; `outcome` is { ok, ms } or { ok: false, timedOut }. */
export function endpointResult(url, outcome) {
  const values = { url, ms: Math.round(outcome?.ms ?? 0), seconds: TIMEOUT_MS / 1000 };
  if (outcome?.ok) return result("endpoint", "pass", "endpoint-ok", values);
  const message = outcome?.timedOut ? "endpoint-timeout" : "endpoint-failed";
  return result("endpoint", "fail", message, values, "endpoint-next");
}

/** The endpoints to test: HTTP(S) ones are fetched, WebSocket ones opened; others are skipped. */
export function endpointKinds(urls) {
  const kinds = [];
  for (const url of Array.isArray(urls) ? urls : []) {
    if (/^https?:\/\//i.test(url)) kinds.push({ url, kind: "http" });
    else if (/^wss?:\/\//i.test(url)) kinds.push({ url, kind: "websocket" });
  }
  return kinds;
}

/** When the data lists no endpoint, the check says so instead of passing. */
export function noEndpointsResult() {
  return result("endpoints", "na", "endpoints-none");
}

/** MB per hour that `seats` need, scaled from the data's reference point. */
export function bandwidthNeed(seats, bandwidth) {
  const reference = bandwidth?.seats > 0 ? bandwidth.seats : 1;
  const factor = seats / reference;
  return { min: (bandwidth?.mb_per_hour?.min ?? 0) * factor, max: (bandwidth?.mb_per_hour?.max ?? 0) * factor };
}

/** Megabits per second that a steady `mbPerHour` takes. */
export function mbitPerSecond(mbPerHour) {
  return (mbPerHour * 8) / 3600;
}

function rounded(n, digits) {
  const factor = 10 ** digits;
  return Math.round(n * factor) / factor;
}

/** A seat count from the reader's input; anything unusable means the reference point. */
export function seatCount(input, bandwidth) {
  const n = Number.parseInt(input, 10);
  return Number.isFinite(n) && n >= 1 && n <= 1_000_000 ? n : (bandwidth?.seats ?? 1);
}

/** Check 5: the measured download speed (Mbit/s, null if it failed) against what the seats need. */
export function bandwidthResult(measured, seats, bandwidth) {
  const need = bandwidthNeed(seats, bandwidth);
  const values = {
    seats,
    min: rounded(need.min, 1),
    max: rounded(need.max, 1),
    need: rounded(mbitPerSecond(need.max), 2),
    measured: measured === null ? "" : rounded(measured, 1),
  };
  if (measured === null || !Number.isFinite(measured)) {
    return result("bandwidth", "warn", "bandwidth-failed", values, "bandwidth-next");
  }
  if (measured >= mbitPerSecond(need.max)) return result("bandwidth", "pass", "bandwidth-result", values);
  const verdict = measured >= mbitPerSecond(need.min) ? "warn" : "fail";
  return result("bandwidth", verdict, "bandwidth-result", values, "bandwidth-next");
}

/** How many results have each verdict. */
export function summary(results) {
  const counts = { pass: 0, warn: 0, fail: 0, na: 0 };
  for (const r of results) counts[r.verdict] += 1;
  return counts;
}

/** A result's texts in the page's language. */
export function describe(r, messages) {
  const m = (key) => messages?.[`selfcheck-${key}`] ?? key;
  return {
    name: fill(m(`check-${r.check}`), r.values),
    verdict: m(`verdict-${r.verdict}`),
    text: fill(m(r.message), r.values),
    next: r.next ? fill(m(r.next), r.values) : "",
  };
}

/** The results as plain text, for a support ticket. */
export function reportText(results, messages, context) {
  const lines = [messages?.["selfcheck-label"] ?? "", ...(context ?? [])];
  for (const r of results) {
    const d = describe(r, messages);
    lines.push(`[${d.verdict}] ${d.name}: ${d.text}${d.next ? ` ${d.next}` : ""}`);
  }
  const counts = summary(results);
  lines.push(fill(messages?.["selfcheck-done"], counts));
  return lines.filter(Boolean).join("\n");
}
