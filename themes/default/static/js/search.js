// The search box in every page's header. Pagefind's script and the
// language's index are loaded only when the reader starts to search, so
// pages stay light. Results follow the offer chosen in the offer selector.
import { MAX_RESULTS, excerptParts, searchOptions, statusText } from "./search-core.js";

const DELAY_MS = 200;

function start() {
  const form = document.querySelector("[data-search]");
  const input = form?.querySelector("input[type=search]");
  const list = form?.querySelector("[data-search-results]");
  const status = form?.querySelector("[data-search-status]");
  if (!form || !input || !list || !status) return;
  const offerSelect = document.getElementById("offer-select");
  let engine = null;
  let timer = 0;
  let latest = 0;

  function load() {
    engine ??= import(form.dataset.search + "pagefind.js").then(async (pagefind) => {
      await pagefind.options({ baseUrl: form.dataset.siteRoot || "/" });
      await pagefind.init();
      return pagefind;
    });
    return engine;
  }

  function chosenOffer() {
    const value = offerSelect?.value || "";
    const name = value ? offerSelect.selectedOptions[0]?.textContent || value : "";
    return { value, name };
  }

  function clear() {
    list.replaceChildren();
    list.hidden = true;
    status.textContent = "";
  }

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) return clear();
    const offer = chosenOffer();
    let items;
    let total;
    try {
      const pagefind = await load();
      const search = await pagefind.search(query, searchOptions(offer.value));
      total = search.results.length;
      items = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    } catch {
      engine = null; // A later attempt may succeed (for example once back online).
      if (ticket === latest) status.textContent = form.dataset.unavailable || "";
      return;
    }
    if (ticket !== latest) return; // A newer query has started meanwhile.
    list.replaceChildren(...items.map(resultItem));
    list.hidden = items.length === 0;
    const templates = { all: form.dataset.results, offer: form.dataset.resultsOffer, none: form.dataset.none };
    status.textContent = statusText(templates, { query, count: total, offer: offer.name });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  }

  form.hidden = false;
  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  input.addEventListener("input", schedule);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      clear();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  offerSelect?.addEventListener("change", () => {
    if (input.value.trim()) schedule();
  });
}

function resultItem(result) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta?.title || result.url;
  const excerpt = document.createElement("p");
  for (const part of excerptParts(result.excerpt)) {
    if (part.mark) {
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(part.text);
    }
  }
  item.append(link, excerpt);
  return item;
}

start();
