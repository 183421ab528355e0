//! `llms.txt` files (the llmstxt.org format: a title, a summary, then
//! Markdown link lists under H2 headings) for assistants that read a help
//! center for a customer: one at the root naming the languages, one per
//! language, and one per language and offer with only that offer's articles;
//! and `llms-full.txt`, every article of a language in Markdown.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::contents::Section;
use super::view::ArticleSummary;
use super::{FileContent, OutputFile, Renderer};
use crate::config::BaseUrl;
use crate::ids::LangId;

impl Renderer<'_> {
    /// `/llms.txt`: the site's languages, each with its own list.
    pub(super) fn llms_root_file(&self) -> OutputFile {
        let names: Vec<(&str, String)> = (self.site.languages.all.iter())
            .map(|lang| (lang.as_str(), self.l10n.get_exact(lang, "language-name").unwrap_or_else(|| lang.to_string())))
            .collect();
        let entries: Vec<LanguageEntry> = names.iter().map(|(lang, name)| LanguageEntry { lang, name }).collect();
        let title = self.site_title(&self.site.languages.default);
        OutputFile::new("llms.txt", root(&self.config.base_url, &title, &entries))
    }

    /// A language's `llms.txt`, and one per offer.
    pub(super) fn language_llms_files(&self, lang: &LangId) -> Vec<OutputFile> {
        let base = &self.config.base_url;
        self.with_language_list(lang, |list| {
            let mut files = vec![OutputFile::new(format!("{lang}/llms.txt"), language(base, list, None))];
            for offer in &list.offers {
                let path = format!("{lang}/offers/{}/llms.txt", offer.id);
                files.push(OutputFile::new(path, language(base, list, Some(offer))));
            }
            files
        })
    }

    /// A language's `llms-full.txt`, its articles still to come.
    pub(super) fn full_text(&self, lang: &LangId) -> FullText {
        self.with_language_list(lang, |list| FullText::start(&self.config.base_url, lang, list))
    }

    fn with_language_list<T>(&self, lang: &LangId, make: impl FnOnce(&LanguageList) -> T) -> T {
        let title = self.site_title(lang);
        let summary = self.text_or(lang, "home-description", "");
        let titles: Vec<String> =
            self.contents().sections(lang).iter().map(|s| self.section_title(lang, &s.id)).collect();
        let offers = self.offer_links(lang);
        make(&LanguageList {
            lang: lang.as_str(),
            title: &title,
            summary: &summary,
            sections: self.contents().sections(lang).iter().zip(titles).collect(),
            offers: offers.iter().map(|o| OfferEntry { id: &o.id, name: &o.name }).collect(),
        })
    }
}

/// Every article of a language, in Markdown, in one file.
pub const FULL_FILE: &str = "llms-full.txt";

/// A language as the root file lists it.
pub struct LanguageEntry<'a> {
    pub lang: &'a str,
    pub name: &'a str,
}

/// An offer as a language's file lists it.
pub struct OfferEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// What a language's files are made of, already localized.
pub struct LanguageList<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    /// Sections in reading order, with their localized titles.
    pub sections: Vec<(&'a Section, String)>,
    pub offers: Vec<OfferEntry<'a>>,
}

/// `/llms.txt`: the site and a link to each language's list.
pub fn root(base: &BaseUrl, title: &str, languages: &[LanguageEntry]) -> String {
    let mut text = format!("# {}\n\n", line(title));
    let names: Vec<&str> = languages.iter().map(|l| l.name).collect();
    let _ = writeln!(
        text,
        "> A software help center in {}. Each language lists its articles, and the articles of each offer.\n",
        names.join(", ")
    );
    text.push_str("## Languages\n\n");
    for language in languages {
        let url = base.url_of(&format!("{}/llms.txt", language.lang));
        let _ = writeln!(text, "- [{}]({url}): the articles in {}", line(language.name), line(language.name));
    }
    text
}

