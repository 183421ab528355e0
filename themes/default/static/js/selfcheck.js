// The workstation check that {% selfcheck %} places in an article. It reads
// the requirements the build wrote (`data-selfcheck`, same origin), and on
// the reader's click tests this browser, pop-ups, the endpoints listed in
// that data, and a download from this site (`data-probe`). It contacts
// nothing else. The server renders every control in place, its buttons
// disabled until this script is ready, so nothing moves when it starts;
// without JavaScript a noscript note points at the tables.
import {
  TIMEOUT_MS,
  bandwidthResult,
  browserResult,
  clientResult,
  describe,
  detectBrowser,
  doneText,
  endpointKinds,
  endpointsResult,
  ieModeResult,
  isoDateTime,
  popupResult,
  reportText,
  seatCount,
} from "./selfcheck-core.js";

const PROBE_TIMEOUT_MS = 20000;

function withTimeout(ms, work) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return work(controller.signal).finally(() => clearTimeout(timer));
}

/** Any answer counts, even an opaque one: the host was reached. */
async function probeHttp(url) {
  const start = performance.now();
  try {
    await withTimeout(TIMEOUT_MS, (signal) =>
      fetch(url, { mode: "no-cors", cache: "no-store", credentials: "omit", signal }),
    );
    return { ok: true, ms: performance.now() - start };
  } catch (error) {
    return { ok: false, timedOut: error?.name === "AbortError" };
  }
}

/** A WebSocket handshake, closed as soon as it succeeds. */
function probeWebSocket(url) {
  return new Promise((resolve) => {
    const start = performance.now();
    let socket;
    let timer = 0;
    const finish = (outcome) => {
      clearTimeout(timer);
      if (socket) socket.onopen = socket.onerror = socket.onclose = null;
      try {
        socket?.close();
      } catch {
        /* already closed */
      }
      resolve(outcome);
    };
    try {
      socket = new WebSocket(url);
    } catch {
      return resolve({ ok: false, timedOut: false }); // A malformed URL or a blocking policy.
    }
    timer = setTimeout(() => finish({ ok: false, timedOut: true }), TIMEOUT_MS);
    socket.onopen = () => finish({ ok: true, ms: performance.now() - start });
    socket.onerror = socket.onclose = () => finish({ ok: false, timedOut: false });
  });
}

/** Mbit/s of a download of the probe file, or null when it fails. */
async function measureDownload(probeUrl) {
  try {
    const start = performance.now();
    const bytes = await withTimeout(PROBE_TIMEOUT_MS, async (signal) => {
      const response = await fetch(`${probeUrl}?t=${Date.now()}`, { cache: "no-store", signal });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.arrayBuffer()).byteLength;
    });
    const seconds = Math.max((performance.now() - start) / 1000, 0.001);
    return bytes > 0 ? (bytes * 8) / seconds / 1e6 : null;
  } catch {
    return null;
  }
}

/** Opened and closed at once, inside the click, as browsers require. */
function tryPopup() {
  try {
    const popup = window.open("about:blank", "_blank", "popup,width=200,height=100");
    if (!popup) return false;
    popup.close();
    return true;
  } catch {
    return false;
  }
}

function chosenOffer(data) {
  const id = document.getElementById("offer-select")?.value || "";
  return (data.offers ?? []).find((offer) => offer.id === id) ?? null;
}

/** The page's language, which numbers are written in. */
function pageLang() {
  return document.documentElement.lang || "";
}

/** An element with a class (none when empty) and children, text or elements; text is never parsed as HTML. */
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function item(check, verdict, verdictText, name, text) {
  const li = el(
    "li",
    `selfcheck-result verdict-${verdict}`,
    el("span", "selfcheck-verdict", verdictText),
    " ",
    el("strong", "", name),
    el("p", "", text),
  );
  li.dataset.check = check;
  li.dataset.verdict = verdict;
  return li;
}

function resultItem(r, messages) {
  const d = describe(r, messages, pageLang());
  const li = item(r.check, r.verdict, d.verdict, d.name, d.text);
  for (const group of d.groups) {
    li.append(el("p", "", group.text), el("ul", "", ...group.urls.map((url) => el("li", "", el("code", "", url)))));
  }
  if (d.next) {
    // The data's help page becomes a link where the text names it.
    const help = r.values.help;
    const at = help ? d.next.indexOf(help) : -1;
    if (at >= 0) {
      const link = el("a", "", help);
      link.href = help;
      link.rel = "noopener";
      li.append(el("p", "selfcheck-next", d.next.slice(0, at), link, d.next.slice(at + help.length)));
    } else {
      li.append(el("p", "selfcheck-next", d.next));
    }
  }
  return li;
}

