//! The online clusterer. Each story keeps centroids of its articles' word
//! terms, names and figures; a fresh article is scored against the active
//! stories it shares the most with (found through `cluster::index`, an
//! inverted index over the centroids) and joins the most probable one when
//! the probability reaches the model's threshold (`cluster::model`).
//!
//! Time decays softly: the gap between an article and a story's span is a
//! model input (`log_gap_days`, a negative weight), so a strong match still
//! joins a saga months later while a weak one does not. A story that has
//! had no article for `active_days` (default 365) stops attracting at all,
//! and so does one that has had none while `idle_articles` (default
//! 100,000) other articles arrived: the bound that also holds for undated
//! streams, where time cannot tell a story's age.
//!
//! An article that reaches the threshold against several stories may merge
//! them (`cluster::merge`): a story is absorbed into the earlier-opened one
//! when it, taken as one document, also reaches the threshold against it.
//!
//! Memory follows the active stories, not the history: once the caller
//! promises that no article published before some time (and no undated
//! article) will come ([`Clusterer::retire_inactive`]), every story whose
//! last article is more than `active_days` before that time, and which can
//! therefore never attract again, drops its centroids, kept members and
//! index postings, keeping only its id and span (for ids and merges).
//! Retiring never changes an assignment. A story idle for `idle_articles`
//! retires too (checked every [`IDLE_CHECK`] articles), dated or not, so
//! the live stories are at most those joined in the last `idle_articles`
//! articles.

use crate::cluster::features::{ArticleFeatures, TextReading, Vocabularies};
use crate::cluster::index::{Kind, StoryIndex};
use crate::cluster::kept::BackToBack;
use crate::cluster::merge::StoryMerge;
use crate::cluster::model::{Components, ScoreModel};
use crate::cluster::vectors::{
    Centroid, DenseQuery, SparseVector, TermWeights, centroid_dot, centroid_dot_norm_and_shared,
    cosine_of, weighted_norm_squared,
};
use crate::model::{Article, ArticleId, StoryId};
use crate::text::Analyzer;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Members whose own vectors a story keeps for the nearest-member
/// components: the latest ones, where a saga is heading.
const MEMBERS_KEPT: usize = 32;

/// Stories dropped from the index at least in one sweep (below that, a
/// sweep would cost more than the postings it frees).
const SWEEP_MIN: usize = 16;

/// How often (in articles joined) the clusterer retires idle stories, at
/// most: an eighth of `idle_articles` when that is smaller.
pub const IDLE_CHECK: u64 = 1024;

/// Tunable parameters of the clusterer; the defaults are documented in
/// ARCHITECTURE.md.
#[derive(Debug, Clone, PartialEq)]
pub struct ClustererConfig {
    /// Weights and threshold (the committed fitted model by default).
    pub model: ScoreModel,
    /// Days before a story's first or after its last article during which
    /// it still attracts new articles at all.
    pub active_days: i64,
    /// Articles after which a story that joined none of them stops
    /// attracting (and retires): bounds memory by the stories active in
    /// the recent stream even when articles carry no date. Far above any
    /// labeled set (the largest, Reuters-21578, has 21,578 articles), so
    /// it changes no evaluated figure; in a newsroom taking 1,000 articles
    /// a day it is about three months of silence.
    pub idle_articles: u64,
    /// How many times the headline's terms count (headlines are dense).
    pub title_repeat: usize,
    /// Whether an article bridging two stories about the same event may
    /// merge them (see `cluster::merge`).
    pub merges: bool,
    /// The probability a merge needs, from the bridging article against
    /// both stories and from every kept member of the absorbed story
    /// against the survivor: 0.5, more likely than not under the fitted
    /// (calibrated) model, far above the joining threshold, because a
    /// merge moves a whole story at once.
    pub merge_threshold: f32,
    /// Whether [`Clusterer::retire_inactive`] drops the state of stories
    /// too old to attract (on by default; off keeps every story's state,
    /// for comparison: assignments are the same either way).
    pub retire: bool,
}

impl Default for ClustererConfig {
    fn default() -> Self {
        Self {
            model: ScoreModel::default(),
            active_days: 365,
            idle_articles: 100_000,
            title_repeat: 2,
            merges: true,
            merge_threshold: 0.5,
            retire: true,
        }
    }
}

/// One candidate story and how the article compared with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The story.
    pub story: StoryId,
    /// The model's probability that the article belongs to it.
    pub score: f32,
    /// The similarity components behind the score.
    pub components: Components,
}

/// Where an article went, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The story it joined or founded.
    pub story: StoryId,
    /// True when the article founded a new story.
    pub founded: bool,
    /// Score against the best existing story (0 when there was none).
    pub score: f32,
    /// The best existing story, with its components (even when the article
    /// founded a story because it scored below the threshold).
    pub best: Option<Candidate>,
    /// The second-best existing story.
    pub runner_up: Option<Candidate>,
    /// Stories this article bridged and that were absorbed into `story`
    /// (oldest first; usually none).
    pub merges: Vec<StoryMerge>,
}

