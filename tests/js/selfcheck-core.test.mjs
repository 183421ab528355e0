// The workstation check's pure logic (themes/default/static/js/selfcheck-core.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  bandwidthNeed,
  bandwidthResult,
  browserResult,
  clientResult,
  describe,
  detectBrowser,
  doneText,
  endpointKinds,
  endpointsResult,
  formatNumber,
  ieModeResult,
  isoDateTime,
  localized,
  mbitPerSecond,
  needMessage,
  noEndpointsResult,
  popupResult,
  reportHeader,
  reportText,
  seatCount,
  summary,
} from "../../themes/default/static/js/selfcheck-core.js";
import { fill } from "../../themes/default/static/js/fill.js";

const browsers = {
  supported_versions: 2,
  list: [
    { id: "edge", name: "Microsoft Edge", latest: 142, oldest_supported: 141, popup_help: "https://edge.example/help" },
    { id: "chrome", name: "Google Chrome", latest: 142, oldest_supported: 141 },
    { id: "firefox", name: "Mozilla Firefox", latest: 145, oldest_supported: 144 },
    { id: "safari", name: "Apple Safari", latest: 26, oldest_supported: 25 },
  ],
};
const UA = {
  chrome: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/148.0.0.0 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.3595.53",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0",
  safari: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15",
  opera: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 OPR/124.0.0.0",
  ie: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
};

test("browsers are told apart by the User-Agent string", () => {
  assert.deepEqual(detectBrowser({ userAgent: UA.chrome }), { family: "chrome", major: 142 });
  assert.deepEqual(detectBrowser({ userAgent: UA.headless }), { family: "chrome", major: 148 });
  assert.deepEqual(detectBrowser({ userAgent: UA.edge }), { family: "edge", major: 142 });
  assert.deepEqual(detectBrowser({ userAgent: UA.firefox }), { family: "firefox", major: 145 });
  assert.deepEqual(detectBrowser({ userAgent: UA.safari }), { family: "safari", major: 26 });
  assert.deepEqual(detectBrowser({ userAgent: UA.opera }), { family: "other", major: null });
  assert.deepEqual(detectBrowser({ userAgent: UA.ie }), { family: "other", major: null });
  assert.deepEqual(detectBrowser({ userAgent: "" }), { family: "other", major: null });
  assert.deepEqual(detectBrowser({}), { family: "other", major: null });
  assert.deepEqual(detectBrowser(), { family: "other", major: null });
});

test("client hints win over the User-Agent string; grease brands are ignored", () => {
  const edge = [
    { brand: "Not)A;Brand", version: "99" },
    { brand: "Microsoft Edge", version: "142" },
    { brand: "Chromium", version: "142" },
  ];
  assert.deepEqual(detectBrowser({ brands: edge, userAgent: UA.firefox }), { family: "edge", major: 142 });
  const chromium = [{ brand: "Not/A)Brand", version: "99" }, { brand: "Chromium", version: "148" }];
  assert.deepEqual(detectBrowser({ brands: chromium, userAgent: "" }), { family: "chrome", major: 148 });
  const opera = [{ brand: "Opera", version: "124" }, { brand: "Chromium", version: "142" }];
  assert.deepEqual(detectBrowser({ brands: opera, userAgent: UA.chrome }), { family: "other", major: null });
  // Empty or malformed hints fall back to the string.
  assert.deepEqual(detectBrowser({ brands: [], userAgent: UA.firefox }), { family: "firefox", major: 145 });
  assert.deepEqual(detectBrowser({ brands: "x", userAgent: UA.firefox }), { family: "firefox", major: 145 });
  assert.deepEqual(detectBrowser({ brands: [{ brand: "Chromium", version: "" }] }), { family: "chrome", major: null });
});

test("a 10 KB User-Agent string is read quickly and without a throw", () => {
  const huge = "x".repeat(10 * 1024) + " Firefox/145.0";
  const start = performance.now();
  assert.deepEqual(detectBrowser({ userAgent: huge }), { family: "other", major: null });
  assert.deepEqual(detectBrowser({ userAgent: UA.edge + " ".repeat(10 * 1024) }), { family: "edge", major: 142 });
  assert.ok(performance.now() - start < 100);
});

