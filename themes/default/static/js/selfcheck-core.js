// The workstation check's decisions, free of the DOM and the network so they
// can be tested without a browser (tests/js/selfcheck-core.test.mjs). Each
// check gives a result: { check, verdict, message, values, next, groups? },
// where verdict is pass, warn, fail or na, and message (a key, or keys of
// consecutive sentences) and next name texts of the JSON's `messages`
// (without `selfcheck-`); groups are URL lists, each with its own text.

import { fill } from "./fill.js";

/** How long a connection may take before it counts as failed. */
export const TIMEOUT_MS = 5000;

/** Enough of a User-Agent string for any real browser; the rest is ignored. */
const MAX_UA = 1024;

/** What the copied report keeps of the User-Agent string: a real one fits, a padded one stays readable. */
const MAX_REPORTED_UA = 300;

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

/** The text `key` names in the JSON's messages; a missing one shows its key rather than nothing. */
function text(messages, key) {
  return messages?.[`selfcheck-${key}`] ?? key;
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

/** The values requirements.yaml allows for a need (src/requirements/model.rs, `Need`). */
const NEEDS = ["no", "custom-features-only", "yes", "required-to-sign-in"];

/**
 * The sentence saying what an offer needs of `check` (ie-mode or client), one
 * per value rather than the table's cell quoted. An unknown value reads as
 * needed: the safe side for a reader deciding whether to set something up.
 */
export function needMessage(check, need) {
  return `${check}-need-${NEEDS.includes(need) ? need : "yes"}`;
}

/** Check 2a: what the chosen offer needs of Edge's IE mode, and whether this browser has it. */
export function ieModeResult(offer, browser) {
  if (!offer) return result("ie-mode", "na", "offer-none", {}, "offer-none-next");
  const values = { offer: offer.name };
  const need = needMessage("ie-mode", offer.ie_mode);
  if (offer.ie_mode === "no") return result("ie-mode", "pass", need, values);
  if (browser.family === "edge") return result("ie-mode", "warn", [need, "ie-mode-edge"], values, "ie-mode-edge-next");
  const verdict = offer.ie_mode === "custom-features-only" ? "warn" : "fail";
  return result("ie-mode", verdict, [need, "ie-mode-other"], values, "ie-mode-other-next");
}

/** Check 2b: the desktop client; a page cannot see it, so a need is a warning. */
export function clientResult(offer) {
  if (!offer) return result("client", "na", "offer-none", {}, "offer-none-next");
  const values = { offer: offer.name };
  const need = needMessage("client", offer.client);
  if (offer.client === "no") return result("client", "pass", need, values);
  return result("client", "warn", [need, "client-unseen"], values, "client-needed-next");
}

/** Check 3: whether a pop-up opened on the reader's click. */
export function popupResult(opened, helpUrl) {
  if (opened) return result("popups", "pass", "popups-allowed");
  return result("popups", "fail", "popups-blocked", { help: helpUrl || "" }, helpUrl ? "popups-blocked-next" : null);
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

/**
 * Check 4: all endpoints in one result, from [{ url, outcome }]. Failures are
 * grouped by how they failed, each group listing its URLs: four addresses
 * behind one firewall are one finding, not four.
 */
export function endpointsResult(probes) {
  const list = Array.isArray(probes) ? probes : [];
  if (list.length === 0) return noEndpointsResult();
  const failed = { "endpoints-failed": [], "endpoints-timeout": [] };
  let passed = 0;
  let slowest = 0;
  for (const { url, outcome } of list) {
    if (outcome?.ok) {
      passed += 1;
      slowest = Math.max(slowest, outcome.ms ?? 0);
    } else {
      failed[outcome?.timedOut ? "endpoints-timeout" : "endpoints-failed"].push(url);
    }
  }
  const values = { passed, total: list.length, ms: Math.round(slowest), seconds: TIMEOUT_MS / 1000 };
  const groups = Object.entries(failed)
    .filter(([, urls]) => urls.length > 0)
    .map(([message, urls]) => ({ message, urls }));
  if (groups.length === 0) return result("endpoints", "pass", ["endpoints-reached", "endpoints-slowest"], values);
  return { ...result("endpoints", "fail", "endpoints-reached", values, "endpoints-next"), groups };
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

/** Decimals of each quantity the texts show; others (a browser version) are names and stay as they are. */
const DIGITS = { ms: 0, seconds: 1, measured: 1, min: 1, max: 1, need: 2, seats: 0, passed: 0, total: 0, pass: 0, warn: 0, fail: 0, na: 0 };

/** `n` as the page's language writes it (108,4 in German); an invalid language tag falls back to the browser's. */
export function formatNumber(n, lang, digits = 0) {
  const options = { maximumFractionDigits: digits };
  let format;
  try {
    format = new Intl.NumberFormat(lang || undefined, options);
  } catch {
    format = new Intl.NumberFormat(undefined, options);
  }
  return format.format(n);
}

/** `values` with each number of DIGITS written in `lang`; other values unchanged. */
export function localized(values, lang) {
  const out = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const number = typeof value === "number" && Number.isFinite(value) && Object.hasOwn(DIGITS, key);
    out[key] = number ? formatNumber(value, lang, DIGITS[key]) : value;
  }
  return out;
}

/** A result's texts in the page's language. */
export function describe(r, messages, lang) {
  const m = (key) => text(messages, key);
  const values = localized(r.values, lang);
  return {
    name: fill(m(`check-${r.check}`), values),
    verdict: m(`verdict-${r.verdict}`),
    text: [r.message]
      .flat()
      .map((key) => fill(m(key), values))
      .join(" "),
    next: r.next ? fill(m(r.next), values) : "",
    groups: (r.groups ?? []).map((g) => ({ text: fill(m(g.message), values), urls: g.urls })),
  };
}

/** The closing line: how many checks passed, warned and failed. */
export function doneText(results, messages, lang) {
  return fill(text(messages, "done"), localized(summary(results), lang));
}

/** Local ISO 8601 time with its offset (2026-11-24T14:03:05+01:00): unambiguous in any time zone. */
export function isoDateTime(epochMs, minutesEast) {
  const offset = Math.round(minutesEast) || 0;
  const two = (n) => String(n).padStart(2, "0");
  const zone = `${offset < 0 ? "-" : "+"}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  // The instant moved by the offset, read as UTC, is the local wall-clock time.
  return new Date(epochMs + offset * 60_000).toISOString().slice(0, 19) + zone;
}

/** The report's first lines, what support staff need to place it: `context` is { date, url, lang, offer, userAgent }. */
export function reportHeader(context, messages) {
  const m = (key) => text(messages, key);
  const { date, url, lang, offer, userAgent } = context ?? {};
  const line = (key, name, value) => fill(m(`report-${key}`), { [name]: value ?? "" });
  return [
    m("label"),
    line("date", "date", date),
    line("page", "url", url),
    line("language", "lang", lang),
    offer ? line("offer", "offer", offer) : m("offer-none"),
    line("agent", "agent", String(userAgent ?? "").slice(0, MAX_REPORTED_UA)),
  ];
}

/** The results as plain text for a support ticket: the header, one line a check (and one a group of URLs), the counts. */
export function reportText(results, messages, context) {
  const lang = context?.lang;
  const lines = [...reportHeader(context, messages), ""];
  for (const r of results) {
    const d = describe(r, messages, lang);
    lines.push(`[${d.verdict}] ${d.name}: ${d.text}${d.next ? ` ${d.next}` : ""}`);
    for (const g of d.groups) lines.push(`  ${g.text} ${g.urls.join(", ")}`);
  }
  lines.push("", doneText(results, messages, lang));
  return lines.join("\n");
}
