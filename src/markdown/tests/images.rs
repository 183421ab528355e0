//! Images: intrinsic sizes, translated screenshots, file types, errors.

use super::*;

fn with_media() -> Fixture {
    let mut fixture = Fixture::default();
    fixture.media.insert("guide/a/1.png", Some((800, 600)));
    fixture.media.insert("guide/a/2.svg", None);
    fixture.media.insert("fr/guide/a/1.png", Some((820, 600)));
    fixture
}

#[test]
fn images_get_intrinsic_size_lazy_loading_and_a_figure_on_their_own() {
    let fixture = with_media();
    let (html, _, d) = render_in("en", "Intro.\n\n{{ 1 | image: 'The <Plan> screen' }}\n", &fixture);
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains(
        "<figure class=\"article-image\"><img src=\"/docs/media/guide/a/1.png\" alt=\"The &lt;Plan&gt; screen\" width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\"></figure>"
    ), "{html}");
    assert!(!html.contains("<p><figure"), "{html}");
    // A pixel width scales the height; a percentage keeps the intrinsic size for layout.
    let (html, _, _) = render_in("en", "{{ 1 | image: 'x', '400px' }}", &fixture);
    assert!(html.contains("width=\"400\" height=\"300\""), "{html}");
    let (html, _, _) = render_in("en", "{{ 1 | image: 'x', '80%' }}", &fixture);
    assert!(html.contains("width=\"800\" height=\"600\" style=\"width:80%;height:auto\""), "{html}");
    // Inside a sentence, no figure; an image without known size has no dimensions.
    let (html, _, _) = render_in("en", "See {{ 2 | image: 'Icon' }} here.", &fixture);
    assert!(html.contains("<p>See <img src=\"/docs/media/guide/a/2.svg\" alt=\"Icon\" loading=\"lazy\""), "{html}");
}

#[test]
fn translated_images_take_precedence() {
    let (html, _, _) = render_in("fr", "{{ 1 | image: 'Écran' }}", &with_media());
    assert!(html.contains("src=\"/docs/media/fr/guide/a/1.png\" alt=\"Écran\" width=\"820\""), "{html}");
    let (html, _, _) = render_in("de", "{{ 1 | image: 'Bild' }}", &with_media());
    assert!(html.contains("src=\"/docs/media/guide/a/1.png\""), "{html}");
}

/// `{{ N | image: 'Alt', 'width', 'gif' }}` names the file type of the image.
#[test]
fn the_image_tag_may_name_the_file_type() {
    let mut fixture = with_media();
    fixture.media.insert("guide/a/1.gif", Some((400, 300)));
    let (html, _, d) = render_in("en", "{{ 1 | image: 'Steps to delete a model', '100%', 'gif' }}", &fixture);
    assert!(d.is_empty(), "{d:?}");
    assert!(html.contains("src=\"/docs/media/guide/a/1.gif\""), "{html}");
    let (_, _, d) = render_in("en", "{{ 2 | image: 'Icon', '', 'png' }}", &fixture);
    assert_eq!(d[0].code, Code::ImageMissing);
    assert!(d[0].message.ends_with("content/_media/guide/a/2.png"), "{}", d[0].message);
}

#[test]
fn image_errors_are_positioned() {
    let fixture = with_media();
    let (html, _, d) = render_in("en", "Text\n\nsee {{ 3 | image: 'Missing' }}", &fixture);
    assert_eq!((d[0].code, at(&d[0])), (Code::ImageMissing, (7, 5)));
    assert!(d[0].message.contains("content/_media/guide/a/3.png"), "{}", d[0].message);
    assert!(
        html.contains("{{ 3 | image: &#39;Missing&#39; }}") || html.contains("{{ 3 | image: 'Missing' }}"),
        "{html}"
    );
    let (_, _, d) = render_in("en", "{{ 1 | image: ' ' }}", &fixture);
    assert_eq!((d[0].code, at(&d[0])), (Code::ImageMissingAlt, (5, 1)));
    let (_, _, d) = render_in("en", "{{ 1 | image: Alt }}", &fixture);
    assert_eq!(d[0].code, Code::DialectMalformedTag);
}
