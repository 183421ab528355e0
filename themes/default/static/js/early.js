// Runs before the first paint, so the page is drawn once, as it stays: the
// `js` class shows the controls scripts drive (their space is never empty
// then filled), and the reader's remembered colour scheme and offer apply
// from the start. site.js checks the offer against the site's list later.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  function stored(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null; // Storage can be disabled: the defaults apply then.
    }
  }
  var theme = stored("helpgen-theme");
  if (theme === "dark" || theme === "light") root.setAttribute("data-theme", theme);
  var offer = new URLSearchParams(location.search).get("offer") || stored("helpgen-offer");
  if (offer) root.setAttribute("data-offer", offer);
})();
