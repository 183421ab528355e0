//! "Was this helpful?": the contact link offered to say more, prefilled with
//! the page, so support knows what the reader read without asking.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

/// `contact` (a `mailto:` or `https://` address from helpgen.toml) with the
/// page's title, URL and language filled in: a mail subject and body, or
/// query parameters. The reader's offer and answer are added by the page's
/// script when known.
pub fn contact_link(contact: &str, title: &str, url: &str, lang: &str) -> String {
    let encode = |text: &str| utf8_percent_encode(text, NON_ALPHANUMERIC).to_string();
    let joiner = if contact.contains('?') { '&' } else { '?' };
    if contact.starts_with("mailto:") {
        let body = format!("Page: {url}\nLanguage: {lang}\n");
        format!("{contact}{joiner}subject={}&body={}", encode(title), encode(&body))
    } else {
        format!("{contact}{joiner}page={}&lang={}", encode(url), encode(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::contact_link;

    #[test]
    fn mail_links_carry_the_page_in_subject_and_body() {
        let link = contact_link("mailto:docs@example.com", "Set up & go", "https://h.example.com/en/a/", "en");
        assert_eq!(
            link,
            "mailto:docs@example.com?subject=Set%20up%20%26%20go\
             &body=Page%3A%20https%3A%2F%2Fh%2Eexample%2Ecom%2Fen%2Fa%2F%0ALanguage%3A%20en%0A"
        );
    }

    #[test]
    fn web_links_carry_the_page_as_parameters() {
        let link = contact_link("https://example.com/contact?team=docs", "T", "/fr/a/", "fr");
        assert_eq!(link, "https://example.com/contact?team=docs&page=%2Ffr%2Fa%2F&lang=fr");
    }
}
