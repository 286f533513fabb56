//! Normalization: turns a parser's [`RawArticle`] into an [`Article`] with
//! clean text (Unicode NFC, ordinary spaces, trimmed lines, one blank line
//! between paragraphs), an outlet domain, a language and a stable id.

use crate::dedup::canonical_url;
use crate::error::IngestErrorKind;
use crate::ingest::RawArticle;
use crate::model::{Article, ArticleId};
use unicode_normalization::UnicodeNormalization;

/// Finishes a parsed article: normalizes its text and derives the fields
/// every later stage relies on.
pub fn finish(raw: RawArticle, path: Option<String>) -> Result<Article, IngestErrorKind> {
    let body = normalize_text(&raw.body);
    let lead = raw
        .lead
        .as_deref()
        .map(normalize_line)
        .filter(|l| !l.is_empty());
    if body.is_empty() && lead.is_none() {
        return Err(IngestErrorKind::NoText);
    }
    let title = raw
        .title
        .as_deref()
        .map(normalize_line)
        .filter(|t| !t.is_empty())
        .or_else(|| first_line(lead.as_deref().unwrap_or(&body)))
        .unwrap_or_default();
    let url = non_empty(raw.url.as_deref());
    let image = non_empty(raw.image.as_deref());
    let source_domain = raw
        .source
        .as_deref()
        .and_then(domain_from_source)
        .or_else(|| url.as_deref().and_then(host_of))
        .or_else(|| image.as_deref().and_then(registrable_domain_of));
    let language = raw
        .language
        .as_deref()
        .and_then(normalize_language)
        .or_else(|| detect_language(&body));
    let content_hash = content_hash(&title, &body);
    let canonical_url = raw
        .canonical_url
        .as_deref()
        .and_then(canonical_url)
        .or_else(|| url.as_deref().and_then(canonical_url));
    let id = article_id(canonical_url.as_deref(), &content_hash);
    Ok(Article {
        id,
        path,
        url,
        canonical_url,
        title,
        lead,
        body,
        source_domain,
        authors: raw
            .authors
            .iter()
            .map(|a| normalize_line(a))
            .filter(|a| !a.is_empty())
            .collect(),
        categories: raw
            .categories
            .iter()
            .map(|c| normalize_line(c))
            .filter(|c| !c.is_empty())
            .collect(),
        image,
        featured: raw.featured,
        language,
        published_at: raw.published.map(|p| p.timestamp),
        published_at_approximate: raw.published.is_some_and(|p| p.approximate),
        format: raw.format,
        content_hash,
        revision: 1,
        duplicate_of: None,
        story: None,
        extra: raw.extra,
    })
}

/// NFC, non-breaking and odd spaces to plain spaces, runs of spaces to one,
/// lines trimmed, paragraphs separated by exactly one blank line.
pub fn normalize_text(text: &str) -> String {
    let text = clean_chars(text);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = collapse_spaces(line);
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs.join("\n\n")
}

/// Normalizes text that must fit on one line (titles, leads, names).
pub fn normalize_line(text: &str) -> String {
    let text = clean_chars(text);
    collapse_spaces(&text.replace(['\n', '\r', '\t'], " "))
}

/// Plain spaces, invisible characters removed, then NFC (in that order, so
/// removing a character never leaves text that is not NFC).
fn clean_chars(text: &str) -> String {
    text.chars()
        .map(plain_space)
        .filter(|c| !is_invisible(*c))
        .nfc()
        .collect()
}

fn plain_space(c: char) -> char {
    match c {
        '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\u{2000}'..='\u{200a}' | '\t' | '\u{3000}' => ' ',
        other => other,
    }
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        // U+00AD, the soft hyphen: German and French pages hyphenate long
        // words with it ("Neu\u{ad}zeit"); kept, it splits them for search,
        // names and clustering.
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\r'
    )
}

fn collapse_spaces(line: &str) -> String {
    line.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A trimmed, non-empty copy of an optional field.
fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(String::from)
}

/// Hash of the normalized title and body: equal for exact copies.
pub fn content_hash(title: &str, body: &str) -> String {
    let hash = xxhash_rust::xxh3::xxh3_128(format!("{title}\n\n{body}").as_bytes());
    format!("{hash:032x}")
}

/// The stable id of an article: its canonical URL when known (a revised
/// text keeps its id), else its content hash (the key without a URL is the
/// one version 1 used, so ids of URL-less articles did not change).
pub fn article_id(canonical_url: Option<&str>, content_hash: &str) -> ArticleId {
    let key = match canonical_url {
        Some(url) => format!("url:{url}"),
        None => format!("\n{content_hash}"),
    };
    ArticleId(format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64(key.as_bytes())
    ))
}

