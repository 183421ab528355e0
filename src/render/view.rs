//! The shapes templates see, and nothing else: every value a template may
//! read is here, always present (Tera 2 treats undefined values as errors).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::markdown::Heading;

/// What every page template receives, whatever the page.
#[derive(Debug, Serialize)]
pub struct Frame {
    pub lang: String,
    pub site_title: String,
    pub home_url: String,
    /// Root-relative URL of the theme assets, ending in `/`.
    pub assets: String,
    /// The page shows highlighted code and needs its stylesheet.
    pub code_styles: bool,
    /// The Content-Security-Policy for a `<meta http-equiv>`; empty for none.
    pub csp: String,
    pub description: String,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    /// The same page in every language, for the language switcher.
    pub translations: Vec<LanguageLink>,
    /// Every offer, for the offer selector, with its page in this language.
    pub offers: Vec<OfferLink>,
    /// Root-relative URL of the search bundle, ending in `/`; empty when the
    /// site has no search.
    pub search: String,
    /// Root-relative URL of the site root, which search results are relative to.
    pub site_root: String,
    /// The site has offers, and `css/offers.css` shows the chosen one.
    pub offer_styles: bool,
    /// "Was this helpful?": where answers go and where to say more; both
    /// empty when the site does not ask.
    pub feedback_url: String,
    pub feedback_contact: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfferLink {
    pub id: String,
    pub name: String,
    pub url: String,
    pub legacy: bool,
}

#[derive(Debug, Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct LanguageLink {
    pub lang: String,
    pub name: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct ArticleView {
    pub title: String,
    pub body: String,
    /// The body holds a `{% selfcheck %}`, whose script the page must load.
    pub selfcheck: bool,
    pub toc: Vec<Heading>,
    pub offers: Vec<OfferView>,
    pub related: Vec<LinkView>,
    /// The page shows another language's text.
    pub fallback: bool,
    pub content_lang: String,
    pub section: SectionRef,
    /// The article's own URL, absolute when the site has a base URL: what
    /// feedback names.
    pub url: String,
    /// The article's Markdown twin, beside the page.
    pub markdown_url: String,
    /// `[feedback] contact` prefilled with this page; empty without one.
    pub contact: String,
    /// When the article's file last changed in the site's git history.
    pub updated: Option<DateView>,
    pub previous: Option<LinkView>,
    pub next: Option<LinkView>,
    /// The sections of the language, the article's own unfolded.
    pub nav: Vec<NavSection>,
    /// The offers this article is not for, each with its own page: what a
    /// reader who chose one of them is told at the top.
    pub other_offers: Vec<OfferLink>,
    /// Front matter keys helpgen does not interpret, for custom templates.
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

#[derive(Debug, Serialize)]
pub struct OfferView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
    /// Set when the target is shown in another language than the reader's.
    pub lang: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    /// The section's `section-<id>-description` message; empty without one.
    pub description: String,
    /// The card's icon, as inline SVG.
    pub icon: String,
    pub articles: Vec<ArticleSummary>,
}

#[derive(Debug, Serialize)]
pub struct NavSection {
    pub id: String,
    pub title: String,
    pub count: usize,
    /// The open article is in this section.
    pub current: bool,
    /// Only part of the section is listed: link to all of it.
    pub more: bool,
    pub articles: Vec<NavArticle>,
}

#[derive(Debug, Serialize)]
pub struct NavArticle {
    pub title: String,
    pub url: String,
    pub lang: Option<String>,
    pub current: bool,
}

/// A date for `<time datetime="{iso}">`, with its parts for the message
/// that writes it out in the reader's language.
#[derive(Debug, Serialize)]
pub struct DateView {
    pub iso: String,
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub title: String,
    pub description: String,
    pub url: String,
    pub offers: Vec<String>,
    pub fallback: bool,
    pub content_lang: String,
}

impl From<crate::content::Date> for DateView {
    fn from(date: crate::content::Date) -> DateView {
        DateView { iso: date.iso(), year: date.year, month: date.month, day: date.day }
    }
}
