//! Front matter: split the YAML block off an article and read it into a typed
//! `FrontMatter`. Errors point at the line in the article file, not at a line
//! inside the YAML block.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::diag::{did_you_mean, Code};
use crate::ids::{ArticlePath, PathError};
use crate::syntax::yaml_limits;

/// The keys helpgen reads; any other key is passed to templates as it is.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "description",
    "product_label",
    "related_articles",
    "toc",
    "redirect_from",
    "redirect_to",
    "redirect_reason",
];

/// The typed front matter of one article. Keys helpgen does not know are kept
/// in `extra` and passed to templates as they are.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub product_label: Vec<String>,
    pub related_articles: Vec<RelatedArticle>,
    pub toc: bool,
    pub redirect_from: Vec<String>,
    /// jekyll-redirect-from's other key: this article now lives at that URL,
    /// and its pages send readers there.
    pub redirect_to: Option<String>,
    pub redirect_reason: Option<String>,
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

/// A `related_articles` entry, its path read once.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(from = "WrittenRelated", into = "WrittenRelated")]
pub struct RelatedArticle {
    /// As written, for messages and to find the entry in the front matter.
    pub filepath: String,
    /// `filepath` read as an article path, or why it is not one.
    pub path: Result<ArticlePath, PathError>,
    pub overwrite_title: Option<String>,
}

#[derive(Deserialize, serde::Serialize)]
struct WrittenRelated {
    filepath: String,
    #[serde(default)]
    overwrite_title: Option<String>,
}

impl From<WrittenRelated> for RelatedArticle {
    fn from(written: WrittenRelated) -> RelatedArticle {
        let path = ArticlePath::parse(&written.filepath);
        RelatedArticle { filepath: written.filepath, path, overwrite_title: written.overwrite_title }
    }
}

impl From<RelatedArticle> for WrittenRelated {
    fn from(related: RelatedArticle) -> WrittenRelated {
        WrittenRelated { filepath: related.filepath, overwrite_title: related.overwrite_title }
    }
}

/// A problem in the front matter, at a byte offset of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub offset: usize,
    pub code: Code,
    pub message: String,
    pub help: Option<String>,
}

impl FrontMatterError {
    fn new(offset: usize, code: Code, message: impl Into<String>) -> Self {
        FrontMatterError { offset, code, message: message.into(), help: None }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Where the parts of an article are, as byte offsets into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub yaml_start: usize,
    pub yaml_end: usize,
    pub body_start: usize,
}

/// Finds the `---` fences. The text must already be free of a BOM and CRLF.
pub fn split(text: &str) -> Result<Split, FrontMatterError> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(FrontMatterError::new(0, Code::FrontMatterMissing, "the article has no front matter")
            .help("start the file with a line `---`, then `title: Your title`, then another `---` line"));
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut line_start = yaml_start;
    while line_start < text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split { yaml_start, yaml_end: line_start, body_start: (line_end + 1).min(text.len()) });
        }
        line_start = line_end + 1;
    }
    Err(FrontMatterError::new(0, Code::FrontMatterUnterminated, "the front matter that starts here is never closed")
        .help("add a line containing only `---` after the last front matter key"))
}

/// A front matter and the problems that do not stop it from being read
/// (Jekyll accepts them): warnings, at byte offsets of the article text.
pub struct Read {
    pub front: FrontMatter,
    pub warnings: Vec<FrontMatterError>,
}

