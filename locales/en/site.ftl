site-title = injixo Help Center
section-getting-started = Getting started
section-features = Features
section-support = Support
section-getting-started-description = Set up your account, invite your team and find your way around.
section-features-description = What each part of injixo does and how to use it day to day.
section-support-description = Requirements, troubleshooting and how to reach us.
