site-title = injixo Hilfe-Center
section-getting-started = Erste Schritte
section-features = Funktionen
section-support = Support