/// `/<lang>/llms.txt` (offer `None`) or `/<lang>/offers/<offer>/llms.txt`:
/// the articles by section, with the offer files linked from the first.
pub fn language(base: &BaseUrl, list: &LanguageList, offer: Option<&OfferEntry>) -> String {
    let mut text = format!("# {}\n\n", line(list.title));
    match offer {
        Some(offer) => {
            let _ = writeln!(text, "> {} Only the articles that apply to {}.\n", line(list.summary), line(offer.name));
        }
        None if !list.summary.is_empty() => {
            let _ = writeln!(text, "> {}\n", line(list.summary));
        }
        None => {}
    }
    for (section, title) in &list.sections {
        let articles: Vec<&ArticleSummary> =
            section.articles.iter().filter(|a| offer.is_none_or(|o| applies(a, o.id))).collect();
        if articles.is_empty() {
            continue;
        }
        let _ = writeln!(text, "## {}\n", line(title));
        for article in articles {
            text.push_str(&entry(base, article));
        }
        text.push('\n');
    }
    if offer.is_none() {
        text.push_str("## Optional\n\n");
        let url = base.url_of(&format!("{}/{FULL_FILE}", list.lang));
        let _ = writeln!(text, "- [Every article in full]({url}): the text of all the articles above, in Markdown");
        for other in &list.offers {
            let url = base.url_of(&format!("{}/offers/{}/llms.txt", list.lang, other.id));
            let _ = writeln!(text, "- [{}]({url}): only the articles for {}", line(other.name), line(other.name));
        }
    }
    text
}

/// `/<lang>/llms-full.txt`: the articles in the order of their sections,
/// each under its title as a level-1 heading with its address, offers and
/// description, then its Markdown twin's body. Written as the twins are
/// made, in that order, and handed over in pieces: the file is most of a
/// language's words, too much to hold at 10,000 articles.
pub struct FullText {
    lang: LangId,
    /// What is not handed over yet.
    text: String,
    /// A first piece is handed over: the next ones continue the file.
    begun: bool,
    origin: String,
    /// Section titles, by the section's place in the language.
    section_titles: Vec<String>,
    /// Offer names by id.
    offer_names: HashMap<String, String>,
}

impl FullText {
    /// The file's title and summary, before any article.
    pub fn start(base: &BaseUrl, lang: &LangId, list: &LanguageList) -> FullText {
        let mut text = format!("# {}\n\n", line(list.title));
        let summary = if list.summary.is_empty() { String::new() } else { format!("{} ", line(list.summary)) };
        let _ = writeln!(text, "> {summary}Every article of this language, in Markdown, section by section.\n");
        FullText {
            lang: lang.clone(),
            text,
            begun: false,
            origin: base.origin().to_string(),
            section_titles: list.sections.iter().map(|(_, title)| title.clone()).collect(),
            offer_names: list.offers.iter().map(|o| (o.id.to_string(), o.name.to_string())).collect(),
        }
    }

    /// The text written since the last piece, as the file's beginning or
    /// its continuation; `None` if there is none.
    pub fn take_piece(&mut self) -> Option<OutputFile> {
        if self.text.is_empty() && self.begun {
            return None;
        }
        let path = format!("{}/{FULL_FILE}", self.lang);
        let bytes = std::mem::take(&mut self.text).into_bytes();
        let content = if self.begun { FileContent::Appended(bytes) } else { FileContent::Bytes(bytes) };
        self.begun = true;
        Some(OutputFile { path, content })
    }

    pub fn lang(&self) -> &LangId {
        &self.lang
    }

    /// Appends `article`, of the section at place `section`, with the body
    /// of its twin. Articles come in the order of their sections.
    pub fn add(&mut self, section: usize, article: &ArticleSummary, body: &str) {
        let text = &mut self.text;
        let _ = writeln!(text, "---\n\n# {}\n", line(&article.title));
        let _ = writeln!(text, "- Address: {}{}", self.origin, article.url.replace(' ', "%20"));
        if let Some(title) = self.section_titles.get(section) {
            let _ = writeln!(text, "- Section: {}", line(title));
        }
        if !article.offers.is_empty() {
            let names = &self.offer_names;
            let offers: Vec<&str> =
                article.offers.iter().map(|o| names.get(o).map_or(o.as_str(), String::as_str)).collect();
            let _ = writeln!(text, "- Offers: {}", offers.join(", "));
        }
        if article.fallback {
            let _ = writeln!(text, "- Not translated: the text is in {}", article.content_lang);
        }
        if !article.description.is_empty() {
            let _ = writeln!(text, "\n> {}", line(&article.description));
        }
        text.push('\n');
        text.push_str(body);
        if !text.ends_with("\n\n") {
            text.push('\n');
        }
    }
}