#[derive(Debug, Serialize, Deserialize)]
struct StoryState {
    id: StoryId,
    terms: Centroid,
    names: Centroid,
    figures: Centroid,
    /// True once absorbed into another story: it no longer attracts.
    absorbed: bool,
    /// True once retired: too old to attract, its heavy state dropped.
    retired: bool,
    /// The latest members' features, for the nearest-member components
    /// and for re-scoring them against another story before a merge
    /// components (at most [`MEMBERS_KEPT`]).
    members: Vec<Member>,
    /// The kept members' word and name vectors, back to back, for the
    /// nearest-member cosines (not serialized: rebuilt from `members`).
    #[serde(skip)]
    kept: [BackToBack; 2],
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    /// The clusterer's article count when the story last gained one.
    last_joined: u64,
}

impl StoryState {
    fn new(id: StoryId) -> Self {
        Self {
            id,
            terms: Centroid::default(),
            names: Centroid::default(),
            figures: Centroid::default(),
            absorbed: false,
            retired: false,
            members: Vec::new(),
            kept: Default::default(),
            first: None,
            last: None,
            last_joined: 0,
        }
    }
}

/// Online clusterer: feed it articles in publication order.
///
/// Serializes as its stream state (vocabularies, stories, index, clock),
/// without the configuration, the analyzer or scratch memory, for the
/// ingest snapshot (`crate::snapshot`); [`Clusterer::with_config`] puts
/// the configuration back after deserializing.
#[derive(Debug, Serialize, Deserialize)]
pub struct Clusterer {
    #[serde(skip)]
    config: ClustererConfig,
    #[serde(skip, default = "Analyzer::english")]
    analyzer: Analyzer,
    vocabularies: Vocabularies,
    stories: Vec<StoryState>,
    by_id: HashMap<StoryId, usize>,
    index: StoryIndex,
    /// Stories absorbed or retired whose postings are still in the index.
    unswept: usize,
    /// Stories neither absorbed nor retired, by number (oldest first).
    live: Vec<usize>,
    /// The article being scored, laid out for the comparisons (memory
    /// reused from article to article).
    #[serde(skip)]
    query: ArticleQuery,
    /// Articles joined so far (live or replayed): the stream's clock for
    /// `idle_articles`.
    joined: u64,
}

impl Clusterer {
    /// A clusterer with no stories yet.
    pub fn new(config: ClustererConfig) -> Self {
        Self {
            config,
            analyzer: Analyzer::english(),
            vocabularies: Vocabularies::default(),
            stories: Vec::new(),
            by_id: HashMap::new(),
            index: StoryIndex::default(),
            unswept: 0,
            live: Vec::new(),
            query: ArticleQuery::default(),
            joined: 0,
        }
    }

    /// A deserialized clusterer with its configuration put back (the
    /// serialized state carries none), its IDF caches and its stories' member
    /// layouts rebuilt.
    pub fn with_config(mut self, config: ClustererConfig) -> Self {
        self.config = config;
        self.vocabularies.restore_caches();
        for story in &mut self.stories {
            story.kept = Default::default();
            for member in &story.members {
                keep_vectors(&mut story.kept, &member.features);
            }
        }
        self
    }

    /// Number of stories known.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Number of stories still holding their centroids and members
    /// (neither absorbed nor retired).
    pub fn live_story_count(&self) -> usize {
        self.live.len()
    }

    /// Postings held by the candidate index (a measure of its memory).
    pub fn index_postings(&self) -> usize {
        self.index.postings()
    }

    /// Drops the heavy state (centroids, kept members, index postings) of
    /// every story that can never attract an article published at or after
    /// `horizon`: its last article is more than `active_days` before it.
    /// Stories for which `keep` is true are spared (the pipeline spares
    /// those with stored articles still to replay). The story's id, span
    /// and merge aliases stay.
    ///
    /// The caller promises that every article assigned afterwards is dated
    /// at or after `horizon` (so the time gap to a retired story only
    /// grows); an undated article is compared with every story, so no
    /// horizon may be given while one can still come. Under that promise
    /// retiring changes no assignment. A retired story that is joined
    /// anyway (through [`Clusterer::add_known`]) restarts from that
    /// article. Returns the number of stories retired (when none, the
    /// state is as if it had not been called).
    pub fn retire_inactive(
        &mut self,
        horizon: Timestamp,
        keep: impl Fn(&StoryId) -> bool,
    ) -> usize {
        if !self.config.retire {
            return 0;
        }
        let active_days = self.config.active_days as f32;
        self.retire_where(|story| {
            story.last.is_some_and(|last| last < horizon)
                && gap_days(story, Some(horizon)) > active_days
                && !keep(&story.id)
        })
    }

    /// Retires the stories that joined no article among the last
    /// `idle_articles` (they no longer attract: see
    /// [`ClustererConfig::idle_articles`]).
    fn retire_idle(&mut self) {
        if !self.config.retire {
            return;
        }
        let (now, idle) = (self.joined, self.config.idle_articles);
        self.retire_where(|story| now.saturating_sub(story.last_joined) > idle);
    }

