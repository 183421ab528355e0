// The offer filter's decisions, free of the DOM so they can be tested
// without a browser (tests/js/offer-filter.test.mjs).

/** The offer to show: `?offer=` when it names a known offer, then the stored choice, else none (""). */
export function chosenOffer(search, stored, known) {
  const fromUrl = new URLSearchParams(search || "").get("offer");
  for (const candidate of [fromUrl, stored]) {
    if (candidate && known.includes(candidate)) return candidate;
  }
  return "";
}

/** Whether something labelled with `offers` (space-separated ids, "" for every offer) is shown for `chosen`. */
export function isShown(offers, chosen) {
  const ids = (offers || "").split(/\s+/).filter(Boolean);
  return !chosen || ids.length === 0 || ids.includes(chosen);
}

/** The page's query string with `offer` set to `chosen`, or removed when there is no choice. */
export function withOffer(search, chosen) {
  const params = new URLSearchParams(search || "");
  if (chosen) params.set("offer", chosen);
  else params.delete("offer");
  const text = params.toString();
  return text ? `?${text}` : "";
}
