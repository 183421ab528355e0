language-name = Français
site-title = Centre d’aide
skip-to-content = Aller au contenu
nav-home = Accueil
nav-breadcrumb = Fil d’Ariane
language-switcher = Langue
on-this-page = Sur cette page
related-articles = Articles connexes
available-for = Disponible pour
not-translated = Cet article n’est pas encore traduit en français ; il s’affiche dans sa langue d’origine.
home-heading = Comment pouvons-nous vous aider ?
home-intro = Parcourez les articles par thème.
section-general = Général
not-found-title = Page introuvable
not-found-text = La page que vous cherchez n’existe pas ou a été déplacée.
not-found-home = Retour à l’accueil du centre d’aide
redirect-text = Cette page a été déplacée. Si rien ne se passe, suivez ce lien :
footer-text = Généré avec helpgen.

offer-essential = Essential
offer-advanced = Advanced
offer-enterprise = Enterprise
offer-classic = Classic
offer-enterprise-on-premise = Enterprise on-premise

icon-calendar = Calendrier
icon-check = Terminé
icon-close = Fermer
icon-copy = Copier
icon-delete = Supprimer
icon-download = Télécharger
icon-edit = Modifier
icon-external-link = Ouvrir dans une nouvelle fenêtre
icon-filter = Filtrer
icon-info = Information
icon-item-add = Ajouter
icon-menu = Menu
icon-search = Rechercher
icon-settings = Paramètres
icon-warning = Avertissement

# Tableaux d'exigences ({% requirements NAME %}).
browser-edge = Microsoft Edge
browser-chrome = Google Chrome
browser-firefox = Mozilla Firefox
browser-safari = Apple Safari
req-browsers-caption = Navigateurs pris en charge
req-col-browser = Navigateur
req-col-versions = Versions prises en charge
req-col-popups = Fenêtres pop-up
req-versions = { $oldest } à { $latest } (dernière version au { $date })
req-popup-help = Autoriser les fenêtres pop-up
req-col-offer = Offre
req-ie-mode-caption = Microsoft Edge en mode Internet Explorer, par offre
req-col-ie-mode = Mode IE nécessaire
req-client-caption = Client injixo, par offre
req-col-client = Client nécessaire
req-need-no = Non
req-need-custom-features-only = Seulement pour les fonctionnalités personnalisées
req-need-yes = Oui
req-need-required-to-sign-in = Oui. Sans lui, impossible de se connecter.
req-firewall-caption = Règles de pare-feu
req-col-destination = Destination
req-col-protocol = Protocole
req-col-port = Port
req-col-direction = Sens
req-col-proxy = Via le proxy du navigateur
req-col-used-by = Utilisé par
req-legacy-port = { $port } pour les environnements créés avant { $year }
req-direction-inbound = Entrant
req-direction-outbound = Sortant
req-direction-both = Les deux
req-proxy-yes = Pris en charge
req-proxy-no = Non pris en charge : connexion directe nécessaire
req-used-by-all-pages = Toutes les pages d'injixo (HTTPS)
req-used-by-activex-features = Fonctionnalités à composants ActiveX
req-websockets-caption = Sans WebSockets, par offre
req-col-without-websockets = Si les WebSockets sont bloqués
req-fallback-slower = Le centre des équipes passe à un mode de secours plus lent ; les autres vues en direct ne se mettent plus à jour
req-fallback-none = Les vues en direct ne se mettent plus à jour
req-bandwidth-caption = Trafic réseau, tous les utilisateurs connectés
req-col-seats = Postes
req-col-mb-per-hour = Trafic par heure
req-bandwidth-range = { $min } à { $max } Mo
req-bandwidth-reference = mesuré

# Le sélecteur d'offre et les pages par offre.
offer-filter-label = Votre offre
offer-filter-all = Toutes les offres
offer-filter-status-all = Articles de toutes les offres affichés.
offer-filter-status = { $count } articles affichés pour { $offer }.
offer-filter-status-page = Affichage de ce qui concerne { $offer }.
offer-pages-heading = Articles par offre
offer-page-title = Articles pour { $offer }
offer-page-empty = Aucun article n'est encore associé à cette offre.
offer-page-all = Tous les articles

# Le champ de recherche de l’en-tête.
search-label = Rechercher dans le centre d’aide
search-placeholder = Rechercher
search-submit = Rechercher
search-status-results = Résultats pour « { $query } » : { $count }
search-status-results-offer = Résultats pour « { $query } » dans { $offer } : { $count }
search-status-none = Aucun résultat pour « { $query } ».
search-unavailable = La recherche n’est pas disponible pour le moment.