    /// Drops the heavy state of the live stories `retire` picks; returns
    /// how many.
    fn retire_where(&mut self, retire: impl Fn(&StoryState) -> bool) -> usize {
        let stories = &mut self.stories;
        let mut retired = 0;
        self.live.retain(|&index| {
            let story = &mut stories[index];
            if !retire(story) {
                return true;
            }
            story.retired = true;
            story.terms = Centroid::default();
            story.names = Centroid::default();
            story.figures = Centroid::default();
            story.members = Vec::new();
            story.kept = Default::default();
            retired += 1;
            false
        });
        self.unswept += retired;
        self.sweep_if_worth_it();
        retired
    }

    /// Sweeps the postings of absorbed and retired stories out of the
    /// index once they are at least as many as the live stories, so the
    /// sweep's cost (every posting) is spread over the stories it frees.
    fn sweep_if_worth_it(&mut self) {
        if self.unswept == 0 || self.unswept < self.live.len().max(SWEEP_MIN) {
            return;
        }
        let stories = &self.stories;
        self.index
            .sweep(|index| stories[index].absorbed || stories[index].retired);
        self.unswept = 0;
    }

    /// Replays an article whose story is already known (from the store), so
    /// the clusterer's state matches what it would be had it seen it live.
    pub fn add_known(&mut self, article: &Article, story: &StoryId) {
        self.retire_idle_now_and_then();
        let features = self.features(article);
        self.join(story, &features, article.published_at);
    }

    /// The active stories the index retrieves for `article` (those sharing
    /// the most rare terms, names and figures with it) with their
    /// components, best first, after recording the article's terms; used by
    /// [`Clusterer::assign`] and by the fitter (which then joins the gold
    /// story itself).
    pub fn candidates(&mut self, article: &Article) -> (ArticleFeatures, Vec<Candidate>) {
        self.candidates_read(article, None, false)
    }

