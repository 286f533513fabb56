//! The page templates (askama, in `templates/`, HTML-escaped by default)
//! and one render function per page. Server and static site call the same
//! functions; only the [`Links`](crate::links::Links) differ.

use crate::views::{ArticleView, EntityView, IndexView, Layout, SearchView, StoryView};
use askama::Template;

/// The story list.
#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    layout: &'a Layout,
    view: &'a IndexView,
}

/// One story.
#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage<'a> {
    layout: &'a Layout,
    view: &'a StoryView,
}

/// One article.
#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage<'a> {
    layout: &'a Layout,
    view: &'a ArticleView,
}

/// One entity.
#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage<'a> {
    layout: &'a Layout,
    view: &'a EntityView,
}

/// Search results.
#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    layout: &'a Layout,
    view: &'a SearchView,
}

/// An error.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    layout: &'a Layout,
    heading: &'a str,
    message: &'a str,
}

/// Rendering failed (a template bug: askama checks templates at compile
/// time, so only a failing `Display` could cause it).
pub type RenderError = askama::Error;

/// Renders the story list.
pub fn index(layout: &Layout, view: &IndexView) -> Result<String, RenderError> {
    IndexPage { layout, view }.render()
}

/// Renders a story page.
pub fn story(layout: &Layout, view: &StoryView) -> Result<String, RenderError> {
    StoryPage { layout, view }.render()
}

/// Renders an article page.
pub fn article(layout: &Layout, view: &ArticleView) -> Result<String, RenderError> {
    ArticlePage { layout, view }.render()
}

/// Renders an entity page.
pub fn entity(layout: &Layout, view: &EntityView) -> Result<String, RenderError> {
    EntityPage { layout, view }.render()
}

/// Renders search results.
pub fn search(layout: &Layout, view: &SearchView) -> Result<String, RenderError> {
    SearchPage { layout, view }.render()
}

/// Renders an error page.
pub fn error(layout: &Layout, heading: &str, message: &str) -> Result<String, RenderError> {
    ErrorPage {
        layout,
        heading,
        message,
    }
    .render()
}
