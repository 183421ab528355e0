use proptest::prelude::*;

const PIECES: &[&str] = &[
    "---",
    "...",
    "\n",
    " ",
    "\t",
    "title:",
    "toc:",
    "product_label:",
    "related_articles:",
    "- ",
    "  ",
    "filepath:",
    "overwrite_title:",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    ":",
    "#",
    "&a",
    "*a",
    "!!str",
    "true",
    "12",
    "é",
    "\u{feff}",
];

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text splits and parses into front matter or a positioned
    /// error inside the text, never a panic.
    #[test]
    fn front_matter_never_panics_and_points_inside(
        framed in proptest::bool::weighted(0.8),
        parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
    ) {
        // Mostly inside fences, so the YAML parser sees the input.
        let text = if framed { format!("---\n{}\n---\nbody", parts.concat()) } else { parts.concat() };
        match super::split(&text) {
            Ok(split) => {
                prop_assert!(split.yaml_start <= split.yaml_end && split.yaml_end <= split.body_start && split.body_start <= text.len());
                if let Err(e) = super::parse(&text, split) {
                    prop_assert!(e.offset <= text.len() && text.is_char_boundary(e.offset), "{:?}", e);
                }
            }
            Err(e) => prop_assert!(e.offset <= text.len()),
        }
    }
}