/** A check still running: its place is taken at once, so its result does not push the page down seconds later. */
function pendingItem(check, messages) {
  const name = messages[`selfcheck-check-${check}`] ?? check;
  // A line of text, as its result will have.
  return item(check, "pending", messages["selfcheck-running"] ?? "", name, "\u00a0");
}

/** What the page can tell at once, inside the click. */
function immediateResults(data, popupOpened) {
  const browser = detectBrowser({
    brands: navigator.userAgentData?.brands,
    userAgent: navigator.userAgent,
  });
  const offer = chosenOffer(data);
  const policy = (data.browsers?.list ?? []).find((b) => b.id === browser.family);
  return {
    offer,
    results: [
      browserResult(browser, data.browsers),
      ieModeResult(offer, browser),
      clientResult(offer),
      popupResult(popupOpened, policy?.popup_help),
    ],
  };
}

/** The endpoints and the download, which take up to the probes' timeouts. */
async function networkResults(section, data) {
  const endpoints = endpointKinds(data.websockets?.urls);
  const seats = seatCount(section.querySelector("[data-seats]")?.value, data.bandwidth);
  const [outcomes, measured] = await Promise.all([
    Promise.all(endpoints.map((e) => (e.kind === "http" ? probeHttp(e.url) : probeWebSocket(e.url)))),
    measureDownload(section.dataset.probe),
  ]);
  const probes = endpoints.map((e, i) => ({ url: e.url, outcome: outcomes[i] }));
  return [endpointsResult(probes), bandwidthResult(measured, seats, data.bandwidth)];
}

/** Where and when the check ran, for the copied report. */
function reportContext(offer) {
  const now = new Date();
  return {
    date: isoDateTime(now.getTime(), -now.getTimezoneOffset()),
    url: location.href,
    lang: pageLang(),
    offer: offer ? offer.name : "",
    userAgent: navigator.userAgent,
  };
}

async function start(section) {
  let data;
  try {
    const response = await fetch(section.dataset.selfcheck, { cache: "no-cache" });
    data = await response.json();
  } catch {
    return; // Without the data the check cannot run; the tables still say everything.
  }
  const messages = data.messages ?? {};
  const run = section.querySelector("[data-run]");
  const copy = section.querySelector("[data-copy]");
  const status = section.querySelector("[data-status]");
  const list = section.querySelector("[data-results]");
  const textBox = section.querySelector("[data-text-box]");
  const text = section.querySelector("[data-text]");
  if (!run || !copy || !status || !list || !textBox || !text) return;
  run.disabled = false;

  run.addEventListener("click", async () => {
    const popupOpened = tryPopup(); // Must happen inside the click itself.
    run.disabled = true;
    copy.disabled = true;
    const first = immediateResults(data, popupOpened);
    let results = first.results;
    // Everything the check will show takes its place now, while the click
    // still explains the change; the slow results replace their placeholders.
    list.replaceChildren(
      ...results.map((r) => resultItem(r, messages)),
      ...["endpoints", "bandwidth"].map((check) => pendingItem(check, messages)),
    );
    text.value = "";
    textBox.hidden = false;
    status.textContent = messages["selfcheck-running"] ?? "";
    try {
      results = [...results, ...(await networkResults(section, data))];
    } catch {
      // Each probe already turns its failures into results; this is a last guard.
    } finally {
      list.replaceChildren(...results.map((r) => resultItem(r, messages)));
      text.value = reportText(results, messages, reportContext(first.offer));
      copy.disabled = false;
      run.disabled = false;
      status.textContent = doneText(results, messages, pageLang());
    }
  });

  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = messages["selfcheck-copied"] ?? "";
    } catch {
      status.textContent = messages["selfcheck-copy-failed"] ?? "";
      textBox.open = true;
      text.focus();
      text.select();
    }
  });
}

for (const section of document.querySelectorAll("section[data-selfcheck]")) {
  start(section);
}
