language-name = Deutsch
site-title = Hilfe-Center
skip-to-content = Zum Inhalt springen
nav-home = Startseite
nav-breadcrumb = Brotkrumennavigation
language-switcher = Sprache
on-this-page = Auf dieser Seite
related-articles = Verwandte Artikel
available-for = Verfügbar für
not-translated = Dieser Artikel ist noch nicht ins Deutsche übersetzt und wird daher in seiner Originalsprache angezeigt.
home-heading = Wie können wir helfen?
home-intro = Durchsuchen Sie die Artikel nach Thema.
section-general = Allgemein
not-found-title = Seite nicht gefunden
not-found-text = Die gesuchte Seite existiert nicht oder wurde verschoben.
not-found-home = Zur Startseite des Hilfe-Centers
redirect-text = Diese Seite wurde verschoben. Falls nichts passiert, folgen Sie diesem Link:
footer-text = Erstellt mit helpgen.

offer-essential = Essential
offer-advanced = Advanced
offer-enterprise = Enterprise
offer-classic = Classic
offer-enterprise-on-premise = Enterprise On-Premise

icon-calendar = Kalender
icon-check = Erledigt
icon-close = Schließen
icon-copy = Kopieren
icon-delete = Löschen
icon-download = Herunterladen
icon-edit = Bearbeiten
icon-external-link = In neuem Fenster öffnen
icon-filter = Filtern
icon-info = Information
icon-item-add = Hinzufügen
icon-menu = Menü
icon-search = Suchen
icon-settings = Einstellungen
icon-warning = Warnung

# Anforderungstabellen ({% requirements NAME %}).
browser-edge = Microsoft Edge
browser-chrome = Google Chrome
browser-firefox = Mozilla Firefox
browser-safari = Apple Safari
req-browsers-caption = Unterstützte Browser
req-col-browser = Browser
req-col-versions = Unterstützte Versionen
req-col-popups = Pop-ups
req-versions = { $oldest } bis { $latest } (neueste Version am { $date })
req-popup-help = Pop-ups zulassen
req-col-offer = Angebot
req-ie-mode-caption = Microsoft Edge im Internet-Explorer-Modus, nach Angebot
req-col-ie-mode = IE-Modus nötig
req-client-caption = injixo Client, nach Angebot
req-col-client = Client nötig
req-need-no = Nein
req-need-custom-features-only = Nur für kundenspezifische Funktionen
req-need-yes = Ja
req-need-required-to-sign-in = Ja. Ohne ihn ist keine Anmeldung möglich.
req-firewall-caption = Firewall-Regeln
req-col-destination = Ziel
req-col-protocol = Protokoll
req-col-port = Port
req-col-direction = Richtung
req-col-proxy = Über den Browser-Proxy
req-col-used-by = Verwendet von
req-legacy-port = { $port } für Umgebungen, die vor { $year } angelegt wurden
req-direction-inbound = Eingehend
req-direction-outbound = Ausgehend
req-direction-both = Beide
req-proxy-yes = Unterstützt
req-proxy-no = Nicht unterstützt: direkte Verbindung nötig
req-used-by-all-pages = Alle injixo Seiten (HTTPS)
req-used-by-activex-features = Funktionen mit ActiveX-Komponenten
req-websockets-caption = Ohne WebSockets, nach Angebot
req-col-without-websockets = Wenn WebSockets blockiert sind
req-fallback-slower = Das Schichtcenter wechselt in einen langsameren Ersatzmodus; andere Live-Ansichten werden nicht mehr aktualisiert
req-fallback-none = Live-Ansichten werden nicht mehr aktualisiert
req-bandwidth-caption = Netzwerkverkehr, alle Benutzer angemeldet
req-col-seats = Arbeitsplätze
req-col-mb-per-hour = Verkehr pro Stunde
req-bandwidth-range = { $min } bis { $max } MB
req-bandwidth-reference = gemessen

