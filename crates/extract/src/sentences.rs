//! Sentence boundaries in news text, for the claim finders and the
//! timeline: a sentence ends at `.`, `!` or `?` followed by whitespace, and
//! at a line break, except where a period belongs to a figure (`£13.5m`) or
//! to an abbreviation that news writing puts mid-sentence: "Qualcomm Inc.
//! to about $121 billion", "on Nov. 2", "Mr. Mollenkopf", "e.g. the". A cut
//! there would tear a figure from its subject and its date.

use std::ops::Range;

/// Abbreviations followed by a name: the period never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Lt", "Col", "Capt", "Sgt", "Sen", "Rep", "Gov",
    "Rev", "Hon", "Supt", "Insp", "Cllr", "Messrs",
];

/// Month abbreviations, and "No", that a number follows ("Nov. 2",
/// "No. 10"): the period does not end a sentence before a digit.
const BEFORE_NUMBERS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Vol", "pp", "p",
];

/// The AP's abbreviations of US states, written after a town in datelines
/// ("WAYNE, Mich. (WXYZ) — United Auto Workers …"): after a comma the
/// period does not end a sentence.
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M",
    "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Vt", "Va", "Wash",
    "W.Va", "Wis", "Wyo", "D.C",
];

/// Words that follow a clock time in news style without a new sentence
/// ("until 11:59 p.m. Sept. 14", "at 5 p.m. Monday", "at 9 a.m. ET"), besides
/// the month abbreviations of [`BEFORE_NUMBERS`]; space-separated.
const AFTER_CLOCK_TIMES: &str = "January February March April May June July August September \
     October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday \
     ET EDT EST PT PDT PST CT GMT BST UTC";

/// Byte spans of the sentences of `text` (trimmed, never empty).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let ends = match c {
            '\n' => true,
            '.' => next.is_none_or(char::is_whitespace) && !period_continues(text, i),
            '!' | '?' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether the period at byte `at` (followed by whitespace) sits inside a
