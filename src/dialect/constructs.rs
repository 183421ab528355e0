//! The tags that become HTML rather than Markdown: icons, images, offer
//! blocks, requirement tables, the self-check widget and `{{ page.x }}`.
//! Each is built here as a `Construct` and stands in the Markdown as a short
//! private-use placeholder (see `markers`) that the Markdown stage swaps
//! for the HTML.

use crate::config::BaseUrl;
use crate::content::{Media, MediaFile, SourceArticle, IMAGE_TYPES};
use crate::diag::did_you_mean;
use crate::escape;
use crate::i18n::Localizer;
use crate::offers::{OfferId, Offers};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Construct {
    /// HTML inside a line of text.
    pub inline: String,
    /// HTML when the placeholder is a paragraph of its own; `None` keeps the
    /// paragraph around the inline form.
    pub block: Option<String>,
    /// What the article's Markdown twin shows in its place: text a reader
    /// of Markdown understands without the page's styles and scripts.
    pub markdown: String,
}

impl Construct {
    fn inline(html: String, markdown: String) -> Construct {
        Construct { inline: html, block: None, markdown }
    }

    pub(super) fn block(html: String, markdown: String) -> Construct {
        Construct { inline: html.clone(), block: Some(html), markdown }
    }
}

/// How an icon shows its label (the `icon-<name>` UI message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconLabel {
    /// Beside the icon, as text.
    Visible,
    /// `{% icon name | icon-only %}`: for screen readers only.
    Hidden,
}

impl IconLabel {
    const MODIFIERS: [(&'static str, IconLabel); 1] = [("icon-only", IconLabel::Hidden)];

    /// The modifier written after `|`; none is the visible label.
    pub fn parse(modifier: &str) -> Result<IconLabel, String> {
        if modifier.is_empty() {
            return Ok(IconLabel::Visible);
        }
        if let Some((_, label)) = IconLabel::MODIFIERS.iter().find(|(name, _)| *name == modifier) {
            return Ok(*label);
        }
        let known = IconLabel::MODIFIERS.map(|(name, _)| name);
        Err(match did_you_mean(modifier, known) {
            Some(close) => format!("unknown icon modifier `{modifier}`; did you mean `{close}`?"),
            None => format!("unknown icon modifier `{modifier}`; the modifiers are: {}", known.join(", ")),
        })
    }
}

pub fn icon(
    name: &str,
    icons: &std::collections::BTreeMap<String, String>,
    label: Option<String>,
    shown: IconLabel,
) -> Result<Construct, String> {
    let Some(svg) = icons.get(name) else {
        let known: Vec<&str> = icons.keys().map(String::as_str).collect();
        let close = did_you_mean(name, known.iter().copied());
        return Err(match close {
            Some(close) => format!("unknown icon `{name}`; did you mean `{close}`?"),
            None => format!("unknown icon `{name}`; known icons: {}", known.join(", ")),
        });
    };
    let class = match shown {
        IconLabel::Visible => "icon-label",
        IconLabel::Hidden => "visually-hidden",
    };
    let text = label.as_ref().map(|l| format!("<span class=\"{class}\">{}</span>", escape::html(l)));
    let html = format!("<span class=\"icon-wrap\">{svg}{}</span>", text.unwrap_or_default());
    // The label names what the icon shows, even when the page hides it.
    Ok(Construct::inline(html, label.map(|l| escape::markdown_text(&l)).unwrap_or_default()))
}

/// The parsed arguments of `{{ N | image: 'Alt text', '80%', 'gif' }}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageArgs {
    pub number: u32,
    pub alt: String,
    pub width: Option<Width>,
    /// The image's file type (`gif`) when the tag names one; otherwise the
    /// first file found of any type.
    pub file_type: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    Pixels(u32),
    Percent(u32),
}

/// Parses the inside of `{{ ... }}` when it is an image; `Ok(None)` when the
/// expression is not an image filter at all.
pub fn parse_image(expression: &str) -> Result<Option<ImageArgs>, String> {
    let Some((number, filter)) = expression.split_once('|') else {
        return Ok(None);
    };
    let filter = filter.trim();
    let Some(args) = filter.strip_prefix("image") else {
        return Ok(None);
    };
    let number: u32 = number
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("the image number `{}` should be 1, 2, 3...", number.trim()))?;
    let args = args.trim_start().strip_prefix(':').ok_or("write `image:` followed by the alt text in quotes")?;
    let values = quoted_list(args)?;
    let (alt, width, file_type) = match values.as_slice() {
        [alt] => (alt.clone(), None, None),
        [alt, width] => (alt.clone(), parse_width(width)?, None),
        [alt, width, file_type] => (alt.clone(), parse_width(width)?, Some(parse_file_type(file_type)?)),
        [] => return Err("the image needs an alt text: `image: 'What the image shows'`".into()),
        _ => return Err("`image:` takes an alt text, an optional width and an optional file type".into()),
    };
    Ok(Some(ImageArgs { number, alt, width, file_type }))
}

