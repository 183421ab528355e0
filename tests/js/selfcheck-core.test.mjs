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
  endpointKinds,
  endpointResult,
  ieModeResult,
  mbitPerSecond,
  popupResult,
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

test("pop-ups: blocked gives the browser's help link when the data has one", () => {
  assert.equal(popupResult(true, "https://h").verdict, "pass");
  const blocked = popupResult(false, "https://edge.example/help");
  assert.deepEqual([blocked.verdict, blocked.next, blocked.values.help], ["fail", "popups-blocked-next", "https://edge.example/help"]);
  assert.equal(popupResult(false, undefined).next, null);
});

test("endpoints: kinds by scheme, and pass, fail or time out", () => {
  assert.deepEqual(endpointKinds(["https://a", "wss://b", "ws://127.0.0.1:1", "http://127.0.0.1:2", "ftp://c"]), [
    { url: "https://a", kind: "http" },
    { url: "wss://b", kind: "websocket" },
    { url: "ws://127.0.0.1:1", kind: "websocket" },
    { url: "http://127.0.0.1:2", kind: "http" },
  ]);
  assert.deepEqual(endpointKinds(undefined), []);
  assert.deepEqual(endpointKinds([]), []);
  const ok = endpointResult("wss://b", { ok: true, ms: 41.6 });
  assert.deepEqual([ok.verdict, ok.values.ms], ["pass", 42]);
  assert.equal(endpointResult("wss://b", { ok: false, timedOut: true }).message, "endpoint-timeout");
  assert.equal(endpointResult("wss://b", { ok: false }).message, "endpoint-failed");
  assert.equal(endpointResult("wss://b", undefined).verdict, "fail");
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

test("texts: placeholders filled once, the report lists every check", () => {
  assert.equal(fill("{a} and {b}", { a: "{b}", b: "2" }), "{b} and 2");
  assert.equal(fill("{unknown}", {}), "{unknown}");
  assert.equal(fill(undefined, {}), "");
  const messages = {
    "selfcheck-label": "Check",
    "selfcheck-done": "Passed: {pass}, warnings: {warn}, failed: {fail}.",
    "selfcheck-verdict-pass": "Pass",
    "selfcheck-verdict-fail": "Fail",
    "selfcheck-verdict-na": "N/A",
    "selfcheck-check-popups": "Pop-ups",
    "selfcheck-check-endpoint": "Connection to {url}",
    "selfcheck-check-endpoints": "Connections",
    "selfcheck-popups-allowed": "Allowed.",
    "selfcheck-endpoint-failed": "Not reached.",
    "selfcheck-endpoint-next": "Ask IT.",
    "selfcheck-endpoints-none": "Nothing to test.",
  };
  const results = [popupResult(true), endpointResult("ws://127.0.0.1:9", { ok: false })];
  assert.deepEqual(describe(results[1], messages), {
    name: "Connection to ws://127.0.0.1:9",
    verdict: "Fail",
    text: "Not reached.",
    next: "Ask IT.",
  });
  assert.deepEqual(summary(results), { pass: 1, warn: 0, fail: 1, na: 0 });
  assert.equal(
    reportText(results, messages, ["UA", ""]),
    "Check\nUA\n[Pass] Pop-ups: Allowed.\n[Fail] Connection to ws://127.0.0.1:9: Not reached. Ask IT.\nPassed: 1, warnings: 0, failed: 1.",
  );
  // Missing messages show their key rather than throwing.
  assert.equal(describe(popupResult(false), {}).text, "popups-blocked");
});
