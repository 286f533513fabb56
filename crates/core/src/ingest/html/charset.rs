//! Turning the bytes of a web page into text: gzip first (when the bytes
//! start with its magic number), then the character set, in the order the
//! issue asks for: a byte-order mark, a `<meta charset>` (or `http-equiv`)
//! declaration in the first kilobytes, valid UTF-8, and Windows-1252 last
//! (it maps every byte, so decoding never fails).
//!
//! One exception to that order: a page whose bytes are valid UTF-8 *with*
//! non-ASCII characters is read as UTF-8 even when it declares a legacy
//! charset. Text in GB2312 or Windows-1252 is almost never valid UTF-8 by
//! chance, while pages re-saved as UTF-8 that keep their old declaration
//! are common (Python trafilatura's `detect_encoding` checks UTF-8 first
//! for the same reason). Measured on readability-pages: the `qq` page
//! (UTF-8 declared `gb2312`) went from F1 0 to its full text.

use crate::error::IngestErrorKind;
use encoding_rs::Encoding;
use std::io::Read;

/// How far into the page a charset declaration is looked for. The HTML
/// standard's prescan stops at 1,024 bytes; real pages put long `<script>`
/// blocks first, so we look further.
const PRESCAN_BYTES: usize = 8192;

/// The first bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True when `bytes` start like a gzip stream.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Decompresses a gzip stream, refusing output over `limit` bytes so a
/// small "zip bomb" cannot use unbounded memory.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, IngestErrorKind> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestErrorKind::InvalidGzip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(IngestErrorKind::TooLarge {
            size: out.len() as u64,
            limit,
        });
    }
    Ok(out)
}

/// True when the bytes look like an HTML document: after a BOM and
/// whitespace, a doctype, an `<html>` tag, or a comment followed by one of
/// them early on; or an element only a web page opens with (`<style>`,
/// `<script>`, `<body>`, …), as saved pages that put a large style block
/// before their doctype do; or a comment with a doctype or `<html>` tag
/// within `DEEP_SNIFF` bytes.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let early = start_of(bytes, 2048).to_ascii_lowercase();
    if early.starts_with(b"<")
        && contains_any(&early, &[b"<!doctype html", b"<html", b"<head", b"<meta"])
    {
        return true;
    }
    let rest = start_of(bytes, DEEP_SNIFF);
    let opens_with = |tag: &[u8]| {
        rest.len() > tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(rest[tag.len()], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
    };
    if PAGE_ONLY_OPENERS.iter().any(|tag| opens_with(tag)) {
        return true;
    }
    rest.starts_with(b"<!--")
        && contains_any(&rest.to_ascii_lowercase(), &[b"<!doctype html", b"<html"])
}

/// The first `limit` bytes, after a UTF-8 byte order mark and leading
/// whitespace.
fn start_of(bytes: &[u8], limit: usize) -> &[u8] {
    let head = &bytes[..bytes.len().min(limit)];
    let head = head
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[start..]
}

/// True when `haystack` contains one of `needles`.
fn contains_any(haystack: &[u8], needles: &[&[u8]]) -> bool {
    needles
        .iter()
        .any(|needle| haystack.windows(needle.len()).any(|w| w == *needle))
}

/// How far a page that opens with a comment is searched for its doctype.
const DEEP_SNIFF: usize = 256 * 1024;

/// Elements that open a web page but never a feed or an XML document.
const PAGE_ONLY_OPENERS: &[&[u8]] = &[
    b"<style",
    b"<script",
    b"<body",
    b"<div",
    b"<title",
    b"<link",
    b"<noscript",
];

