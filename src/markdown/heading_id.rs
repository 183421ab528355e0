//! Heading ids as kramdown's GFM parser and GitHub make them, so `#anchor`
//! links written for the old help center keep working: lowercase, drop every
//! character that is not a letter, digit, `_`, `-` or space, turn each space
//! into `-`; repeated ids get `-1`, `-2`... in document order.

use std::collections::hash_map::{Entry, HashMap};

use pulldown_cmark::HeadingLevel;

use super::Heading;

pub fn slugify(text: &str) -> String {
    let text = text.trim();
    let mut id = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' => id.push('-'),
            '_' | '-' => id.push(c),
            c => id.extend(c.to_lowercase().filter(|c| c.is_alphanumeric())),
        }
    }
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// Hands out unique ids within one article.
pub struct IdAllocator {
    seen: HashMap<String, usize>,
}

impl Default for IdAllocator {
    fn default() -> IdAllocator {
        // Room for the headings of most articles: growing rehashes every id.
        IdAllocator { seen: HashMap::with_capacity(32) }
    }
}

impl IdAllocator {
    /// Reserves an id written explicitly (`{#custom}`), which always wins.
    pub fn reserve(&mut self, id: &str) {
        self.seen.entry(id.to_string()).or_insert(0);
    }

    /// Whether the id was reserved or handed out already.
    pub fn contains(&self, id: &str) -> bool {
        self.seen.contains_key(id)
    }

    pub fn unique(&mut self, base: String) -> String {
        let (base, mut count) = match self.seen.entry(base) {
            Entry::Vacant(new) => {
                let id = new.key().clone();
                new.insert(0);
                return id;
            }
            Entry::Occupied(seen) => (seen.key().clone(), *seen.get()),
        };
        let candidate = loop {
            count += 1;
            let candidate = format!("{base}-{count}");
            if !self.seen.contains_key(&candidate) {
                break candidate;
            }
        };
        self.seen.insert(base, count);
        self.seen.insert(candidate.clone(), 0);
        candidate
    }
}

/// The ids of one article's headings: an id written by hand (`{#id}`)
/// always wins, and automatic ids avoid it and each other.
pub struct HeadingIds {
    allocator: IdAllocator,
    /// Ids written by hand, as met.
    explicit: Vec<String>,
    /// The explicit ids were all reserved before the pass began.
    known: bool,
    /// An explicit id came after an automatic one that may have taken it.
    late: bool,
}

impl HeadingIds {
    /// `reserved`: explicit ids known beforehand (from an earlier pass).
    pub fn new(reserved: &[String]) -> HeadingIds {
        let mut allocator = IdAllocator::default();
        for id in reserved {
            allocator.reserve(id);
        }
        HeadingIds { allocator, explicit: Vec::new(), known: !reserved.is_empty(), late: false }
    }

    /// Notes an id written by hand, which automatic ids must avoid.
    pub fn note_explicit(&mut self, id: &str) {
        if !self.known && self.allocator.contains(id) {
            self.late = true;
        }
        self.allocator.reserve(id);
        self.explicit.push(id.to_string());
    }

    /// A heading of `level` whose text is `text`: its id is the one
    /// `written` for it, or one made from its text.
    pub fn name(&mut self, level: HeadingLevel, written: Option<&str>, mut text: String) -> Heading {
        let id = match written {
            Some(explicit) => explicit.to_string(),
            None => self.allocator.unique(slugify(&text)),
        };
        // The text is kept for the table of contents, without the spaces around it.
        text.truncate(text.trim_end().len());
        text.drain(..text.len() - text.trim_start().len());
        Heading { level: level as u8, id, text }
    }

    /// If an automatic id may have taken an id written later, the ids
    /// written by hand, to run the pass again with, reserved from the start.
    pub fn rerun(self) -> Option<Vec<String>> {
        self.late.then_some(self.explicit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_style_ids() {
        assert_eq!(slugify("Add a break activity"), "add-a-break-activity");
        assert_eq!(slugify("Microsoft Edge en mode (IE)"), "microsoft-edge-en-mode-ie");
        assert_eq!(slugify("URL de partage pour WebSockets"), "url-de-partage-pour-websockets");
        assert_eq!(slugify("Prérequis : réseau"), "prérequis--réseau");
        assert_eq!(slugify("Größe & Ports_2"), "größe--ports_2");
        assert_eq!(slugify("?!"), "section");
    }

    #[test]
    fn duplicates_are_numbered() {
        let mut ids = IdAllocator::default();
        ids.reserve("setup-1");
        assert_eq!(ids.unique("setup".into()), "setup");
        assert_eq!(ids.unique("setup".into()), "setup-2");
        assert_eq!(ids.unique("other".into()), "other");
    }
}