test("the version policy: supported, newer than recorded, outdated, unknown, unsupported", () => {
  const verdict = (family, major) => {
    const r = browserResult({ family, major }, browsers);
    return [r.verdict, r.message];
  };
  assert.deepEqual(verdict("chrome", 142), ["pass", "browser-supported"]);
  assert.deepEqual(verdict("chrome", 141), ["pass", "browser-supported"]);
  assert.deepEqual(verdict("chrome", 148), ["pass", "browser-newer"]);
  assert.deepEqual(verdict("chrome", 140), ["fail", "browser-outdated"]);
  assert.deepEqual(verdict("firefox", null), ["warn", "browser-no-version"]);
  assert.deepEqual(verdict("other", null), ["fail", "browser-unsupported"]);
  const unsupported = browserResult({ family: "other", major: null }, browsers);
  assert.equal(unsupported.values.browsers, "Microsoft Edge, Google Chrome, Mozilla Firefox, Apple Safari");
  // A browser the data does not list is unsupported, even a known family.
  assert.equal(browserResult({ family: "safari", major: 26 }, { list: [] }).verdict, "fail");
  assert.equal(browserResult({ family: "chrome", major: 1 }, undefined).verdict, "fail");
});

test("what an offer needs of IE mode and the client, in this browser", () => {
  const offer = (ie_mode, client) => ({ id: "x", name: "X", ie_mode, ie_mode_text: ie_mode, client, client_text: client });
  const edge = { family: "edge", major: 142 };
  const chrome = { family: "chrome", major: 142 };
  const ie = (o, b) => ieModeResult(o, b).verdict;
  assert.equal(ie(null, chrome), "na");
  assert.equal(ie(offer("no", "no"), chrome), "pass");
  assert.equal(ie(offer("custom-features-only", "no"), chrome), "warn");
  assert.equal(ie(offer("yes", "no"), chrome), "fail");
  assert.equal(ie(offer("required-to-sign-in", "no"), chrome), "fail");
  assert.equal(ie(offer("required-to-sign-in", "no"), edge), "warn");
  assert.equal(ieModeResult(offer("yes", "no"), edge).next, "ie-mode-edge-next");
  assert.equal(clientResult(null).verdict, "na");
  assert.equal(clientResult(offer("no", "no")).verdict, "pass");
  assert.equal(clientResult(offer("no", "required-to-sign-in")).verdict, "warn");
});

