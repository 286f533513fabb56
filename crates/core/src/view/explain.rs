//! Why an article is in its story (`storyline explain ID`,
//! `GET /api/v1/articles/{id}/explain`): the stored [`Explanation`] with
//! story titles resolved. A copy is never clustered: it takes its original's story, so
//! its explanation is its original's.

use super::LookupError;
use crate::cluster::{Candidate, Components, Explanation, StoryMerge};
use crate::model::{Article, ArticleId, StoryId};
use crate::store::Store;
use serde::Serialize;

/// An article and why it joined or founded its story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleExplanation {
    /// The article asked about.
    pub article: ArticleId,
    /// Its headline.
    pub title: String,
    /// For a copy, the original whose assignment is explained.
    pub duplicate_of: Option<ArticleRef>,
    /// The story the article belongs to now.
    pub story: Option<StoryRef>,
    /// The assignment of the article (of its original, for a copy); `None`
    /// when the article was stored before explanations were kept.
    pub assignment: Option<AssignmentView>,
}

/// An article named by id and headline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRef {
    /// Its id.
    pub id: ArticleId,
    /// Its headline.
    pub title: String,
}

/// A story named by id and title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRef {
    /// Its id.
    pub id: StoryId,
    /// Its title; `None` when the story is no longer stored.
    pub title: Option<String>,
    /// The story it was merged into (its id resolves there); absent for a
    /// live story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<StoryId>,
}

/// The clusterer's decision about one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssignmentView {
    /// The article that was clustered (the original, for a copy).
    pub article: ArticleId,
    /// The story it was assigned to.
    pub story: StoryRef,
    /// True when it founded that story.
    pub founded: bool,
    /// The best existing story's score (0 when none was active).
    pub score: f32,
    /// The score needed to join a story.
    pub threshold: f32,
    /// The best existing story, with the components behind its score.
    pub best: Option<CandidateView>,
    /// The second-best existing story.
    pub runner_up: Option<CandidateView>,
    /// Stories the article bridged and merged when it arrived; absent
    /// when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<StoryMerge>,
}

/// One story the article was compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateView {
    /// The story.
    pub story: StoryRef,
    /// The model's probability that the article belongs to it.
    pub score: f32,
    /// The similarities behind the score.
    pub components: Components,
}

/// Explains `article` (already resolved, e.g. by
/// [`super::article::resolve_article`]).
pub fn explain_article(
    store: &dyn Store,
    article: &Article,
) -> Result<ArticleExplanation, LookupError> {
    let (clustered, duplicate_of) = match &article.duplicate_of {
        Some(original) => {
            let title = store
                .article(original)?
                .map(|a| a.title)
                .unwrap_or_default();
            (
                original.clone(),
                Some(ArticleRef {
                    id: original.clone(),
                    title,
                }),
            )
        }
        None => (article.id.clone(), None),
    };
    let story = article
        .story
        .as_ref()
        .map(|id| story_ref(store, id))
        .transpose()?;
    let assignment = store
        .explanation(&clustered)?
        .map(|e| assignment_view(store, e))
        .transpose()?;
    Ok(ArticleExplanation {
        article: article.id.clone(),
        title: article.title.clone(),
        duplicate_of,
        story,
        assignment,
    })
}

fn assignment_view(store: &dyn Store, e: Explanation) -> Result<AssignmentView, LookupError> {
    let candidate = |c: Option<Candidate>| -> Result<Option<CandidateView>, LookupError> {
        c.map(|c| {
            Ok(CandidateView {
                story: story_ref(store, &c.story)?,
                score: c.score,
                components: c.components,
            })
        })
        .transpose()
    };
    Ok(AssignmentView {
        story: story_ref(store, &e.story)?,
        best: candidate(e.best)?,
        runner_up: candidate(e.runner_up)?,
        merges: e.merges,
        article: e.article,
        founded: e.founded,
        score: e.score,
        threshold: e.threshold,
    })
}

fn story_ref(store: &dyn Store, id: &StoryId) -> Result<StoryRef, LookupError> {
    if let Some(story) = store.story(id)? {
        return Ok(StoryRef {
            id: id.clone(),
            title: Some(story.title),
            merged_into: None,
        });
    }
    let merge = store.merge_of(id)?;
    Ok(StoryRef {
        id: id.clone(),
        title: merge.as_ref().map(|m| m.absorbed_title.clone()),
        merged_into: merge.map(|m| m.survivor),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::InputDocument;
    use crate::pipeline::Pipeline;
    use crate::store::MemoryStore;

    fn doc(name: &str, date: &str, title: &str, body: &str) -> InputDocument {
        InputDocument::from_text(
            name,
            format!("---\ntitle: {title}\ndate: {date}\n---\n{body}\n"),
        )
    }

    #[test]
    fn a_joining_article_names_its_story_and_the_founder_has_no_best_story() {
        let mut pipeline = Pipeline::new(MemoryStore::default());
        let body = "Roma have bid for Manchester United defender Chris Smalling, \
                    offering Manchester United a loan with an obligation to buy.";
        pipeline
            .ingest(
                vec![
                    Ok(doc("a.md", "2020-09-01", "Roma bid for Smalling", body)),
                    Ok(doc(
                        "b.md",
                        "2020-09-02",
                        "Roma raise Smalling bid",
                        &format!("{body} Roma raised the bid for Smalling today."),
                    )),
                ],
                &mut (),
            )
            .unwrap();
        let store = pipeline.store();
        let articles = store.articles().unwrap();
        let founder = explain_article(store, &articles[0]).unwrap();
        let founded = founder.assignment.unwrap();
        assert!(founded.founded);
        assert!(founded.best.is_none());
        assert_eq!(
            founded.story.title.as_deref(),
            Some("Roma bid for Smalling")
        );
        let joiner = explain_article(store, &articles[1]).unwrap();
        let joined = joiner.assignment.unwrap();
        assert!(!joined.founded);
        assert!(joined.score >= joined.threshold);
        let best = joined.best.unwrap();
        assert_eq!(best.story.id, founded.story.id);
        assert!(best.components.text > 0.0);
    }
}