/// A width, or none when it is left empty (`'', 'gif'`).
fn parse_width(raw: &str) -> Result<Option<Width>, String> {
    let bad = || format!("the width `{raw}` should be pixels (`640`, `640px`) or a percentage (`80%`)");
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    if let Some(p) = raw.strip_suffix('%') {
        return p.parse().ok().filter(|p| (1..=100).contains(p)).map(|p| Some(Width::Percent(p))).ok_or_else(bad);
    }
    raw.trim_end_matches("px").parse().ok().filter(|p| *p > 0).map(|p| Some(Width::Pixels(p))).ok_or_else(bad)
}

/// `gif`, `.GIF` -> `gif`: one of the image types helpgen publishes.
fn parse_file_type(raw: &str) -> Result<String, String> {
    let file_type = raw.trim().trim_start_matches('.').to_ascii_lowercase();
    if IMAGE_TYPES.contains(&file_type.as_str()) {
        return Ok(file_type);
    }
    Err(format!("the image file type `{raw}` should be one of {}", IMAGE_TYPES.join(", ")))
}

/// `'a', "b"` -> [a, b]; quotes are required, as in Liquid.
fn quoted_list(text: &str) -> Result<Vec<String>, String> {
    let mut values = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"').ok_or_else(|| {
            format!("expected a quoted value, found `{}`", rest.split(',').next().unwrap_or(rest).trim())
        })?;
        let end = rest[1..].find(quote).ok_or("a quoted value is never closed")? + 1;
        values.push(rest[1..end].to_string());
        rest = rest[end + 1..].trim_start();
        if let Some(after) = rest.strip_prefix(',') {
            rest = after.trim_start();
            if rest.is_empty() {
                return Err("a comma is followed by nothing".into());
            }
        } else if !rest.is_empty() {
            return Err(format!("expected a comma before `{rest}`"));
        }
    }
    Ok(values)
}

pub fn image(
    args: &ImageArgs,
    article: &SourceArticle,
    media: &Media,
    base: &BaseUrl,
) -> Result<(Construct, MediaFile), String> {
    if args.alt.trim().is_empty() {
        return Err("empty alt text: describe what the image shows, for readers who cannot see it".into());
    }
    let file_type = args.file_type.as_deref();
    let file = media.image(&article.lang, &article.path, args.number, file_type).ok_or_else(|| {
        let tried = Media::candidates(&article.lang, &article.path, args.number, file_type);
        let stem = tried.last().map(|k| k.rsplit_once('/').map_or(k.as_str(), |(dir, _)| dir)).unwrap_or_default();
        let number = args.number;
        match file_type {
            Some(file_type) => {
                format!("image {number} not found; put it at content/_media/{stem}/{number}.{file_type}")
            }
            None => format!(
                "image {number} not found; put it at content/_media/{stem}/{number}.png (or .jpg, .gif, .webp, .svg)"
            ),
        }
    })?;
    let site_path = format!("media/{}", file.key);
    let mut img =
        format!("<img src=\"{}\" alt=\"{}\"", escape::html(&base.path_of(&site_path)), escape::html(args.alt.trim()));
    match (args.width, file.size) {
        (Some(Width::Pixels(w)), Some((iw, ih))) if iw > 0 => img
            .push_str(&format!(" width=\"{w}\" height=\"{}\"", (u64::from(w) * u64::from(ih) / u64::from(iw)).max(1))),
        (Some(Width::Pixels(w)), _) => img.push_str(&format!(" width=\"{w}\"")),
        (Some(Width::Percent(p)), size) => {
            if let Some((w, h)) = size {
                img.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
            }
            img.push_str(&format!(" style=\"width:{p}%;height:auto\""));
        }
        (None, Some((w, h))) => img.push_str(&format!(" width=\"{w}\" height=\"{h}\"")),
        (None, None) => {}
    }
    img.push_str(" loading=\"lazy\" decoding=\"async\">");
    let block = format!("<figure class=\"article-image\">{img}</figure>");
    let markdown =
        format!("![{}]({})", escape::markdown_text(args.alt.trim()), escape::markdown_url(&base.url_of(&site_path)));
    Ok((Construct { inline: img, block: Some(block), markdown }, file.clone()))
}

/// The offers of `{% offer a b %}` (space or comma separated), checked.
pub fn parse_offers(args: &str, offers: &Offers) -> Result<Vec<OfferId>, String> {
    let mut ids = Vec::new();
    for id in args.split([' ', ',']).filter(|s| !s.is_empty()) {
        let offer = offers.get(id).ok_or_else(|| {
            let d = offers.unknown(id);
            format!("{}; {}", d.message, d.help.unwrap_or_default())
        })?;
        if !ids.contains(offer) {
            ids.push(offer.clone());
        }
    }
    if ids.is_empty() {
        return Err(format!("`offer` needs at least one offer id: {}", offers.ids().collect::<Vec<_>>().join(", ")));
    }
    Ok(ids)
}

