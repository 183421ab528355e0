// The site root's choice of language (themes/default/static/js/lang-choice.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseLanguage } from "../../themes/default/static/js/lang-choice.js";

test("the first of the reader's languages the site has wins", () => {
  assert.equal(chooseLanguage(["de-DE", "de", "en-US", "en"], ["en", "fr", "de"]), "de");
  assert.equal(chooseLanguage(["es", "fr-CA"], ["en", "fr", "de"]), "fr");
  assert.equal(chooseLanguage(["pt-BR"], ["en", "pt-BR", "pt-PT"]), "pt-BR");
  assert.equal(chooseLanguage(["PT-br"], ["en", "pt-BR"]), "pt-BR");
});

test("a regional variant matches its language, and the reverse", () => {
  assert.equal(chooseLanguage(["pt"], ["en", "pt-BR"]), "pt-BR");
  assert.equal(chooseLanguage(["fr-BE"], ["en", "fr"]), "fr");
});

test("none in common, or no list: no choice, the page's list stays", () => {
  assert.equal(chooseLanguage(["ja", "ko"], ["en", "fr"]), "");
  assert.equal(chooseLanguage([], ["en"]), "");
  assert.equal(chooseLanguage(undefined, ["en"]), "");
});
