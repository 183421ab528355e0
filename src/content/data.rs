//! `content/_data/*.yaml` as Jekyll's `site.data` sees them: every file a
//! tree of values that `{{ site.data.requirements.firewall[1].port }}`
//! reads from, so a fact kept in data can be printed inside a sentence.
//! `offers.yaml` and `requirements.yaml` are also read, typed and checked,
//! by their own stages; this is only the tree.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{did_you_mean, Code, Diagnostic, Diagnostics, Location};
use crate::syntax::data_path::{parse_path, Step};
use crate::syntax::yaml_limits;

pub const DATA_DIR: &str = "_data";

/// Files checked by a stage of their own, which reports their errors.
const TYPED: &[&str] = &["offers", "requirements"];

/// The data files by name (`requirements` for `requirements.yaml`).
#[derive(Debug, Default)]
pub struct DataFiles(BTreeMap<String, serde_yaml::Value>);

pub fn load(content_dir: &Path, diags: &mut Diagnostics) -> DataFiles {
    let mut files = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(content_dir.join(DATA_DIR)) else { return DataFiles(files) };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = match (path.file_stem(), path.extension()) {
            (Some(stem), Some(ext)) if ext == "yaml" || ext == "yml" => stem.to_string_lossy().into_owned(),
            _ => continue,
        };
        let file = Path::new("content").join(DATA_DIR).join(path.file_name().unwrap_or_default());
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| Diagnostic::new(Code::DataInvalid, format!("cannot read: {e}")).at(Location::file(&file)))
            .and_then(|text| {
                yaml_limits::check_data_file(&file, &text)?;
                serde_yaml::from_str(&text).map_err(|e| {
                    Diagnostic::new(Code::DataInvalid, format!("cannot read: {e}")).at(Location::file(&file))
                })
            });
        match parsed {
            Ok(value) => {
                files.insert(name, value);
            }
            // The typed files report their problems in their own stages.
            Err(diagnostic) if !TYPED.contains(&name.as_str()) => diags.push(diagnostic),
            Err(_) => {}
        }
    }
    DataFiles(files)
}

impl DataFiles {
    /// For tests and callers that build the data in memory.
    pub fn insert(&mut self, name: &str, value: serde_yaml::Value) {
        self.0.insert(name.to_string(), value);
    }

    /// The text of `site.data.<path>`: a string, number or boolean.
    pub fn text(&self, path: &str) -> Result<String, String> {
        let mut steps = parse_path(path)?.into_iter();
        let Some(Step::Key(file)) = steps.next() else {
            return Err(format!("`site.data.{path}` should start with a data file's name"));
        };
        let mut value = self.0.get(file).ok_or_else(|| {
            let close = did_you_mean(file, self.0.keys().map(String::as_str));
            let hint = close.map(|c| format!("; did you mean `{c}`?")).unwrap_or_default();
            format!("there is no content/_data/{file}.yaml{hint}")
        })?;
        let mut at = format!("site.data.{file}");
        for step in steps {
            value = apply(step, value, &at)?;
            at.push_str(&step.to_string());
        }
        match value {
            serde_yaml::Value::String(s) => Ok(s.clone()),
            serde_yaml::Value::Number(n) => Ok(n.to_string()),
            serde_yaml::Value::Bool(b) => Ok(b.to_string()),
            serde_yaml::Value::Sequence(items) => {
                Err(format!("`{at}` is a list of {}; name one of them, such as `{at}[0]`", items.len()))
            }
            serde_yaml::Value::Mapping(map) => Err(format!("`{at}` holds {}; name one of them", keys(map))),
            _ => Err(format!("`{at}` has no value")),
        }
    }
}

/// The value `step` names in `value`, which is at `at`.
fn apply<'v>(step: Step, value: &'v serde_yaml::Value, at: &str) -> Result<&'v serde_yaml::Value, String> {
    match (step, value) {
        (Step::Key(key), serde_yaml::Value::Mapping(map)) => map.get(key).ok_or_else(|| {
            let names = map.keys().filter_map(serde_yaml::Value::as_str);
            match did_you_mean(key, names) {
                Some(close) => format!("`{at}` has no `{key}`; did you mean `{close}`?"),
                None => format!("`{at}` has no `{key}`; it holds {}", keys(map)),
            }
        }),
        (Step::Index(i), serde_yaml::Value::Sequence(items)) => items
            .get(i)
            .ok_or_else(|| format!("`{at}` has {} items, counted from 0: `[{i}]` is past its end", items.len())),
        (step, _) => Err(format!(
            "`{at}` is not a {}, so `{step}` names nothing in it",
            match step {
                Step::Key(_) => "set of named values",
                Step::Index(_) => "list",
            }
        )),
    }
}

fn keys(map: &serde_yaml::Mapping) -> String {
    let names: Vec<String> = map.keys().filter_map(serde_yaml::Value::as_str).map(|k| format!("`{k}`")).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> DataFiles {
        let yaml = "firewall:\n  - host: a.example\n    port: 443\n  - host: b.example\n    port: 45054\nbandwidth: { seats: 200 }\n";
        DataFiles(BTreeMap::from([("requirements".to_string(), serde_yaml::from_str(yaml).unwrap())]))
    }

    #[test]
    fn values_are_read_by_name_and_index() {
        let data = data();
        assert_eq!(data.text("requirements.firewall[1].port"), Ok("45054".into()));
        assert_eq!(data.text("requirements.firewall[0].host"), Ok("a.example".into()));
        assert_eq!(data.text("requirements.bandwidth.seats"), Ok("200".into()));
    }

    #[test]
    fn wrong_paths_say_what_is_there() {
        let data = data();
        let err = |path: &str| data.text(path).unwrap_err();
        assert!(err("requirement.firewall").contains("did you mean `requirements`?"));
        assert!(err("requirements.firewall").contains("is a list of 2; name one of them"));
        assert!(err("requirements.firewall[2].port").contains("has 2 items"));
        assert!(err("requirements.firewall[0].prot").contains("did you mean `port`?"));
        assert!(err("requirements.bandwidth").contains("holds `seats`"));
        assert!(err("requirements..x").contains("names joined by `.`"));
        assert!(err("requirements.firewall[x]").contains("names joined by `.`"));
    }
}
