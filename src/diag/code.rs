//! The closed set of diagnostic codes: each one's stable name, the severity
//! it has unless a site changes it, and the line that explains it. The
//! README's table of codes is made from this list (a test keeps them equal).

use std::fmt;

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $meaning:literal;)+) => {
        /// A stable, documented identifier of a kind of problem, such as
        /// `link.missing-target`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)+
        }

        impl Code {
            /// Every code, in the order of the README's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// The severity a diagnostic of this code has unless the site's
            /// `[checks]` give it another.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)+
                }
            }

            /// One line on what the code means, for the README.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)+
                }
            }
        }
    };
}

codes! {
    ConfigInvalid = "config.invalid", Error, "helpgen.toml cannot be used: a key of the wrong type, an unknown code under `[checks]`";
    ConfigUnreadable = "config.unreadable", Error, "helpgen.toml exists but cannot be read";
    ContentMissing = "content.missing", Error, "the site has no content folder";
    ContentEmpty = "content.empty", Error, "the content folder holds no language folder or no article";
    ContentUnknownLanguage = "content.unknown-language", Error, "a folder under content/ that is not one of the site's languages";
    ContentOutsideLanguage = "content.outside-language", Error, "an article outside every language folder";
    ContentEncoding = "content.encoding", Error, "an article that is not UTF-8";
    ContentTooLarge = "content.too-large", Error, "an article or snippet larger than helpgen reads";
    ContentUnreadable = "content.unreadable", Error, "an article that cannot be read";
    ContentPath = "content.path", Error, "an article path that cannot be published";
    ContentSlug = "content.slug", Error, "a file name unusable in a URL";
    ContentDuplicateSlug = "content.duplicate-slug", Error, "two articles of a language with the same URL";
    FrontMatterMissing = "front-matter.missing", Error, "an article without front matter";
    FrontMatterUnterminated = "front-matter.unterminated", Error, "front matter that is never closed with `---`";
    FrontMatterYaml = "front-matter.yaml", Error, "front matter that is not valid YAML";
    FrontMatterType = "front-matter.type", Error, "a front matter key with a value of the wrong type";
    FrontMatterMissingTitle = "front-matter.missing-title", Error, "an article without a title";
    FrontMatterDuplicateKey = "front-matter.duplicate-key", Warning, "a front matter key given more than once; the last value is used, as Jekyll does";
    FrontMatterEmptyValue = "front-matter.empty-value", Warning, "a front matter key with no value (`description:`); it is left out";
    FrontMatterUnknownKey = "front-matter.unknown-key", Warning, "a front matter key close to one helpgen reads (`tilte`, `product_lable`); other unknown keys are passed to templates silently";
    DialectUnknownTag = "dialect.unknown-tag", Error, "a `{% tag %}` helpgen does not know";
    DialectUnsupportedTag = "dialect.unsupported-tag", Error, "a `{{ output }}` that is neither an image nor a `page.` or `site.` variable";
    DialectMalformedTag = "dialect.malformed-tag", Error, "a known tag with arguments it cannot use";
    DialectUnterminatedTag = "dialect.unterminated-tag", Error, "a tag that is never closed with `%}` or `}}`";
    DialectUnbalancedTag = "dialect.unbalanced-tag", Error, "a block tag (`offer`, `raw`, `comment`, `highlight`) without its end, or an end without its start";
    DialectFenceOutsideItem = "dialect.fence-outside-item", Warning, "a code block between two steps of a list, indented less than their text: CommonMark ends the list there, where kramdown kept it in the step";
    DialectUnclosedFence = "dialect.unclosed-fence", Warning, "a code block that is never closed: the rest of the article is shown as code";
    DialectAttribute = "dialect.attribute", Warning, "an attribute list helpgen will not emit; shown as written";
    IncludeMissing = "include.missing", Error, "an `{% include %}` of a snippet that does not exist";
    IncludeUnreadable = "include.unreadable", Error, "a snippet that cannot be read";
    IncludeCycle = "include.cycle", Error, "a snippet that includes itself, directly or not";
    IncludeTooDeep = "include.too-deep", Error, "includes nested deeper than helpgen follows";
    IncludeTooLarge = "include.too-large", Error, "includes that make an article larger than helpgen expands (16 MB), as snippets that include each other several times do";
    ImageMissing = "image.missing", Error, "an image number with no file in `content/_media/`";
    ImageMissingAlt = "image.missing-alt", Error, "an image without a text alternative";
    IconUnknown = "icon.unknown", Error, "an `{% icon %}` the theme does not have";
    IconUnknownModifier = "icon.unknown-modifier", Warning, "an icon modifier helpgen does not know (`icon-only` is the one there is); the icon is shown with its label";
    OfferUnknown = "offer.unknown", Error, "an offer id that `offers.yaml` does not define";
    OfferNesting = "offer.nesting", Error, "an offer block that widens the block around it";
    OfferUnavailableTarget = "offer.unavailable-target", Warning, "an article for some offers links to (or lists as related) an article none of those offers have";
    RequirementsUnknownTable = "requirements.unknown-table", Error, "`{% requirements %}` with a table name that does not exist";
    RequirementsNoData = "requirements.no-data", Error, "`{% requirements %}` or `{% selfcheck %}` in a site without (valid) `content/_data/requirements.yaml`";
    LinkMissingTarget = "link.missing-target", Error, "a link to an article that exists in no language";
    LinkMissingAnchor = "link.missing-anchor", Error, "a link to a heading id its target does not have";
    LinkInvalid = "link.invalid", Error, "a link whose URL cannot be read";
    LinkUnread = "link.unread", Error, "a `link_new` that could not become a link where it is written";
    LinkNested = "link.nested", Warning, "a `link_new` inside another link's text, shown as text";
    LinkUntranslatedTarget = "link.untranslated-target", Warning, "a link whose target is not translated into the article's language";
    LinkExternalBroken = "link.external-broken", Warning, "with `check --external`: a link to another site that does not answer or answers with an error";
    LinkOrphan = "link.orphan", Info, "an article no other article links to or lists as related, in any language (the home page's full list does not count)";
    RelatedMissingTarget = "related.missing-target", Error, "a `related_articles` entry that leads nowhere";
    RedirectInvalid = "redirect.invalid", Error, "a `redirect_from` entry that cannot be published";
    RedirectCollision = "redirect.collision", Error, "a `redirect_from` entry that another page or redirect already takes";
    OutputBrokenLink = "output.broken-link", Error, "a link helpgen wrote into a Markdown twin or an `llms` file that leads to no file of the build";
    RedirectHostLimit = "redirect.host-limit", Warning, "more redirects than Cloudflare Pages reads from `_redirects` (2,000); the redirect pages still work, the host's own redirects stop at the limit";
    DataInvalid = "data.invalid", Error, "`content/_data/offers.yaml` or `requirements.yaml` cannot be used: wrong types, unknown keys or offers, ports out of range, malformed URLs";
    DataUnreadable = "data.unreadable", Error, "a data file that cannot be read";
    DataHandWritten = "data.hand-written", Warning, "a port, URL or browser version written by hand in an article that `requirements.yaml` holds; `{{ site.data... }}` prints it from the data";
    DataStale = "data.stale", Warning, "the latest browser versions in `requirements.yaml` were recorded longer ago than its `max_age_days`";
    I18nSyntax = "i18n.syntax", Error, "a Fluent file with a syntax error";
    I18nEncoding = "i18n.encoding", Error, "a Fluent file that is not UTF-8";
    I18nUnreadable = "i18n.unreadable", Error, "a Fluent file that cannot be read";
    I18nTooManyUntranslated = "i18n.too-many-untranslated", Error, "a language lacks more articles than `[translations.max_untranslated]` allows";
    I18nMissingMessage = "i18n.missing-message", Error, "a UI message a template (or an offer's name) needs exists in no language";
    I18nUntranslatedMessage = "i18n.untranslated-message", Warning, "UI messages a language lacks, listed once per language; its pages show them in the default language";
    I18nLanguageWithoutFolder = "i18n.language-without-folder", Info, "a language listed in helpgen.toml without a folder under content/ yet: its pages show the default language";
    I18nMissingTranslation = "i18n.missing-translation", Info, "an article not translated into a language (its page falls back to the default language)";
    PlaceholderOverwriteTitle = "placeholder.overwrite-title", Info, "a translation tool's placeholder left as a related article's title";
    PlaceholderTodo = "placeholder.todo", Info, "`TODO` or `FIXME` left in text";
    PlaceholderEmptySection = "placeholder.empty-section", Info, "a heading with nothing under it";
    ThemeMissing = "theme.missing", Error, "the theme named in helpgen.toml does not exist";
    ThemeInvalid = "theme.invalid", Error, "a template that cannot be parsed or rendered";
    ThemeUnreadable = "theme.unreadable", Error, "a theme file that cannot be read";
    SecurityScript = "security.script", Error, "`<script>` in content";
    SecurityIframe = "security.iframe", Error, "an embedded frame or object in content";
    SecurityEventHandler = "security.event-handler", Error, "an `on*=` event handler in content";
    SecurityMarkup = "security.markup", Error, "markup that changes what the page loads or where it sends readers: `<base>`, `<meta http-equiv>`, `<link>`, a form posting to another site, CSS that imports or runs";
    SecurityUrl = "security.url", Error, "a `javascript:`, `vbscript:` or `data:` URL in content";
}