/// Decodes an HTML page to text (see the module doc for the order).
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = declared_charset(bytes) {
        if encoding != encoding_rs::UTF_8
            && !bytes.is_ascii()
            && let Ok(text) = std::str::from_utf8(bytes)
        {
            return text.to_string();
        }
        return decode_with(encoding, bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => decode_with(encoding_rs::WINDOWS_1252, bytes),
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    // A page declared UTF-16 but read from bytes that reached us as ASCII is
    // misdeclared (the standard says to treat it as UTF-8).
    let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else {
        encoding
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset named by `<meta charset=…>` or
/// `<meta http-equiv="content-type" content="…; charset=…">` near the top.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(PRESCAN_BYTES)]).to_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start_matches([' ', '"', '\'']))
                .unwrap_or("");
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(encoding) = Encoding::for_label(label.as_bytes()) {
                return Some(encoding);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins_over_utf8_guess() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_html(page).contains("café"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_html(page).contains("Привет"));
    }

    #[test]
    fn valid_utf8_wins_over_a_legacy_declaration() {
        let mut page = b"<meta charset=\"gb2312\"><p>".to_vec();
        page.extend_from_slice("谷歌在2014年收购".as_bytes());
        assert_eq!(
            decode_html(&page),
            "<meta charset=\"gb2312\"><p>谷歌在2014年收购"
        );
    }

    #[test]
    fn bom_then_utf8_then_windows_1252() {
        let mut page = b"\xef\xbb\xbf<p>".to_vec();
        page.extend_from_slice("naïve".as_bytes());
        assert_eq!(decode_html(&page), "<p>naïve");
        assert_eq!(decode_html("<p>naïve".as_bytes()), "<p>naïve");
        // No declaration and not UTF-8: Windows-1252 (0x93/0x94 are quotes).
        assert_eq!(
            decode_html(b"<p>\x93caf\xe9\x94"),
            "<p>\u{201c}café\u{201d}"
        );
    }

    #[test]
    fn a_wrong_label_is_ignored() {
        assert_eq!(declared_charset(b"<meta charset=\"klingon\">"), None);
        assert_eq!(
            declared_charset(b"<META CHARSET=UTF-8>"),
            Some(encoding_rs::UTF_8)
        );
    }

    #[test]
    fn html_is_told_by_its_start() {
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved --><html lang=en>"));
        assert!(looks_like_html(b"\xef\xbb\xbf<html>"));
        assert!(!looks_like_html(b"---\ntitle: x\n---\n<html>"));
        assert!(!looks_like_html(b" date 2020-01-01 Roma <b>bid</b>"));
        // A saved page whose style block comes before its doctype.
        let mut page = b"<style>\n".to_vec();
        page.extend(std::iter::repeat_n(b".grid { gap: 10px; }\n".as_slice(), 400).flatten());
        page.extend_from_slice(b"</style>\n<!DOCTYPE html><html><body><p>Text</p></body></html>");
        assert!(looks_like_html(&page));
        // A long comment before the doctype.
        let mut page = b"<!--\n".to_vec();
        page.extend(std::iter::repeat_n(b"generated by a CMS\n".as_slice(), 400).flatten());
        page.extend_from_slice(b"-->\n<!DOCTYPE html><html></html>");
        assert!(looks_like_html(&page));
        // A feed with a long comment stays a feed.
        let mut feed = b"<!--\n".to_vec();
        feed.extend(std::iter::repeat_n(b"generated by a CMS\n".as_slice(), 400).flatten());
        feed.extend_from_slice(b"-->\n<rss version=\"2.0\"><channel></channel></rss>");
        assert!(!looks_like_html(&feed));
        assert!(!looks_like_html(b"<style-guide>not a page</style-guide>"));
    }

    #[test]
    fn gzip_is_inflated_within_a_limit() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        assert_eq!(gunzip(&gz, 20_000).unwrap().len(), 10_000);
        assert!(matches!(
            gunzip(&gz, 1_000),
            Err(IngestErrorKind::TooLarge { .. })
        ));
        assert!(matches!(
            gunzip(b"\x1f\x8bnot gzip", 1_000),
            Err(IngestErrorKind::InvalidGzip(_))
        ));
    }
}
