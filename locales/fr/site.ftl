site-title = Centre d’aide injixo
section-getting-started = Premiers pas
section-features = Fonctionnalités
section-support = Assistance
