// The search box's pure logic (themes/default/static/js/search-core.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { excerptParts, matchesQuery, searchOptions, statusText } from "../../themes/default/static/js/search-core.js";

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

test("a word found on no page matches nothing, in any language", () => {
  // Pagefind falls back to the longest indexed prefix: only a stub is marked.
  assert.equal(matchesQuery("asdfghjkl", "Open <mark>as</mark> many as you need"), false);
  assert.equal(matchesQuery("asdfghjkl", "Cliquez <mark>à</mark> droite"), false);
  assert.equal(matchesQuery("firewall asdfghjkl", "<mark>Firewall</mark> rules <mark>as</mark> listed"), false);
});

test("real matches stay: stems, compounds, words being typed, short words", () => {
  assert.equal(matchesQuery("installing", "How to <mark>install</mark> the client"), true);
  assert.equal(matchesQuery("installa", "During the <mark>installation</mark>"), true);
  assert.equal(matchesQuery("Ausnahmen", "die <mark>Firewall-Ausnahmen.</mark> prüfen"), true);
  assert.equal(matchesQuery("Firewall", "Die <mark>Firewall-Ausnahmen</mark>"), true);
  assert.equal(matchesQuery("IE mode", "Open <mark>IE</mark> <mark>mode</mark>"), true);
  assert.equal(matchesQuery("Éditer", "Pour <mark>éditer</mark> un planning"), true);
  // Nothing marked: nothing to judge by, the result stays.
  assert.equal(matchesQuery("shift", "A title-only match"), true);
});