/// Families whose errors leave nothing sound to build from: their level
/// cannot be changed in helpgen.toml (their warnings' can).
const FIXED_FAMILIES: &[&str] = &["config", "content", "front-matter", "theme", "data"];

impl Code {
    /// The code named `name`, as written in helpgen.toml.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str() == name)
    }

    pub fn family(self) -> &'static str {
        self.as_str().split('.').next().unwrap_or_default()
    }

    /// Whether a site may give this code another level in `[checks]`: any
    /// but the errors of the fixed families.
    pub fn level_can_change(self) -> bool {
        !FIXED_FAMILIES.contains(&self.family()) || self.severity() != Severity::Error
    }

    /// The README's table of codes, one row each.
    pub fn markdown_table() -> String {
        let mut table = String::from("| code | severity | meaning |\n| --- | --- | --- |\n");
        for code in Code::ALL {
            table.push_str(&format!("| `{}` | {} | {} |\n", code.as_str(), code.severity().label(), code.meaning()));
        }
        table
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_unique_and_read_back() {
        for code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(*code));
        }
        assert_eq!(Code::from_name("link.missing"), None);
    }

    #[test]
    fn only_warnings_of_fixed_families_can_change_level() {
        assert!(!Code::ContentDuplicateSlug.level_can_change());
        assert!(!Code::ThemeInvalid.level_can_change());
        assert!(Code::FrontMatterUnknownKey.level_can_change());
        assert!(Code::SecurityIframe.level_can_change());
    }

    /// The README documents every code as this list does.
    #[test]
    fn the_readme_table_is_made_from_the_codes() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        let table = Code::markdown_table();
        assert!(readme.contains(&table), "README.md's table of codes differs from diag::Code; it should be:\n{table}");
    }
}
