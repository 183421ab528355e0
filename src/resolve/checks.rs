//! The whole-site checks over the resolved index: links and anchors, related
//! articles, offer ids, missing translations, orphans. They only produce
//! diagnostics.

use std::collections::HashMap;

use super::{Article, Site};
use crate::config::Config;
use crate::content::KNOWN_KEYS;
use crate::diag::{did_you_mean, Code, Diagnostic, Diagnostics, Location};
use crate::ids::{ArticlePath, LangId};
use crate::markdown::LinkTarget;
use crate::offers::{OfferId, Offers};

/// What the checks need besides the articles.
pub struct Checks<'a> {
    pub offers: &'a Offers,
    /// Says which related-article titles are a translation tool's placeholders.
    pub config: &'a Config,
}

/// The checks of one article that look only at it and what it leads to:
/// its links and their anchors, its related list, its offers and keys.
pub(super) fn article(site: &Site, article: &Article, checks: &Checks, diags: &mut Diagnostics) {
    check_links(site, article, diags);
    check_related(site, article, checks.config, diags);
    check_offers(article, checks.offers, diags);
    check_offer_reach(site, article, diags);
    check_front_matter_keys(article, diags);
}

/// The checks of the site's shape: which articles lack translations.
pub(super) fn translations(site: &Site, diags: &mut Diagnostics) {
    report_missing_translations(site, diags);
}

fn check_links(site: &Site, article: &Article, diags: &mut Diagnostics) {
    let lang = &article.source.lang;
    for link in &article.doc.links {
        let location = link.location.clone();
        match &link.target {
            LinkTarget::External(_) => {}
            LinkTarget::SamePage(anchor) => {
                if !article.doc.has_anchor(anchor) {
                    diags.push(missing_anchor(article, anchor).at(location));
                }
            }
            target => {
                let Some((page, anchor)) = site.find(lang, target) else {
                    if site.home_path(target).is_none() {
                        diags.push(missing_target(site, target).at(location));
                    }
                    continue;
                };
                if page.is_fallback() {
                    let message = format!(
                        "`{}` is not translated into `{lang}`; readers get the `{}` text",
                        page.path, page.article.source.lang
                    );
                    diags.push(Diagnostic::new(Code::LinkUntranslatedTarget, message).at(location.clone()));
                }
                if let Some(anchor) = anchor.filter(|a| !page.article.doc.has_anchor(a)) {
                    diags.push(missing_anchor(page.article, anchor).at(location));
                }
            }
        }
    }
}

fn missing_anchor(target: &Article, anchor: &str) -> Diagnostic {
    let file = target.source.file.display();
    let mut d =
        Diagnostic::new(Code::LinkMissingAnchor, format!("`{file}` has no heading or anchor with the id `{anchor}`"));
    let ids = target.doc.headings.iter().map(|h| h.id.as_str()).chain(target.doc.anchors.iter().map(String::as_str));
    if let Some(close) = did_you_mean(anchor, ids) {
        d = d.with_help(format!("did you mean `#{close}`?"));
    }
    d
}

fn missing_target(site: &Site, target: &LinkTarget) -> Diagnostic {
    match target {
        LinkTarget::Url { path, .. } => {
            let mut d =
                Diagnostic::new(Code::LinkMissingTarget, format!("no article or redirect has the URL `/{path}`"));
            let slugs = site.slugs.keys().map(|s| s.as_str());
            if let Some(close) = did_you_mean(path.rsplit('/').next().unwrap_or(path), slugs) {
                d = d.with_help(format!("did you mean `/{close}`?"));
            }
            d
        }
        LinkTarget::Article { path, .. } => missing_article(Code::LinkMissingTarget, site, path),
        _ => Diagnostic::new(Code::LinkMissingTarget, "the link leads nowhere"),
    }
}

fn missing_article(code: Code, site: &Site, target: &ArticlePath) -> Diagnostic {
    let mut d = Diagnostic::new(code, format!("no article `{target}` exists in any language"));
    if let Some(close) = did_you_mean(target.as_str(), site.paths().map(ArticlePath::as_str)) {
        d = d.with_help(format!("did you mean `{close}`?"));
    } else if let Some(same_name) = site.paths().find(|p| p.stem() == target.stem()) {
        d = d.with_help(format!("paths are relative to the language folder; did you mean `{same_name}`?"));
    }
    d
}

fn check_related(site: &Site, article: &Article, config: &Config, diags: &mut Diagnostics) {
    let source = &article.source;
    let positions = source.front_matter_positions();
    for (i, related) in source.front.related_articles.iter().enumerate() {
        let location = positions.value_at(&format!("related_articles[{i}].filepath"), &related.filepath);
        match &related.path {
            Ok(path) if site.entries.contains_key(path) => {}
            Ok(path) => diags.push(missing_article(Code::RelatedMissingTarget, site, path).at(location)),
            Err(e) => diags.push(
                Diagnostic::new(
                    Code::RelatedMissingTarget,
                    format!("invalid related article path `{}`: {e}", related.filepath),
                )
                .at(location),
            ),
        }
        if let Some(title) = &related.overwrite_title {
            if config.is_placeholder_title(title) && !title.trim().is_empty() {
                let message =
                    format!("`overwrite_title: {title}` is a translation placeholder; the target's own title is shown");
                let location = positions.value_at(&format!("related_articles[{i}].overwrite_title"), title);
                diags.push(Diagnostic::new(Code::PlaceholderOverwriteTitle, message).at(location));
            }
        }
    }
}