pub fn offer_open(ids: &[OfferId], l10n: &Localizer, lang: &crate::ids::LangId) -> Construct {
    let list: Vec<&str> = ids.iter().map(OfferId::as_str).collect();
    let names: Vec<String> =
        ids.iter().map(|id| l10n.get(lang, &format!("offer-{id}"), None).unwrap_or_else(|| id.to_string())).collect();
    let label = l10n.get(lang, "available-for", None).unwrap_or_default();
    let html = format!(
        "<div class=\"offer-block\" data-offers=\"{}\">\n<p class=\"offer-block-label\">{}: {}</p>\n",
        escape::html(&list.join(" ")),
        escape::html(&label),
        escape::html(&names.join(", "))
    );
    // A line that names the offers, and a comment with their ids that the
    // end of the block repeats, so a reader of the Markdown knows where
    // the block ends.
    let markdown = format!(
        "**{}: {}** <!-- offers: {} -->",
        escape::markdown_text(&label),
        escape::markdown_text(&names.join(", ")),
        list.join(" ")
    );
    Construct::block(html, markdown)
}

pub fn offer_close(ids: &[OfferId]) -> Construct {
    let list: Vec<&str> = ids.iter().map(OfferId::as_str).collect();
    Construct::block("</div>\n".to_string(), format!("<!-- end of offers: {} -->", list.join(" ")))
}

pub fn text(value: &str) -> Construct {
    Construct::inline(escape::html(value), value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_arguments() {
        let args = parse_image("1 | image: 'Écran « Plan »', '80%'").unwrap().unwrap();
        let width = Some(Width::Percent(80));
        assert_eq!(args, ImageArgs { number: 1, alt: "Écran « Plan »".into(), width, file_type: None });
        let args = parse_image("3 | image: 'Steps to delete a model', '100%', 'gif'").unwrap().unwrap();
        assert_eq!((args.width, args.file_type.as_deref()), (Some(Width::Percent(100)), Some("gif")));
        let args = parse_image("3 | image: 'Steps', '', '.PNG'").unwrap().unwrap();
        assert_eq!((args.width, args.file_type.as_deref()), (None, Some("png")));
        let args = parse_image(" 12|image:\"It's here\" ").unwrap().unwrap();
        assert_eq!((args.number, args.alt.as_str(), args.width), (12, "It's here", None));
        assert_eq!(parse_image("2 | image: 'a', '640px'").unwrap().unwrap().width, Some(Width::Pixels(640)));
        assert_eq!(parse_image("page.title").unwrap(), None);
        assert_eq!(parse_image("x | upcase").unwrap(), None);
        for bad in [
            "0 | image: 'a'",
            "x | image: 'a'",
            "1 | image 'a'",
            "1 | image: a",
            "1 | image: 'a', '120%'",
            "1 | image: 'a',",
            "1 | image: 'a' 'b'",
            "1 | image: 'open",
            "1 | image:",
            "1 | image: 'a', '50%', 'bmp'",
            "1 | image: 'a', '50%', 'gif', 'x'",
        ] {
            assert!(parse_image(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn offers_are_checked() {
        let offers = Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]);
        let ids = parse_offers("advanced, enterprise advanced", &offers).unwrap();
        assert_eq!(ids.iter().map(OfferId::as_str).collect::<Vec<_>>(), ["advanced", "enterprise"]);
        assert!(parse_offers("advnaced", &offers).unwrap_err().contains("did you mean `advanced`?"));
        assert!(parse_offers("  ", &offers).is_err());
    }

    #[test]
    fn unknown_icons_list_close_names() {
        let icons = std::collections::BTreeMap::from([("item-add".to_string(), "<svg/>".to_string())]);
        let visible = IconLabel::Visible;
        assert_eq!(
            icon("item-ad", &icons, None, visible).unwrap_err(),
            "unknown icon `item-ad`; did you mean `item-add`?"
        );
        assert!(icon("zzzzzzzz", &icons, None, visible).unwrap_err().contains("known icons: item-add"));
        let html = icon("item-add", &icons, Some("Add <new>".into()), IconLabel::Hidden).unwrap().inline;
        assert_eq!(
            html,
            "<span class=\"icon-wrap\"><svg/><span class=\"visually-hidden\">Add &lt;new&gt;</span></span>"
        );
        let html = icon("item-add", &icons, Some("Add".into()), visible).unwrap().inline;
        assert_eq!(html, "<span class=\"icon-wrap\"><svg/><span class=\"icon-label\">Add</span></span>");
    }

    #[test]
    fn icon_modifiers_are_known_or_close() {
        assert_eq!(IconLabel::parse(""), Ok(IconLabel::Visible));
        assert_eq!(IconLabel::parse("icon-only"), Ok(IconLabel::Hidden));
        assert_eq!(
            IconLabel::parse("icon-olny").unwrap_err(),
            "unknown icon modifier `icon-olny`; did you mean `icon-only`?"
        );
        assert!(IconLabel::parse("large").unwrap_err().contains("the modifiers are: icon-only"));
    }
}