    /// [`Clusterer::candidates`], with the article's text already read
    /// when `reading` is given (it must be [`TextReading::of`] `article`).
    /// With `decisive`, only the candidates that can decide the assignment
    /// are scored in full: the best two and every one that can reach the
    /// merge threshold (when merges are on), the very ones and scores the
    /// full list begins with; a story whose score cannot reach them, by an
    /// upper bound of its nearest-member components ([`upper_score`]),
    /// is left out.
    fn candidates_read(
        &mut self,
        article: &Article,
        reading: Option<&TextReading>,
        decisive: bool,
    ) -> (ArticleFeatures, Vec<Candidate>) {
        let features = match reading {
            Some(reading) => self.vocabularies.features_read(
                article,
                reading,
                &self.analyzer,
                self.config.title_repeat,
            ),
            None => self.features(article),
        };
        self.query.prepare(&features, &self.vocabularies);
        let at = article.published_at;
        let active_days = self.config.active_days as f32;
        let (now, idle) = (self.joined, self.config.idle_articles);
        let stories = &self.stories;
        let retrieved =
            self.index
                .candidates(&features, &self.vocabularies, stories.len(), |story| {
                    let story = &stories[story];
                    !story.absorbed
                        && gap_days(story, at) <= active_days
                        && now.saturating_sub(story.last_joined) <= idle
                });
        let model = &self.config.model;
        let mut partial: Vec<(usize, Components, NearestBounds, f32)> = retrieved
            .into_iter()
            .filter_map(|index| {
                let story = &self.stories[index];
                let (components, bounds) =
                    self.centroid_components(&self.query, &features, story, at)?;
                let upper = if decisive {
                    upper_score(model, &components, [0.0, bounds.text], [0.0, bounds.names])
                } else {
                    f32::INFINITY
                };
                Some((index, components, bounds, upper))
            })
            .collect();
        // Highest bound first, so the best scores come early and the
        // cut-off rises fast; a stable sort keeps the index's order on ties.
        if decisive {
            partial.sort_by(|a, b| b.3.total_cmp(&a.3));
        }
        let merge_threshold = if self.config.merges {
            self.config.merge_threshold.max(model.threshold)
        } else {
            f32::NEG_INFINITY
        };
        let mut top_two = [f32::NEG_INFINITY; 2];
        let mut candidates: Vec<Candidate> = Vec::with_capacity(partial.len());
        for (index, mut components, bounds, upper) in partial {
            // Strictly below both: it can neither be among the best two
            // (not even on a tie, which the story id breaks) nor merge.
            if upper < top_two[1] && upper < merge_threshold {
                break;
            }
            let story = &self.stories[index];
            let v = &self.vocabularies;
            // The names first (shorter vectors): with them known, the
            // bound may fall below the cut-off before the word terms'.
            components.nearest_names = self
                .query
                .names
                .highest_cosine(story.kept[1].members(), &v.names);
            // Only the decisive list skips a candidate: the full one (the
            // fitter's pairs, snapshots) scores every retrieved story.
            if decisive {
                let upper = upper_score(
                    model,
                    &components,
                    [0.0, bounds.text],
                    [components.nearest_names; 2],
                );
                if upper < top_two[1] && upper < merge_threshold {
                    continue;
                }
            }
            components.nearest_text = self
                .query
                .terms
                .highest_cosine(story.kept[0].members(), &v.terms);
            let score = model.probability(&components);
            if score > top_two[0] {
                top_two = [score, top_two[0]];
            } else if score > top_two[1] {
                top_two[1] = score;
            }
            candidates.push(Candidate {
                story: story.id.clone(),
                score,
                components,
            });
        }
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.story.cmp(&b.story))
        });
        (features, candidates)
    }

    /// Adds an article's features to a story (founding it if new).
    pub fn join_story(&mut self, story: &StoryId, features: &ArticleFeatures, article: &Article) {
        self.join(story, features, article.published_at);
    }

    /// Assigns a fresh article to a story, founding one when none is close;
    /// when, once it has joined, it bridges its story and another about the
    /// same event, the two are merged and it ends in the survivor.
    pub fn assign(&mut self, article: &Article) -> Assignment {
        self.assign_read(article, None)
    }

    /// [`Clusterer::assign`], with the article's text already read when
    /// `reading` is given (it must be [`TextReading::of`] `article`, for
    /// instance read on another thread ahead of the clustering): the same
    /// assignment either way.
    pub fn assign_read(&mut self, article: &Article, reading: Option<&TextReading>) -> Assignment {
        self.retire_idle_now_and_then();
        let (features, candidates) = self.candidates_read(article, reading, true);
        let threshold = self.config.model.threshold;
        let best = candidates.first().cloned();
        let runner_up = candidates.get(1).cloned();
        let (score, mut story, founded) = match &best {
            Some(c) if c.score >= threshold => (c.score, c.story.clone(), false),
            other => (
                other.as_ref().map_or(0.0, |c| c.score),
                StoryId::founded_by(&article.id),
                true,
            ),
        };
        self.join(&story, &features, article.published_at);
        let merges = if founded || !self.config.merges {
            Vec::new()
        } else {
            self.merge_bridged(&article.id, &candidates)
        };
        if let Some(last) = merges.last() {
            story = last.survivor.clone();
        }
        Assignment {
            story,
            founded,
            score,
            best,
            runner_up,
            merges,
        }
    }

    /// Merges the stories the article (already joined to the best
    /// candidate) bridges: every other candidate the article scores at
    /// least the merge threshold against, when the younger of it and the
    /// best story would join the older one member by member
    /// ([`Clusterer::story_components`]). All of them are absorbed into the
    /// earliest-opened of the group, so ids stay stable.
    fn merge_bridged(&mut self, article: &ArticleId, candidates: &[Candidate]) -> Vec<StoryMerge> {
        let threshold = self.config.merge_threshold.max(self.config.model.threshold);
        let Some(best) = candidates.first().filter(|c| c.score >= threshold) else {
            return Vec::new();
        };
        let Some(&best_index) = self.by_id.get(&best.story) else {
            return Vec::new();
        };
        let mut query = std::mem::take(&mut self.query);
        let mut group = vec![Bridged {
            index: best_index,
            article_score: best.score,
            comparison: None,
        }];
        for other in candidates.iter().skip(1) {
            if other.score < threshold {
                break;
            }
            let Some(&index) = self.by_id.get(&other.story) else {
                continue;
            };
            let (older, younger) = (best_index.min(index), best_index.max(index));
            if let Some(comparison) = self.story_components(&mut query, younger, older)
                && comparison.0 >= threshold
            {
                group.push(Bridged {
                    index,
                    article_score: other.score,
                    comparison: Some(comparison),
                });
            }
        }
        self.query = query;
        if group.len() < 2 {
            return Vec::new();
        }
        group.sort_by_key(|b| b.index);
        // The best story, when absorbed, was compared with the survivor.
        let survivor_comparison = group[0].comparison.take();
        let (survivor, survivor_score) = (group[0].index, group[0].article_score);
        let mut merges = Vec::new();
        for bridged in group.into_iter().skip(1) {
            let (story_score, components) = bridged
                .comparison
                .or(survivor_comparison)
                .unwrap_or_default();
            merges.push(StoryMerge {
                absorbed: self.stories[bridged.index].id.clone(),
                survivor: self.stories[survivor].id.clone(),
                article: article.clone(),
                article_score: bridged.article_score,
                survivor_score,
                story_score,
                components,
                threshold,
                absorbed_title: String::new(),
            });
            self.absorb(survivor, bridged.index);
        }
        merges
    }

    /// How well story `younger`'s kept members would join story `older`
    /// now: the lowest member's probability and its components, `None`
    /// when `older` is not active at some member's time. Each member is
    /// scored as an arriving article, the pairs the model was fitted on.
    fn story_components(
        &self,
        query: &mut ArticleQuery,
        younger: usize,
        older: usize,
    ) -> Option<(f32, Components)> {
        let (young, old) = (&self.stories[younger], &self.stories[older]);
        let mut weakest: Option<(f32, Components)> = None;
        for member in &young.members {
            query.prepare(&member.features, &self.vocabularies);
            let components = self.components(query, &member.features, old, member.at)?;
            let score = self.config.model.probability(&components);
            if weakest.as_ref().is_none_or(|(w, _)| score < *w) {
                weakest = Some((score, components));
            }
        }
        weakest
    }

    /// Moves story `absorbed`'s centroids, members and span into story
    /// `survivor`; the absorbed story stops attracting and its id leads to
    /// the survivor.
    fn absorb(&mut self, survivor: usize, absorbed: usize) {
        let id = self.stories[absorbed].id.clone();
        let gone = std::mem::replace(&mut self.stories[absorbed], StoryState::new(id));
        let story = &mut self.stories[survivor];
        let index = &mut self.index;
        for (kind, from, centroid) in [
            (Kind::Term, &gone.terms, &mut story.terms),
            (Kind::Name, &gone.names, &mut story.names),
            (Kind::Figure, &gone.figures, &mut story.figures),
        ] {
            centroid.add(from.entries(), |term| index.add(kind, term, survivor));
        }
        story.members.extend(gone.members);
        let excess = story.members.len().saturating_sub(MEMBERS_KEPT);
        story.members.drain(..excess);
        for (kept, gone) in story.kept.iter_mut().zip(&gone.kept) {
            kept.append(gone);
            kept.drop_oldest(excess);
        }
        story.first = min_time(story.first, gone.first);
        story.last = story.last.max(gone.last);
        story.last_joined = story.last_joined.max(gone.last_joined);
        self.stories[absorbed].absorbed = true;
        self.live.retain(|&index| index != absorbed);
        self.unswept += 1;
        self.by_id.insert(gone.id, survivor);
    }

    fn features(&mut self, article: &Article) -> ArticleFeatures {
        self.vocabularies
            .features(article, &self.analyzer, self.config.title_repeat)
    }

    /// The components against one story, or `None` when the story is not
    /// active at `at`.
    ///
    /// `query` holds `features` prepared under the current weights
    /// ([`ArticleQuery::prepare`]). Each value is the IDF-weighted cosine
    /// of `cluster::vectors`, computed with fewer passes: the article's
    /// norms once per article, each centroid's norm once per story (the
    /// names centroid serves names and headline names).
    fn components(
        &self,
        query: &ArticleQuery,
        features: &ArticleFeatures,
        story: &StoryState,
        at: Option<Timestamp>,
    ) -> Option<Components> {
        let (mut components, _) = self.centroid_components(query, features, story, at)?;
        self.nearest_components(query, story, &mut components);
        Some(components)
    }

    /// [`Clusterer::components`] but the nearest-member ones (left 0),
    /// with upper bounds of those: the cosine of the article's part the
    /// story's centroid holds with the whole article. Every kept member's
    /// terms are in the centroid (it only ever adds them), so no member
    /// shares more with the article than that part.
    fn centroid_components(
        &self,
        query: &ArticleQuery,
        features: &ArticleFeatures,
        story: &StoryState,
        at: Option<Timestamp>,
    ) -> Option<(Components, NearestBounds)> {
        let gap_days = gap_days(story, at);
        if gap_days > self.config.active_days as f32 {
            return None;
        }
        let v = &self.vocabularies;
        let (names, headline_names, names_shared) = if story.names.is_empty() {
            (0.0, 0.0, 0.0)
        } else {
            let (dot, norm, shared) =
                centroid_dot_norm_and_shared(Some(&features.names), &story.names, &v.names);
            let names = if features.names.is_empty() {
                0.0
            } else {
                cosine_of(dot, query.names_norm, norm)
            };
            let headline = if features.headline_names.is_empty() {
                0.0
            } else {
                let dot = centroid_dot(&features.headline_names, &story.names, &v.names);
                cosine_of(dot, query.headline_names_norm, norm)
            };
            (names, headline, shared)
        };
        let (text, text_shared) =
            centroid_cosine(&features.terms, query.terms_norm, &story.terms, &v.terms);
        let components = Components {
            text,
            names,
            nearest_text: 0.0,
            nearest_names: 0.0,
            headline_names,
            figures: centroid_cosine(
                &features.figures,
                query.figures_norm,
                &story.figures,
                &v.figures,
            )
            .0,
            gap_days,
            foreign: features.foreign,
            brevity: features.brevity,
            caseless: features.caseless,
        };
        let bounds = NearestBounds {
            text: share_bound(text_shared, query.terms_norm),
            names: share_bound(names_shared, query.names_norm),
        };
        Some((components, bounds))
    }

    /// Fills in the nearest-member components of `components`.
    fn nearest_components(
        &self,
        query: &ArticleQuery,
        story: &StoryState,
        components: &mut Components,
    ) {
        let v = &self.vocabularies;
        components.nearest_text = query
            .terms
            .highest_cosine(story.kept[0].members(), &v.terms);
        components.nearest_names = query
            .names
            .highest_cosine(story.kept[1].members(), &v.names);
    }

    fn join(&mut self, id: &StoryId, features: &ArticleFeatures, at: Option<Timestamp>) {
        let index = match self.by_id.get(id) {
            Some(index) => *index,
            None => {
                self.stories.push(StoryState::new(id.clone()));
                let index = self.stories.len() - 1;
                self.by_id.insert(id.clone(), index);
                self.live.push(index);
                index
            }
        };
        let story = &mut self.stories[index];
        if story.retired {
            // Only when a replayed article joins a story that retired
            // (the caller broke `retire_inactive`'s promise, or the story
            // sat idle for `idle_articles` in replay order).
            story.retired = false;
            self.live.push(index);
        }
        let story_index = &mut self.index;
        for (kind, vector, centroid) in [
            (Kind::Term, &features.terms, &mut story.terms),
            (Kind::Name, &features.names, &mut story.names),
            (Kind::Figure, &features.figures, &mut story.figures),
        ] {
            centroid.add(&vector.0, |term| story_index.add(kind, term, index));
        }
        if story.members.len() >= MEMBERS_KEPT {
            story.members.remove(0);
            for kept in &mut story.kept {
                kept.drop_oldest(1);
            }
        }
        keep_vectors(&mut story.kept, features);
        story.members.push(Member {
            features: features.clone(),
            at,
        });
        if let Some(at) = at {
            story.first = Some(story.first.map_or(at, |f| f.min(at)));
            story.last = Some(story.last.map_or(at, |l| l.max(at)));
        }
        self.joined += 1;
        story.last_joined = self.joined;
    }

    /// Retires idle stories every [`IDLE_CHECK`] articles; called before an
    /// article is scored or replayed, never between scoring and joining.
    fn retire_idle_now_and_then(&mut self) {
        let every = (self.config.idle_articles / 8).clamp(1, IDLE_CHECK);
        if self.joined > 0 && self.joined.is_multiple_of(every) {
            self.retire_idle();
        }
    }
}