# La vérification du poste ({% selfcheck %}). Les mots entre { $accolades }
# sont remplis par le script de la page.
selfcheck-label = Vérifier votre poste
selfcheck-noscript = La vérification du poste nécessite JavaScript. Les tableaux de cette page donnent tous les prérequis.
selfcheck-seats = Postes dans votre équipe
selfcheck-run = Lancer la vérification
selfcheck-copy = Copier les résultats
selfcheck-copied = Les résultats sont copiés.
selfcheck-copy-failed = Les résultats n’ont pas pu être copiés. Sélectionnez le texte ci-dessous et copiez-le.
selfcheck-text-label = Résultats en texte
selfcheck-running = Vérification en cours…
selfcheck-done = Vérification terminée. Réussis : { $pass }, avertissements : { $warn }, échecs : { $fail }.
selfcheck-verdict-pass = Réussi
selfcheck-verdict-warn = Avertissement
selfcheck-verdict-fail = Échec
selfcheck-verdict-na = Sans objet
selfcheck-check-browser = Navigateur
selfcheck-check-ie-mode = Microsoft Edge en mode IE
selfcheck-check-client = Client injixo
selfcheck-check-popups = Fenêtres pop-up
selfcheck-check-endpoints = Connexions
selfcheck-check-bandwidth = Bande passante
selfcheck-browser-supported = { $browser } { $version } est pris en charge (versions { $oldest } à { $latest }).
selfcheck-browser-newer = { $browser } { $version } est plus récent que la dernière version connue ({ $latest }) ; il devrait fonctionner.
selfcheck-browser-outdated = { $browser } { $version } est plus ancien que la plus ancienne version prise en charge, { $oldest }.
selfcheck-browser-outdated-next = Mettez { $browser } à jour.
selfcheck-browser-no-version = { $browser } n’indique pas sa version.
selfcheck-browser-no-version-next = Vérifiez qu’il s’agit de la version { $oldest } ou d’une version plus récente.
selfcheck-browser-unsupported = Ce navigateur n’est pas pris en charge.
selfcheck-browser-unsupported-next = Utilisez l’un de ces navigateurs : { $browsers }.
selfcheck-offer-none = Aucune offre choisie.
selfcheck-offer-none-next = Choisissez votre offre dans « Votre offre » en haut de la page, puis relancez la vérification.
selfcheck-ie-mode-need-no = { $offer } n’a pas besoin de Microsoft Edge en mode IE.
selfcheck-ie-mode-need-custom-features-only = { $offer } a besoin de Microsoft Edge en mode IE pour les fonctionnalités personnalisées seulement.
selfcheck-ie-mode-need-yes = { $offer } a besoin de Microsoft Edge en mode IE.
selfcheck-ie-mode-need-required-to-sign-in = Sans Microsoft Edge en mode IE, impossible de se connecter à { $offer }.
selfcheck-ie-mode-edge = Ce navigateur est Microsoft Edge, qui dispose du mode IE.
selfcheck-ie-mode-edge-next = Demandez à votre administrateur d’activer le mode IE pour le site injixo.
selfcheck-ie-mode-other = Le mode IE n’existe que dans Microsoft Edge.
selfcheck-ie-mode-other-next = Utilisez Microsoft Edge en mode IE pour ces fonctionnalités.
selfcheck-client-need-no = { $offer } n’a pas besoin du client injixo.
selfcheck-client-need-custom-features-only = { $offer } a besoin du client injixo pour les fonctionnalités personnalisées seulement.
selfcheck-client-need-yes = { $offer } a besoin du client injixo.
selfcheck-client-need-required-to-sign-in = Sans le client injixo, impossible de se connecter à { $offer }.
selfcheck-client-unseen = Une page web ne peut pas savoir si le client est installé.
selfcheck-client-needed-next = Vérifiez que le client injixo est installé sur cet ordinateur.
selfcheck-popups-allowed = Les fenêtres pop-up sont autorisées pour ce site.
selfcheck-popups-blocked = Les fenêtres pop-up sont bloquées pour ce site.
selfcheck-popups-blocked-next = Autorisez les fenêtres pop-up pour ce site : { $help }
selfcheck-endpoints-reached = Adresses atteintes : { $passed } sur { $total }.
selfcheck-endpoints-slowest = La plus lente a répondu en { $ms } ms.
selfcheck-endpoints-failed = Non atteintes :
selfcheck-endpoints-timeout = Aucune réponse en { $seconds } s :
selfcheck-endpoints-next = Demandez à votre service informatique d’autoriser ces adresses dans le pare-feu et le proxy.
selfcheck-endpoints-none = Les prérequis ne donnent aucune adresse à tester.
selfcheck-bandwidth-result = Mesuré : { $measured } Mbit/s. { $seats } postes ont besoin de { $min } à { $max } Mo par heure, jusqu’à { $need } Mbit/s.
selfcheck-bandwidth-failed = Le test de téléchargement n’a pas abouti.
selfcheck-bandwidth-next = Demandez à votre service informatique si la connexion peut absorber ce trafic.
selfcheck-report-date = Date : { $date }
selfcheck-report-page = Page : { $url }
selfcheck-report-language = Langue : { $lang }
selfcheck-report-offer = Offre : { $offer }
selfcheck-report-agent = Agent utilisateur : { $agent }

# Les éléments de page du thème.
home-description = Réponses, guides et prérequis, par thème et par offre.
offer-page-description = Tous les articles d’aide qui concernent { $offer }.
dark-mode = Mode sombre
menu = Rubriques
nav-sections = Rubriques
nav-more = Les { $count } articles de cette rubrique
search-shortcut = Raccourci clavier : Contrôle K
section-count = { $count ->
    [one] 1 article
   *[other] { $count } articles
}
offer-mismatch = Cet article ne concerne pas { $offer }.
offer-mismatch-link = Voir les articles pour { $offer }.
last-updated = Mis à jour le { $day } { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
feedback-question = Cet article vous a-t-il aidé ?
feedback-yes = Oui
feedback-no = Non
feedback-thanks = Merci pour votre réponse.
feedback-failed = Votre réponse n’a pas pu être envoyée. Veuillez réessayer plus tard.
feedback-contact = Dites-nous en plus sur cet article
pager-label = Article précédent et suivant
pager-previous = Précédent
pager-next = Suivant
icon-arrow-left = Retour
icon-arrow-right = Suite
icon-book = Guide
icon-globe = Langue
icon-moon = Mode sombre
icon-rocket = Premiers pas
icon-section = Rubrique
copy-markdown = Copier en Markdown
copy-markdown-done = Article copié en Markdown.
copy-markdown-failed = L’article n’a pas pu être copié. Sa version Markdown se trouve à index.md à côté de cette page.