/// An article without offers is for every offer.
fn applies(article: &ArticleSummary, offer: &str) -> bool {
    article.offers.is_empty() || article.offers.iter().any(|o| o == offer)
}

/// `- [Title](url): description`, saying when the text is another
/// language's because the article is not translated.
fn entry(base: &BaseUrl, article: &ArticleSummary) -> String {
    let url = format!("{}{}", base.origin(), article.url);
    let mut text = format!("- [{}]({})", link_text(&article.title), url.replace(' ', "%20"));
    let mut notes = Vec::new();
    if article.fallback {
        notes.push(format!("not translated, in {}", article.content_lang));
    }
    if !article.description.is_empty() {
        notes.push(line(&article.description));
    }
    if !notes.is_empty() {
        text.push_str(": ");
        text.push_str(&notes.join("; "));
    }
    text.push('\n');
    text
}

/// Text on one line: a line break in a title or description would end the
/// list item, or start a heading.
fn line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Link text whose brackets cannot end the link early.
fn link_text(text: &str) -> String {
    line(text).replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(title: &str, url: &str, offers: &[&str], fallback: bool) -> ArticleSummary {
        ArticleSummary {
            title: title.to_string(),
            description: "What it does.\nIn two lines.".to_string(),
            url: url.to_string(),
            offers: offers.iter().map(|o| o.to_string()).collect(),
            fallback,
            content_lang: if fallback { "en" } else { "fr" }.to_string(),
        }
    }

    fn sections() -> Vec<Section> {
        vec![Section {
            id: "guide".to_string(),
            articles: vec![
                summary("Planifier [vite]", "/fr/plan/", &[], false),
                summary("Pro", "/fr/pro/", &["advanced"], true),
            ],
        }]
    }

    #[test]
    fn a_language_lists_its_sections_and_links_its_offer_files() {
        let base = BaseUrl::parse("https://help.example.com/").expect("base");
        let sections = sections();
        let offers =
            vec![OfferEntry { id: "advanced", name: "Advanced" }, OfferEntry { id: "classic", name: "Classic" }];
        let list = LanguageList {
            lang: "fr",
            title: "Centre d’aide",
            summary: "Réponses par thème.",
            sections: vec![(&sections[0], "Guide".to_string())],
            offers,
        };
        let text = language(&base, &list, None);
        assert_eq!(
            text,
            "# Centre d’aide\n\n> Réponses par thème.\n\n## Guide\n\n\
             - [Planifier \\[vite\\]](https://help.example.com/fr/plan/): What it does. In two lines.\n\
             - [Pro](https://help.example.com/fr/pro/): not translated, in en; What it does. In two lines.\n\n\
             ## Optional\n\n\
             - [Every article in full](https://help.example.com/fr/llms-full.txt): the text of all the articles above, in Markdown\n\
             - [Advanced](https://help.example.com/fr/offers/advanced/llms.txt): only the articles for Advanced\n\
             - [Classic](https://help.example.com/fr/offers/classic/llms.txt): only the articles for Classic\n"
        );
        let classic = language(&base, &list, Some(&list.offers[1]));
        assert!(classic.contains("Planifier") && !classic.contains("/fr/pro/"), "{classic}");
        assert!(!classic.contains("## Optional"), "{classic}");
        assert!(language(&base, &list, Some(&list.offers[0])).contains("/fr/pro/"));
    }

    #[test]
    fn the_root_names_each_language_file() {
        let base = BaseUrl::parse("/docs/").expect("base");
        let text = root(&base, "Help", &[LanguageEntry { lang: "en", name: "English" }]);
        assert!(text.starts_with("# Help\n\n> A software help center in English."), "{text}");
        assert!(text.contains("- [English](/docs/en/llms.txt): the articles in English\n"), "{text}");
    }
}
