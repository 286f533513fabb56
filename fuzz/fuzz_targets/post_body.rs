//! The body of `POST /api/v1/articles` (`ingest::post_body`), then every
//! document it yields through `parse_document`, as the server does. The
//! first byte picks the mode: a JSON body, a text body, or (mode 2) the
//! rest split at NUL bytes into the fields of one JSON article. A JSON
//! article's fields are quoted into front matter: no field may break it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::error::IngestErrorKind;
use storyline_core::ingest::parse_document;
use storyline_core::ingest::post_body::{ArticleInput, BodyKind, parse_post_body};
use storyline_core::ingest::InputDocument;

/// Field `i` of the NUL-separated fields, empty when missing.
fn field(fields: &[String], i: usize) -> String {
    fields.get(i).cloned().unwrap_or_default()
}

/// Parses `doc`; with `quoted`, fails on a front-matter error.
fn check(doc: &InputDocument, quoted: bool) {
    for article in parse_document(doc) {
        if let Err(error) = article {
            assert!(
                !(quoted
                    && matches!(
                        error.kind,
                        IngestErrorKind::UnclosedFrontMatter | IngestErrorKind::InvalidFrontMatter(_)
                    )),
                "a JSON field broke the front matter: {error}\n{}",
                doc.text
            );
        }
    }
}

// Panics the ingest catches (a third-party parser on hostile input) are
// input errors, not findings; every other panic still aborts.
fuzz_target!(init: storyline_core::ingest::guard::quiet_caught_panics(), |data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector % 3 {
        0 | 1 => {
            let kind = if selector % 3 == 0 { BodyKind::Json } else { BodyKind::Text };
            if let Ok(docs) = parse_post_body(body, kind) {
                for doc in &docs {
                    check(doc, kind == BodyKind::Json);
                }
            }
        }
        _ => {
            let fields: Vec<String> = String::from_utf8_lossy(body)
                .split('\0')
                .map(String::from)
                .collect();
            let optional = |i: usize| fields.get(i).cloned();
            let input = ArticleInput {
                title: field(&fields, 0),
                body: field(&fields, 1),
                lead: optional(2),
                url: optional(3),
                published_at: optional(4),
                source_domain: optional(5),
                authors: fields.get(6).map(|a| vec![a.clone()]).unwrap_or_default(),
                categories: fields.get(7).map(|c| vec![c.clone()]).unwrap_or_default(),
                language: optional(8),
                image: optional(9),
            };
            check(&input.to_document("api/0"), true);
        }
    }
});
