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
content-pending = This part of the article is being prepared.

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
