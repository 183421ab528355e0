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
}

#[derive(Debug, Serialize)]
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
    pub articles: Vec<ArticleSummary>,
}

#[derive(Debug, Serialize)]
pub struct ArticleSummary {
    pub title: String,
    pub description: String,
    pub url: String,
    pub offers: Vec<String>,
    pub fallback: bool,
    pub content_lang: String,
}
