//! Paths into data files as Liquid writes them
//! (`requirements.firewall[1].port`), and where the value a path names is
//! written in a YAML file: serde types the data but forgets positions, so a
//! problem found afterwards is placed by its path.

use marked_yaml::types::{MarkedMappingNode, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

impl std::fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Key(key) => write!(f, ".{key}"),
            Step::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// `requirements.firewall[1].port` -> [requirements, firewall, 1, port].
pub fn parse_path(path: &str) -> Result<Vec<Step<'_>>, String> {
    let bad = || format!("`site.data.{path}` should be names joined by `.`, with `[N]` for an item of a list");
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut indexes) = match part.find('[') {
            Some(open) => (&part[..open], &part[open..]),
            None => (part, ""),
        };
        let named = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
        if !named {
            return Err(bad());
        }
        steps.push(Step::Key(key));
        while let Some(rest) = indexes.strip_prefix('[') {
            let (number, after) = rest.split_once(']').ok_or_else(bad)?;
            steps.push(Step::Index(number.trim().parse().map_err(|_| bad())?));
            indexes = after;
        }
        if !indexes.is_empty() {
            return Err(bad());
        }
    }
    Ok(steps)
}

/// Where the values of one YAML text are written.
pub struct Positions(Option<Node>);

impl Positions {
    pub fn new(yaml: &str) -> Positions {
        Positions(marked_yaml::parse_yaml(0, yaml).ok())
    }

    /// The 1-based line and column of what `path` names: the key of a
    /// named value, the item of a list. `None` if the path names nothing.
    pub fn of(&self, path: &str) -> Option<(u32, u32)> {
        let steps = parse_path(path).ok()?;
        let (last, before) = steps.split_last()?;
        let node = self.node(before)?;
        let span = match last {
            Step::Key(key) => key_of(node.as_mapping()?, key)?,
            Step::Index(i) => node.as_sequence()?.get_node(*i)?.span(),
        };
        start(span)
    }

    /// The 1-based line and column where the value `path` names starts.
    pub fn value_of(&self, path: &str) -> Option<(u32, u32)> {
        start(self.node(&parse_path(path).ok()?)?.span())
    }

    fn node(&self, steps: &[Step]) -> Option<&Node> {
        steps.iter().try_fold(self.0.as_ref()?, |node, step| match step {
            Step::Key(key) => node.as_mapping()?.get_node(key),
            Step::Index(i) => node.as_sequence()?.get_node(*i),
        })
    }
}

fn start(span: &marked_yaml::Span) -> Option<(u32, u32)> {
    let start = span.start()?;
    Some((u32::try_from(start.line()).ok()?, u32::try_from(start.column()).ok()?))
}

fn key_of<'n>(map: &'n MarkedMappingNode, key: &str) -> Option<&'n marked_yaml::Span> {
    map.iter().find(|(name, _)| name.as_str() == key).map(|(name, _)| name.span())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_keys_and_items() {
        assert_eq!(
            parse_path("a.b[2][0].c"),
            Ok(vec![Step::Key("a"), Step::Key("b"), Step::Index(2), Step::Index(0), Step::Key("c")])
        );
        assert!(parse_path("a..b").is_err());
        assert!(parse_path("a[x]").is_err());
    }

    #[test]
    fn positions_are_where_values_are_written() {
        let yaml = "firewall:\n  - host: a\n    port: 443\n  - host: b\n    port: 0\noffers:\n  essential: { ie: no }\nurls: [x, y]\n";
        let positions = Positions::new(yaml);
        assert_eq!(positions.of("firewall[1].port"), Some((5, 5)));
        assert_eq!(positions.of("offers.essential"), Some((7, 3)));
        assert_eq!(positions.of("urls[1]"), Some((8, 11)));
        assert_eq!(positions.of("firewall[2].port"), None);
        assert_eq!(positions.value_of("firewall[1].port"), Some((5, 11)));
        assert_eq!(Positions::new(": bad").of("a"), None);
    }
}
