//! What the clusterer sees of an article: four sparse vectors that carry
//! across languages as far as they can.
//!
//! - `terms`: stemmed English words of headline (repeated), lead and body;
//!   useful only between articles in the same language.
//! - `names`: capitalized names, transliterated to ASCII (`deunicode`) and
//!   cut to their first five letters, so `Barcellona`/`Barcelona`,
//!   `Антони`/`Antony` and `Sunak`/`Sunaka` meet.
//! - `headline_names`: the names of the headline and lead only: who the
//!   article is about, not who it mentions in passing.
//!
//!   A headline's sentence-opening capitalized word before a lowercase one
//!   ("Snowden calls for oversight", "Titanfall review") is a name when the
//!   stream has already met it as one elsewhere: headlines open with their
//!   subject, and without it a headline's only name may be a word every
//!   story uses ("US" of "Libyan commander seeks US help").
//! - `figures`: the numbers written in the text (`90` of `£90m` or
//!   `90 миллионное`, `44` of `$44bn`, `2023`): figures and dates are the
//!   same in every language.

use crate::cluster::vectors::{SparseVector, TermWeights};
use crate::cluster::word_terms::WordTerms;
use crate::model::Article;
use crate::text::{Analyzer, name_terms_and_openers, words};
use serde::{Deserialize, Serialize};

/// Letters a name keeps: enough to tell names apart, few enough to absorb
/// inflections and transliteration differences.
const NAME_PREFIX: usize = 5;

/// Distinct word terms from which an article counts as full length
/// (brevity 0); a bare headline has fewer than ten.
const FULL_LENGTH_TERMS: f32 = 200.0;

/// One article's vectors, ids from the clusterer's vocabularies.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ArticleFeatures {
    /// Word terms.
    pub terms: SparseVector,
    /// All names.
    pub names: SparseVector,
    /// Names of the headline and lead.
    pub headline_names: SparseVector,
    /// Figures.
    pub figures: SparseVector,
    /// True when the article is not in English (word terms say little).
    pub foreign: bool,
    /// How short the article is: `1 - ln(1 + n) / ln(1 + 200)` over its
    /// `n` distinct word terms, clamped to 0..1 (about 0.6 for a headline,
    /// 0.4 for a headline and snippet, 0 for a full article).
    pub brevity: f32,
    /// True when the text has lowercase letters and no capital (see
    /// `Components::caseless`).
    #[serde(default)]
    pub caseless: bool,
}

/// Vocabularies and document frequencies of each kind of feature.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Vocabularies {
    /// Word terms.
    pub terms: TermWeights,
    /// Names (headline names share this vocabulary and its frequencies).
    pub names: TermWeights,
    /// Figures.
    pub figures: TermWeights,
    /// The term id of recently met words (as written), or none for a
    /// word that gives no term: the same word recurs in every headline
    /// repeat and across articles, and stemming it again gives the same
    /// term. Term ids are never reassigned, so an entry stays right; the
    /// memo is bounded (see [`WordTerms`]). Not serialized: a restored
    /// state fills it again as it reads.
    #[serde(skip)]
    word_terms: WordTerms,
}

impl Vocabularies {
    /// Rebuilds the IDF caches a deserialized state goes without.
    pub fn restore_caches(&mut self) {
        for weights in [&mut self.terms, &mut self.names, &mut self.figures] {
            weights.restore_cache();
        }
    }

    /// The features of `article`, recording its terms in the document
    /// frequencies (the stream's IDF includes every article seen so far).
    pub fn features(
        &mut self,
        article: &Article,
        analyzer: &Analyzer,
        title_repeat: usize,
    ) -> ArticleFeatures {
        let reading = TextReading::of(article, analyzer);
        self.features_read(article, &reading, analyzer, title_repeat)
    }

