// The offer filter's pure logic, run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chosenOffer, isShown, withOffer } from "../../themes/default/static/js/offer-filter.js";

const known = ["essential", "advanced", "enterprise"];

test("the URL wins over the stored choice, and unknown offers are ignored", () => {
  assert.equal(chosenOffer("?offer=advanced", "essential", known), "advanced");
  assert.equal(chosenOffer("?offer=platinum", "essential", known), "essential");
  assert.equal(chosenOffer("", "enterprise", known), "enterprise");
  assert.equal(chosenOffer("", "platinum", known), "");
  assert.equal(chosenOffer("?other=1", null, known), "");
  assert.equal(chosenOffer(undefined, undefined, known), "");
});

test("articles for every offer and those labelled with the chosen one are shown", () => {
  assert.equal(isShown("essential advanced", "advanced"), true);
  assert.equal(isShown("essential advanced", "enterprise"), false);
  assert.equal(isShown("", "enterprise"), true);
  assert.equal(isShown(undefined, "enterprise"), true);
  assert.equal(isShown("enterprise-on-premise", "enterprise"), false);
  assert.equal(isShown("classic", ""), true);
});

test("the query string keeps other parameters", () => {
  assert.equal(withOffer("?a=1", "advanced"), "?a=1&offer=advanced");
  assert.equal(withOffer("?offer=essential&a=1", ""), "?a=1");
  assert.equal(withOffer("?offer=essential", ""), "");
  assert.equal(withOffer("", "classic"), "?offer=classic");
});
