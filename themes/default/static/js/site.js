// The page's small controls: the offer selector (offers.css does the
// showing and hiding, from <html data-offer>), the colour scheme, the
// section menu on phones, menus that close on a click elsewhere, "Copy as
// Markdown" and "Was this helpful?". Nothing is sent anywhere before the
// reader clicks.
import { fill } from "./fill.js";
import { chosenOffer, isShown, withOffer } from "./offer-filter.js";

const root = document.documentElement;
const OFFER_KEY = "helpgen-offer";
const THEME_KEY = "helpgen-theme";

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // Storage can be disabled; choices then last for the page.
  }
}

function remember(key, value) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    /* see stored() */
  }
}

function setOffer(offer) {
  if (offer) root.dataset.offer = offer;
  else delete root.dataset.offer;
  for (const input of document.querySelectorAll("[data-feedback-offer]")) input.value = offer;
}

function startOffers() {
  const filter = document.querySelector("[data-offer-filter]");
  const select = filter?.querySelector("select");
  if (!select) return setOffer("");
  const known = Array.from(select.options, (option) => option.value).filter(Boolean);
  const offer = chosenOffer(window.location.search, stored(OFFER_KEY), known);
  select.value = offer;
  setOffer(offer);
  const status = filter.querySelector("[data-offer-status]");
  select.addEventListener("change", () => {
    const chosen = known.includes(select.value) ? select.value : "";
    remember(OFFER_KEY, chosen);
    const url = window.location.pathname + withOffer(window.location.search, chosen) + window.location.hash;
    window.history.replaceState(null, "", url);
    setOffer(chosen);
    if (!status) return;
    // Announced only when the reader changes the offer, not on every page load.
    const items = Array.from(document.querySelectorAll(".article-list li[data-offers]"));
    const shown = items.filter((item) => isShown(item.dataset.offers, chosen)).length;
    const name = chosen ? select.selectedOptions[0]?.textContent || chosen : "";
    const template = !chosen ? status.dataset.all : items.length ? status.dataset.one : status.dataset.page;
    status.textContent = fill(template, { offer: name, count: shown });
  });
}

function startTheme() {
  const button = document.querySelector("[data-theme-toggle]");
  if (!button) return;
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const dark = () => (root.dataset.theme ? root.dataset.theme === "dark" : system.matches);
  const show = () => button.setAttribute("aria-pressed", String(dark()));
  show();
  system.addEventListener("change", show);
  button.addEventListener("click", () => {
    const next = dark() ? "light" : "dark";
    // Back to following the system when the choice matches it.
    const follows = (next === "dark") === system.matches;
    if (follows) delete root.dataset.theme;
    else root.dataset.theme = next;
    remember(THEME_KEY, follows ? "" : next);
    show();
  });
}

function startMenu() {
  const button = document.querySelector("[data-menu-toggle]");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;
  const open = (yes) => {
    button.setAttribute("aria-expanded", String(yes));
    root.classList.toggle("menu-open", yes);
  };
  button.addEventListener("click", () => {
    const opening = button.getAttribute("aria-expanded") !== "true";
    open(opening);
    if (opening) menu.querySelector("a")?.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && root.classList.contains("menu-open")) {
      open(false);
      button.focus();
    }
  });
}

function startDisclosures() {
  const menus = Array.from(document.querySelectorAll("details[data-closes-outside]"));
  document.addEventListener("click", (event) => {
    for (const menu of menus) if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const menu of menus) {
      if (!menu.open) continue;
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
  });
}

function startFeedback() {
  const form = document.querySelector("[data-feedback]");
  const status = document.querySelector("[data-feedback-status]");
  const contact = document.querySelector("[data-feedback-contact]");
  contact?.addEventListener("click", () => {
    const offer = root.dataset.offer;
    if (!offer || contact.dataset.offerAdded) return;
    contact.dataset.offerAdded = "yes";
    const url = new URL(contact.href);
    if (url.protocol === "mailto:") {
      const body = (url.searchParams.get("body") || "") + `Offer: ${offer}\n`;
      contact.href = `${url.protocol}${url.pathname}?subject=${encodeURIComponent(url.searchParams.get("subject") || "")}&body=${encodeURIComponent(body)}`;
    } else {
      url.searchParams.set("offer", offer);
      contact.href = url.href;
    }
  });
  if (!form || !status) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    if (event.submitter?.name) data.set(event.submitter.name, event.submitter.value);
    const url = new URL(form.action);
    for (const [name, value] of data) url.searchParams.set(name, String(value));
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    try {
      // The answer needs no reply: an opaque response is enough.
      await fetch(url, { mode: "no-cors", credentials: "omit" });
      status.textContent = status.dataset.thanks || "";
      form.hidden = true;
    } catch {
      status.textContent = status.dataset.failed || "";
      for (const button of form.querySelectorAll("button")) button.disabled = false;
    }
  });
}

// The article's Markdown twin to the clipboard. The clipboard is handed the
// download still on its way, inside the click: Safari refuses a write that
// starts once the click's turn is over.
function startCopyMarkdown() {
  const button = document.querySelector("[data-copy-markdown]");
  const status = document.querySelector("[data-copy-status]");
  if (!button || !status) return;
  button.addEventListener("click", async () => {
    status.textContent = "";
    const text = fetch(button.dataset.copyMarkdown).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
    try {
      if (window.ClipboardItem && navigator.clipboard.write) {
        const blob = text.then((markdown) => new Blob([markdown], { type: "text/plain" }));
        await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
      } else {
        await navigator.clipboard.writeText(await text);
      }
      status.textContent = button.dataset.copied || "";
    } catch {
      status.textContent = button.dataset.failed || "";
    }
  });
}

startOffers();
startTheme();
startMenu();
startDisclosures();
startFeedback();
startCopyMarkdown();