    /// [`Vocabularies::features`] with the names, figures and case of
    /// `article` already read (`reading` must be [`TextReading::of`] this
    /// very article).
    pub fn features_read(
        &mut self,
        article: &Article,
        reading: &TextReading,
        analyzer: &Analyzer,
        title_repeat: usize,
    ) -> ArticleFeatures {
        // What is compared is the text of the headline `title_repeat`
        // times, the lead and the body, each part closed by ".\n" (the
        // headline names: headline and lead). A part ends a word and a
        // sentence, so the words, names and figures of the whole are those
        // of its parts in order: each part is read once, and ids are still
        // assigned in the order of the whole.
        let repeat = title_repeat.max(1);
        let title = article.title.as_str();
        let lead = article.lead.as_deref().unwrap_or_default();
        let body = article.body.as_str();
        let title_terms = self.term_ids(title, analyzer);
        let mut term_ids = title_terms.repeat(repeat);
        term_ids.extend(self.term_ids(lead, analyzer));
        term_ids.extend(self.term_ids(body, analyzer));
        let [title_names_read, lead_names, body_names] = &reading.names;
        let mut title_names: Vec<u32> = reading
            .title_openers
            .iter()
            .filter_map(|t| self.names.known(t))
            .collect();
        title_names.extend(title_names_read.iter().map(|t| self.names.id(t)));
        let lead_names: Vec<u32> = lead_names.iter().map(|t| self.names.id(t)).collect();
        let mut name_ids = title_names.repeat(repeat);
        name_ids.extend_from_slice(&lead_names);
        name_ids.extend(body_names.iter().map(|t| self.names.id(t)));
        let mut head_ids = title_names;
        head_ids.extend_from_slice(&lead_names);
        let [title_figures, lead_figures, body_figures] = &reading.figures;
        let title_figures: Vec<u32> = title_figures.iter().map(|t| self.figures.id(t)).collect();
        let mut figure_ids = title_figures.repeat(repeat);
        for part in [lead_figures, body_figures] {
            figure_ids.extend(part.iter().map(|t| self.figures.id(t)));
        }
        let terms = SparseVector::from_term_ids(&term_ids);
        let features = ArticleFeatures {
            brevity: brevity(terms.0.len()),
            terms,
            names: SparseVector::from_term_ids(&name_ids),
            headline_names: SparseVector::from_term_ids(&head_ids),
            figures: SparseVector::from_term_ids(&figure_ids),
            foreign: article.language.as_deref().is_some_and(|l| l != "en"),
            caseless: reading.caseless,
        };
        self.terms.observe(&features.terms);
        self.names.observe(&features.names);
        self.figures.observe(&features.figures);
        features
    }

    /// The term ids of the words of `text`, in order, assigning ids to
    /// new terms.
    fn term_ids(&mut self, text: &str, analyzer: &Analyzer) -> Vec<u32> {
        let mut ids = Vec::new();
        for word in words(text) {
            let terms = &mut self.terms;
            let id = self
                .word_terms
                .get_or_insert_with(word, || analyzer.term(word).map(|t| terms.id(&t)));
            ids.extend(id);
        }
        ids
    }
}

/// What [`Vocabularies::features`] reads from an article's text before it
/// consults any vocabulary: the names and figures of headline, lead and
/// body, and whether the text is caseless. A pure function of the
/// article, so it can be read on another thread ahead of the clustering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextReading {
    /// [`names`] of the headline, the lead and the body.
    names: [Vec<String>; 3],
    /// The headline's sentence-opening capitalized words before a
    /// lowercase one, as [`names`] writes names: names only if the
    /// stream has met them as names.
    title_openers: Vec<String>,
    /// [`figures`] of the headline, the lead and the body.
    figures: [Vec<String>; 3],
    /// [`ArticleFeatures::caseless`].
    caseless: bool,
}

impl TextReading {
    /// Reads `article`.
    pub fn of(article: &Article, analyzer: &Analyzer) -> Self {
        let title = article.title.as_str();
        let lead = article.lead.as_deref().unwrap_or_default();
        let body = article.body.as_str();
        let (title_names, title_openers) = names_and_openers(title, analyzer);
        Self {
            names: [title_names, names(lead, analyzer), names(body, analyzer)],
            title_openers,
            figures: [title, lead, body].map(figures),
            caseless: caseless_parts(&[title, lead, body]),
        }
    }
}

/// Brevity of an article with `distinct_terms` word terms (see
/// [`ArticleFeatures::brevity`]).
pub(crate) fn brevity(distinct_terms: usize) -> f32 {
    let n = distinct_terms as f32;
    (1.0 - (1.0 + n).ln() / (1.0 + FULL_LENGTH_TERMS).ln()).clamp(0.0, 1.0)
}

/// True when `text` has a lowercase letter and no uppercase one: written
/// without capitals, so no name can be found in it. Scripts without case
/// (Devanagari, Chinese) have neither and are not caseless.
#[cfg(test)]
pub fn caseless(text: &str) -> bool {
    caseless_parts(&[text])
}

/// [`caseless`] of the parts joined by punctuation.
fn caseless_parts(parts: &[&str]) -> bool {
    let mut lower = false;
    for c in parts.iter().flat_map(|p| p.chars()) {
        if c.is_uppercase() {
            return false;
        }
        lower |= c.is_lowercase();
    }
    lower
}

/// Names of `text`, transliterated and cut to [`NAME_PREFIX`] letters.
pub fn names(text: &str, analyzer: &Analyzer) -> Vec<String> {
    names_and_openers(text, analyzer).0
}

/// [`names`] of `text` and, apart, its sentence-opening capitalized words
/// before a lowercase one, written the same way (see
/// [`crate::text::name_terms_and_openers`]).
fn names_and_openers(text: &str, analyzer: &Analyzer) -> (Vec<String>, Vec<String>) {
    let (names, openers) = name_terms_and_openers(text, analyzer);
    (name_keys(names), name_keys(openers))
}

/// Names transliterated and cut to [`NAME_PREFIX`] letters; shorter than
/// two letters, dropped.
fn name_keys(names: Vec<String>) -> Vec<String> {
    names
        .into_iter()
        .filter_map(|name| {
            let ascii: String = deunicode::deunicode(&name)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .take(NAME_PREFIX)
                .collect();
            (ascii.len() >= 2).then_some(ascii)
        })
        .collect()
}

