// The offer selector: hides articles and `{% offer %}` blocks of other
// offers and highlights the chosen offer's rows in requirement tables.
// Without JavaScript the selector stays hidden and the offer pages
// (/<lang>/offers/<offer>/) list the same articles.
import { fill } from "./fill.js";
import { chosenOffer, isShown, withOffer } from "./offer-filter.js";

const STORAGE_KEY = "helpgen-offer";

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage can be disabled; the choice then lasts for the page.
  }
}

function remember(offer) {
  try {
    if (offer) localStorage.setItem(STORAGE_KEY, offer);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* see stored() */
  }
}

function apply(filter, select, offer, announce) {
  let shown = 0;
  for (const item of document.querySelectorAll(".article-list li[data-offers]")) {
    item.hidden = !isShown(item.dataset.offers, offer);
    if (!item.hidden) shown += 1;
  }
  // A home section whose articles are all hidden goes too.
  for (const section of document.querySelectorAll(".home-section")) {
    const items = section.querySelectorAll(".article-list li[data-offers]");
    section.hidden = items.length > 0 && Array.from(items).every((item) => item.hidden);
  }
  for (const block of document.querySelectorAll(".offer-block[data-offers]")) {
    block.hidden = !isShown(block.dataset.offers, offer);
  }
  for (const row of document.querySelectorAll(".requirements tr[data-offer]")) {
    row.classList.toggle("offer-chosen", row.dataset.offer === offer);
  }
  // Announced only when the reader changes the offer, not on every page load.
  const status = filter.querySelector("[data-offer-status]");
  if (status && announce) {
    const name = offer ? select.selectedOptions[0]?.textContent || offer : "";
    const lists = document.querySelector(".article-list li[data-offers]") !== null;
    const template = !offer ? status.dataset.all : lists ? status.dataset.one : status.dataset.page;
    status.textContent = fill(template, { offer: name, count: shown });
  }
}

function start() {
  const filter = document.querySelector("[data-offer-filter]");
  const select = filter?.querySelector("select");
  if (!filter || !select) return;
  const known = Array.from(select.options, (option) => option.value).filter(Boolean);
  const offer = chosenOffer(window.location.search, stored(), known);
  select.value = offer;
  filter.hidden = false;
  apply(filter, select, offer, false);
  select.addEventListener("change", () => {
    const chosen = known.includes(select.value) ? select.value : "";
    remember(chosen);
    const url = window.location.pathname + withOffer(window.location.search, chosen) + window.location.hash;
    window.history.replaceState(null, "", url);
    apply(filter, select, chosen, true);
  });
}

start();