/// An article laid out for scoring under the current weights: its norms
/// (squared, as [`cosine_of`] takes them) and dense word and name vectors
/// for the nearest-member cosines.
#[derive(Debug, Default)]
struct ArticleQuery {
    terms: DenseQuery,
    names: DenseQuery,
    terms_norm: f32,
    names_norm: f32,
    headline_names_norm: f32,
    figures_norm: f32,
}

impl ArticleQuery {
    /// Lays out `features` under the vocabularies' current weights.
    fn prepare(&mut self, features: &ArticleFeatures, v: &Vocabularies) {
        self.terms.prepare(&features.terms, &v.terms);
        self.names.prepare(&features.names, &v.names);
        self.terms_norm = weighted_norm_squared(&features.terms, &v.terms);
        self.names_norm = weighted_norm_squared(&features.names, &v.names);
        self.headline_names_norm = weighted_norm_squared(&features.headline_names, &v.names);
        self.figures_norm = weighted_norm_squared(&features.figures, &v.figures);
    }
}

/// The IDF-weighted cosine of a document (its squared norm given) with a
/// centroid: `cluster::vectors::weighted_cosine` with the document's norm
/// computed once per article; and the squared norm of the document's part
/// the centroid holds.
fn centroid_cosine(
    doc: &SparseVector,
    doc_norm: f32,
    centroid: &Centroid,
    weights: &TermWeights,
) -> (f32, f32) {
    if doc.is_empty() || centroid.is_empty() {
        return (0.0, 0.0);
    }
    let (dot, norm, shared) = centroid_dot_norm_and_shared(Some(doc), centroid, weights);
    (cosine_of(dot, doc_norm, norm), shared)
}

