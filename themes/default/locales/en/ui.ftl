# UI strings of the default theme. A site overrides any message by defining
# it again in locales/<lang>/*.ftl.

# The language's own name, shown in the language switcher.
language-name = English
site-title = Help Center
skip-to-content = Skip to content
nav-home = Home
nav-breadcrumb = Breadcrumb
language-switcher = Language
on-this-page = On this page
related-articles = Related articles
available-for = Available for
not-translated = This article is not translated into English yet, so it is shown in its original language.
home-heading = How can we help?
home-intro = Browse the articles by topic.
section-general = General
not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved.
not-found-home = Go to the help center home page
redirect-text = This page has moved. If nothing happens, follow this link:
footer-text = Generated with helpgen.

offer-essential = Essential
offer-advanced = Advanced
offer-enterprise = Enterprise
offer-classic = Classic
offer-enterprise-on-premise = Enterprise on-premise

# The offer selector and the offer pages.
offer-filter-label = Your offer
offer-filter-all = All offers
offer-filter-status-all = Showing the articles for all offers.
offer-filter-status = Showing { $count } articles for { $offer }.
offer-filter-status-page = Showing what applies to { $offer }.
offer-pages-heading = Articles by offer
offer-page-title = Articles for { $offer }
offer-page-empty = No article is labelled for this offer yet.
offer-page-all = All articles

# The search box in the header.
search-label = Search the help center
search-placeholder = Search
search-submit = Search
search-status-results = Results for “{ $query }”: { $count }
search-status-results-offer = Results for “{ $query }” in { $offer }: { $count }
search-status-none = No results for “{ $query }”.
search-unavailable = Search is not available right now.

# Accessible names of the icons that {% icon NAME %} inserts in articles.
icon-calendar = Calendar
icon-check = Done
icon-close = Close
icon-copy = Copy
icon-delete = Delete
icon-download = Download
icon-edit = Edit
icon-external-link = Open in a new window
icon-filter = Filter
icon-info = Information
icon-item-add = Add
icon-menu = Menu
icon-search = Search
icon-settings = Settings
icon-warning = Warning

# Requirement tables ({% requirements NAME %}).
browser-edge = Microsoft Edge
browser-chrome = Google Chrome
browser-firefox = Mozilla Firefox
browser-safari = Apple Safari
req-browsers-caption = Supported browsers
req-col-browser = Browser
req-col-versions = Supported versions
req-col-popups = Pop-ups
req-versions = { $oldest } to { $latest } (latest version on { $date })
req-popup-help = How to allow pop-ups
req-col-offer = Offer
req-ie-mode-caption = Microsoft Edge in Internet Explorer mode, by offer
req-col-ie-mode = IE mode needed
req-client-caption = injixo client, by offer
req-col-client = Client needed
req-need-no = No
req-need-custom-features-only = Only for custom features
req-need-yes = Yes
req-need-required-to-sign-in = Yes. Without it, you can't sign in.
req-firewall-caption = Firewall rules
req-col-destination = Destination
req-col-protocol = Protocol
req-col-port = Port
req-col-direction = Direction
req-col-proxy = Through a browser proxy
req-col-used-by = Used by
req-legacy-port = { $port } for environments created before { $year }
req-direction-inbound = Inbound
req-direction-outbound = Outbound
req-direction-both = Both
req-proxy-yes = Supported
req-proxy-no = Not supported: direct connection needed
req-used-by-all-pages = All injixo pages (HTTPS)
req-used-by-activex-features = Features with ActiveX components
req-websockets-caption = Without WebSockets, by offer
req-col-without-websockets = If WebSockets are blocked
req-fallback-slower = The shift center switches to a slower fallback; other live views stop updating
req-fallback-none = Live views stop updating
req-bandwidth-caption = Network traffic with every user signed in
req-col-seats = Seats
req-col-mb-per-hour = Traffic per hour
req-bandwidth-range = { $min } to { $max } MB
req-bandwidth-reference = measured

