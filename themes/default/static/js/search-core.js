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

/** Words of this length or more must be matched by at least half of their letters. */
const CHECKED_LENGTH = 4;

/**
 * Whether a result's excerpt really matches `query`. Pagefind, not finding
 * a word, searches for its longest prefix that is in the index, down to a
 * single letter: "asdfghjkl" finds every page with "as". Such a result
 * marks only a stub of the word; it is dropped, so a word found on no page
 * finds nothing. Results without marks are kept (nothing to judge by).
 */
export function matchesQuery(query, excerpt) {
  const marks = excerptParts(excerpt)
    .filter((part) => part.mark)
    .map((part) => letters(part.text));
  if (marks.length === 0) return true;
  const terms = String(query || "")
    .split(/\s+/)
    .map(letters)
    .filter((term) => term.length >= CHECKED_LENGTH);
  return terms.every((term) => marks.some((mark) => covers(mark, term)));
}

function letters(text) {
  return String(text).toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A marked word covers a term when they share a start of at least half the term. */
function covers(mark, term) {
  let shared = 0;
  while (shared < mark.length && shared < term.length && mark[shared] === term[shared]) shared += 1;
  return shared * 2 >= term.length || mark.includes(term);
}
