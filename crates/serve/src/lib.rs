//! Storyline in a browser: server-rendered pages, a JSON API, Atom feeds,
//! and the same pages published as a static site.
//!
//! The main pieces:
//! - [`app`] builds the axum [`Router`] over an [`AppState`] (a
//!   [`Store`](storyline_core::Store) behind a lock, plus [`Settings`]);
//! - [`views`] reads the models behind each page from a store; [`html`]
//!   renders them with askama templates that escape everything by default;
//! - [`feed`] writes Atom feeds, [`chart`] draws figure series as SVG;
//! - [`publish()`](publish::publish) writes the same pages and feeds to a
//!   folder, linked relatively so it is browsable from `file://`;
//!   [`posts`] writes each story as a Markdown post for a Jekyll/Jigsaw site;
//! - [`ApiError`] is the one error type: `{message, code}` with stable codes.
//!
//! ```
//! use storyline_core::store::MemoryStore;
//! use storyline_serve::{AppState, Settings, app};
//!
//! let router = app(AppState::new(MemoryStore::default(), Settings::default()));
//! # let _ = router;
//! ```

pub mod api;
pub mod cache;
pub mod chart;
pub mod error;
pub mod feed;
pub mod html;
pub mod ingest;
pub mod links;
mod merged;
pub mod openapi;
mod pages;
pub mod posts;
pub mod publish;
pub mod query;
pub mod response_cache;
pub mod state;
pub mod views;

pub use error::{ApiError, ErrorCode};
pub use state::{AppState, Settings};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// The whole site: pages, feeds and the API.
pub fn app(state: AppState) -> Router {
    let body_limit = state.settings().body_limit;
    Router::new()
        .route("/", get(pages::index))
        .route("/stories/{id}", get(pages::story))
        .route("/stories/{id}/feed.xml", get(pages::story_feed_xml))
        .route("/articles/{id}", get(pages::article))
        .route("/entities/{name}", get(pages::entity))
        .route("/search", get(pages::search))
        .route("/feed.xml", get(pages::feed))
        .route("/api/v1/stories", get(api::stories))
        .route("/api/v1/stories/{id}", get(api::story))
        .route(
            "/api/v1/articles",
            get(api::articles)
                .post(ingest::post_articles)
                .layer(DefaultBodyLimit::max(body_limit)),
        )
        .route("/api/v1/articles/{id}", get(api::article))
        .route("/api/v1/articles/{id}/explain", get(api::explain))
        .route("/api/v1/claims", get(api::claims))
        .route("/api/v1/entities", get(api::entities))
        .route("/api/v1/entities/{name}", get(api::entity))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(openapi_json))
        .fallback(fallback)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Defense in depth besides escaping: no script may run in our pages, no
/// one may frame them, and browsers must not guess content types.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// The policy sent with every response: styles inline, nothing else.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

async fn openapi_json() -> axum::Json<serde_json::Value> {
    axum::Json(openapi::document())
}

async fn fallback(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        api::not_found().await.into_response()
    } else {
        pages::not_found().await.into_response()
    }
}

/// Serves [`app`] on a bound listener until Ctrl-C.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            // Without a Ctrl-C handler the server runs until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
}
