// The search box's pure logic (themes/default/static/js/search-core.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { excerptParts, searchOptions, statusText } from "../../themes/default/static/js/search-core.js";

test("the chosen offer becomes a Pagefind filter; no offer, no filter", () => {
  assert.deepEqual(searchOptions("advanced"), { filters: { offer: "advanced" } });
  assert.deepEqual(searchOptions(""), {});
  assert.deepEqual(searchOptions(undefined), {});
});

test("excerpt marks become parts, entities are decoded once", () => {
  assert.deepEqual(excerptParts("Open the <mark>shift</mark> plan &amp; save"), [
    { text: "Open the ", mark: false },
    { text: "shift", mark: true },
    { text: " plan & save", mark: false },
  ]);
  // Double-escaped text stays escaped once: it is text, never markup.
  assert.deepEqual(excerptParts("&amp;lt;b&amp;gt;"), [{ text: "&lt;b&gt;", mark: false }]);
});

test("markup in an excerpt stays text", () => {
  const parts = excerptParts('<img src=x onerror="alert(1)"> <mark>a</mark>');
  assert.equal(parts[0].text, '<img src=x onerror="alert(1)"> ');
  assert.equal(parts[0].mark, false);
  assert.deepEqual(parts[1], { text: "a", mark: true });
});

test("unbalanced marks mark nothing", () => {
  assert.deepEqual(excerptParts("a <mark>b"), [
    { text: "a ", mark: false },
    { text: "b", mark: false },
  ]);
  assert.deepEqual(excerptParts(""), []);
  assert.deepEqual(excerptParts(null), []);
});

test("status text picks the template for the case and fills it", () => {
  const templates = { all: "{count} for “{query}”", offer: "{count} for “{query}” in {offer}", none: "None for “{query}”" };
  assert.equal(statusText(templates, { query: "shift", count: 3, offer: "" }), "3 for “shift”");
  assert.equal(statusText(templates, { query: "shift", count: 2, offer: "Advanced" }), "2 for “shift” in Advanced");
  assert.equal(statusText(templates, { query: "x", count: 0, offer: "Advanced" }), "None for “x”");
  // A query that looks like a placeholder is not filled in again.
  assert.equal(statusText(templates, { query: "{count}", count: 1, offer: "" }), "1 for “{count}”");
});
