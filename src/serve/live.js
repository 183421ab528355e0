// helpgen serve: reloads this page when what it shows changed, keeping the
// scroll position, and shows content errors over it until they are fixed.
// Built with DOM calls only: no inline code, no HTML from the server.

const SCROLL_KEY = "helpgen-serve-scroll";

function restoreScroll() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || "null");
    sessionStorage.removeItem(SCROLL_KEY);
    if (saved && saved.path === location.pathname) window.scrollTo(saved.x, saved.y);
  } catch {
    // Storage may be off; the page simply starts at the top.
  }
}

function reload() {
  try {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: location.pathname, x: scrollX, y: scrollY }));
  } catch {
    // As above.
  }
  location.reload();
}

function overlay(errors) {
  hideOverlay();
  const box = document.createElement("section");
  box.className = "helpgen-errors";
  box.setAttribute("role", "alert");
  const title = document.createElement("h2");
  title.textContent = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  const hide = document.createElement("button");
  hide.type = "button";
  hide.textContent = "Hide";
  hide.addEventListener("click", hideOverlay);
  box.append(title, hide);
  for (const error of errors) {
    const item = document.createElement("article");
    const where = document.createElement("p");
    where.className = "helpgen-errors-where";
    where.textContent = `${error.location} ${error.code}`;
    const message = document.createElement("p");
    message.textContent = error.message;
    item.append(where, message);
    if (error.snippet) {
      const snippet = document.createElement("pre");
      snippet.textContent = error.snippet;
      item.append(snippet);
    }
    if (error.help) {
      const help = document.createElement("p");
      help.className = "helpgen-errors-help";
      help.textContent = `help: ${error.help}`;
      item.append(help);
    }
    box.append(item);
  }
  document.body.append(box);
}

function hideOverlay() {
  for (const box of document.querySelectorAll(".helpgen-errors")) box.remove();
}

restoreScroll();
const events = new EventSource("/__helpgen/events");
events.addEventListener("reload", (event) => {
  const { pages } = JSON.parse(event.data);
  if (pages === "*" || pages.includes(location.pathname)) reload();
});
events.addEventListener("errors", (event) => overlay(JSON.parse(event.data)));
events.addEventListener("ok", hideOverlay);