/// Parses the YAML between the fences of `text` into a `FrontMatter`.
pub fn parse(text: &str, split: Split) -> Result<Read, FrontMatterError> {
    let yaml = &text[split.yaml_start..split.yaml_end];
    // The YAML parser slows down sharply on deep nesting: measured before
    // it runs.
    if let Err(over) = yaml_limits::check(yaml, yaml_limits::FRONT_MATTER) {
        return Err(FrontMatterError::new(split.yaml_start + over.offset, Code::FrontMatterYaml, over.message)
            .help("front matter holds a few keys; move large data to content/_data/"));
    }
    let mut warnings = Vec::new();
    let value = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(value) => value,
        // A key given twice is refused by the YAML mapping but accepted by
        // Jekyll, where the last value wins.
        Err(e) => match serde_yaml::from_str::<Entries>(yaml) {
            Ok(entries) => serde_yaml::Value::Mapping(entries.last_wins(yaml, split.yaml_start, &mut warnings)),
            Err(_) => {
                let offset = split.yaml_start + e.location().map_or(0, |l| l.index());
                let lines_before = text[..split.yaml_start].matches('\n').count();
                let message = format!("invalid YAML: {}", yaml_message(&e, lines_before));
                return Err(FrontMatterError::new(offset, Code::FrontMatterYaml, message));
            }
        },
    };
    let mut map = match value {
        serde_yaml::Value::Mapping(map) => map,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            return Err(FrontMatterError::new(
                split.yaml_start,
                Code::FrontMatterYaml,
                "the front matter is not a list of `key: value` lines",
            ))
        }
    };
    let mut fields = Fields { map: &mut map, yaml, yaml_start: split.yaml_start, warnings: &mut warnings };
    let title: Option<Scalar> = fields.take("title", "a single line of text")?;
    let title = match title.map(|s| s.0).filter(|t| !t.trim().is_empty()) {
        Some(title) => title,
        None => return Err(missing_title(&fields, split)),
    };
    let description: Option<Scalar> = fields.take("description", "text")?;
    let product_label: Option<OneOrMany> = fields.take("product_label", "a list of offer ids")?;
    let related_articles: Option<Vec<RelatedArticle>> =
        fields.take("related_articles", "a list of `filepath:` entries")?;
    let toc: Option<bool> = fields.take("toc", "true or false")?;
    let redirect_from: Option<OneOrMany> = fields.take("redirect_from", "a list of old URLs")?;
    let redirect_to: Option<Scalar> = fields.take("redirect_to", "a URL")?;
    let redirect_reason: Option<Scalar> = fields.take("redirect_reason", "text")?;

    let extra = map
        .into_iter()
        .filter_map(|(k, v)| match k {
            serde_yaml::Value::String(k) => Some((k, v)),
            _ => None,
        })
        .collect();
    let front = FrontMatter {
        title: title.trim().to_string(),
        description: description.map(|s| s.0),
        product_label: product_label.map(|l| l.0).unwrap_or_default(),
        related_articles: related_articles.unwrap_or_default(),
        toc: toc.unwrap_or(false),
        redirect_from: redirect_from.map(|l| l.0).unwrap_or_default(),
        redirect_to: redirect_to.map(|s| s.0.trim().to_string()),
        redirect_reason: redirect_reason.map(|s| s.0),
        extra,
    };
    Ok(Read { front, warnings })
}

/// No title: at a key that looks like a misspelt `title` if there is one.
fn missing_title(fields: &Fields, split: Split) -> FrontMatterError {
    let mut keys = fields.map.keys().filter_map(serde_yaml::Value::as_str);
    let near_miss = keys.find(|key| did_you_mean(key, ["title"]).is_some());
    match near_miss {
        Some(key) => FrontMatterError::new(
            split.yaml_start + find_key(fields.yaml, key).unwrap_or(0),
            Code::FrontMatterMissingTitle,
            format!("the front matter has no `title`; did you mean `title` for `{key}`?"),
        )
        .help(format!("rename `{key}:` to `title:`")),
        None => FrontMatterError::new(
            split.yaml_start.saturating_sub(4),
            Code::FrontMatterMissingTitle,
            "the front matter has no `title`",
        )
        .help("add a line such as `title: Supported browsers` between the `---` lines"),
    }
}

/// The front matter mapping, from which known keys are taken one by one.
struct Fields<'a> {
    map: &'a mut serde_yaml::Mapping,
    yaml: &'a str,
    yaml_start: usize,
    warnings: &'a mut Vec<FrontMatterError>,
}

impl Fields<'_> {
    /// Removes `key` and types its value; a wrong type is reported at the
    /// key's line, since serde_yaml cannot locate values it already parsed.
    fn take<T: DeserializeOwned>(&mut self, key: &str, expected: &str) -> Result<Option<T>, FrontMatterError> {
        let Some(value) = self.map.remove(key) else {
            return Ok(None);
        };
        // `description:` with nothing after it: Jekyll reads no value.
        if value.is_null() {
            if key != "title" {
                let offset = self.yaml_start + find_key(self.yaml, key).unwrap_or(0);
                let message = format!("`{key}` is empty, so it is left out");
                let warning = FrontMatterError::new(offset, Code::FrontMatterEmptyValue, message)
                    .help(format!("give `{key}` a value, or remove the line"));
                self.warnings.push(warning);
            }
            return Ok(None);
        }
        serde_yaml::from_value(value).map(Some).map_err(|e| {
            let offset = self.yaml_start + find_key(self.yaml, key).unwrap_or(0);
            FrontMatterError::new(
                offset,
                Code::FrontMatterType,
                format!("`{key}` should be {expected}: {}", strip_position(&e)),
            )
        })
    }
}

