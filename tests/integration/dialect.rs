//! The authoring dialect end to end: includes, images, icons and offer
//! blocks in a real site folder, and their errors at file:line:col.

use crate::harness::Site;

/// A 3x2 PNG: signature, then an IHDR chunk (enough for the size reader;
/// browsers are not involved here).
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

fn site() -> Site {
    let site = Site::empty();
    site.write("helpgen.toml", "languages = [\"en\", \"fr\", \"de\"]\n");
    site.write(
        "content/_data/offers.yaml",
        "offers:\n  - id: essential\n  - id: advanced\n  - id: classic\n    legacy: true\n",
    );
    for (lang, text) in [
        ("en", "1. Open the **schedule**."),
        ("fr", "1. Ouvrez le **planning**."),
        ("de", "1. Öffnen Sie den **Plan**."),
    ] {
        site.write(&format!("content/_includes/steps/{lang}/open.md"), format!("{text}\n"));
    }
    site.write("content/_media/guide/start/1.png", png(640, 400));
    site.write("content/_media/de/guide/start/1.png", png(660, 400));
    let body = "{% include steps/{{ page.lang }}/open.md %}\n\n{{ 1 | image: 'ALT', '50%' }}\n\nClick {% icon item-add %}.\n\n{% offer advanced %}\nAdvanced only.\n{% endoffer %}\n";
    for (lang, title) in [("en", "Start"), ("fr", "Démarrer"), ("de", "Start")] {
        let body = body.replace("ALT", &format!("{title} screen"));
        site.write(
            &format!("content/{lang}/guide/start.md"),
            format!("---\ntitle: {title}\nproduct_label: [essential, advanced]\n---\n{body}"),
        );
    }
    site
}

#[test]
fn includes_images_icons_and_offer_blocks_render() {
    let site = site();
    site.build_ok();
    let fr = site.html("fr/start/index.html");
    assert_eq!(fr.text(".article-body ol li"), "Ouvrez le planning.");
    assert_eq!(fr.attr(".article-body figure img", "src"), "/media/guide/start/1.png");
    assert_eq!(fr.attr(".article-body figure img", "width"), "640");
    assert_eq!(fr.attr(".article-body figure img", "alt"), "Démarrer screen");
    assert_eq!(fr.text(".article-body .icon-wrap .icon-label"), "Ajouter");
    assert_eq!(fr.attr(".article-body .offer-block", "data-offers"), "advanced");
    assert_eq!(fr.text(".article-body .offer-block > p:last-child"), "Advanced only.");
    // German has its own screenshot and its own snippet.
    let de = site.html("de/start/index.html");
    assert_eq!(de.attr(".article-body figure img", "src"), "/media/de/guide/start/1.png");
    assert_eq!(de.text(".article-body ol li"), "Öffnen Sie den Plan.");
    // Both images are published, byte for byte.
    assert_eq!(std::fs::read(site.path("public/media/guide/start/1.png")).unwrap(), png(640, 400));
    assert_eq!(std::fs::read(site.path("public/media/de/guide/start/1.png")).unwrap(), png(660, 400));
}

#[test]
fn dialect_errors_point_into_articles_and_snippets() {
    let site = site();
    site.write("content/_includes/steps/fr/open.md", "1. Ouvrez {% link_new la page | nowhere.md %}.\n");
    site.write("content/_includes/steps/de/open.md", b"1. \xd6ffnen\n".as_slice());
    site.write(
        "content/en/guide/start.md",
        "---\ntitle: Start\nproduct_label: [essential, advnaced]\n---\n\n{{ 2 | image: 'Gone' }}\n",
    );
    let run = site.build(&[]);
    run.assert_reports(&[
        "error[link.missing-target]: no article `nowhere.md` exists in any language\n --> content/_includes/steps/fr/open.md:1:11",
        "error[content.encoding]: the file is not valid UTF-8\n --> content/_includes/steps/de/open.md:1:4",
        "error[include.unreadable]",
        "error[offer.unknown]: `advnaced` is not an offer\n --> content/en/guide/start.md:3:28",
        "= help: did you mean `advanced`?",
        "error[image.missing]: image 2 not found; put it at content/_media/guide/start/2.png",
    ]);
    assert!(run.stderr.contains("--> content/de/guide/start.md:5:1"), "{}", run.stderr);
    assert!(!site.path("public").exists());
}
