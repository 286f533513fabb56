//! Finding input files under the paths a user names, and reading each one
//! safely: one size limit for every format (gzip counted decompressed),
//! binary detection, UTF-8 validation.

use crate::error::{IngestError, IngestErrorKind};
use crate::ingest::html;
use crate::model::SourceFormat;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this (decompressed, for gzip) are refused unless the
/// caller raises the limit: it bounds the memory one input can take, and
/// leaves room for feeds and JSON Lines exports of a few thousand articles.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// File extensions taken from folders (also under `.gz`). A file named
/// explicitly is always read, whatever its name.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdown", "jsonl", "ndjson", "json", "xml", "rss", "atom",
    "html", "htm", "xhtml",
];

/// One input's text, ready to parse.
#[derive(Debug, Clone)]
pub struct InputDocument {
    /// Where it came from (`-` for standard input).
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
    /// The format to parse it as; `None` detects it from the content.
    pub format: Option<SourceFormat>,
}

impl InputDocument {
    /// A document from text in memory, e.g. standard input or a test.
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            format: None,
        }
    }

    /// The same document, parsed as `format` whatever its content looks like.
    #[must_use]
    pub fn with_format(mut self, format: SourceFormat) -> Self {
        self.format = Some(format);
        self
    }
}

/// The files found under the given paths, in a stable order, and the paths
/// that could not be explored.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, sorted within each folder.
    pub files: Vec<PathBuf>,
    /// Paths that do not exist or cannot be listed.
    pub errors: Vec<IngestError>,
    /// Files in folders skipped because of their extension or a leading dot.
    pub skipped: usize,
}

/// Lists the files to ingest under `paths`: files as named, folders
/// recursively (hidden entries and unknown extensions skipped).
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut found),
            Ok(_) => found.files.push(path.clone()),
            Err(err) => found
                .errors
                .push(IngestError::new(path, IngestErrorKind::Io(err))),
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Discovery) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            found
                .errors
                .push(IngestError::new(dir, IngestErrorKind::Io(err)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden || is_project_document(&path) {
            found.skipped += 1;
        } else if path.is_dir() {
            walk(&path, found);
        } else if has_article_extension(&path) {
            found.files.push(path);
        } else {
            found.skipped += 1;
        }
    }
}

/// The names of a folder's own documentation (`README.md`,
/// `LICENSE.txt`, `CHANGELOG.md`, …), which sit beside articles in
/// exported collections and are not news; a file named on the command
/// line is read whatever its name.
const PROJECT_DOCUMENTS: &[&str] = &["readme", "license", "licence", "changelog", "copying"];

/// Whether a file found in a folder is the folder's documentation rather
/// than an article.
fn is_project_document(path: &Path) -> bool {
    path.file_stem()
        .and_then(|n| n.to_str())
        .is_some_and(|stem| PROJECT_DOCUMENTS.contains(&stem.to_lowercase().as_str()))
}

fn has_article_extension(path: &Path) -> bool {
    super::detect::extension(path).is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// Reads one file as text, refusing files over `max_size` bytes (after
/// decompression, for gzip), binary files and invalid UTF-8, each with its
/// own message.
pub fn read_document(path: &Path, max_size: u64) -> Result<InputDocument, IngestError> {
    let fail = |kind| IngestError::new(path, kind);
    let file = fs::File::open(path).map_err(|e| fail(IngestErrorKind::Io(e)))?;
    let size = file
        .metadata()
        .map_err(|e| fail(IngestErrorKind::Io(e)))?
        .len();
    if size > max_size {
        return Err(fail(IngestErrorKind::TooLarge {
            size,
            limit: max_size,
        }));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte past the limit: the file may have grown.
    file.take(max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(IngestErrorKind::Io(e)))?;
    if bytes.len() as u64 > max_size {
        return Err(fail(IngestErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: max_size,
        }));
    }
    let text = decode_bytes(bytes, max_size).map_err(fail)?;
    Ok(InputDocument::from_text(path, text))
}

/// Decompresses gzip (within `max_size`), then decodes: HTML pages by their
/// declared or detected charset, everything else as UTF-8 text.
pub fn decode_bytes(bytes: Vec<u8>, max_size: u64) -> Result<String, IngestErrorKind> {
    let bytes = if html::charset::is_gzip(&bytes) {
        html::charset::gunzip(&bytes, max_size)?
    } else {
        bytes
    };
    if html::looks_like_html(&bytes) {
        return Ok(html::decode_html(&bytes));
    }
    decode_text(bytes)
}

/// Checks that `bytes` are text and decodes them as UTF-8.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, IngestErrorKind> {
    if looks_binary(&bytes) {
        return Err(IngestErrorKind::Binary);
    }
    String::from_utf8(bytes).map_err(|e| IngestErrorKind::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Text files never hold NUL bytes; most binary formats do within the first
/// few kilobytes.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_invalid_utf8_with_distinct_reasons() {
        assert!(matches!(
            decode_text(vec![0x89, b'P', b'N', b'G', 0, 0, 1]),
            Err(IngestErrorKind::Binary)
        ));
        assert!(matches!(
            decode_text(b"caf\xe9 au lait".to_vec()),
            Err(IngestErrorKind::InvalidUtf8 { offset: 3 })
        ));
        assert_eq!(
            decode_text(b"plain".to_vec()).ok().as_deref(),
            Some("plain")
        );
    }

    #[test]
    fn folders_are_walked_in_order_skipping_hidden_and_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in [
            "b.txt",
            "a.md",
            ".hidden.txt",
            "photo.jpg",
            "sub/c.txt",
            "sub/d.jsonl.gz",
            "p.html.gz",
            "x.gz",
            "README.md",
            "sub/LICENSE.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let found = discover(&[dir.path().to_path_buf()]);
        let names: Vec<_> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            ["a.md", "b.txt", "p.html.gz", "sub/c.txt", "sub/d.jsonl.gz"]
        );
        assert_eq!(found.skipped, 5);
        let named = discover(&[dir.path().join("README.md")]);
        assert_eq!(
            named.files.len(),
            1,
            "a file named on the command line is read"
        );
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "x".repeat(2048)).unwrap();
        let err = read_document(&path, 1024).unwrap_err();
        assert!(
            err.to_string().contains("over the 1024-byte limit"),
            "{err}"
        );
        assert!(err.to_string().contains("big.txt"), "{err}");
    }

    #[test]
    fn gzip_is_decompressed_and_its_decompressed_size_counts() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all("x".repeat(4096).as_bytes()).unwrap();
        let gz = encoder.finish().unwrap();
        assert!(gz.len() < 1024);
        assert_eq!(decode_bytes(gz.clone(), 8192).unwrap().len(), 4096);
        let err = decode_bytes(gz, 1024).unwrap_err();
        assert!(matches!(err, IngestErrorKind::TooLarge { .. }), "{err}");
        let bad = decode_bytes(vec![0x1f, 0x8b, 1, 2, 3], 1024).unwrap_err();
        assert!(matches!(bad, IngestErrorKind::InvalidGzip(_)), "{bad}");
    }
}
