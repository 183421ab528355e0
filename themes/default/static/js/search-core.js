// The search box's decisions, free of the DOM and of Pagefind so they can be
// tested without a browser (tests/js/search-core.test.mjs).

import { fill } from "./fill.js";

/** Results listed at most; Pagefind loads each result's text on demand. */
export const MAX_RESULTS = 8;

/** Pagefind search options for the chosen offer ("" for every offer). */
export function searchOptions(offer) {
  return offer ? { filters: { offer } } : {};
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };

function decode(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name) => ENTITIES[name]);
}

/**
 * An excerpt as plain text parts, `mark` true for the matched words. Pagefind
 * gives escaped text with `<mark>` around matches; anything else that looks
 * like markup stays text, so an excerpt can never inject HTML.
 */
export function excerptParts(excerpt) {
  const tokens = String(excerpt || "").split(/(<\/?mark>)/);
  // Marks count only when each opens before it closes and none is left open.
  let inside = false;
  let balanced = true;
  for (const token of tokens) {
    if (token === "<mark>" || token === "</mark>") {
      if (inside === (token === "<mark>")) balanced = false;
      inside = token === "<mark>";
    }
  }
  balanced &&= !inside;
  const parts = [];
  inside = false;
  for (const token of tokens) {
    if (token === "<mark>" || token === "</mark>") inside = token === "<mark>";
    else if (token) parts.push({ text: decode(token), mark: balanced && inside });
  }
  return parts;
}

/** The status line: a template from the page with {query}, {count}, {offer} filled in. */
export function statusText(templates, { query, count, offer }) {
  const template = count === 0 ? templates.none : offer ? templates.offer : templates.all;
  return fill(template, { query, count, offer: offer || "" });
}
