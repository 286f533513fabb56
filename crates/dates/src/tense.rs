//! Tense of the clause around a date expression, used to choose between
//! the past and the future reading of "on Monday" or "10 August".
//!
//! The heuristics, in order:
//! 1. The clause is the text between the nearest clause breaks (`.`, `;`,
//!    `!`, `?`, `:` and line breaks) on either side of the expression.
//! 2. Words of the clause are scanned outward from the expression, before
//!    it first (the verb usually precedes the date in English news), then
//!    after it. The first cue decides:
//!    - future: `will`, `'ll`, `shall`, `going to`, `set to`, `due to`,
//!      `could`, `would`, `should`, `may`, `might`, `can`, `plans`,
//!      `expected`, `scheduled`, `hope`, `let's`, `please`, `next`,
//!      `upcoming`, `coming`, `until`, and present-tense verbs of
//!      schedules (`closes`, `opens`, `starts`, `begins`, `ends`, `takes
//!      place`, `kicks off`, `returns`, `meets`, `faces`, `plays`, `hosts`,
//!      `travels`, `visits`, `resumes`, `expires`);
//!    - past: `was`, `were`, `had`, `did`, `ago`, `last`, `earlier`,
//!      `previous`, common irregular past forms (`said`, `told`, `won`,
//!      `lost`, `met`, `left`, ...), and words ending in `-ed` that are not
//!      in a short list of non-verbs (`need`, `indeed`, `hundred`, ...).
//!
//!    A deadline word right before the expression (`by`, `until`, `till`)
//!    makes it future whatever else the clause says (unless it opens a
//!    clause told in the past: "By Thanksgiving, she had begun"), and so does a
//!    participle right after `be` ("will be held on Friday"); a plan told
//!    in the past ("was set to expire on Friday") is past.
//! 3. Without a cue there is no tense ([`tense_at`] returns `None`); the
//!    caller picks its default (see `resolve`).

/// The tense of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reports something that happened.
    Past,
    /// Announces something to come.
    Future,
}

const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "could",
    "would",
    "should",
    "may",
    "might",
    "can",
    "plans",
    "plan",
    "expected",
    "expects",
    "scheduled",
    "schedule",
    "hope",
    "hopes",
    "let's",
    "please",
    "next",
    "upcoming",
    "coming",
    "until",
    "till",
    "closes",
    "opens",
    "starts",
    "begins",
    "ends",
    "takes",
    "kicks",
    "returns",
    "meets",
    "faces",
    "plays",
    "hosts",
    "travels",
    "visits",
    "resumes",
    "expires",
    "expire",
    "tomorrow",
    "due",
    "set",
    "going",
    "wants",
    "want",
    "need",
    "needs",
    "must",
    "intends",
    "aims",
    "book",
    "arrange",
    "remind",
];

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "earlier",
    "previous",
    "said",
    "told",
    "won",
    "lost",
    "met",
    "left",
    "came",
    "went",
    "took",
    "gave",
    "got",
    "made",
    "saw",
    "began",
    "became",
    "held",
    "felt",
    "kept",
    "ran",
    "sat",
    "stood",
    "spoke",
    "wrote",
    "broke",
    "fell",
    "struck",
    "found",
    "thought",
    "brought",
    "bought",
    "paid",
    "led",
    "sent",
    "spent",
    "beat",
    "chose",
    "drew",
    "drove",
    "flew",
    "grew",
    "knew",
    "rose",
    "shot",
    "sold",
    "threw",
    "withdrew",
    "hit",
    "yesterday",
    "born",
    "been",
    "since",
    "wasn't",
    "weren't",
    "didn't",
    "hadn't",
];

/// Future cues that, after "was", "were" or "been", tell a plan of the
/// past ("was set to", "had been due to").
const PAST_PLAN: &[&str] = &["going", "set", "due", "expected", "scheduled", "supposed"];

const NOT_VERBS: &[&str] = &[
    "need",
    "indeed",
    "hundred",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "shed",
    "breed",
    "weed",
    "creed",
    "greed",
    "bleed",
    "proceed",
    "succeed",
    "exceed",
    "united",
    "limited",
    "red",
    "scheduled",
    "expected",
    "based",
    "related",
    "interested",
    "detailed",
    "advanced",
];