# Die Angebotsauswahl und die Seiten je Angebot.
offer-filter-label = Ihr Angebot
offer-filter-all = Alle Angebote
offer-filter-status-all = Artikel aller Angebote werden angezeigt.
offer-filter-status = { $count } Artikel für { $offer } werden angezeigt.
offer-filter-status-page = Angezeigt wird, was für { $offer } gilt.
offer-pages-heading = Artikel nach Angebot
offer-page-title = Artikel für { $offer }
offer-page-empty = Diesem Angebot ist noch kein Artikel zugeordnet.
offer-page-all = Alle Artikel

# Das Suchfeld in der Kopfzeile.
search-label = Im Hilfe-Center suchen
search-placeholder = Suchen
search-submit = Suchen
search-status-results = Ergebnisse für „{ $query }“: { $count }
search-status-results-offer = Ergebnisse für „{ $query }“ in { $offer }: { $count }
search-status-none = Keine Ergebnisse für „{ $query }“.
search-unavailable = Die Suche ist gerade nicht verfügbar.

# Die Arbeitsplatzprüfung ({% selfcheck %}). Wörter in { $Klammern } setzt
# das Skript der Seite ein.
selfcheck-label = Arbeitsplatz prüfen
selfcheck-noscript = Die Arbeitsplatzprüfung benötigt JavaScript. Die Tabellen auf dieser Seite nennen alle Voraussetzungen.
selfcheck-seats = Arbeitsplätze in Ihrem Team
selfcheck-run = Prüfung starten
selfcheck-copy = Ergebnisse kopieren
selfcheck-copied = Die Ergebnisse wurden kopiert.
selfcheck-copy-failed = Die Ergebnisse konnten nicht kopiert werden. Markieren Sie den Text unten und kopieren Sie ihn.
selfcheck-text-label = Ergebnisse als Text
selfcheck-running = Prüfung läuft…
selfcheck-done = Prüfung beendet. Bestanden: { $pass }, Warnungen: { $warn }, fehlgeschlagen: { $fail }.
selfcheck-verdict-pass = Bestanden
selfcheck-verdict-warn = Warnung
selfcheck-verdict-fail = Fehlgeschlagen
selfcheck-verdict-na = Nicht zutreffend
selfcheck-check-browser = Browser
selfcheck-check-ie-mode = Microsoft Edge im IE-Modus
selfcheck-check-client = injixo Client
selfcheck-check-popups = Pop-ups
selfcheck-check-endpoints = Verbindungen
selfcheck-check-bandwidth = Bandbreite
selfcheck-browser-supported = { $browser } { $version } wird unterstützt (Versionen { $oldest } bis { $latest }).
selfcheck-browser-newer = { $browser } { $version } ist neuer als die zuletzt erfasste Version ({ $latest }) und sollte funktionieren.
selfcheck-browser-outdated = { $browser } { $version } ist älter als die älteste unterstützte Version, { $oldest }.
selfcheck-browser-outdated-next = Aktualisieren Sie { $browser }.
selfcheck-browser-no-version = { $browser } nennt seine Version nicht.
selfcheck-browser-no-version-next = Stellen Sie sicher, dass es Version { $oldest } oder neuer ist.
selfcheck-browser-unsupported = Dieser Browser wird nicht unterstützt.
selfcheck-browser-unsupported-next = Verwenden Sie einen dieser Browser: { $browsers }.
selfcheck-offer-none = Kein Angebot gewählt.
selfcheck-offer-none-next = Wählen Sie oben auf der Seite unter „Ihr Angebot“ Ihr Angebot und starten Sie die Prüfung erneut.
selfcheck-ie-mode-need-no = { $offer } braucht Microsoft Edge im IE-Modus nicht.
selfcheck-ie-mode-need-custom-features-only = { $offer } braucht Microsoft Edge im IE-Modus nur für kundenspezifische Funktionen.
selfcheck-ie-mode-need-yes = { $offer } braucht Microsoft Edge im IE-Modus.
selfcheck-ie-mode-need-required-to-sign-in = Ohne Microsoft Edge im IE-Modus ist bei { $offer } keine Anmeldung möglich.
selfcheck-ie-mode-edge = Dies ist Microsoft Edge, das den IE-Modus hat.
selfcheck-ie-mode-edge-next = Bitten Sie Ihre Administration, den IE-Modus für die injixo Website einzuschalten.
selfcheck-ie-mode-other = Den IE-Modus gibt es nur in Microsoft Edge.
selfcheck-ie-mode-other-next = Verwenden Sie für diese Funktionen Microsoft Edge im IE-Modus.
selfcheck-client-need-no = { $offer } braucht den injixo Client nicht.
selfcheck-client-need-custom-features-only = { $offer } braucht den injixo Client nur für kundenspezifische Funktionen.
selfcheck-client-need-yes = { $offer } braucht den injixo Client.
selfcheck-client-need-required-to-sign-in = Ohne den injixo Client ist bei { $offer } keine Anmeldung möglich.
selfcheck-client-unseen = Eine Webseite kann nicht erkennen, ob der Client installiert ist.
selfcheck-client-needed-next = Stellen Sie sicher, dass der injixo Client auf diesem Computer installiert ist.
selfcheck-popups-allowed = Pop-ups sind für diese Website erlaubt.
selfcheck-popups-blocked = Pop-ups sind für diese Website blockiert.
selfcheck-popups-blocked-next = Erlauben Sie Pop-ups für diese Website: { $help }
selfcheck-endpoints-reached = Erreichte Adressen: { $passed } von { $total }.
selfcheck-endpoints-slowest = Die langsamste antwortete in { $ms } ms.
selfcheck-endpoints-failed = Nicht erreicht:
selfcheck-endpoints-timeout = Keine Antwort innerhalb von { $seconds } s:
selfcheck-endpoints-next = Bitten Sie Ihre IT, diese Adressen in Firewall und Proxy freizugeben.
selfcheck-endpoints-none = Die Voraussetzungen nennen keine Adresse zum Testen.
selfcheck-bandwidth-result = Gemessen: { $measured } Mbit/s. { $seats } Arbeitsplätze brauchen { $min } bis { $max } MB pro Stunde, bis zu { $need } Mbit/s.
selfcheck-bandwidth-failed = Der Download-Test wurde nicht beendet.
selfcheck-bandwidth-next = Fragen Sie Ihre IT, ob die Verbindung diesen Datenverkehr tragen kann.
selfcheck-report-date = Datum: { $date }
selfcheck-report-page = Seite: { $url }
selfcheck-report-language = Sprache: { $lang }
selfcheck-report-offer = Angebot: { $offer }
selfcheck-report-agent = User-Agent: { $agent }

