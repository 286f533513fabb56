//! Reading inputs and parsing them into articles: one file per format, plus
//! file discovery and the parsing of publication times.

mod discover;
mod front_matter;
pub mod html;
mod plain_text;
mod raw;
pub mod time;

pub use discover::{
    DEFAULT_MAX_FILE_SIZE, Discovery, InputDocument, decode_bytes, decode_text, discover,
    read_document,
};
pub use raw::RawArticle;

use crate::error::{IngestError, IngestErrorKind};
use crate::model::Article;

/// Parses one input document into a normalized article, choosing the format
/// from the content: a doctype or `<html>` tag means an HTML page, a leading
/// `---` line YAML front matter, anything else plain text.
pub fn parse_document(doc: &InputDocument) -> Result<Article, IngestError> {
    let text = doc.text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(IngestError::new(&doc.path, IngestErrorKind::Empty));
    }
    let raw = if html::looks_like_html(text.as_bytes()) {
        html::parse(text)
    } else if front_matter::starts_with_fence(text) {
        front_matter::parse(text)
    } else {
        plain_text::parse(text)
    }
    .map_err(|kind| IngestError::new(&doc.path, kind))?;
    crate::normalize::finish(raw, Some(doc.path.display().to_string()))
        .map_err(|kind| IngestError::new(&doc.path, kind))
}
