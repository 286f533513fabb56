//! Asides: relative clauses and comparisons inside a sentence. In "Rhys
//! Dunmore cost £40m, more than Tom Ashby, who was bought for £35m by
//! Westfield Rovers", the £35m is Ashby's (the antecedent of ", who") and
//! Westfield Rovers' (the clause's own agent); Westfield Rovers, named only
//! inside the aside, holds nothing of the main clause's £40m.

use crate::entities::{EntityKind, Mention};
use std::ops::Range;

/// Openings of a relative clause attached to the name before them.
const RELATIVE_OPENINGS: &[&str] = &[", who ", ", which "];

/// Pronouns that, opening a relative clause, are its subject: "who they
/// bought", "which he signed".
const SUBJECT_PRONOUNS: &[&str] = &["they", "he", "she", "it", "we"];

/// Words that open a comparison with another party: "second only behind
/// Tom Ashby", "more than Tom Ashby".
const COMPARISON_WORDS: &[&str] = &[" behind ", " than "];

/// A relative clause or comparison of a sentence (byte ranges of the
/// sentence).
#[derive(Debug, Clone)]
pub(super) struct Aside {
    /// Where the aside runs, from its opening word to its end.
    pub span: Range<usize>,
    /// For a relative clause, the name it is attached to and that name's
    /// kind; None for a comparison.
    pub antecedent: Option<(Range<usize>, EntityKind)>,
    /// The party named after "by" inside a relative clause: "who was
    /// signed … by Westfield Rovers".
    pub agent: Option<Range<usize>>,
    /// True when the relative clause's own subject is a pronoun ("who they
    /// bought for £4m"): the party it stands for is named before the
    /// clause.
    pub pronoun_subject: bool,
}

impl Aside {
    /// True when the aside is a relative clause about a person.
    pub fn about_a_person(&self) -> bool {
        matches!(self.antecedent, Some((_, EntityKind::Person)))
    }

    /// True when `span` lies inside the aside.
    pub fn holds(&self, span: &Range<usize>) -> bool {
        span.start >= self.span.start && span.end <= self.span.end
    }
}

/// The end of the clause that starts at `from`: the next comma, semicolon
/// or dash outside brackets, or the sentence's end.
fn clause_end(sentence: &str, from: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in sentence.get(from..).unwrap_or_default().char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' | ';' | '—' | '–' if depth == 0 => return from + i,
            _ => {}
        }
    }
    sentence.len()
}

/// The relative clauses of a sentence (", who …", ", which …", to the
/// clause's end), whatever they are attached to: "The 25-year-old, who
/// will wear the shirt vacated by Sergio Aguero, has signed a six-year
/// contract" names Aguero only in passing.
pub(super) fn relative_clauses(sentence: &str) -> Vec<Range<usize>> {
    RELATIVE_OPENINGS
        .iter()
        .flat_map(|opening| {
            sentence.match_indices(opening).map(|(at, _)| {
                let start = at + ", ".len();
                start..clause_end(sentence, at + opening.len())
            })
        })
        .collect()
}

/// The asides of a sentence. `lower` is the sentence lowercased (the
/// caller has it already), `names` the sentence's names with spans in the
/// whole text, `offset` the sentence's start in it. A relative clause
/// counts only when attached to a name ("Tom Ashby, who …"); a comparison
/// only when it names a person.
pub(super) fn find_asides(
    sentence: &str,
    lower: &str,
    names: &[&Mention],
    offset: usize,
) -> Vec<Aside> {
    let local: Vec<(Range<usize>, EntityKind)> = names
        .iter()
        .filter(|m| m.span.start >= offset)
        .map(|m| (m.span.start - offset..m.span.end - offset, m.kind))
        .collect();
    // Offsets are shared between the two: only when lowercasing keeps
    // every character's byte length ("İ" and "ẞ" do not).
    let same_offsets = lower.chars().count() == sentence.chars().count()
        && lower
            .chars()
            .zip(sentence.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    if !same_offsets {
        return Vec::new();
    }
    let mut asides = Vec::new();
    for opening in RELATIVE_OPENINGS {
        for (at, _) in lower.match_indices(opening) {
            let Some((antecedent, kind)) = local.iter().find(|(span, _)| span.end == at) else {
                continue;
            };
            let start = at + ", ".len();
            let end = clause_end(sentence, at + opening.len());
            let agent = local
                .iter()
                .filter(|(span, kind)| {
                    *kind != EntityKind::Person && span.start >= start && span.end <= end
                })
                .find(|(span, _)| lower[..span.start].trim_end().ends_with(" by"))
                .map(|(span, _)| span.clone());
            let rest = &lower[at + opening.len()..];
            let pronoun_subject = SUBJECT_PRONOUNS
                .iter()
                .any(|p| rest.strip_prefix(p).is_some_and(|r| r.starts_with(' ')));
            asides.push(Aside {
                span: start..end,
                antecedent: Some((antecedent.clone(), *kind)),
                agent,
                pronoun_subject,
            });
        }
    }
    for word in COMPARISON_WORDS {
        for (at, _) in lower.match_indices(word) {
            let start = at + 1;
            let end = clause_end(sentence, start);
            let names_a_person = local.iter().any(|(span, kind)| {
                *kind == EntityKind::Person && span.start >= start && span.end <= end
            });
            if names_a_person {
                asides.push(Aside {
                    span: start..end,
                    antecedent: None,
                    agent: None,
                    pronoun_subject: false,
                });
            }
        }
    }
    asides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_mentions;

    fn asides(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let names = find_mentions(text);
        let refs: Vec<&Mention> = names.iter().collect();
        find_asides(text, &text.to_lowercase(), &refs, 0)
            .into_iter()
            .map(|a| {
                (
                    text[a.span.clone()].to_string(),
                    a.antecedent.map(|(s, _)| text[s].to_string()),
                    a.agent.map(|s| text[s].to_string()),
                )
            })
            .collect()
    }

    /// Lowercasing that changes byte lengths in opposite directions keeps
    /// the total but not the offsets: no aside is read, and nothing panics.
    #[test]
    fn shifted_offsets_after_lowercasing_read_no_aside() {
        let sentence = "ẞ Tom Núñez, who was signed for £35m by Westfield Rovers İ.";
        assert_eq!(sentence.to_lowercase().len(), sentence.len());
        let names = find_mentions(sentence);
        let refs: Vec<&Mention> = names.iter().collect();
        assert!(!refs.is_empty());
        assert!(find_asides(sentence, &sentence.to_lowercase(), &refs, 0).is_empty());
    }

    #[test]
    fn a_relative_clause_runs_to_its_comma_and_names_its_agent() {
        let found = asides(
            "Rhys Dunmore joined for £40m, ahead of Tom Ashby, who was bought for £35m \
             (about $44m) by Westfield Rovers in 2017, the club said.",
        );
        assert_eq!(
            found,
            vec![(
                "who was bought for £35m (about $44m) by Westfield Rovers in 2017".to_string(),
                Some("Tom Ashby".to_string()),
                Some("Westfield Rovers".to_string()),
            )]
        );
    }

    #[test]
    fn a_comparison_counts_only_when_it_names_a_person() {
        let found = asides("Rovers paid more than Tom Ashby cost, and more than last year.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "than Tom Ashby cost");
        assert!(asides("Rovers paid more than they wanted to for the striker.").is_empty());
    }

    #[test]
    fn a_clause_after_no_name_is_no_aside() {
        assert!(asides("The bid, which was worth £30m, was rejected by Rovers.").is_empty());
    }
}
