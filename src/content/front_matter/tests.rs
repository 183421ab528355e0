use super::*;

fn read(text: &str) -> Result<FrontMatter, FrontMatterError> {
    parse(text, split(text)?).map(|read| read.front)
}

fn warnings(text: &str) -> Vec<(Code, usize)> {
    let read = parse(text, split(text).unwrap()).unwrap();
    read.warnings.iter().map(|w| (w.code, w.offset)).collect()
}

/// Jekyll takes the last value of a key given twice, and no value for
/// an empty one: warnings, at the line that loses.
#[test]
fn duplicate_keys_and_empty_values_are_warnings() {
    let text = "---\ntitle: A\ndescription:\ntitle: B\ntoc: true\ntitle: C\n---\n";
    let front = read(text).unwrap();
    assert_eq!((front.title.as_str(), front.description, front.toc), ("C", None, true));
    let at = |needle: &str| text.find(needle).unwrap();
    assert_eq!(
        warnings(text),
        [
            (Code::FrontMatterDuplicateKey, at("title: A")),
            (Code::FrontMatterDuplicateKey, at("title: B")),
            (Code::FrontMatterEmptyValue, at("description:")),
        ]
    );
}

#[test]
fn a_misspelt_title_is_named() {
    let text = "---\ntilte: Setup\n---\n";
    let err = read(text).unwrap_err();
    assert_eq!((err.code, err.offset), (Code::FrontMatterMissingTitle, text.find("tilte").unwrap()));
    assert!(err.message.contains("did you mean `title` for `tilte`?"), "{}", err.message);
}

#[test]
fn reads_every_known_key() {
    let text = "---\ntitle: Prérequis\ndescription: Quoi\nproduct_label:\n  - essential\n  - classic\nrelated_articles:\n  - filepath: a/b.md\n    overwrite_title: X\ntoc: true\nredirect_from: /old\npromote-service: yes\n---\nBody";
    let fm = read(text).unwrap();
    assert_eq!(fm.title, "Prérequis");
    assert_eq!(fm.description.as_deref(), Some("Quoi"));
    assert_eq!(fm.product_label, ["essential", "classic"]);
    assert_eq!(fm.related_articles[0].filepath, "a/b.md");
    assert_eq!(fm.related_articles[0].overwrite_title.as_deref(), Some("X"));
    assert!(fm.toc);
    assert_eq!(fm.redirect_from, ["/old"]);
    assert!(fm.extra.contains_key("promote-service"));
    assert_eq!(&text[split(text).unwrap().body_start..], "Body");
}

#[test]
fn split_errors() {
    assert_eq!(split("title: x\n").unwrap_err().code, Code::FrontMatterMissing);
    assert_eq!(split("---\ntitle: x\n").unwrap_err().code, Code::FrontMatterUnterminated);
    let s = split("---\n---\n").unwrap();
    assert_eq!((s.yaml_start, s.yaml_end, s.body_start), (4, 4, 8));
}

#[test]
fn yaml_errors_point_into_the_file() {
    let text = "---\ntitle: ok\nbad: [unclosed\n---\n";
    let err = read(text).unwrap_err();
    assert_eq!(err.code, Code::FrontMatterYaml);
    assert!(err.offset >= text.find("bad").unwrap(), "{err:?}");
    // The context's position counts file lines: the `[` is on line 3.
    let expected = "invalid YAML: did not find expected ',' or ']', while parsing a flow sequence at line 3 column 6";
    assert_eq!(err.message, expected);
}

#[test]
fn type_errors_name_the_key_line() {
    let text = "---\ntitle: ok\ntoc: maybe\n---\n";
    let err = read(text).unwrap_err();
    assert_eq!(err.code, Code::FrontMatterType);
    assert_eq!(err.offset, text.find("toc").unwrap());
    assert!(err.message.starts_with("`toc` should be true or false"), "{}", err.message);
}

#[test]
fn missing_or_empty_title() {
    assert_eq!(read("---\ndescription: x\n---\n").unwrap_err().code, Code::FrontMatterMissingTitle);
    assert_eq!(read("---\ntitle: '  '\n---\n").unwrap_err().code, Code::FrontMatterMissingTitle);
    assert_eq!(read("---\ntitle: 2024\n---\n").unwrap().title, "2024");
}

/// Deep or large front matter is refused before the YAML parser, which
/// slows down sharply on it.
#[test]
fn deep_or_large_front_matter_is_refused_at_once() {
    let deep = format!("---\ntitle: x\nextra: {}{}\n---\n", "[".repeat(30_000), "]".repeat(30_000));
    let err = read(&deep).unwrap_err();
    assert!(err.message.contains("nests 30000 levels deep"), "{}", err.message);
    let indented: String = (0..40).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    assert!(read(&format!("---\ntitle: x\n{indented}---\n")).unwrap_err().message.contains("nests 39 levels"));
    let large = format!("---\ntitle: x\nnote: \"{}\"\n---\n", "a".repeat(70_000));
    assert!(read(&large).unwrap_err().message.contains("at most 64 KB"));
    // Brackets in quoted text are text.
    assert!(read("---\ntitle: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n---\n").is_ok());
}
