//! Facts of the requirement data written by hand in an article: a port
//! (`port 45054`), a URL or a browser's latest version (`Chrome 142`).
//! When the data changes, the tables follow and such prose does not, so
//! each one is pointed at, with the `{{ site.data... }}` that prints it.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::model::Requirements;

/// The facts to look for, found in one pass over a text.
pub struct HandWritten {
    matcher: AhoCorasick,
    /// For each pattern, the variable that prints its fact.
    variables: Vec<String>,
}

/// A fact written by hand: where, what, and what prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'t> {
    pub offset: usize,
    pub text: &'t str,
    pub variable: &'t str,
}

impl HandWritten {
    pub fn new(data: &Requirements) -> Option<HandWritten> {
        let mut facts: Vec<(String, String)> = Vec::new();
        let at = |path: String| format!("site.data.requirements.{path}");
        for (i, rule) in data.firewall.iter().enumerate() {
            facts.push((format!("port {}", rule.port), at(format!("firewall[{i}].port"))));
            if let Some(legacy) = rule.legacy_port {
                facts.push((format!("port {legacy}"), at(format!("firewall[{i}].legacy_port"))));
            }
        }
        for (i, url) in data.websockets.urls.iter().enumerate() {
            facts.push((url.clone(), at(format!("websockets.urls[{i}]"))));
        }
        for (i, browser) in data.browsers.list.iter().enumerate() {
            facts.push((
                format!("{} {}", browser.id.as_str(), browser.latest),
                at(format!("browsers.list[{i}].latest")),
            ));
            if let Some(help) = &browser.popup_help {
                facts.push((help.clone(), at(format!("browsers.list[{i}].popup_help"))));
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(facts.iter().map(|(text, _)| text))
            .ok()?;
        Some(HandWritten { matcher, variables: facts.into_iter().map(|(_, variable)| variable).collect() })
    }

    /// The facts written in `text`, each standing alone (not a part of a
    /// longer number, word or URL).
    pub fn find<'t>(&'t self, text: &'t str) -> Vec<Found<'t>> {
        let bytes = text.as_bytes();
        let continues = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'.' | b'~' | b'%');
        self.matcher
            .find_iter(text)
            .filter(|m| m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
            // A sentence may end right after a URL or a number.
            .filter(|m| match (bytes.get(m.end()), bytes.get(m.end() + 1)) {
                (Some(b'.'), next) => !next.is_some_and(|&b| continues(b)),
                (Some(&b), _) => !continues(b),
                (None, _) => true,
            })
            .map(|m| Found {
                offset: m.start(),
                text: &text[m.range()],
                variable: &self.variables[m.pattern().as_usize()],
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_urls_and_versions_are_found_alone() {
        let data: Requirements = serde_yaml::from_str(super::super::tests::SAMPLE).unwrap();
        let facts = HandWritten::new(&data).unwrap();
        let text = "Open Port 45054 and port 4430. Use wss://ws.injixo.com. Chrome 142 or Chrome 1420, see wss://ws.injixo.com/x";
        let found: Vec<(&str, &str)> = facts.find(text).iter().map(|f| (f.text, f.variable)).collect();
        assert_eq!(
            found,
            [
                ("Port 45054", "site.data.requirements.firewall[1].port"),
                ("wss://ws.injixo.com", "site.data.requirements.websockets.urls[3]"),
                ("Chrome 142", "site.data.requirements.browsers.list[1].latest"),
            ]
        );
    }
}