# The workstation check ({% selfcheck %}). Words in { $braces } are filled in
# by the page's script.
selfcheck-label = Check your workstation
selfcheck-noscript = The workstation check needs JavaScript. The tables on this page list every requirement.
selfcheck-seats = Seats in your team
selfcheck-run = Run the check
selfcheck-copy = Copy the results
selfcheck-copied = The results are copied.
selfcheck-copy-failed = The results could not be copied. Select the text below and copy it.
selfcheck-text-label = Results as text
selfcheck-running = Checking…
selfcheck-done = Check finished. Passed: { $pass }, warnings: { $warn }, failed: { $fail }.
selfcheck-verdict-pass = Pass
selfcheck-verdict-warn = Warning
selfcheck-verdict-fail = Fail
selfcheck-verdict-na = Not applicable
selfcheck-check-browser = Browser
selfcheck-check-ie-mode = Microsoft Edge in IE mode
selfcheck-check-client = injixo client
selfcheck-check-popups = Pop-ups
selfcheck-check-endpoints = Connections
selfcheck-check-bandwidth = Bandwidth
selfcheck-browser-supported = { $browser } { $version } is supported (versions { $oldest } to { $latest }).
selfcheck-browser-newer = { $browser } { $version } is newer than the latest version on record ({ $latest }), so it should work.
selfcheck-browser-outdated = { $browser } { $version } is older than the oldest supported version, { $oldest }.
selfcheck-browser-outdated-next = Update { $browser }.
selfcheck-browser-no-version = { $browser } does not tell its version.
selfcheck-browser-no-version-next = Make sure it is version { $oldest } or newer.
selfcheck-browser-unsupported = This browser is not supported.
selfcheck-browser-unsupported-next = Use one of these: { $browsers }.
selfcheck-offer-none = No offer chosen.
selfcheck-offer-none-next = Choose your offer in “Your offer” at the top of the page, then run the check again.
selfcheck-ie-mode-need-no = { $offer } does not need Microsoft Edge in IE mode.
selfcheck-ie-mode-need-custom-features-only = { $offer } needs Microsoft Edge in IE mode for custom features only.
selfcheck-ie-mode-need-yes = { $offer } needs Microsoft Edge in IE mode.
selfcheck-ie-mode-need-required-to-sign-in = { $offer } needs Microsoft Edge in IE mode to sign in.
selfcheck-ie-mode-edge = This is Microsoft Edge, which has IE mode.
selfcheck-ie-mode-edge-next = Ask your administrator to turn on IE mode for the injixo site.
selfcheck-ie-mode-other = IE mode exists only in Microsoft Edge.
selfcheck-ie-mode-other-next = Use Microsoft Edge with IE mode for these features.
selfcheck-client-need-no = { $offer } does not need the injixo client.
selfcheck-client-need-custom-features-only = { $offer } needs the injixo client for custom features only.
selfcheck-client-need-yes = { $offer } needs the injixo client.
selfcheck-client-need-required-to-sign-in = { $offer } needs the injixo client to sign in.
selfcheck-client-unseen = A web page cannot see whether the client is installed.
selfcheck-client-needed-next = Make sure the injixo client is installed on this computer.
selfcheck-popups-allowed = Pop-ups are allowed for this site.
selfcheck-popups-blocked = Pop-ups are blocked for this site.
selfcheck-popups-blocked-next = Allow pop-ups for this site: { $help }
selfcheck-endpoints-reached = Addresses reached: { $passed } of { $total }.
selfcheck-endpoints-slowest = The slowest answered in { $ms } ms.
selfcheck-endpoints-failed = Not reached:
selfcheck-endpoints-timeout = No answer within { $seconds } s:
selfcheck-endpoints-next = Ask your IT team to allow these addresses through the firewall and the proxy.
selfcheck-endpoints-none = The requirements list no address to test.
selfcheck-bandwidth-result = Measured { $measured } Mbit/s. { $seats } seats need { $min } to { $max } MB per hour, up to { $need } Mbit/s.
selfcheck-bandwidth-failed = The download test did not finish.
selfcheck-bandwidth-next = Ask your IT team whether the connection can carry this traffic.
selfcheck-report-date = Date: { $date }
selfcheck-report-page = Page: { $url }
selfcheck-report-language = Language: { $lang }
selfcheck-report-offer = Offer: { $offer }
selfcheck-report-agent = User agent: { $agent }

# The theme's page furniture.
home-description = Answers, guides and requirements, by topic and by offer.
offer-page-description = Every help article that applies to { $offer }.
dark-mode = Dark mode
menu = Sections
nav-sections = Sections
nav-more = All { $count } articles of this section
search-shortcut = Keyboard shortcut: Control K
section-count = { $count ->
    [one] 1 article
   *[other] { $count } articles
}
offer-mismatch = This article does not apply to { $offer }.
offer-mismatch-link = See the articles for { $offer }.
last-updated = Updated on { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $day }, { $year }
feedback-question = Was this article helpful?
feedback-yes = Yes
feedback-no = No
feedback-thanks = Thank you for your answer.
feedback-failed = Your answer could not be sent. Please try again later.
feedback-contact = Tell us more about this article
pager-label = Previous and next article
pager-previous = Previous
pager-next = Next
icon-arrow-left = Back
icon-arrow-right = Forward
icon-book = Guide
icon-globe = Language
icon-moon = Dark mode
icon-rocket = Getting started
icon-section = Section
copy-markdown = Copy as Markdown
copy-markdown-done = Copied as Markdown.
copy-markdown-failed = The article could not be copied. Its Markdown is at index.md beside this page.