# Die Seitenelemente des Themes.
home-description = Antworten, Anleitungen und Anforderungen, nach Thema und nach Angebot.
offer-page-description = Alle Hilfeartikel, die für { $offer } gelten.
dark-mode = Dunkler Modus
menu = Bereiche
nav-sections = Bereiche
nav-more = Alle { $count } Artikel dieses Bereichs
search-shortcut = Tastenkürzel: Strg K
section-count = { $count ->
    [one] 1 Artikel
   *[other] { $count } Artikel
}
offer-mismatch = Dieser Artikel gilt nicht für { $offer }.
offer-mismatch-link = Zu den Artikeln für { $offer }.
last-updated = Aktualisiert am { $day }. { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
feedback-question = War dieser Artikel hilfreich?
feedback-yes = Ja
feedback-no = Nein
feedback-thanks = Danke für Ihre Antwort.
feedback-failed = Ihre Antwort konnte nicht gesendet werden. Bitte versuchen Sie es später noch einmal.
feedback-contact = Sagen Sie uns mehr zu diesem Artikel
pager-label = Vorheriger und nächster Artikel
pager-previous = Zurück
pager-next = Weiter
icon-arrow-left = Zurück
icon-arrow-right = Weiter
icon-book = Anleitung
icon-globe = Sprache
icon-moon = Dunkler Modus
icon-rocket = Erste Schritte
icon-section = Bereich
copy-markdown = Als Markdown kopieren
copy-markdown-done = Als Markdown kopiert.
copy-markdown-failed = Der Artikel konnte nicht kopiert werden. Die Markdown-Fassung liegt unter index.md neben dieser Seite.
