// The site root: sends readers to the first of their browser's languages
// the site has. The page lists the languages, for readers without scripts
// and for those whose languages the site does not have.

/** The site language (a tag among `available`) that best matches the reader's `wanted` list, or "". */
export function chooseLanguage(wanted, available) {
  const lower = available.map((tag) => tag.toLowerCase());
  for (const tag of wanted || []) {
    const want = String(tag).toLowerCase();
    const exact = lower.indexOf(want);
    if (exact >= 0) return available[exact];
    const primary = want.split("-")[0];
    const near = lower.findIndex((have) => have === primary || have.split("-")[0] === primary);
    if (near >= 0) return available[near];
  }
  return "";
}

if (typeof document !== "undefined") {
  const links = Array.from(document.querySelectorAll("[data-languages] a[hreflang]"));
  const choice = chooseLanguage(navigator.languages || [navigator.language], links.map((a) => a.hreflang));
  const link = links.find((a) => a.hreflang === choice);
  if (link) window.location.replace(link.href + window.location.search + window.location.hash);
}
