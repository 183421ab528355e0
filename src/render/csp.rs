//! The Content-Security-Policy every page of the default theme carries: a
//! second line of defence behind the content checks, so markup that slips
//! past them (or a check a site turned off) still cannot run script.

/// What the policy has to let through, besides the site itself.
pub struct PolicyInputs<'a> {
    /// Pagefind compiles WebAssembly.
    pub search: bool,
    /// `[security] allow_frames_from`: address prefixes content may frame.
    pub frames_from: &'a [String],
    /// The self-check's endpoints (`websockets.urls` in the requirement data).
    pub endpoints: &'a [String],
    /// `[feedback] url`: answers are sent there, by a script or a form.
    pub feedback: Option<&'a str>,
}

/// The policy, as one `<meta http-equiv>` value. Scripts and stylesheets
/// come from the site only, with no inline code; style attributes stay
/// allowed because Markdown tables align their cells with them and images
/// take their width that way. Images and media may come from any `https:`
/// host, as help centers often show screenshots from a CDN.
pub fn policy(inputs: &PolicyInputs) -> String {
    let script = if inputs.search { "'self' 'wasm-unsafe-eval'" } else { "'self'" };
    let mut connect = vec!["'self'".to_string()];
    for origin in inputs.endpoints.iter().filter_map(|url| origin(url)) {
        if !connect.contains(&origin) {
            connect.push(origin);
        }
    }
    let feedback = inputs.feedback.and_then(origin);
    let mut forms = "'self'".to_string();
    if let Some(origin) = feedback {
        forms = format!("'self' {origin}");
        if !connect.contains(&origin) {
            connect.push(origin);
        }
    }
    let frames: Vec<String> = inputs.frames_from.iter().filter_map(|prefix| frame_source(prefix)).collect();
    let frames = if frames.is_empty() { "'none'".to_string() } else { frames.join(" ") };
    [
        "default-src 'self'".to_string(),
        format!("script-src {script}"),
        "style-src 'self'".to_string(),
        "style-src-attr 'unsafe-inline'".to_string(),
        "img-src 'self' https:".to_string(),
        "media-src 'self' https:".to_string(),
        format!("connect-src {}", connect.join(" ")),
        format!("frame-src {frames}"),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        format!("form-action {forms}"),
    ]
    .join("; ")
}

/// `scheme://host[:port]` of a URL whose characters are all allowed in a
/// policy source; `None` for anything else, which then stays blocked.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "https" | "http" | "wss" | "ws") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':');
    (!authority.is_empty() && authority.chars().all(safe)).then(|| format!("{scheme}://{authority}"))
}

/// A frame prefix as a policy source. A source path ending in `/` matches
/// every path under it, as the content check's prefix does; a prefix that
/// ends mid-segment is widened to its folder, since a source path without a
/// final `/` matches that one path only.
pub fn frame_source(prefix: &str) -> Option<String> {
    let origin = origin(prefix).filter(|o| o.starts_with("https://") || o.starts_with("http://"))?;
    let path = prefix[origin.len()..].split(['?', '#']).next().unwrap_or("");
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let safe = |c: char| c.is_ascii_alphanumeric() || "-._~/%!$&()*+=@:".contains(c);
    folder.chars().all(safe).then(|| format!("{origin}{folder}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive<'a>(policy: &'a str, name: &str) -> &'a str {
        policy
            .split("; ")
            .find_map(|d| d.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
    }

    #[test]
    fn scripts_come_from_the_site_only_and_webassembly_only_with_search() {
        let plain = policy(&PolicyInputs { search: false, frames_from: &[], endpoints: &[], feedback: None });
        assert_eq!(directive(&plain, "script-src"), "'self'");
        assert_eq!(directive(&plain, "frame-src"), "'none'");
        assert_eq!(directive(&plain, "object-src"), "'none'");
        assert_eq!(directive(&plain, "base-uri"), "'none'");
        assert_eq!(directive(&plain, "style-src"), "'self'");
        let search = policy(&PolicyInputs { search: true, frames_from: &[], endpoints: &[], feedback: None });
        assert_eq!(directive(&search, "script-src"), "'self' 'wasm-unsafe-eval'");
    }

    #[test]
    fn the_self_check_may_reach_its_endpoints_once_each() {
        let endpoints = [
            "https://app.example.com/health".to_string(),
            "wss://ws.example.com".to_string(),
            "https://app.example.com/other".to_string(),
            "http://127.0.0.1:8080/x".to_string(),
            "ftp://files.example.com".to_string(),
            "https://evil.example.com; script-src *".to_string(),
        ];
        let p = policy(&PolicyInputs { search: false, frames_from: &[], endpoints: &endpoints, feedback: None });
        assert_eq!(
            directive(&p, "connect-src"),
            "'self' https://app.example.com wss://ws.example.com http://127.0.0.1:8080"
        );
        assert_eq!(directive(&p, "script-src"), "'self'");
    }

    #[test]
    fn feedback_answers_may_go_to_their_origin_only() {
        let p = policy(&PolicyInputs {
            search: false,
            frames_from: &[],
            endpoints: &[],
            feedback: Some("https://feedback.example.com/answers?site=help"),
        });
        assert_eq!(directive(&p, "connect-src"), "'self' https://feedback.example.com");
        assert_eq!(directive(&p, "form-action"), "'self' https://feedback.example.com");
        let plain = policy(&PolicyInputs { search: false, frames_from: &[], endpoints: &[], feedback: None });
        assert_eq!(directive(&plain, "form-action"), "'self'");
    }

    #[test]
    fn trusted_frame_hosts_become_sources_for_the_same_paths() {
        assert_eq!(
            frame_source("https://www.youtube-nocookie.com/embed/").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/")
        );
        assert_eq!(frame_source("https://player.vimeo.com/video").as_deref(), Some("https://player.vimeo.com/"));
        assert_eq!(frame_source("https://player.vimeo.com").as_deref(), Some("https://player.vimeo.com"));
        assert_eq!(frame_source("https://a.example.com/x?y=1").as_deref(), Some("https://a.example.com/"));
        assert_eq!(frame_source("javascript:alert(1)"), None);
        assert_eq!(frame_source("wss://ws.example.com/"), None);
        assert_eq!(frame_source("https://a.example.com/p q/"), None);
        assert_eq!(frame_source("https://a.example.com/';/"), None);
        let frames = ["https://www.youtube-nocookie.com/embed/".to_string(), "nonsense".to_string()];
        let p = policy(&PolicyInputs { search: false, frames_from: &frames, endpoints: &[], feedback: None });
        assert_eq!(directive(&p, "frame-src"), "https://www.youtube-nocookie.com/embed/");
    }
}
