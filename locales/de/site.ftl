site-title = injixo Hilfe-Center
section-getting-started = Erste Schritte
section-features = Funktionen
section-support = Support
section-getting-started-description = Konto einrichten, Team einladen und zurechtfinden.
section-features-description = Was jeder Teil von injixo leistet und wie Sie ihn im Alltag nutzen.
section-support-description = Anforderungen, Fehlerbehebung und wie Sie uns erreichen.
