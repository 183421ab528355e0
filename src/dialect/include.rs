//! `{% include path %}`: snippets from `content/_includes/`, expanded in
//! place with the same dialect, with `{{ page.lang }}` and
//! `{{ page.<key> }}` filled into the path.

use super::tags::Tag;
use super::{Expander, MAX_EXPANDED_BYTES, MAX_INCLUDE_DEPTH};
use crate::content::Lookup;
use crate::diag::{did_you_mean, Code, Diagnostic};
use crate::ids::normalize_relative;

impl<'a> Expander<'a, '_> {
    pub(super) fn include(&mut self, source: usize, at: usize, tag: &Tag<'_>) {
        // Past the budget every include is refused at once: snippets that
        // include each other many times over cannot make the work explode.
        if self.over_budget {
            return;
        }
        let path = match self.include_path(tag.args) {
            Ok(path) => path,
            Err(message) => {
                let d = Diagnostic::new(Code::DialectMalformedTag, message).with_help(
                    "write `{% include path/under/_includes.md %}`; `{{ page.lang }}` may be part of the path",
                );
                self.report(d, source, at);
                return;
            }
        };
        let file = match self.cx.includes.get(&path) {
            Lookup::Found(file) => file,
            Lookup::Broken => {
                let d = Diagnostic::new(
                    Code::IncludeUnreadable,
                    format!("`{path}` cannot be used: it could not be read (see its own error)"),
                );
                self.report(d, source, at);
                return;
            }
            Lookup::Missing => {
                let mut d = Diagnostic::new(Code::IncludeMissing, format!("no file `{path}` in content/_includes/"));
                if let Some(close) = did_you_mean(&path, self.cx.includes.paths()) {
                    d = d.with_help(format!("did you mean `{close}`?"));
                }
                self.report(d, source, at);
                return;
            }
        };
        if self.stack.contains(&path) {
            let mut chain = self.stack.clone();
            chain.push(path);
            let d = Diagnostic::new(Code::IncludeCycle, format!("include cycle: {}", chain.join(" -> ")));
            self.report(d, source, at);
            return;
        }
        if self.stack.len() >= MAX_INCLUDE_DEPTH {
            let d = Diagnostic::new(
                Code::IncludeTooDeep,
                format!(
                    "includes are nested more than {MAX_INCLUDE_DEPTH} deep: {} -> {path}",
                    self.stack.join(" -> ")
                ),
            );
            self.report(d, source, at);
            return;
        }
        let id = match self.source_paths.iter().position(|p| *p == path) {
            Some(id) => id,
            None => {
                self.out.sources.push(file.source_text());
                self.source_paths.push(path.clone());
                self.out.sources.len() - 1
            }
        };
        // The snippet's final newline belongs to the file, not to the text:
        // without it an include can sit inside a sentence.
        let text = file.text.strip_suffix('\n').unwrap_or(&file.text);
        if !self.within_budget(source, at, &path, text.len()) {
            return;
        }
        self.stack.push(path);
        self.expand(id, text, 0);
        self.stack.pop();
    }

    /// Whether `len` more bytes from the snippet `path` keep the article
    /// within `MAX_EXPANDED_BYTES`; if not, the include at `at` is the
    /// error, and no other include is expanded.
    fn within_budget(&mut self, source: usize, at: usize, path: &str, len: usize) -> bool {
        if self.out.markdown.len() + len <= MAX_EXPANDED_BYTES {
            return true;
        }
        self.over_budget = true;
        let message = format!(
            "this include makes the article larger than {} MB once its snippets are expanded",
            MAX_EXPANDED_BYTES >> 20
        );
        let chain: Vec<&str> = self.stack.iter().map(String::as_str).chain([path]).collect();
        let d = Diagnostic::new(Code::IncludeTooLarge, message).with_help(format!(
            "snippets that include each other several times multiply; the chain here is {}",
            chain.join(" -> ")
        ));
        self.report(d, source, at);
        false
    }

    /// The include path with `{{ page.lang }}` and `{{ page.<key> }}` filled in.
    fn include_path(&self, args: &str) -> Result<String, String> {
        let mut path = String::new();
        let mut rest = args.trim();
        while let Some(start) = rest.find("{{") {
            path.push_str(&rest[..start]);
            let end = rest[start..].find("}}").ok_or("a `{{` in the include path is never closed")? + start;
            let expression = rest[start + 2..end].trim();
            path.push_str(&self.variable_value(expression)?);
            rest = &rest[end + 2..];
        }
        path.push_str(rest);
        if path.is_empty() {
            return Err("`include` needs the path of a file under content/_includes/".into());
        }
        if path.contains(char::is_whitespace) {
            return Err(format!("`include` takes one path without spaces; found `{path}`"));
        }
        normalize_relative(&path).map_err(|e| format!("invalid include path `{path}`: {e}"))
    }
}
