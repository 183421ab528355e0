//! The offers a customer can buy (`essential`, `advanced`...), from
//! `content/_data/offers.yaml`; a site without the file gets the usual five.
//! Every offer id written anywhere in content is checked against this list.

use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::diag::{Code, Diagnostic, Diagnostics, LineIndex, Location};
use crate::syntax::data_path::Positions;
use crate::syntax::yaml_limits;

pub const OFFERS_FILE: &str = "content/_data/offers.yaml";

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(transparent)]
pub struct OfferId(String);

impl OfferId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OfferId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub id: OfferId,
    /// An older offer still in use, shown after the current ones.
    #[serde(default)]
    pub legacy: bool,
}

/// The site's offers, from `content/_data/offers.yaml`; none without it.
#[derive(Debug, Clone, Default)]
pub struct Offers {
    /// In display order.
    pub list: Vec<Offer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OffersFile {
    offers: Vec<Offer>,
}

impl Offers {
    /// Offers as a test writes them, none of them legacy.
    #[cfg(test)]
    pub(crate) fn of(ids: &[&str]) -> Offers {
        Offers { list: ids.iter().map(|id| Offer { id: OfferId(id.to_string()), legacy: false }).collect() }
    }

    pub fn get(&self, id: &str) -> Option<&OfferId> {
        self.list.iter().map(|o| &o.id).find(|o| o.as_str() == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|o| o.id.as_str())
    }

    /// A diagnostic for an id that is not an offer, with the closest one.
    pub fn unknown(&self, id: &str) -> Diagnostic {
        let mut d = Diagnostic::new(Code::OfferUnknown, format!("`{id}` is not an offer"));
        let known: Vec<&str> = self.ids().collect();
        d = match crate::diag::did_you_mean(id, known.iter().copied()) {
            Some(close) => d.with_help(format!("did you mean `{close}`?")),
            None if known.is_empty() => d.with_help(format!("this site has no offers; list them in {OFFERS_FILE}")),
            None => d.with_help(format!("the offers are: {} (see {OFFERS_FILE})", known.join(", "))),
        };
        d
    }
}

pub fn load(root: &Path, diags: &mut Diagnostics) -> Offers {
    let text = match std::fs::read_to_string(root.join(OFFERS_FILE)) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Offers::default(),
        Err(e) => {
            diags.push(
                Diagnostic::new(Code::DataUnreadable, format!("cannot read: {e}")).at(Location::file(OFFERS_FILE)),
            );
            return Offers::default();
        }
    };
    match parse(&text) {
        Ok(offers) => offers,
        Err(d) => {
            diags.push(d);
            Offers::default()
        }
    }
}

/// A `content/_data/` file serde could not read, at the error's position
/// (serde's own "at line N column M" suffix dropped: the location says it).
pub fn invalid_yaml(file: &str, text: &str, error: &serde_yaml::Error) -> Diagnostic {
    let offset = error.location().map_or(0, |l| l.index());
    let message = error.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    Diagnostic::new(Code::DataInvalid, message).at(LineIndex::new(text).location(Path::new(file), text, offset))
}

fn parse(text: &str) -> Result<Offers, Diagnostic> {
    yaml_limits::check_data_file(Path::new(OFFERS_FILE), text)?;
    let file: OffersFile = serde_yaml::from_str(text).map_err(|e| invalid_yaml(OFFERS_FILE, text, &e))?;
    let mut seen = std::collections::HashSet::new();
    for (i, offer) in file.offers.iter().enumerate() {
        let id = offer.id.as_str();
        let well_formed =
            !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed || !seen.insert(id) {
            let problem = if well_formed { "is listed twice" } else { "should use a-z, 0-9 and `-` only" };
            let location = match Positions::new(text).value_of(&format!("offers[{i}].id")) {
                Some((line, column)) => Location::new(OFFERS_FILE, line, column),
                None => Location::file(OFFERS_FILE),
            };
            return Err(Diagnostic::new(Code::DataInvalid, format!("offer id `{id}` {problem}")).at(location));
        }
    }
    Ok(Offers { list: file.offers })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_list_in_order() {
        let offers = parse("offers:\n  - id: basic\n  - id: pro\n    legacy: true\n").unwrap();
        assert_eq!(offers.ids().collect::<Vec<_>>(), ["basic", "pro"]);
        assert!(offers.list[1].legacy);
        assert!(offers.get("pro").is_some() && offers.get("Pro").is_none());
    }

    #[test]
    fn errors_are_positioned() {
        let err = parse("offers:\n  - id: basic\n    legasy: true\n").unwrap_err();
        assert_eq!(err.location.unwrap().line, 3);
        let err = parse("offers:\n  - id: basic\n  - id: basic\n").unwrap_err();
        assert!(err.message.contains("listed twice"), "{}", err.message);
        // The second one, where the mistake is, at its value.
        assert_eq!(err.location.as_ref().map(|l| (l.line, l.column)), Some((3, 9)));
        let err = parse("offers:\n  - id: Basic Plan\n").unwrap_err();
        assert_eq!(err.location.unwrap().line, 2);
    }

    #[test]
    fn unknown_ids_suggest_the_closest() {
        let d = Offers::of(&["essential", "advanced"]).unknown("advnaced");
        assert_eq!(d.help.as_deref(), Some("did you mean `advanced`?"));
        let d = Offers::default().unknown("advanced");
        assert!(d.help.unwrap().starts_with("this site has no offers"));
    }
}
