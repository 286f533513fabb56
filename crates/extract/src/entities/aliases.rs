//! A user-editable alias book (YAML): names the text alone cannot link,
//! such as nicknames (`the Red Devils`) and local names (`La Lupa`).
//!
//! ```yaml
//! entities:
//!   - name: Manchester United
//!     kind: organization
//!     aliases: [Man United, Man Utd, Red Devils]
//! ```

use crate::entities::kind::EntityKind;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One entity the book knows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct KnownEntity {
    /// The canonical name.
    pub name: String,
    /// Its kind.
    #[serde(default = "unknown_kind")]
    pub kind: EntityKind,
    /// Other names for it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

fn unknown_kind() -> EntityKind {
    EntityKind::Unknown
}

#[derive(Debug, Deserialize)]
struct BookFile {
    entities: Vec<KnownEntity>,
}

/// Why an alias book could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AliasError {
    /// The file could not be read.
    #[error("cannot read alias file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The YAML is malformed or not in the expected shape.
    #[error("alias file {path} is not valid: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// Known entities, looked up by any of their names.
#[derive(Debug, Clone, Default)]
pub struct AliasBook {
    entities: Vec<KnownEntity>,
    by_name: HashMap<String, usize>,
}

/// The key names are compared by: lowercase, without accents and without
/// a leading `the `, so callers can look up a name as written (`The Red
/// Devils`), and outlets that drop accents name the same person
/// (`Moisés Caicedo`, `Moises Caicedo`).
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let lower: String = name
        .trim()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

impl AliasBook {
    /// Reads a book from a YAML file.
    pub fn load(path: &Path) -> Result<Self, AliasError> {
        let text = std::fs::read_to_string(path).map_err(|source| AliasError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_yaml(&text).map_err(|reason| AliasError::Invalid {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Reads a book from YAML text.
    pub fn from_yaml(text: &str) -> Result<Self, String> {
        let file: BookFile = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
        Ok(Self::new(file.entities))
    }

    /// A book of the given entities.
    pub fn new(entities: Vec<KnownEntity>) -> Self {
        let mut by_name = HashMap::new();
        for (i, entity) in entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                by_name.entry(name_key(name)).or_insert(i);
            }
        }
        Self { entities, by_name }
    }

    /// The entity known by `name`, if any.
    pub fn lookup(&self, name: &str) -> Option<&KnownEntity> {
        self.by_name
            .get(&name_key(name))
            .and_then(|i| self.entities.get(*i))
    }

    /// The entities in the book, in file order.
    pub fn entities(&self) -> &[KnownEntity] {
        &self.entities
    }

    /// Number of entities in the book.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when the book is empty.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_names_and_aliases_ignoring_case_and_the() {
        let book = AliasBook::from_yaml(
            "entities:\n  - name: Manchester United\n    kind: organization\n    aliases: [Man Utd, Red Devils]\n",
        )
        .unwrap();
        assert_eq!(
            book.lookup("the Red Devils").unwrap().name,
            "Manchester United"
        );
        assert_eq!(
            book.lookup("MAN UTD").unwrap().kind,
            EntityKind::Organization
        );
        assert!(book.lookup("Roma").is_none());
    }

    #[test]
    fn names_with_and_without_accents_share_a_key() {
        assert_eq!(name_key("Moisés Caicedo"), name_key("Moises Caicedo"));
        assert_eq!(name_key("The Red Devils"), "red devils");
    }

    #[test]
    fn a_malformed_book_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aliases.yaml");
        std::fs::write(&path, "entities: [name: ").unwrap();
        let err = AliasBook::load(&path).unwrap_err().to_string();
        assert!(err.contains("aliases.yaml"), "{err}");
    }
}