/// Upper bounds of the nearest-member components of one candidate.
#[derive(Debug, Clone, Copy)]
struct NearestBounds {
    text: f32,
    names: f32,
}

/// How much the f32 roundings of a cosine and of a bound can take off a
/// bound or add to a cosine, at most, with a wide margin: relative to
/// the bound, and in absolute terms.
const BOUND_MARGIN: (f32, f32) = (1e-3, 1e-6);

/// The cosine bound from the squared norm of a document's shared part and
/// of the whole (0 when nothing is shared), widened by [`BOUND_MARGIN`].
fn share_bound(shared: f32, whole: f32) -> f32 {
    if shared <= 0.0 || whole <= 0.0 {
        return 0.0;
    }
    (shared / whole).sqrt() * (1.0 + BOUND_MARGIN.0) + BOUND_MARGIN.1
}

/// An upper bound of the probability of `components` once its
/// nearest-member components are set to any values in the ranges `text`
/// and `names` (lowest, highest). The logit is linear in each of them
/// with no term joining the two, so its highest value over the box of
/// their ranges is at a corner, whatever the signs of the weights.
fn upper_score(
    model: &ScoreModel,
    components: &Components,
    text: [f32; 2],
    names: [f32; 2],
) -> f32 {
    let mut upper = f32::NEG_INFINITY;
    for nearest_text in text {
        for nearest_names in names {
            let corner = Components {
                nearest_text,
                nearest_names,
                ..*components
            };
            upper = upper.max(model.probability(&corner));
        }
    }
    upper * (1.0 + BOUND_MARGIN.0) + BOUND_MARGIN.1
}

/// Lays a newly kept member's word and name vectors after the others
/// (`StoryState::kept`).
fn keep_vectors(kept: &mut [BackToBack; 2], features: &ArticleFeatures) {
    kept[0].push(&features.terms);
    kept[1].push(&features.names);
}

