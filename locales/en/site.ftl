site-title = injixo Help Center
section-getting-started = Getting started
section-features = Features
section-support = Support
