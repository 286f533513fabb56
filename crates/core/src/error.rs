//! Typed errors of the core: what went wrong with one input file, and what
//! went wrong inside a store backend.

use std::path::PathBuf;

/// Why one input could not be turned into an article. The batch goes on
/// without it; the path is always named so the user can find the file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", path.display())]
pub struct IngestError {
    /// The file (or `-` for standard input) that failed.
    pub path: PathBuf,
    /// The reason, in words a user can act on.
    pub kind: IngestErrorKind,
}

impl IngestError {
    /// Builds an error for `path`.
    pub fn new(path: impl Into<PathBuf>, kind: IngestErrorKind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }
}

/// The reasons an input is rejected.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// The file could not be read at all.
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than the configured limit.
    #[error("file is {size} bytes, over the {limit}-byte limit (raise it with --max-file-size)")]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds NUL bytes or other signs of binary content.
    #[error("looks like a binary file, not an article")]
    Binary,
    /// The bytes are not UTF-8.
    #[error("is not valid UTF-8 text (first invalid byte at offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Nothing but whitespace.
    #[error("file is empty")]
    Empty,
    /// Front matter opened with `---` but never closed.
    #[error("front matter opens with '---' on line 1 but has no closing '---' line")]
    UnclosedFrontMatter,
    /// Front matter that is not a YAML mapping.
    #[error("front matter is not valid YAML: {0}")]
    InvalidFrontMatter(String),
    /// The article has no text to speak of once metadata is removed.
    #[error("has no article text")]
    NoText,
    /// A JSON Lines file none of whose lines holds an article: a labels or
    /// metadata file met in a folder of articles. One error for the file
    /// instead of one per line.
    #[error(
        "holds no articles: none of its {lines} lines holds article text (text, body, content or lead) \
         (fields of its first line: {fields}); a labels or metadata file?"
    )]
    NoArticleLines {
        /// How many lines the file holds.
        lines: usize,
        /// The field names of its first line, comma-separated.
        fields: String,
    },
    /// A plain-text or Markdown file laid out as a document of sectioned
    /// lists (a dataset's notes, a changelog), not as an article.
    #[error(
        "reads as a document, not an article: {sections} sections whose lines are mostly \
         list items; pass --format plain-text to read it anyway"
    )]
    NotAnArticle {
        /// How many `## ` section headings it has.
        sections: usize,
    },
    /// A JSON Lines line that is not one JSON object.
    #[error("is not a JSON object: {0}")]
    InvalidJson(String),
    /// A feed (RSS, Atom, JSON Feed) that cannot be parsed.
    #[error("is not a readable feed: {0}")]
    InvalidFeed(String),
    /// A gzip stream that cannot be decompressed.
    #[error("is not valid gzip: {0}")]
    InvalidGzip(String),
    /// An HTML page nested deeper than the extractors can safely walk.
    #[error("HTML is nested more than {limit} elements deep; refused as hostile")]
    HtmlTooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// An HTML page with more elements than the extractors are given time
    /// and memory for.
    #[error("HTML has more than {limit} elements; refused as hostile")]
    HtmlTooManyElements {
        /// The most elements accepted.
        limit: usize,
    },
    /// An HTML page whose elements hold so many attributes that parsing it
    /// would take minutes (the parser compares each with its element's
    /// earlier ones).
    #[error(
        "HTML elements hold more than {limit} pairs of attributes (an element with thousands); \
         refused as hostile"
    )]
    HtmlTooManyAttributes {
        /// The most pairs of attributes accepted.
        limit: u64,
    },
    /// An HTML page with no article text to speak of (script-only, empty).
    #[error("HTML page has no article text")]
    HtmlNoText,
    /// An HTML extractor failed on this page.
    #[error("HTML extraction failed: {0}")]
    HtmlExtraction(String),
}

/// A failure inside a [`crate::Store`] backend. Backends wrap their own error
/// types so that the core never depends on a database crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The backend failed (I/O, SQL, connection, …).
    #[error("{context}: {source}")]
    Backend {
        /// What the store was doing.
        context: String,
        /// The backend's own error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Stored data could not be decoded (a corrupt or foreign database).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Wraps a backend error with what the store was doing.
    pub fn backend(
        context: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self::Backend {
            context: context.into(),
            source: Box::new(source),
        }
    }
}
