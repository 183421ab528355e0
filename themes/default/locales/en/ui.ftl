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
