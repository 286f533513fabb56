//! Old ids of merged stories. A story absorbed into an earlier one keeps
//! its id alive: `/stories/OLD`, its feed and `/api/v1/stories/OLD` answer
//! with a permanent redirect (308, method and body kept) to the survivor's
//! address, query included, so bookmarks, links and API clients that
//! follow redirects land on the story the old one became. Looked up only
//! after a story was not found, so live stories pay nothing for it.

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use axum::response::{IntoResponse, Redirect, Response};
use storyline_core::StoryId;

/// The redirect to `address(survivor)` (plus `query`) when `error` is a
/// not-found for story `id` and that story was merged; `error` otherwise.
pub async fn redirect_if_merged(
    state: &AppState,
    id: String,
    query: Option<&str>,
    error: ApiError,
    address: impl Fn(&StoryId) -> String,
) -> Result<Response, ApiError> {
    if error.code != ErrorCode::NotFound {
        return Err(error);
    }
    let merge = state
        .read(move |store| Ok(store.merge_of(&StoryId(id))?))
        .await?;
    let Some(merge) = merge else {
        return Err(error);
    };
    let mut location = address(&merge.survivor);
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        location.push('?');
        location.push_str(query);
    }
    Ok(Redirect::permanent(&location).into_response())
}
