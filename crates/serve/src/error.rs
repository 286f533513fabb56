//! One error type for the API and the pages: a stable snake_case code that
//! maps to an HTTP status, and a message for people. Internal details are
//! logged, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use storyline_core::StoreError;
use storyline_core::view::LookupError;

/// The stable error codes of the API (part of its contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// No such story, article or page (404).
    NotFound,
    /// The request is malformed: bad paging, a missing query (400).
    BadRequest,
    /// A write without the right bearer token (401).
    Unauthorized,
    /// The request body is larger than the limit (413).
    PayloadTooLarge,
    /// The server failed; details are in its log (500).
    Internal,
}

impl ErrorCode {
    /// The HTTP status for this code.
    pub fn status(self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The code as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::BadRequest => "bad_request",
            Self::Unauthorized => "unauthorized",
            Self::PayloadTooLarge => "payload_too_large",
            Self::Internal => "internal",
        }
    }
}

/// An error answered as `{message, code}` (API) or as an error page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    /// What went wrong, for people.
    pub message: String,
    /// The stable code.
    pub code: ErrorCode,
}

impl ApiError {
    /// An error with `code` and `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code,
        }
    }

    /// 404 with `message`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    /// 400 with `message`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }

    /// 500: logs `detail`, answers a generic message.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!("{detail}");
        Self::new(ErrorCode::Internal, "internal error; see the server log")
    }

    /// 500 for a lock poisoned by a panic in another request.
    pub(crate) fn poisoned() -> Self {
        Self::internal("the store lock is poisoned (a request panicked)")
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        Self::internal(format!("store: {err}"))
    }
}

impl From<LookupError> for ApiError {
    fn from(err: LookupError) -> Self {
        match err {
            LookupError::NotFound(_)
            | LookupError::Ambiguous { .. }
            | LookupError::NoArticle(_)
            | LookupError::AmbiguousArticle { .. } => Self::not_found(err.to_string()),
            LookupError::Store(e) => e.into(),
            other => Self::internal(other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.code.status(), Json(self)).into_response()
    }
}