/// Tense of the clause around `span` (byte offsets) in `text`.
pub fn tense_at(text: &str, span: std::ops::Range<usize>) -> Option<Tense> {
    let is_break = |c: char| matches!(c, '.' | ';' | '!' | '?' | ':' | '\n');
    let clause_start = text[..span.start].rfind(is_break).map_or(0, |i| i + 1);
    let clause_end = text[span.end..]
        .find(is_break)
        .map_or(text.len(), |i| span.end + i);
    let before = words(&text[clause_start..span.start]);
    let after = words(&text[span.end..clause_end]);
    // "by Friday", "until Monday": a deadline lies ahead, unless the clause
    // it opens is told in the past ("By Thanksgiving, she had begun …").
    if before
        .last()
        .is_some_and(|w| matches!(w.as_str(), "by" | "until" | "till"))
    {
        let opens_clause = before.len() == 1;
        if opens_clause && after.iter().find_map(|w| cue(w)) == Some(Tense::Past) {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    // Scanning back, a participle right after "be" is the passive of a
    // modal or "to" ("will be held on Friday", "is set to be signed on
    // Monday"): the future.
    // A plan told in the past ("was set to expire on Friday", "was going
    // to happen on Wednesday") is the past.
    let behind = (0..before.len()).rev().find_map(|i| {
        cue(&before[i]).map(|tense| match (tense, i.checked_sub(1)) {
            (Tense::Past, Some(j)) if before[j] == "be" => Tense::Future,
            (Tense::Future, Some(_)) if past_plan(&before[..=i]) => Tense::Past,
            _ => tense,
        })
    });
    behind.or_else(|| after.iter().find_map(|w| cue(w)))
}

/// Whether the words end in a plan told in the past: "was set" or "was
/// set to expire", "had been due to run".
fn past_plan(words: &[String]) -> bool {
    let n = words.len();
    let is_past_plan = |plan: usize| {
        plan >= 1
            && PAST_PLAN.contains(&words[plan].as_str())
            && matches!(words[plan - 1].as_str(), "was" | "were" | "been")
    };
    is_past_plan(n - 1) || (n >= 4 && words[n - 2] == "to" && is_past_plan(n - 3))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn cue(word: &str) -> Option<Tense> {
    if word.ends_with("'ll") || word.ends_with("’ll") {
        return Some(Tense::Future);
    }
    if FUTURE.contains(&word) {
        return Some(Tense::Future);
    }
    if PAST.contains(&word) {
        return Some(Tense::Past);
    }
    if word.len() > 4 && word.ends_with("ed") && !NOT_VERBS.contains(&word) {
        return Some(Tense::Past);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, needle: &str) -> Option<Tense> {
        let start = text.find(needle).unwrap_or(0);
        tense_at(text, start..start + needle.len())
    }

    #[test]
    fn a_clause_opened_by_a_deadline_word_keeps_its_own_tense() {
        assert_eq!(
            tense_of("By Thanksgiving, she had begun to speak.", "Thanksgiving"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("By Friday, the deal will be done.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of(
                "Roma must decide by Friday, which was the deadline.",
                "Friday"
            ),
            Some(Tense::Future)
        );
    }

    #[test]
    fn scheduled_present_is_future() {
        assert_eq!(
            tense_of("The transfer window closes on Monday.", "Monday"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn ed_verbs_are_past() {
        assert_eq!(
            tense_of("He missed training on Tuesday and Wednesday.", "Tuesday"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn modal_is_future_and_no_cue_is_none() {
        assert_eq!(
            tense_of("She will speak on Friday.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(tense_of("Storm on Friday.", "Friday"), None);
    }

    #[test]
    fn a_passive_after_a_modal_is_future() {
        assert_eq!(
            tense_of("His medical will be held on Friday.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The deal is set to be signed on Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("His medical was held on Friday.", "Friday"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn a_plan_told_in_the_past_is_past() {
        assert_eq!(
            tense_of("The clause was set to expire on Friday.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of(
                "He knew what was going to happen on Wednesday.",
                "Wednesday"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("The clause is set to expire on Friday.", "Friday"),
            Some(Tense::Future)
        );
    }
}
