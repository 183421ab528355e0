// The search box. Pagefind's script and the language's index are loaded
// only when the reader starts to search, so pages stay light. Results open
// in a panel under the box, follow the offer chosen in the offer selector,
// and are reached with the arrow keys; Ctrl+K or Cmd+K jumps to the box.
import { MAX_RESULTS, excerptParts, matchesQuery, searchOptions, statusText } from "./search-core.js";

const DELAY_MS = 200;

function start() {
  const form = document.querySelector("[data-search]");
  const input = form?.querySelector("input[type=search]");
  const panel = form?.querySelector("[data-search-panel]");
  const list = form?.querySelector("[data-search-results]");
  const status = form?.querySelector("[data-search-status]");
  const announce = form?.querySelector("[data-search-announce]");
  if (!form || !input || !panel || !list || !status) return;
  const offerSelect = document.getElementById("offer-select");
  let engine = null;
  let timer = 0;
  let latest = 0;

  function load() {
    const bundle = form.dataset.search;
    engine ??= import(bundle + "pagefind.js").then(async (pagefind) => {
      const baseUrl = form.dataset.siteRoot || "/";
      await pagefind.options({ baseUrl });
      await pagefind.init();
      // A large language's index comes in parts, listed beside the first one.
      const listed = await fetch(bundle + "parts.json");
      const parts = listed.ok ? await listed.json() : [];
      await Promise.all(parts.map((part) => pagefind.mergeIndex(bundle + part, { baseUrl })));
      return pagefind;
    });
    return engine;
  }

  function chosenOffer() {
    const value = offerSelect?.value || "";
    const name = value ? offerSelect.selectedOptions[0]?.textContent || value : "";
    return { value, name };
  }

  function show(text) {
    status.textContent = text;
    if (announce) announce.textContent = text;
    panel.hidden = false;
  }

  function close() {
    panel.hidden = true;
  }

  function clear() {
    list.replaceChildren();
    status.textContent = "";
    close();
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
      const loaded = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      items = loaded.filter((item) => matchesQuery(query, item.excerpt));
      // Results are ranked: when the best ones only match a stub of the
      // words, so do the rest.
      total = items.length === 0 ? 0 : search.results.length - (loaded.length - items.length);
    } catch {
      engine = null; // A later attempt may succeed (for example once back online).
      if (ticket === latest) show(form.dataset.unavailable || "");
      return;
    }
    if (ticket !== latest) return; // A newer query has started meanwhile.
    list.replaceChildren(...items.map(resultItem));
    const templates = { all: form.dataset.results, offer: form.dataset.resultsOffer, none: form.dataset.none };
    show(statusText(templates, { query, count: total, offer: offer.name }));
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  }

  // Up and down move between the box and the results, Escape closes.
  function move(event) {
    const links = Array.from(list.querySelectorAll("a"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (panel.hidden || links.length === 0) return;
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === "Escape") {
      if (panel.hidden) {
        input.value = "";
        clear();
      } else {
        close();
      }
      input.focus();
    }
  }

  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  // A click in the box shows the last results again (focus alone does not:
  // Escape closes the panel and gives the focus back to the box).
  input.addEventListener("click", () => {
    if (input.value.trim() && status.textContent) panel.hidden = false;
  });
  input.addEventListener("input", schedule);
  form.addEventListener("keydown", move);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) close();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  offerSelect?.addEventListener("change", () => {
    if (input.value.trim()) schedule();
  });
  if (/Mac|iPhone|iPad/.test(navigator.platform)) form.querySelector(".search-hint")?.replaceChildren("⌘ K");
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