/// The earlier of two optional times (`None` when both are).
fn min_time(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A story in the group an article bridges: its number, the article's
/// score against it, and how it compared with the best story (the lowest
/// member probability and that member's components; `None` for the best
/// story itself).
struct Bridged {
    index: usize,
    article_score: f32,
    comparison: Option<(f32, Components)>,
}

/// One kept member of a story: its features and publication time.
#[derive(Debug, Serialize, Deserialize)]
struct Member {
    features: ArticleFeatures,
    at: Option<Timestamp>,
}

/// Days from the story's span to `at` (0 inside it or when either side is
/// undated).
fn gap_days(story: &StoryState, at: Option<Timestamp>) -> f32 {
    let (Some(at), Some(first), Some(last)) = (at, story.first, story.last) else {
        return 0.0;
    };
    let gap = if at > last {
        at.duration_since(last)
    } else if at < first {
        first.duration_since(at)
    } else {
        return 0.0;
    };
    gap.as_secs_f32() / 86_400.0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    const TURKEY: &str = "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep before \
        dawn on Monday. Buildings collapsed in Kahramanmaras, Malatya and Hatay, and the AFAD \
        disaster agency said rescuers were searching the rubble across ten provinces. \
        President Erdogan declared seven days of national mourning.";
    const SYRIA: &str = "In Aleppo and Idlib, the White Helmets pulled families from flattened \
        apartment blocks. The Syrian health ministry and rebel-held areas counted victims \
        while United Nations convoys waited at the Bab al-Hawa crossing. Assad appealed \
        for international help as the Jindires toll kept rising.";

    fn article(n: u32, title: &str, body: &str) -> Article {
        let mut a = sample_article(n, title, body);
        a.lead = None;
        a
    }

    fn stream() -> Vec<Article> {
        vec![
            article(1, "Earthquake hits southern Turkey near Gaziantep", TURKEY),
            article(2, "White Helmets dig in Aleppo and Idlib rubble", SYRIA),
            article(
                3,
                "Quake kills thousands in Turkey and Syria",
                &format!("{TURKEY}\n\n{SYRIA}"),
            ),
            article(
                4,
                "Turkey and Syria quake: Gaziantep, Hatay, Aleppo and Idlib count their dead",
                &format!("{SYRIA}\n\n{TURKEY}"),
            ),
        ]
    }

    #[test]
    fn a_bridging_article_merges_the_later_story_into_the_earlier() {
        let mut clusterer = Clusterer::new(ClustererConfig::default());
        let assignments: Vec<Assignment> = stream().iter().map(|a| clusterer.assign(a)).collect();
        assert!(
            assignments[0].founded && assignments[1].founded,
            "two wordings, two stories"
        );
        let merges: Vec<&StoryMerge> = assignments.iter().flat_map(|a| &a.merges).collect();
        assert_eq!(merges.len(), 1, "one merge: {merges:?}");
        let merge = merges[0];
        assert_eq!(
            merge.absorbed, assignments[1].story,
            "the later-opened story is absorbed"
        );
        assert_eq!(
            merge.survivor, assignments[0].story,
            "into the earlier one: ids stay"
        );
        assert!(merge.story_score >= merge.threshold && merge.article_score >= merge.threshold);
        let last = assignments.last().map(|a| a.story.clone());
        assert_eq!(last, Some(assignments[0].story.clone()));
    }

    #[test]
    fn no_merge_when_turned_off() {
        let mut clusterer = Clusterer::new(ClustererConfig {
            merges: false,
            ..ClustererConfig::default()
        });
        let merges: usize = stream()
            .iter()
            .map(|a| clusterer.assign(a).merges.len())
            .sum();
        assert_eq!(merges, 0);
    }

    /// A pseudo-word for synthetic streams: distinct per `n`, no digits.
    pub(crate) fn word(n: usize) -> String {
        let letters = b"bcdfghjklmnpqrstvwxz";
        let mut word = String::new();
        let mut rest = n;
        for _ in 0..3 {
            word.push(letters[rest % letters.len()] as char);
            word.push(['a', 'e', 'i', 'o', 'u'][rest % 5]);
            rest /= letters.len();
        }
        word
    }

    /// 600 articles over 300 days, 2 a day: 30 topics, each told for 5
    /// days and told again 150 days later (far beyond `active_days`), with
    /// words shared between neighbouring topics and a name per topic.
    pub(crate) fn long_stream() -> Vec<Article> {
        (0..600)
            .map(|n| {
                let day = n / 2;
                let topic = (day / 5) % 30;
                let words: Vec<String> = (0..8).map(|k| word(topic * 5 + k)).collect();
                let name = word(1000 + topic);
                let mut name = name.chars();
                let name: String = name
                    .next()
                    .map(|c| c.to_ascii_uppercase())
                    .into_iter()
                    .chain(name)
                    .collect();
                let title = format!("{name} {} {} {}", words[0], words[1], word(3000 + n));
                let body = format!(
                    "{name} said the {} {} {} was {} today. The {} {} and {} {} {}.",
                    words[2],
                    words[3],
                    words[4],
                    word(2000 + n),
                    words[5],
                    words[6],
                    words[7],
                    word(2000 + n / 3),
                    words[n % 8]
                );
                let mut a = article(n as u32, &title, &body);
                a.published_at =
                    jiff::Timestamp::from_second(1_600_000_000 + n as i64 * 43_200).ok();
                a
            })
            .collect()
    }

    #[test]
    fn scoring_only_the_decisive_candidates_keeps_the_best_two_and_the_mergeable() {
        let new = || Clusterer::new(ClustererConfig::default());
        let (mut full, mut decisive) = (new(), new());
        let merge_threshold = full.config.merge_threshold.max(full.config.model.threshold);
        let (mut scored_full, mut scored_decisive) = (0, 0);
        for article in long_stream() {
            let (features, all) = full.candidates_read(&article, None, false);
            let (_, some) = decisive.candidates_read(&article, None, true);
            scored_full += all.len();
            scored_decisive += some.len();
            assert_eq!(all.get(..2.min(all.len())), some.get(..2.min(all.len())));
            let mergeable = |c: &&Candidate| c.score >= merge_threshold;
            assert_eq!(
                all.iter().filter(mergeable).collect::<Vec<_>>(),
                some.iter().filter(mergeable).collect::<Vec<_>>()
            );
            let story = match all.first() {
                Some(best) if best.score >= full.config.model.threshold => best.story.clone(),
                _ => StoryId::founded_by(&article.id),
            };
            full.join_story(&story, &features, &article);
            decisive.join_story(&story, &features, &article);
        }
        assert!(
            scored_decisive < scored_full,
            "{scored_decisive} of {scored_full} scored"
        );
    }

    #[test]
    fn retiring_inactive_stories_changes_no_assignment_and_frees_them() {
        let config = ClustererConfig {
            active_days: 20,
            ..ClustererConfig::default()
        };
        let run = |retire: bool| {
            let mut clusterer = Clusterer::new(ClustererConfig {
                retire,
                ..config.clone()
            });
            let mut assignments = Vec::new();
            for article in long_stream() {
                if let Some(at) = article.published_at {
                    clusterer.retire_inactive(at, |_| false);
                }
                assignments.push(clusterer.assign(&article));
            }
            (
                assignments,
                clusterer.live_story_count(),
                clusterer.index_postings(),
            )
        };
        let (kept, all_live, all_postings) = run(false);
        let (retired, live, postings) = run(true);
        assert_eq!(kept.len(), retired.len());
        for (k, r) in kept.iter().zip(&retired) {
            assert_eq!(k, r, "the same assignment, candidates and scores");
        }
        let founded = kept.iter().filter(|a| a.founded).count();
        assert!(founded >= 60, "every telling opens a story: {founded}");
        assert!(
            kept.iter().any(|a| !a.founded),
            "articles join their telling's story"
        );
        assert!(
            live * 4 < all_live,
            "only the recent stories stay live: {live} of {all_live}"
        );
        assert!(
            postings * 2 < all_postings,
            "the index forgets retired stories: {postings} of {all_postings}"
        );
    }

    #[test]
    fn an_undated_stream_keeps_only_the_stories_of_its_recent_articles_live() {
        let undated: Vec<Article> = long_stream()
            .into_iter()
            .map(|mut a| {
                a.published_at = None;
                a
            })
            .collect();
        let run = |idle_articles: u64, retire: bool| {
            let mut clusterer = Clusterer::new(ClustererConfig {
                idle_articles,
                retire,
                ..ClustererConfig::default()
            });
            let assignments: Vec<Assignment> =
                undated.iter().map(|a| clusterer.assign(a)).collect();
            (assignments, clusterer.live_story_count())
        };
        let (unbounded, all_live) = run(u64::MAX, true);
        let (kept, _) = run(40, false);
        let (retired, live) = run(40, true);
        assert_eq!(kept, retired, "retiring idle stories changes no assignment");
        assert!(
            live * 4 < all_live,
            "only stories joined in the last 40 articles stay live: {live} of {all_live}"
        );
        // Each topic is told again 300 articles later: without the bound the
        // retelling may join the first telling; with it, it opens a story.
        let story_of = |assignments: &[Assignment], n: usize| assignments[n].story.clone();
        let retold = |assignments: &[Assignment]| {
            (0..300)
                .filter(|&n| story_of(assignments, n) == story_of(assignments, n + 300))
                .count()
        };
        assert!(retold(&unbounded) > 0, "unbounded, retellings join");
        assert_eq!(retold(&retired), 0, "an idle story attracts nothing");
    }

    #[test]
    fn a_story_spared_by_the_caller_stays_live() {
        let mut clusterer = Clusterer::new(ClustererConfig {
            active_days: 20,
            ..ClustererConfig::default()
        });
        let stream = long_stream();
        let first = clusterer.assign(&stream[0]).story;
        for article in &stream[1..200] {
            clusterer.assign(article);
        }
        let Some(at) = stream[199].published_at else {
            panic!("the stream is dated");
        };
        let before = clusterer.live_story_count();
        clusterer.retire_inactive(at, |story| *story == first);
        assert!(clusterer.live_story_count() < before);
        let later = clusterer
            .live
            .iter()
            .any(|&i| clusterer.stories[i].id == first);
        assert!(later, "the spared story keeps its state");
    }
}
