use super::*;
use crate::diag::Code;

pub(super) const SAMPLE: &str = include_str!("../../content/_data/requirements.yaml");

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn problems(text: &str) -> Vec<(Code, u32, String)> {
    parse(
        text,
        &Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]),
        day("2026-11-24"),
    )
    .1
    .into_iter()
    .map(|d| (d.code, d.location.map_or(0, |l| l.line), d.message))
    .collect()
}

fn sample_with(old: &str, new: &str) -> String {
    assert!(SAMPLE.contains(old), "the sample no longer has {old:?}");
    SAMPLE.replacen(old, new, 1)
}

fn line_of(text: &str, needle: &str) -> u32 {
    text[..text.find(needle).unwrap()].matches('\n').count() as u32 + 1
}

#[test]
fn the_sample_data_is_valid() {
    assert_eq!(problems(SAMPLE), []);
    let data: Requirements = serde_yaml::from_str(SAMPLE).unwrap();
    assert_eq!(data.offers["enterprise-on-premise"].ie_mode, Need::RequiredToSignIn);
    assert_eq!(data.offers["essential"].client, Need::No);
}

#[test]
fn a_wrong_type_is_positioned() {
    let text = sample_with("port: 45054", "port: forty");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Code::DataInvalid, line_of(&text, "port: forty")));
}

#[test]
fn ports_out_of_range_are_errors() {
    let text = sample_with("port: 45054", "port: 70000");
    let found = problems(&text);
    assert_eq!((found[0].0, found[0].1), (Code::DataInvalid, line_of(&text, "port: 70000")), "{found:?}");
    let text = sample_with("legacy_port: 80", "legacy_port: 0");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, line_of(&text, "legacy_port: 0"));
}

/// Problems found after serde typed the data are placed at their field, by
/// its path: the same value written elsewhere does not mislead it.
#[test]
fn problems_are_at_their_field_with_a_column() {
    let text = sample_with("fallback_offers: [advanced, enterprise]", "fallback_offers: [enterprise, platinum]");
    let found = parse(
        &text,
        &Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]),
        day("2026-11-24"),
    )
    .1;
    let location = found[0].location.clone().unwrap();
    let line = text.lines().nth(location.line as usize - 1).unwrap();
    assert_eq!(&line[location.column as usize - 1..], "platinum]", "{found:?}");
    // A second rule with port 443 written as 0: its own line, not the first rule's.
    let text = text.replacen("    port: 45054", "    port: 0", 1);
    let found = parse(
        &text,
        &Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]),
        day("2026-11-24"),
    )
    .1;
    let ports: Vec<_> = found.iter().filter(|d| d.message.starts_with("port 0")).collect();
    assert_eq!(ports[0].location.as_ref().map(|l| (l.line, l.column)), Some((line_of(&text, "port: 0"), 5)));
}

#[test]
fn unknown_offers_are_errors_with_a_suggestion() {
    let text = sample_with("  advanced: { ie_mode", "  advnced: { ie_mode");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, line_of(&text, "advnced:"));
    assert!(found[0].2.contains("did you mean `advanced`"), "{}", found[0].2);
    let text = sample_with("fallback_offers: [advanced, enterprise]", "fallback_offers: [advanced, platinum]");
    assert_eq!(problems(&text)[0].1, line_of(&text, "platinum"));
}

#[test]
fn malformed_urls_are_errors() {
    for bad in ["wss://ws.injixo.com", "https://www.injixo.com"] {
        for replacement in ["ftp://ws.injixo.com", "wss//ws.injixo.com", "wss://bad host.com", "ws://example.com"] {
            let text = sample_with(&format!("- {bad}"), &format!("- {replacement}"));
            let found = problems(&text);
            assert_eq!(found.len(), 1, "{replacement}: {found:?}");
            assert_eq!(found[0].1, line_of(&text, replacement), "{replacement}");
        }
    }
}

#[test]
fn a_misspelt_key_is_an_error() {
    let text = sample_with("max_age_days: 120", "max_age_dayz: 120");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].2.contains("max_age_dayz"), "{}", found[0].2);
}

#[test]
fn old_browser_versions_are_a_warning() {
    let (data, found) = parse(
        SAMPLE,
        &Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]),
        day("2027-06-01"),
    );
    assert!(data.is_some(), "a warning keeps the data");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, Code::DataStale);
    assert_eq!(found[0].severity, crate::diag::Severity::Warning);
    assert_eq!(found[0].location.as_ref().unwrap().line, line_of(SAMPLE, "checked_on"));
    // Exactly at the limit is still fresh.
    assert!(parse(
        SAMPLE,
        &Offers::of(&["essential", "advanced", "enterprise", "classic", "enterprise-on-premise"]),
        day("2027-03-01")
    )
    .1
    .is_empty());
}

#[test]
fn dates_count_days() {
    assert_eq!(day("1970-01-01").days(), 0);
    assert_eq!(day("2000-03-01").days(), 11_017);
    assert_eq!(day("2024-03-01").days() - day("2024-02-28").days(), 2);
    for bad in ["2026-13-01", "2026-11", "yesterday", "2026-11-xx"] {
        assert!(Date::parse(bad).is_none(), "{bad}");
    }
}

#[test]
fn bandwidth_scales_from_the_reference_point() {
    let data: Requirements = serde_yaml::from_str(SAMPLE).unwrap();
    assert_eq!(data.bandwidth.for_seats(200), Range { min: 25.0, max: 50.0 });
    assert_eq!(data.bandwidth.for_seats(50), Range { min: 6.25, max: 12.5 });
}

#[test]
fn urls_the_widget_may_contact() {
    assert!(model::check_url("wss://ws.example.com/socket").is_ok());
    assert!(model::check_url("https://example.com:8443/").is_ok());
    assert!(model::check_url("ws://127.0.0.1:9001").is_ok());
    assert!(model::check_url("http://example.com").is_err());
    assert!(model::check_url("wss://example.com:0").is_err());
    assert!(model::check_url("wss://user@example.com").is_err());
    assert!(model::check_url("wss://").is_err());
}