fn check_offers(article: &Article, offers: &Offers, diags: &mut Diagnostics) {
    let source = &article.source;
    for id in &source.front.product_label {
        if offers.get(id).is_none() {
            diags.push(offers.unknown(id).at(source.front_matter_value_location("product_label", id)));
        }
    }
}

/// An article for some offers that sends readers to an article none of
/// those offers have: the reader lands on a page that does not apply to them.
fn check_offer_reach(site: &Site, article: &Article, diags: &mut Diagnostics) {
    let offers = &article.source.front.product_label;
    if offers.is_empty() {
        return;
    }
    let lang = &article.source.lang;
    // A link in an `{% offer %}` block is read by that block's offers only.
    let unreachable = |target: &Article, readers: &[OfferId]| {
        let theirs = &target.source.front.product_label;
        let read_by = |o: &String| match readers {
            [] => offers.contains(o),
            readers => readers.iter().any(|r| r.as_str() == o),
        };
        !theirs.is_empty() && !theirs.iter().any(read_by)
    };
    let warn = |target: &Article, location: Location| {
        let message = format!(
            "`{}` is for {}, none of this article's offers ({})",
            target.source.path,
            target.source.front.product_label.join(", "),
            offers.join(", ")
        );
        Diagnostic::new(Code::OfferUnavailableTarget, message)
            .at(location)
            .with_help("link to an article for these offers, or wrap the link in an {% offer %} block")
    };
    for link in &article.doc.links {
        let found = site.find(lang, &link.target);
        if let Some((page, _)) = found.filter(|(page, _)| unreachable(page.article, &link.offers)) {
            diags.push(warn(page.article, link.location.clone()));
        }
    }
    let positions = article.source.front_matter_positions();
    for (i, related) in article.source.front.related_articles.iter().enumerate() {
        let Ok(path) = &related.path else { continue };
        if let Some(page) = site.page(lang, path).filter(|page| unreachable(page.article, &[])) {
            let at = format!("related_articles[{i}].filepath");
            diags.push(warn(page.article, positions.value_at(&at, &related.filepath)));
        }
    }
}

/// Keys helpgen does not read are passed to templates, so only a key that
/// looks like a misspelt known one is worth a word.
fn check_front_matter_keys(article: &Article, diags: &mut Diagnostics) {
    let source = &article.source;
    for key in source.front.extra.keys() {
        if let Some(known) = did_you_mean(key, KNOWN_KEYS.iter().copied()) {
            let message =
                format!("`{key}` is not a front matter key helpgen reads; it is passed to templates as it is");
            diags.push(
                Diagnostic::new(Code::FrontMatterUnknownKey, message)
                    .at(source.front_matter_location(&format!("{key}:")))
                    .with_help(format!("did you mean `{known}`?")),
            );
        }
    }
}

fn report_missing_translations(site: &Site, diags: &mut Diagnostics) {
    for (path, entry) in &site.entries {
        let missing: Vec<&str> =
            site.languages.all.iter().filter(|l| !entry.translations.contains_key(*l)).map(LangId::as_str).collect();
        if missing.is_empty() {
            continue;
        }
        if let Some(page) = site.page(&site.languages.default, path) {
            let message = format!(
                "not translated into {}; those pages show the `{}` text with a notice",
                missing.join(", "),
                page.article.source.lang
            );
            diags.push(
                Diagnostic::new(Code::I18nMissingTranslation, message).at(Location::file(&page.article.source.file)),
            );
        }
    }
}

/// The articles `article` leads to, by a link or its related list, other
/// than itself, each once.
pub(super) fn leads_to(site: &Site, article: &Article) -> Vec<ArticlePath> {
    let lang = &article.source.lang;
    let linked = article.doc.links.iter().filter_map(|link| site.find(lang, &link.target)).map(|(page, _)| page.path);
    let related = article.source.front.related_articles.iter().filter_map(|related| {
        related.path.as_ref().ok().and_then(|p| site.entries.get_key_value(p)).map(|(path, _)| path)
    });
    let mut paths: Vec<ArticlePath> =
        linked.chain(related).filter(|path| **path != article.source.path).cloned().collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Articles no other article leads to, by a link or a related list, in any
/// language, given how many articles lead to each path. The home page lists
/// every article, so it does not count: an orphan is reachable only by
/// browsing that list or by search.
pub(super) fn orphans(site: &Site, reached: &HashMap<ArticlePath, usize>, diags: &mut Diagnostics) {
    for path in site.entries.keys().filter(|p| reached.get(*p).is_none_or(|n| *n == 0)) {
        if let Some(page) = site.page(&site.languages.default, path) {
            let d = Diagnostic::new(Code::LinkOrphan, "no other article links to this one or lists it as related")
                .with_help("link to it from an article on the same subject, or add it to one's `related_articles`");
            diags.push(d.at(Location::file(&page.article.source.file)));
        }
    }
}