/// The host of a URL without `www.`, lowercased.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// The registrable domain of a URL's host (`i.dailymail.co.uk` →
/// `dailymail.co.uk`): image and CDN hosts name the outlet only at that level.
pub fn registrable_domain_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    psl::domain_str(&host).map(String::from)
}

/// An outlet stated by the input: a domain or URL is reduced to its host;
/// any other name is kept as written.
fn domain_from_source(source: &str) -> Option<String> {
    let source = source.trim();
    if source.is_empty() {
        return None;
    }
    if source.contains("://") {
        return host_of(source);
    }
    let lower = source.to_ascii_lowercase();
    Some(lower.strip_prefix("www.").unwrap_or(&lower).to_string())
}

fn normalize_language(code: &str) -> Option<String> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3).then_some(primary)
}

/// Detects the language of a text; only a reliable guess is kept, since a
/// wrong language is worse than none.
fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    Some(iso_639_1(info.lang()).map_or_else(|| info.lang().code().to_string(), String::from))
}

fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Ita => "it",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Tur => "tr",
        Ara => "ar",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Ell => "el",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        Cat => "ca",
        Hrv => "hr",
        Srp => "sr",
        Bul => "bg",
        Heb => "he",
        Ind => "id",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceFormat;

    #[test]
    fn text_is_nfc_with_plain_spaces_and_single_blank_lines() {
        let text = "  Cafe\u{301}\u{a0}au   lait.\u{a0} \n\n\n\n  Second\u{200b} line  \n";
        assert_eq!(normalize_text(text), "Café au lait.\n\nSecond line");
    }

    #[test]
    fn soft_hyphens_are_removed_so_words_stay_whole() {
        assert_eq!(
            normalize_text("Die Kern\u{ad}werk\u{ad}zeuge der Neu\u{ad}zeit."),
            "Die Kernwerkzeuge der Neuzeit."
        );
        assert_eq!(normalize_line("Bundes\u{ad}liga"), "Bundesliga");
    }

    #[test]
    fn outlet_comes_from_url_then_image_domain() {
        assert_eq!(
            host_of("https://www.theguardian.com/x").as_deref(),
            Some("theguardian.com")
        );
        assert_eq!(
            registrable_domain_of("https://i.dailymail.co.uk/1s/a.jpg").as_deref(),
            Some("dailymail.co.uk")
        );
        let mut raw = RawArticle::new(SourceFormat::PlainText, "Body text here.".into());
        raw.image = Some("https://i.dailymail.co.uk/1s/a.jpg".into());
        assert_eq!(
            finish(raw.clone(), None).unwrap().source_domain.as_deref(),
            Some("dailymail.co.uk")
        );
        raw.url = Some("https://www.skysports.com/news/1".into());
        assert_eq!(
            finish(raw, None).unwrap().source_domain.as_deref(),
            Some("skysports.com")
        );
    }

    #[test]
    fn the_canonical_url_is_the_identity_when_present() {
        let mut raw = RawArticle::new(SourceFormat::PlainText, "First text.".into());
        raw.url = Some("https://www.example.com/a/?utm_source=x".into());
        let first = finish(raw.clone(), None).unwrap();
        raw.body = "Revised text.".into();
        raw.url = Some("https://example.com/a".into());
        let revised = finish(raw.clone(), None).unwrap();
        assert_eq!(first.id, revised.id);
        assert_ne!(first.content_hash, revised.content_hash);
        assert_eq!(
            revised.canonical_url.as_deref(),
            Some("https://example.com/a")
        );
        raw.canonical_url = Some("https://example.com/b".into());
        assert_ne!(finish(raw, None).unwrap().id, first.id);
    }

    #[test]
    fn same_content_same_id_different_url_different_id() {
        let raw = RawArticle::new(SourceFormat::PlainText, "Body text here.".into());
        let a = finish(raw.clone(), Some("a.txt".into())).unwrap();
        let b = finish(raw.clone(), Some("b.txt".into())).unwrap();
        assert_eq!(a.id, b.id);
        let mut other = raw;
        other.url = Some("https://example.com/copy".into());
        let c = finish(other, None).unwrap();
        assert_ne!(a.id, c.id);
        assert_eq!(a.content_hash, c.content_hash);
    }

    proptest::proptest! {
        #[test]
        fn normalization_is_idempotent(text in "\\PC{0,200}") {
            let once = normalize_text(&text);
            proptest::prop_assert_eq!(normalize_text(&once), once.clone());
        }
    }
}
