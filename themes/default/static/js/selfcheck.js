// The workstation check that {% selfcheck %} places in an article. It reads
// the requirements the build wrote (`data-selfcheck`, same origin), and on
// the reader's click tests this browser, pop-ups, the endpoints listed in
// that data, and a download from this site (`data-probe`). It contacts
// nothing else. Without JavaScript the controls stay hidden and a noscript
// note points at the tables.
import {
  TIMEOUT_MS,
  bandwidthResult,
  browserResult,
  clientResult,
  describe,
  detectBrowser,
  endpointKinds,
  endpointResult,
  ieModeResult,
  noEndpointsResult,
  popupResult,
  reportText,
  seatCount,
  summary,
} from "./selfcheck-core.js";
import { fill } from "./fill.js";

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

function resultItem(r, messages) {
  const d = describe(r, messages);
  const item = document.createElement("li");
  item.className = `selfcheck-result verdict-${r.verdict}`;
  item.dataset.check = r.check;
  item.dataset.verdict = r.verdict;
  const verdict = document.createElement("span");
  verdict.className = "selfcheck-verdict";
  verdict.textContent = d.verdict;
  const name = document.createElement("strong");
  name.textContent = d.name;
  const text = document.createElement("p");
  text.textContent = d.text;
  item.append(verdict, " ", name, text);
  if (d.next) {
    const next = document.createElement("p");
    next.className = "selfcheck-next";
    // The data's help page becomes a link where the text names it.
    const help = r.values.help;
    const at = help ? d.next.indexOf(help) : -1;
    if (at >= 0) {
      const link = document.createElement("a");
      link.href = help;
      link.rel = "noopener";
      link.textContent = help;
      next.append(d.next.slice(0, at), link, d.next.slice(at + help.length));
    } else {
      next.textContent = d.next;
    }
    item.append(next);
  }
  return item;
}

async function runChecks(section, data, popupOpened) {
  const browser = detectBrowser({
    brands: navigator.userAgentData?.brands,
    userAgent: navigator.userAgent,
  });
  const offer = chosenOffer(data);
  const policy = (data.browsers?.list ?? []).find((b) => b.id === browser.family);
  const results = [
    browserResult(browser, data.browsers),
    ieModeResult(offer, browser),
    clientResult(offer),
    popupResult(popupOpened, policy?.popup_help),
  ];
  const endpoints = endpointKinds(data.websockets?.urls);
  const seats = seatCount(section.querySelector("[data-seats]")?.value, data.bandwidth);
  const [outcomes, measured] = await Promise.all([
    Promise.all(endpoints.map((e) => (e.kind === "http" ? probeHttp(e.url) : probeWebSocket(e.url)))),
    measureDownload(section.dataset.probe),
  ]);
  if (endpoints.length === 0) results.push(noEndpointsResult());
  endpoints.forEach((e, i) => results.push(endpointResult(e.url, outcomes[i])));
  results.push(bandwidthResult(measured, seats, data.bandwidth));
  return { results, context: [navigator.userAgent.slice(0, 300), offer ? offer.name : ""] };
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
  const controls = section.querySelector("[data-controls]");
  const run = section.querySelector("[data-run]");
  const copy = section.querySelector("[data-copy]");
  const status = section.querySelector("[data-status]");
  const list = section.querySelector("[data-results]");
  const textBox = section.querySelector("[data-text-box]");
  const text = section.querySelector("[data-text]");
  if (!controls || !run || !copy || !status || !list || !textBox || !text) return;
  controls.hidden = false;

  run.addEventListener("click", async () => {
    const popupOpened = tryPopup(); // Must happen inside the click itself.
    run.disabled = true;
    copy.hidden = true;
    list.replaceChildren();
    status.textContent = messages["selfcheck-running"] ?? "";
    let report = { results: [], context: [] };
    try {
      report = await runChecks(section, data, popupOpened);
    } catch {
      // Each probe already turns its failures into results; this is a last guard.
    } finally {
      list.replaceChildren(...report.results.map((r) => resultItem(r, messages)));
      text.value = reportText(report.results, messages, report.context);
      textBox.hidden = false;
      copy.hidden = false;
      run.disabled = false;
      status.textContent = fill(messages["selfcheck-done"], summary(report.results));
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