test("each need of the data has a sentence of its own; an unknown one reads as needed", () => {
  for (const need of ["no", "custom-features-only", "yes", "required-to-sign-in"]) {
    assert.equal(needMessage("ie-mode", need), `ie-mode-need-${need}`);
    assert.equal(needMessage("client", need), `client-need-${need}`);
  }
  for (const unknown of ["Yes", "sometimes", "", undefined, null]) {
    assert.equal(needMessage("client", unknown), "client-need-yes", String(unknown));
  }
  const offer = { id: "classic", name: "Classic", ie_mode: "yes", ie_mode_text: "Yes", client: "no", client_text: "No" };
  // The sentence about the offer, then the one about this browser.
  assert.deepEqual(ieModeResult(offer, { family: "chrome", major: 142 }).message, ["ie-mode-need-yes", "ie-mode-other"]);
  assert.deepEqual(ieModeResult(offer, { family: "edge", major: 142 }).message, ["ie-mode-need-yes", "ie-mode-edge"]);
  assert.equal(clientResult(offer).message, "client-need-no");
  const onPremise = { ...offer, client: "required-to-sign-in", client_text: "Yes. Without it, you can't sign in." };
  assert.deepEqual(clientResult(onPremise).message, ["client-need-required-to-sign-in", "client-unseen"]);
  // The table's cell is never part of the text.
  const messages = {
    "selfcheck-ie-mode-need-yes": "{offer} needs Microsoft Edge in IE mode.",
    "selfcheck-ie-mode-other": "IE mode exists only in Microsoft Edge.",
    "selfcheck-client-need-required-to-sign-in": "{offer} needs the injixo client to sign in.",
    "selfcheck-client-unseen": "A web page cannot see whether the client is installed.",
  };
  assert.equal(
    describe(ieModeResult(offer, { family: "chrome", major: 142 }), messages, "en").text,
    "Classic needs Microsoft Edge in IE mode. IE mode exists only in Microsoft Edge.",
  );
  const client = describe(clientResult(onPremise), messages, "en").text;
  assert.equal(client, "Classic needs the injixo client to sign in. A web page cannot see whether the client is installed.");
  assert.ok(!/["“”„«]/.test(client), client);
});

test("pop-ups: blocked gives the browser's help link when the data has one", () => {
  assert.equal(popupResult(true, "https://h").verdict, "pass");
  const blocked = popupResult(false, "https://edge.example/help");
  assert.deepEqual([blocked.verdict, blocked.next, blocked.values.help], ["fail", "popups-blocked-next", "https://edge.example/help"]);
  assert.equal(popupResult(false, undefined).next, null);
});

test("endpoints: kinds by scheme", () => {
  assert.deepEqual(endpointKinds(["https://a", "wss://b", "ws://127.0.0.1:1", "http://127.0.0.1:2", "ftp://c"]), [
    { url: "https://a", kind: "http" },
    { url: "wss://b", kind: "websocket" },
    { url: "ws://127.0.0.1:1", kind: "websocket" },
    { url: "http://127.0.0.1:2", kind: "http" },
  ]);
  assert.deepEqual(endpointKinds(undefined), []);
  assert.deepEqual(endpointKinds([]), []);
});

test("endpoints: one result for all of them, failures grouped by how they failed", () => {
  const ok = (ms) => ({ ok: true, ms });
  const refused = { ok: false, timedOut: false };
  const timedOut = { ok: false, timedOut: true };
  const all = endpointsResult([
    { url: "https://a", outcome: ok(41.6) },
    { url: "wss://b", outcome: ok(120.2) },
  ]);
  assert.deepEqual([all.check, all.verdict, all.message], ["endpoints", "pass", ["endpoints-reached", "endpoints-slowest"]]);
  assert.deepEqual(all.values, { passed: 2, total: 2, ms: 120, seconds: 5 });
  assert.equal(all.groups, undefined);

  // Four blocked the same way: one failure listing the four URLs.
  const urls = ["https://a", "wss://b", "https://c", "wss://d"];
  const blocked = endpointsResult(urls.map((url) => ({ url, outcome: refused })));
  assert.deepEqual([blocked.check, blocked.verdict, blocked.next], ["endpoints", "fail", "endpoints-next"]);
  assert.deepEqual(blocked.values, { passed: 0, total: 4, ms: 0, seconds: 5 });
  assert.deepEqual(blocked.groups, [{ message: "endpoints-failed", urls }]);

  // Mixed: passes are counted, each way of failing lists its own URLs, in the data's order.
  const mixed = endpointsResult([
    { url: "wss://slow", outcome: timedOut },
    { url: "https://a", outcome: ok(10) },
    { url: "wss://b", outcome: refused },
    { url: "wss://c", outcome: undefined },
  ]);
  assert.equal(mixed.verdict, "fail");
  assert.deepEqual([mixed.values.passed, mixed.values.total], [1, 4]);
  assert.deepEqual(mixed.groups, [
    { message: "endpoints-failed", urls: ["wss://b", "wss://c"] },
    { message: "endpoints-timeout", urls: ["wss://slow"] },
  ]);

  // Nothing to test is said, not passed.
  assert.deepEqual(endpointsResult([]), noEndpointsResult());
  assert.deepEqual(endpointsResult(undefined), noEndpointsResult());
  assert.equal(noEndpointsResult().verdict, "na");
});

test("bandwidth: seats scale the reference point, and the speed is compared with it", () => {
  const reference = { seats: 200, mb_per_hour: { min: 25, max: 50 } };
  assert.deepEqual(bandwidthNeed(200, reference), { min: 25, max: 50 });
  assert.deepEqual(bandwidthNeed(400, reference), { min: 50, max: 100 });
  assert.deepEqual(bandwidthNeed(20, reference), { min: 2.5, max: 5 });
  assert.equal(mbitPerSecond(3600), 8);
  // 2000 seats need 250-500 MB/h: 0.56-1.11 Mbit/s.
  assert.equal(bandwidthResult(10, 2000, reference).verdict, "pass");
  assert.equal(bandwidthResult(0.8, 2000, reference).verdict, "warn");
  assert.equal(bandwidthResult(0.1, 2000, reference).verdict, "fail");
  assert.equal(bandwidthResult(null, 2000, reference).verdict, "warn");
  assert.equal(bandwidthResult(null, 2000, reference).message, "bandwidth-failed");
  assert.deepEqual(bandwidthResult(10, 2000, reference).values, { seats: 2000, min: 250, max: 500, need: 1.11, measured: 10 });
  assert.equal(seatCount("50", reference), 50);
  for (const bad of ["", "0", "-3", "abc", "99999999", undefined]) assert.equal(seatCount(bad, reference), 200, bad);
});

test("numbers are written in the page's language", () => {
  assert.equal(formatNumber(108.4, "de", 1), "108,4");
  assert.equal(formatNumber(108.4, "en", 1), "108.4");
  assert.equal(formatNumber(2000, "en"), "2,000");
  assert.equal(formatNumber(2000, "de"), "2.000");
  assert.equal(formatNumber(2000.25, "fr", 2), "2\u202f000,25");
  assert.equal(formatNumber(1.114, "en", 2), "1.11");
  assert.equal(formatNumber(41.6, "de"), "42");
  // A malformed language tag falls back instead of throwing.
  assert.equal(formatNumber(1.5, "not a tag!", 1), new Intl.NumberFormat(undefined).format(1.5));
  assert.equal(formatNumber(1.5, "", 1), new Intl.NumberFormat(undefined).format(1.5));
  // Quantities are formatted; versions, names and text are not.
  assert.deepEqual(localized({ measured: 108.4, seats: 2000, need: 1.11, ms: 7, version: 1420, url: "wss://a", browser: "X" }, "de"), {
    measured: "108,4",
    seats: "2.000",
    need: "1,11",
    ms: "7",
    version: 1420,
    url: "wss://a",
    browser: "X",
  });
  assert.deepEqual(localized({ measured: "" }, "de"), { measured: "" });
  assert.deepEqual(localized(undefined, "de"), {});
  const messages = {
    "selfcheck-bandwidth-result": "Gemessen: {measured} Mbit/s. {seats} Arbeitsplätze brauchen {min} bis {max} MB pro Stunde, bis zu {need} Mbit/s.",
    "selfcheck-done": "Bestanden: {pass}, Warnungen: {warn}, fehlgeschlagen: {fail}.",
  };
  const bandwidth = bandwidthResult(108.44, 2000, { seats: 200, mb_per_hour: { min: 25, max: 50 } });
  assert.equal(
    describe(bandwidth, messages, "de").text,
    "Gemessen: 108,4 Mbit/s. 2.000 Arbeitsplätze brauchen 250 bis 500 MB pro Stunde, bis zu 1,11 Mbit/s.",
  );
  const many = Array.from({ length: 1200 }, () => popupResult(true));
  assert.equal(doneText(many, messages, "de"), "Bestanden: 1.200, Warnungen: 0, fehlgeschlagen: 0.");
});

test("the report's time is ISO 8601 with the local offset", () => {
  const instant = Date.UTC(2026, 10, 24, 13, 3, 5, 789);
  assert.equal(isoDateTime(instant, 60), "2026-11-24T14:03:05+01:00");
  assert.equal(isoDateTime(instant, 0), "2026-11-24T13:03:05+00:00");
  assert.equal(isoDateTime(instant, -300), "2026-11-24T08:03:05-05:00");
  assert.equal(isoDateTime(instant, 330), "2026-11-24T18:33:05+05:30");
  assert.equal(isoDateTime(instant, -570), "2026-11-24T03:33:05-09:30");
  // The local date may be another day than UTC's.
  assert.equal(isoDateTime(Date.UTC(2026, 11, 31, 23, 30, 0), 60), "2027-01-01T00:30:00+01:00");
  const now = new Date();
  const local = isoDateTime(now.getTime(), -now.getTimezoneOffset());
  assert.equal(Date.parse(local), Math.floor(now.getTime() / 1000) * 1000, local);
});

const MESSAGES = {
  "selfcheck-label": "Check your workstation",
  "selfcheck-done": "Passed: {pass}, warnings: {warn}, failed: {fail}.",
  "selfcheck-verdict-pass": "Pass",
  "selfcheck-verdict-fail": "Fail",
  "selfcheck-verdict-na": "N/A",
  "selfcheck-check-popups": "Pop-ups",
  "selfcheck-check-endpoints": "Connections",
  "selfcheck-popups-allowed": "Allowed.",
  "selfcheck-endpoints-reached": "Addresses reached: {passed} of {total}.",
  "selfcheck-endpoints-failed": "Not reached:",
  "selfcheck-endpoints-timeout": "No answer within {seconds} s:",
  "selfcheck-endpoints-next": "Ask IT.",
  "selfcheck-endpoints-none": "Nothing to test.",
  "selfcheck-offer-none": "No offer chosen.",
  "selfcheck-report-date": "Date: {date}",
  "selfcheck-report-page": "Page: {url}",
  "selfcheck-report-language": "Language: {lang}",
  "selfcheck-report-offer": "Offer: {offer}",
  "selfcheck-report-agent": "User agent: {agent}",
};

const CONTEXT = {
  date: "2026-11-24T14:03:05+01:00",
  url: "https://help.example.com/en/getting-started/technical-requirements/?offer=classic",
  lang: "en",
  offer: "Classic",
  userAgent: UA.firefox,
};

test("the report opens with when, where, in which language, for which offer and in which browser", () => {
  assert.deepEqual(reportHeader(CONTEXT, MESSAGES), [
    "Check your workstation",
    "Date: 2026-11-24T14:03:05+01:00",
    "Page: https://help.example.com/en/getting-started/technical-requirements/?offer=classic",
    "Language: en",
    "Offer: Classic",
    `User agent: ${UA.firefox}`,
  ]);
  const header = reportHeader({ ...CONTEXT, offer: "", userAgent: "x".repeat(10 * 1024) }, MESSAGES);
  assert.equal(header[4], "No offer chosen.");
  assert.ok(header[5].length < 400, "a padded User-Agent string is cut");
  // Placeholders in the values are not read again.
  assert.equal(reportHeader({ ...CONTEXT, url: "https://h/?q={lang}" }, MESSAGES)[2], "Page: https://h/?q={lang}");
});

test("texts: placeholders filled once, the report lists every check", () => {
  assert.equal(fill("{a} and {b}", { a: "{b}", b: "2" }), "{b} and 2");
  assert.equal(fill("{unknown}", {}), "{unknown}");
  assert.equal(fill(undefined, {}), "");
  const connections = endpointsResult([
    { url: "ws://127.0.0.1:9", outcome: { ok: false } },
    { url: "https://127.0.0.1:8", outcome: { ok: true, ms: 3 } },
    { url: "ws://127.0.0.1:7", outcome: { ok: false } },
    { url: "ws://127.0.0.1:6", outcome: { ok: false, timedOut: true } },
  ]);
  const results = [popupResult(true), connections];
  assert.deepEqual(describe(connections, MESSAGES, "en"), {
    name: "Connections",
    verdict: "Fail",
    text: "Addresses reached: 1 of 4.",
    next: "Ask IT.",
    groups: [
      { text: "Not reached:", urls: ["ws://127.0.0.1:9", "ws://127.0.0.1:7"] },
      { text: "No answer within 5 s:", urls: ["ws://127.0.0.1:6"] },
    ],
  });
  assert.deepEqual(summary(results), { pass: 1, warn: 0, fail: 1, na: 0 });
  assert.equal(
    reportText(results, MESSAGES, CONTEXT),
    [
      ...reportHeader(CONTEXT, MESSAGES),
      "",
      "[Pass] Pop-ups: Allowed.",
      "[Fail] Connections: Addresses reached: 1 of 4. Ask IT.",
      "  Not reached: ws://127.0.0.1:9, ws://127.0.0.1:7",
      "  No answer within 5 s: ws://127.0.0.1:6",
      "",
      "Passed: 1, warnings: 0, failed: 1.",
    ].join("\n"),
  );
  // Missing messages show their key rather than throwing.
  assert.equal(describe(popupResult(false), {}).text, "popups-blocked");
  assert.equal(describe(noEndpointsResult(), MESSAGES).text, "Nothing to test.");
});
