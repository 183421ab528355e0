//! Intrinsic image dimensions from file headers (PNG, GIF, JPEG, WebP, SVG),
//! so `<img>` gets `width`/`height` and pages do not shift while loading.
//! Reads only the first bytes of a file; anything unrecognised is `None`.

use std::io::{Read, Seek, SeekFrom};

pub fn read(mut file: impl Read + Seek) -> Option<(u32, u32)> {
    let mut head = [0u8; 32];
    let n = read_up_to(&mut file, &mut head)?;
    let head = &head[..n];
    if head.starts_with(b"\x89PNG\r\n\x1a\n") && head.len() >= 24 {
        return Some((be32(&head[16..20]), be32(&head[20..24])));
    }
    if (head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a")) && head.len() >= 10 {
        return Some((le16(&head[6..8]) as u32, le16(&head[8..10]) as u32));
    }
    if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return webp(head);
    }
    if head.starts_with(&[0xFF, 0xD8]) {
        return jpeg(&mut file);
    }
    svg(&mut file)
}

fn read_up_to(file: &mut impl Read, buf: &mut [u8]) -> Option<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]).ok()? {
            0 => break,
            n => filled += n,
        }
    }
    Some(filled)
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

fn le16(b: &[u8]) -> u16 {
    u16::from_le_bytes([b[0], b[1]])
}

fn webp(head: &[u8]) -> Option<(u32, u32)> {
    let chunk = head.get(12..16)?;
    let data = head.get(20..30)?;
    match chunk {
        b"VP8 " => Some(((le16(&data[6..8]) & 0x3FFF) as u32, (le16(&data[8..10]) & 0x3FFF) as u32)),
        b"VP8L" => {
            let bits = u32::from_le_bytes([data[1], data[2], data[3], data[4]]);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => {
            let w = u32::from_le_bytes([data[4], data[5], data[6], 0]) + 1;
            let h = u32::from_le_bytes([data[7], data[8], data[9], 0]) + 1;
            Some((w, h))
        }
        _ => None,
    }
}

/// Walks JPEG segments to the first start-of-frame marker.
fn jpeg(file: &mut (impl Read + Seek)) -> Option<(u32, u32)> {
    file.seek(SeekFrom::Start(2)).ok()?;
    for _ in 0..512 {
        let mut marker = [0u8; 4];
        file.read_exact(&mut marker).ok()?;
        if marker[0] != 0xFF {
            return None;
        }
        let length = u16::from_be_bytes([marker[2], marker[3]]) as i64;
        let is_frame = matches!(marker[1], 0xC0..=0xCF) && !matches!(marker[1], 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let mut frame = [0u8; 5];
            file.read_exact(&mut frame).ok()?;
            let height = u16::from_be_bytes([frame[1], frame[2]]) as u32;
            let width = u16::from_be_bytes([frame[3], frame[4]]) as u32;
            return Some((width, height));
        }
        file.seek(SeekFrom::Current(length - 2)).ok()?;
    }
    None
}

/// `width`/`height` in pixels on the root element, else the viewBox size.
fn svg(file: &mut (impl Read + Seek)) -> Option<(u32, u32)> {
    file.seek(SeekFrom::Start(0)).ok()?;
    let mut text = String::new();
    file.take(4096).read_to_string(&mut text).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag.get(at..at + tag[at..].find('"')?)
    };
    let pixels = |v: &str| v.trim_end_matches("px").parse::<f32>().ok().filter(|n| *n > 0.0).map(|n| n.round() as u32);
    if let (Some(w), Some(h)) = (attr("width").and_then(pixels), attr("height").and_then(pixels)) {
        return Some((w, h));
    }
    let view_box: Vec<f32> = attr("viewBox")?.split([' ', ',']).filter_map(|n| n.parse().ok()).collect();
    match view_box.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use std::io::Cursor;

    #[test]
    fn png_and_gif() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(read(Cursor::new(png)), Some((640, 480)));
        assert_eq!(read(Cursor::new(b"GIF89a\x20\x03\x58\x02rest".to_vec())), Some((800, 600)));
    }

    #[test]
    fn jpeg_skips_segments_before_the_frame() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 1, 2, 3, 4];
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 8, 0x01, 0x2C, 0x01, 0x90, 3, 0, 0]);
        assert_eq!(read(Cursor::new(jpeg)), Some((400, 300)));
    }

    #[test]
    fn svg_sizes() {
        let svg = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40">"#;
        assert_eq!(read(Cursor::new(svg.as_bytes().to_vec())), Some((120, 40)));
        let svg = r#"<svg viewBox="0 0 24 16" xmlns="http://www.w3.org/2000/svg"></svg>"#;
        assert_eq!(read(Cursor::new(svg.as_bytes().to_vec())), Some((24, 16)));
    }

    #[test]
    fn garbage_is_none_not_a_panic() {
        for bytes in
            [&b""[..], b"\x89PNG", b"\xFF\xD8\xFF\x00", b"\xFF\xD8\xFF\xE0\xFF\xFF", b"RIFF\0\0\0\0WEBPVP8 ", b"<svg"]
        {
            assert_eq!(read(Cursor::new(bytes.to_vec())), None, "{bytes:?}");
        }
    }
}