/// The numbers written in `text`: digit runs of two or more digits (one
/// digit says little), `1,000`-style groups and decimals kept whole only
/// up to the first separator, so `35,000` gives `35` like `35 хиљада`.
/// An English ordinal keeps its suffix (`90th`), so "the 90th minute"
/// does not meet "a £90m bid".
pub fn figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut previous = ' ';
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_ascii_digit() {
            if start.is_none() && (previous == ',' || previous == '.') {
                // The tail of `35,000` or `2.5`: part of the figure before.
                previous = c;
                continue;
            }
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            let run = &text[from..at];
            if run.len() >= 2 && !run.bytes().all(|d| d == b'0') {
                match ordinal_suffix(&text[at..]) {
                    Some(suffix) => out.push(format!("{run}{suffix}")),
                    None => out.push(run.to_string()),
                }
            }
        }
        if !c.is_ascii_digit() {
            previous = c;
        }
    }
    out
}

/// The English ordinal suffix (`st`, `nd`, `rd`, `th`, lower-cased) that
/// opens `rest` and ends a word there.
fn ordinal_suffix(rest: &str) -> Option<&'static str> {
    let suffix = rest.get(..2)?;
    let ends_word = !rest[2..].chars().next().is_some_and(char::is_alphanumeric);
    let found = ["st", "nd", "rd", "th"]
        .into_iter()
        .find(|known| suffix.eq_ignore_ascii_case(known))?;
    ends_word.then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_lead_and_body_read_as_one_text() {
        // Read part by part (the headline once, its repeats copied), the
        // vectors are those of the whole text the parts make.
        let analyzer = Analyzer::english();
        let mut parts = crate::store::conformance::sample_article(
            1,
            "AS Roma bid £18m for Chris Smalling",
            "Talks with Manchester United go on. Smalling's fee: 18,5m.",
        );
        parts.lead = Some("AS Roma are preparing a second bid".into());
        let mut whole = parts.clone();
        whole.title = String::new();
        whole.lead = None;
        whole.body = format!(
            "{title}.\n{title}.\n{lead}.\n{body}",
            title = parts.title,
            lead = "AS Roma are preparing a second bid",
            body = parts.body
        );
        let (mut by_parts, mut at_once) = (Vocabularies::default(), Vocabularies::default());
        for _ in 0..2 {
            let a = by_parts.features(&parts, &analyzer, 2);
            let b = at_once.features(&whole, &analyzer, 1);
            assert_eq!(a.terms, b.terms);
            assert_eq!(a.names, b.names);
            assert_eq!(a.figures, b.figures);
            assert!(!a.terms.0.is_empty() && !a.names.0.is_empty());
        }
    }

    #[test]
    fn names_meet_across_scripts_and_inflections() {
        let analyzer = Analyzer::english();
        assert_eq!(
            names(
                "Accordo tra Barcellona e Coutinho. Manchester Юнайтед",
                &analyzer
            ),
            ["barce", "couti", "manch", "iunai"]
        );
        assert_eq!(
            names("Antony joined Manchester United", &analyzer)[0],
            "manch"
        );
    }

    #[test]
    fn a_headline_opening_name_counts_once_met_as_a_name() {
        let analyzer = Analyzer::english();
        let headline = |title: &str| {
            let mut article = crate::store::conformance::sample_article(1, title, title);
            article.lead = None;
            article
        };
        let mut v = Vocabularies::default();
        // "Snowden" opens the headline before a lowercase word: not yet a
        // name, so the headline's only name is "US".
        let first = v.features(&headline("Snowden calls for US oversight"), &analyzer, 2);
        assert_eq!(first.headline_names.0.len(), 1);
        // Once met as a name, the same opening word is one.
        v.features(&headline("Edward Snowden speaks"), &analyzer, 2);
        let again = v.features(&headline("Snowden calls for US oversight"), &analyzer, 2);
        assert_eq!(again.headline_names.0.len(), 2);
        // A common word opening a headline never becomes a name.
        let common = v.features(&headline("Stocks fall on US data"), &analyzer, 2);
        assert_eq!(common.headline_names.0.len(), 1);
    }

    #[test]
    fn only_text_with_letters_and_no_capitals_is_caseless() {
        assert!(caseless("mourinho seek killer instinct"));
        assert!(!caseless("Mourinho seeks killer instinct"));
        assert!(!caseless("तुर्की में भूकंप"));
        assert!(!caseless("2023 -- 45"));
    }

    #[test]
    fn figures_keep_the_leading_number() {
        assert_eq!(
            figures("£90m bid, 35,000 dead, 2.5 years, 90 миллионное, in 2023, 7 days"),
            ["90", "35", "90", "2023"]
        );
        // An ordinal is not the amount it spells: "90th" meets only "90th".
        assert_eq!(
            figures("won in the 90th minute; the 16th-largest bank; 21ST century; 90three"),
            ["90th", "16th", "21st", "90"]
        );
    }
}
