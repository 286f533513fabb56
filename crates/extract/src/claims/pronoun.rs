//! Pronoun subjects: in "Liz Truss has been announced as the new leader.
//! Sir Graham Brady has just made the announcement. She received 81,326 of
//! the votes while competitor Rishi Sunak received 60,399." the 81,326 are
//! Truss's, not Sunak's (a later name in the sentence) nor Brady's (the
//! latest name before it).
//!
//! The salience rule, kept simple: a sentence that opens with a personal
//! pronoun ("She", "He", "His", "Her") is about the subject of the latest
//! earlier sentence whose subject agrees with it. A sentence's subject is
//! the first person it names, or, when it opens with a pronoun itself, the
//! person that pronoun stood for (so "She said … She also thanked Boris
//! Johnson" keeps the chain). Agreement is read from honorifics only: "Sir
//! Graham Brady" and "Mr Sunak" are never "she", "Mrs May" and "Dame Joan"
//! never "he"; a name without one agrees with either. Nothing is guessed
//! from first names.

use crate::entities::Mention;

/// The grammatical gender a pronoun or an honorific gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Pronouns that may open a sentence about a person, with their gender.
const PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("his", Gender::Male),
    ("she", Gender::Female),
    ("her", Gender::Female),
];

/// Honorifics written before a name, with the gender they give.
const HONORIFICS: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("sir", Gender::Male),
    ("lord", Gender::Male),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("dame", Gender::Female),
    ("lady", Gender::Female),
    ("baroness", Gender::Female),
];

/// How many earlier sentence subjects a pronoun may reach back over.
const REACH: usize = 4;

/// One earlier sentence's subject.
#[derive(Debug, Clone)]
struct Subject {
    name: String,
    gender: Option<Gender>,
}

/// The subjects of the sentences read so far, latest last.
#[derive(Debug, Default, Clone)]
pub(super) struct Salience {
    subjects: Vec<Subject>,
}

impl Salience {
    /// Whom `sentence` means when it opens with a personal pronoun: the
    /// latest earlier sentence subject that agrees with it. `None` when
    /// the sentence opens otherwise or no earlier subject agrees.
    pub(super) fn resolve(&self, sentence: &str) -> Option<String> {
        let gender = leading_pronoun(sentence)?;
        self.subjects
            .iter()
            .rev()
            .take(REACH)
            .find(|s| s.gender.is_none_or(|g| g == gender))
            .map(|s| s.name.clone())
    }

    /// Records a sentence's subject: `resolved`, the person its opening
    /// pronoun stood for, else `first_person`, the first person it names
    /// (its gender read from an honorific right before it in `text`).
    pub(super) fn observe(
        &mut self,
        text: &str,
        resolved: Option<&str>,
        first_person: Option<&Mention>,
    ) {
        let subject = match (resolved, first_person) {
            (Some(name), _) => {
                let gender = self
                    .subjects
                    .iter()
                    .rev()
                    .find(|s| s.name == name)
                    .and_then(|s| s.gender);
                Subject {
                    name: name.to_string(),
                    gender,
                }
            }
            (None, Some(m)) => Subject {
                name: m.text.clone(),
                gender: honorific_before(&text[..m.span.start]),
            },
            (None, None) => return,
        };
        self.subjects.push(subject);
    }
}

/// The gender of the personal pronoun `sentence` opens with, if any.
fn leading_pronoun(sentence: &str) -> Option<Gender> {
    let first = sentence.split_whitespace().next()?;
    let word = first.trim_end_matches([',', ';', ':']);
    PRONOUNS
        .iter()
        .find(|(p, _)| word.eq_ignore_ascii_case(p))
        .map(|(_, g)| *g)
}

/// The gender of an honorific that ends `before` ("… Sir ", "Mrs. ").
fn honorific_before(before: &str) -> Option<Gender> {
    let word = before.split_whitespace().next_back()?.trim_end_matches('.');
    HONORIFICS
        .iter()
        .find(|(h, _)| word.eq_ignore_ascii_case(h))
        .map(|(_, g)| *g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    fn person(text: &str, name: &str) -> Mention {
        let start = text.find(name).unwrap_or_default();
        Mention {
            span: start..start + name.len(),
            text: name.to_string(),
            kind: EntityKind::Person,
            named_as_thing: false,
            named_as_company: false,
        }
    }

    #[test]
    fn she_skips_a_later_sir() {
        let text = "Liz Truss won. Sir Graham Brady made the announcement.";
        let mut salience = Salience::default();
        salience.observe(text, None, Some(&person(text, "Liz Truss")));
        salience.observe(text, None, Some(&person(text, "Graham Brady")));
        assert_eq!(
            salience
                .resolve("She received 81,326 of the votes")
                .as_deref(),
            Some("Liz Truss")
        );
        assert_eq!(
            salience.resolve("He made it official").as_deref(),
            Some("Graham Brady")
        );
        assert_eq!(salience.resolve("Sunak received 60,399"), None);
    }

    #[test]
    fn a_pronoun_sentence_keeps_the_chain() {
        let text = "Liz Truss won. Sir Graham Brady spoke. She also thanked Boris Johnson.";
        let mut salience = Salience::default();
        salience.observe(text, None, Some(&person(text, "Liz Truss")));
        salience.observe(text, None, Some(&person(text, "Graham Brady")));
        let resolved = salience.resolve("She also thanked Boris Johnson.");
        salience.observe(
            text,
            resolved.as_deref(),
            Some(&person(text, "Boris Johnson")),
        );
        assert_eq!(
            salience.resolve("Her 81,326 votes were enough.").as_deref(),
            Some("Liz Truss")
        );
    }

    #[test]
    fn nobody_before_resolves_nothing() {
        assert_eq!(Salience::default().resolve("She won."), None);
    }
}