/// sentence: the next word on the same line starts in lower case, or the
/// word before is a title, an initial ("J. K. Rowling", "U.S. officials")
/// or a month or "No" before a number.
fn period_continues(text: &str, at: usize) -> bool {
    let after = &text[at + 1..];
    let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
    let Some(next) = after[gap..].chars().next() else {
        return false;
    };
    if gap == 0 || next == '\n' || next == '\r' {
        return false;
    }
    if next.is_lowercase() {
        return true;
    }
    let before = &text[..at];
    // "évaluée à... 90M €": an ellipsis of suspense before a figure.
    if before.ends_with("..") && (next.is_ascii_digit() || "$£€¥".contains(next)) {
        return true;
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    if next.is_ascii_digit() {
        return BEFORE_NUMBERS.contains(&word);
    }
    if STATES.contains(&word)
        && before[..before.len() - word.len()]
            .trim_end()
            .ends_with(',')
    {
        return true;
    }
    if !next.is_uppercase() {
        return false;
    }
    if matches!(word, "a.m" | "p.m") {
        let following = after[gap..]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return (following != "No" && BEFORE_NUMBERS.contains(&following))
            || AFTER_CLOCK_TIMES.split_whitespace().any(|w| w == following);
    }
    TITLES.contains(&word) || is_initial(word)
}

/// A single capital letter ("J" of "J. K. Rowling") or dotted capitals
/// ("U.S", "U.N"): initials, whose last period rarely ends a sentence.
fn is_initial(word: &str) -> bool {
    !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// The longest sentence the splitter returns, in bytes: a longer stretch
/// without a sentence end (a run of figures or links copied without
/// punctuation; real sentences stay under 1,000) is cut at the last space
/// before it, so that the claim finders, which read the whole sentence
/// around each figure, take time linear in such input.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Adds `range` of `text`, trimmed, when anything is left of it; cut into
/// pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let mut start = range.start + (slice.len() - slice.trim_start().len());
    let end = start + slice.trim().len();
    // A loop, not recursion: a file of megabytes without a sentence end
    // gives thousands of pieces.
    while start < end {
        if end - start <= MAX_SENTENCE_BYTES {
            out.push(start..end);
            return;
        }
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // At the last space before the limit, else at the limit itself.
        let mut cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |at| start + at)
            .max(start + 1);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let piece = &text[start..cut];
        if !piece.trim().is_empty() {
            out.push(start..start + piece.trim_end().len());
        }
        let rest = &text[cut..end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_stretch_without_sentence_ends_is_cut_into_bounded_pieces() {
        let text = "$5,000 ".repeat(1_000);
        let pieces = sentences(&text);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        // Cut between figures, never inside one.
        assert!(pieces.iter().all(|r| text[r.clone()].ends_with("$5,000")));
        // A string with no space at all is cut on a character boundary.
        let text = "é".repeat(3_000);
        let pieces = sentences(&text);
        assert_eq!(
            pieces.iter().map(ExactSizeIterator::len).sum::<usize>(),
            text.len()
        );
        // Megabytes without a sentence end: many pieces, no deep recursion.
        let text = "x".repeat(4_000_000);
        assert_eq!(sentences(&text).len(), 2_000);
    }

    #[test]
    fn datelines_and_clock_times_stay_in_their_sentence() {
        assert_eq!(
            split(
                "WAYNE, Mich. (WXYZ) — Talks continue. They have until 11:59 p.m. Sept. 14 to agree."
            ),
            [
                "WAYNE, Mich. (WXYZ) — Talks continue.",
                "They have until 11:59 p.m. Sept. 14 to agree."
            ]
        );
        assert_eq!(
            split(
                "The vote ended at 5 p.m. The union said no. He moved to Michigan. Mich. is cold."
            ),
            [
                "The vote ended at 5 p.m.",
                "The union said no.",
                "He moved to Michigan.",
                "Mich. is cold."
            ]
        );
    }

    #[test]
    fn an_ellipsis_before_a_figure_stays_in_its_sentence() {
        assert_eq!(
            split("Ajax ont repoussé une offre évaluée à... 90M €. Il a 22 ans... Il joue."),
            [
                "Ajax ont repoussé une offre évaluée à... 90M €.",
                "Il a 22 ans...",
                "Il joue."
            ]
        );
    }

    #[test]
    fn figures_and_line_breaks() {
        assert_eq!(
            split("Roma offered £13.5m. United want more!\nNew line"),
            ["Roma offered £13.5m.", "United want more!", "New line"]
        );
    }

    #[test]
    fn a_company_suffix_before_lower_case_stays_in_its_sentence() {
        assert_eq!(
            split(
                "Broadcom Ltd. has raised its bid for Qualcomm Inc. to about $121 billion. \
                 The new offer is final."
            ),
            [
                "Broadcom Ltd. has raised its bid for Qualcomm Inc. to about $121 billion.",
                "The new offer is final."
            ]
        );
    }

    #[test]
    fn months_titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("The price on Nov. 2 was lower, Mr. Mollenkopf said. U.S. officials agreed."),
            [
                "The price on Nov. 2 was lower, Mr. Mollenkopf said.",
                "U.S. officials agreed."
            ]
        );
        assert_eq!(
            split("A book by J. K. Rowling sold. It was No. 1 for weeks."),
            ["A book by J. K. Rowling sold.", "It was No. 1 for weeks."]
        );
    }

    #[test]
    fn an_ordinary_sentence_end_still_splits() {
        assert_eq!(
            split("He joined in 2010. 2011 was his best year. Apple Inc. The company grew."),
            [
                "He joined in 2010.",
                "2011 was his best year.",
                "Apple Inc.",
                "The company grew."
            ]
        );
        // A line break after an abbreviation still ends the line.
        assert_eq!(split("They met Mr.\nSmith"), ["They met Mr.", "Smith"]);
    }

    proptest::proptest! {
        #[test]
        fn spans_are_trimmed_char_boundaries(text in "\\PC{0,200}") {
            for r in sentences(&text) {
                proptest::prop_assert!(text.is_char_boundary(r.start));
                proptest::prop_assert!(text.is_char_boundary(r.end));
                proptest::prop_assert!(!text[r.clone()].trim().is_empty());
            }
        }
    }
}