/// The YAML error text without serde_yaml's own " at line X column Y", which
/// would count from the start of the YAML block and contradict our location.
fn strip_position(e: &serde_yaml::Error) -> String {
    yaml_message(e, 0)
}

/// serde_yaml's message with its primary position removed (the diagnostic
/// carries it) and any other position ("while parsing a flow sequence at
/// line 1 column 8") moved from YAML-block lines to file lines.
fn yaml_message(e: &serde_yaml::Error, lines_before: usize) -> String {
    let mut text = e.to_string();
    if let Some(l) = e.location() {
        text = text.replacen(&format!(" at line {} column {}", l.line(), l.column()), "", 1);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("line ") {
        let (before, after) = rest.split_at(i + "line ".len());
        out.push_str(before);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + lines_before).to_string()),
            Err(_) => out.push_str(&after[..digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Offset of a top-level `key:` line in the YAML block.
fn find_key(yaml: &str, key: &str) -> Option<usize> {
    find_keys(yaml, key).next()
}

/// Offsets of every top-level `key:` line in the YAML block.
fn find_keys<'y>(yaml: &'y str, key: &'y str) -> impl Iterator<Item = usize> + 'y {
    let mut offset = 0;
    yaml.split_inclusive('\n').filter_map(move |line| {
        let at = offset;
        offset += line.len();
        line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')).then_some(at)
    })
}

/// The entries of a YAML mapping as written, a key given twice included.
struct Entries(Vec<(serde_yaml::Value, serde_yaml::Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`key: value` lines")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(Visitor)
    }
}

impl Entries {
    /// The mapping with the last value of each key, and a warning at each
    /// earlier line of a key given more than once.
    fn last_wins(self, yaml: &str, yaml_start: usize, warnings: &mut Vec<FrontMatterError>) -> serde_yaml::Mapping {
        let mut map = serde_yaml::Mapping::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (key, value) in self.0 {
            let name = key.as_str().map(str::to_string);
            let replaced = map.insert(key, value).is_some();
            let (Some(name), true) = (name, replaced) else { continue };
            // The value dropped is the one of the key's previous line.
            let earlier = seen.entry(name.clone()).or_insert(0);
            let offset = find_keys(yaml, &name).nth(*earlier).unwrap_or(0);
            *earlier += 1;
            let message = format!("`{name}` is given more than once; the last value is used");
            let warning = FrontMatterError::new(yaml_start + offset, Code::FrontMatterDuplicateKey, message)
                .help("remove the line whose value you do not want");
            warnings.push(warning);
        }
        map
    }
}

/// A scalar read as text: writers type `title: 2024` and mean the text "2024".
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match serde_yaml::Value::deserialize(d)? {
            serde_yaml::Value::String(s) => Ok(Scalar(s)),
            serde_yaml::Value::Number(n) => Ok(Scalar(n.to_string())),
            serde_yaml::Value::Bool(b) => Ok(Scalar(b.to_string())),
            other => Err(D::Error::custom(format!("found {}", describe(&other)))),
        }
    }
}

/// A list of strings, or one string standing for a list of one.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match serde_yaml::Value::deserialize(d)? {
            serde_yaml::Value::Null => Ok(OneOrMany(Vec::new())),
            serde_yaml::Value::Sequence(items) => items
                .into_iter()
                .map(|item| match item {
                    serde_yaml::Value::String(s) => Ok(s),
                    other => Err(D::Error::custom(format!("an item is {}", describe(&other)))),
                })
                .collect::<Result<_, _>>()
                .map(OneOrMany),
            serde_yaml::Value::String(s) => Ok(OneOrMany(vec![s])),
            other => Err(D::Error::custom(format!("found {}", describe(&other)))),
        }
    }
}

fn describe(value: &serde_yaml::Value) -> &'static str {
    match value {
        serde_yaml::Value::Null => "nothing",
        serde_yaml::Value::Bool(_) => "true/false",
        serde_yaml::Value::Number(_) => "a number",
        serde_yaml::Value::String(_) => "text",
        serde_yaml::Value::Sequence(_) => "a list",
        serde_yaml::Value::Mapping(_) => "a set of `key: value` pairs",
        serde_yaml::Value::Tagged(_) => "a tagged value",
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
