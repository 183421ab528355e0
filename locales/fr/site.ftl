site-title = Centre d’aide injixo
section-getting-started = Premiers pas
section-features = Fonctionnalités
section-support = Assistance
section-getting-started-description = Configurez votre compte, invitez votre équipe et prenez vos repères.
section-features-description = Ce que fait chaque partie d’injixo et comment vous en servir au quotidien.
section-support-description = Prérequis, dépannage et comment nous joindre.
