//! Where pages point: the same views are served under absolute paths
//! (`/stories/{id}`) and published as files linked relatively
//! (`../../stories/{id}/index.html`), so they work from `file://`.

/// How links are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Links {
    /// Served by `storyline serve`: absolute paths from `/`.
    Server,
    /// A static site: relative paths; `root` leads from the current page
    /// back to the site's root (`""`, `"../../"`), and folders end in
    /// `index.html` because `file://` shows no index pages.
    Static {
        /// From the current page to the site root.
        root: String,
    },
}

impl Links {
    /// Links for a static page `depth` folders below the root.
    pub fn static_at(depth: usize) -> Self {
        Self::Static {
            root: "../".repeat(depth),
        }
    }

    /// The story list.
    pub fn home(&self) -> String {
        match self {
            Self::Server => "/".to_string(),
            Self::Static { root } => format!("{root}index.html"),
        }
    }

    /// One story's page.
    pub fn story(&self, id: &str) -> String {
        match self {
            Self::Server => format!("/stories/{id}"),
            Self::Static { root } => format!("{root}stories/{id}/index.html"),
        }
    }

    /// One article's page.
    pub fn article(&self, id: &str) -> String {
        match self {
            Self::Server => format!("/articles/{id}"),
            Self::Static { root } => format!("{root}articles/{id}/index.html"),
        }
    }

    /// One entity's page, when the site has entity pages (a static site
    /// has not: the name is shown as text).
    pub fn entity(&self, name: &str) -> Option<String> {
        match self {
            Self::Server => Some(format!(
                "/entities/{}",
                crate::views::encode_component(name)
            )),
            Self::Static { .. } => None,
        }
    }

    /// The site feed.
    pub fn feed(&self) -> String {
        match self {
            Self::Server => "/feed.xml".to_string(),
            Self::Static { root } => format!("{root}feed.xml"),
        }
    }

    /// One story's feed.
    pub fn story_feed(&self, id: &str) -> String {
        match self {
            Self::Server => format!("/stories/{id}/feed.xml"),
            Self::Static { root } => format!("{root}stories/{id}/feed.xml"),
        }
    }

    /// The search form's target, when the site can search (a static site
    /// cannot).
    pub fn search(&self) -> Option<String> {
        match self {
            Self::Server => Some("/search".to_string()),
            Self::Static { .. } => None,
        }
    }
}

/// True for ids that are safe as one path segment and in a URL: the
/// stores' ids are lowercase hex (with an `s` for stories).
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `url` when it is safe to put in an `href`: `http` or `https` only, so a
/// `javascript:` URL in untrusted front matter is shown as text, never linked.
pub fn safe_external_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_links_are_relative_and_name_index_files() {
        let links = Links::static_at(2);
        assert_eq!(links.home(), "../../index.html");
        assert_eq!(links.story("s1"), "../../stories/s1/index.html");
        assert_eq!(links.search(), None);
        assert_eq!(Links::static_at(0).feed(), "feed.xml");
    }

    #[test]
    fn only_web_urls_are_linked() {
        assert_eq!(safe_external_url(" https://a.b/c"), Some("https://a.b/c"));
        assert_eq!(safe_external_url("javascript:alert(1)"), None);
        assert_eq!(safe_external_url("JaVaScRiPt:alert(1)"), None);
        assert!(!is_plain_id("../x"));
        assert!(is_plain_id("s57c9f75cfed8"));
    }
}
