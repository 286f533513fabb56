//! Grouping mentions into entities. Within one text or across a story:
//! - an alias book entry links all its names;
//! - a short form links to the one longer name it abbreviates: a suffix
//!   (`Smalling` → `Chris Smalling`, `United` → `Manchester United`,
//!   `Roma` → `AS Roma`), word-by-word prefixes (`Man United`), or initials
//!   (`UAW` → `United Auto Workers`), or the name without its legal form
//!   (`Twitter` → `Twitter Inc`, `Credit Suisse` → `Credit Suisse Group AG`);
//! - a short form that fits several longer names (`United` with both
//!   `Manchester United` and `West Ham United`) stays unlinked.
//!
//! The canonical name is the book's, else the longest form seen (a
//! company's without its legal form when the text also uses that).

use crate::entities::aliases::{AliasBook, name_key};
use crate::entities::kind::EntityKind;
use crate::entities::mentions::Mention;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One entity and the names it went by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Kind (from the book, else the most frequent guess).
    pub kind: EntityKind,
    /// Other names it appeared under, sorted.
    pub aliases: Vec<String>,
    /// Indices of its mentions in the input slice.
    pub mentions: Vec<usize>,
}

struct Forms {
    /// A display form for each distinct key (first seen).
    display: Vec<String>,
    parent: Vec<usize>,
    /// At each group's root, how many mentions its forms have together.
    mentions: Vec<usize>,
}

impl Forms {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra] = rb;
            self.mentions[rb] += self.mentions[ra];
        }
    }
}

fn words(key: &str) -> Vec<&str> {
    key.split_whitespace().collect()
}

/// True when `short` names what `long` names in fewer words (both given
/// as their keys' words).
fn abbreviates(s: &[&str], l: &[&str]) -> bool {
    if s.is_empty() || s.len() >= l.len() {
        if s.len() == l.len() && s != l {
            // Word-by-word prefixes: "man united" for "manchester united".
            // A lone word only abbreviates its plural ("cub", "cubs"): a
            // word that merely starts another is another name ("sun" and
            // "sunak", "chris" and "christmas", "niger" and "nigeria").
            if s.len() == 1 {
                return is_plural_of(l[0], s[0]);
            }
            return s
                .iter()
                .zip(l)
                .all(|(a, b)| b.starts_with(a) && a.len() >= 3 || a == b);
        }
        return s.len() == 1 && l.len() > 1 && is_initials_of(s[0], l);
    }
    // "Japan" is not short for "Sea of Japan", nor "England" for "Bank of
    // England": a suffix after a connector names another thing.
    let after_connector = l.len().checked_sub(s.len() + 1).is_some_and(|i| {
        matches!(
            l[i],
            "of" | "de" | "del" | "della" | "di" | "du" | "la" | "le"
        )
    });
    // "Western Europe" is a part of Europe and "South Sudan" another
    // country than Sudan: a compass word before a place known on its own
    // makes another place. ("Korea", known only with its compass word,
    // still stands for "North Korea" where no other Korea is named.)
    let compass_part = l.len() == 2
        && s.len() == 1
        && super::kind::is_compass_adjective(l[0])
        && is_place_on_its_own(s[0]);
    if (l.ends_with(s) && !after_connector && !compass_part) || is_without_legal_form(s, l) {
        return true;
    }
    s.len() == 1 && is_initials_of(s[0], l)
}

/// True when a one-word key names a place the gazetteer or the common
/// places know on their own ("europe", "sudan").
fn is_place_on_its_own(key: &str) -> bool {
    super::kind::names_a_place(&[super::mentions::title_case(key).as_str()])
}

/// The forms a short form may abbreviate, found without comparing it
/// with every form: each way [`abbreviates`], [`is_without_legal_form`]
/// and [`is_initials_of`] link two forms needs the longer one to start
/// with a word the short one's first word starts (suffix aside), to end
/// with the short one's last word, or to have its initials. Over a whole
/// store (`storyline entities`: tens of thousands of forms) comparing
/// every pair was most of the time.
struct LongerForms<'a> {
    /// Forms by their first word, for prefix lookups.
    by_first: BTreeMap<&'a str, Vec<usize>>,
    /// Forms by their last word.
    by_last: HashMap<&'a str, Vec<usize>>,
    /// Forms of two words or more by their initials.
    by_initials: HashMap<String, Vec<usize>>,
}

impl<'a> LongerForms<'a> {
    fn new(key_words: &[Vec<&'a str>]) -> Self {
        let mut index = Self {
            by_first: BTreeMap::new(),
            by_last: HashMap::new(),
            by_initials: HashMap::new(),
        };
        for (form, words) in key_words.iter().enumerate() {
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            index.by_first.entry(first).or_default().push(form);
            index.by_last.entry(last).or_default().push(form);
            if words.len() > 1 {
                index
                    .by_initials
                    .entry(initials(words))
                    .or_default()
                    .push(form);
            }
        }
        index
    }

    /// Every form `short` may abbreviate (and some it does not), in
    /// ascending order, so the links made are those of comparing `short`
    /// with every form in turn.
    fn candidates(&self, short: &[&str], out: &mut Vec<usize>) {
        out.clear();
        let (Some(first), Some(last)) = (short.first(), short.last()) else {
            return;
        };
        for (word, forms) in self.by_first.range::<str, _>((
            std::ops::Bound::Included(*first),
            std::ops::Bound::Unbounded,
        )) {
            if !word.starts_with(first) {
                break;
            }
            out.extend(forms);
        }
        if let Some(forms) = self.by_last.get(last) {
            out.extend(forms);
        }
        if short.len() == 1
            && let Some(forms) = self.by_initials.get(*first)
        {
            out.extend(forms);
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// True when `plural` is `word` with a plural ending ("cubs", "boxes").
fn is_plural_of(plural: &str, word: &str) -> bool {
    word.len() >= 3
        && plural
            .strip_prefix(word)
            .is_some_and(|ending| matches!(ending, "s" | "es"))
}

/// True when `display` is written as a short acronym ("UN", "EU", "NK"):
/// it abbreviates by initials only, never as the last word of a name
/// ("UN" is not "Kim Jong Un").
fn is_acronym(display: &str) -> bool {
    let letters = display.chars().filter(|c| c.is_alphabetic()).count();
    (2..=3).contains(&letters)
        && display
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// True when `long` is `short` followed only by words of a company's legal
/// form ("twitter" and "twitter inc.").
fn is_without_legal_form(short: &[&str], long: &[&str]) -> bool {
    long.starts_with(short)
        && long[short.len()..]
            .iter()
            .all(|w| LEGAL_FORMS.contains(&w.trim_end_matches(['.', ','])))
}

/// True when `long` is `short` with a legal form that only a company has:
/// "Jose Sa" stays a person's full name.
fn is_company_without_legal_form(short: &[&str], long: &[&str]) -> bool {
    is_without_legal_form(short, long)
        && long[short.len()..]
            .iter()
            .any(|w| !SURNAME_LIKE_FORMS.contains(&w.trim_end_matches(['.', ','])))
}

/// Legal forms that are also surnames ("Sa", "Se", "Co").
const SURNAME_LIKE_FORMS: &[&str] = &["sa", "se", "co"];

/// Words that close a company's name as its legal form or group, not as
/// part of what it is called.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "plc",
    "llc",
    "ag",
    "sa",
    "se",
    "nv",
    "gmbh",
    "group",
    "holdings",
];

/// True when `short` spells the initials of `long` and is not a common
/// abbreviation.
fn is_initials_of(short: &str, long: &[&str]) -> bool {
    initials(long) == short && !COMMON_ABBREVIATIONS.contains(&short)
}

/// Abbreviations with a meaning of their own ("PM" is a prime minister,
/// not Penny Mordaunt): never read as the initials of a name.
const COMMON_ABBREVIATIONS: &[&str] = &[
    "pm", "mp", "mps", "ceo", "cfo", "coo", "uk", "us", "usa", "eu", "un", "tv", "pr", "ok", "id",
    "am", "ad", "bc", "gp", "hq", "it",
];

fn initials(words: &[&str]) -> String {
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// Groups `mentions` into entities, optionally helped by an alias book.
pub fn resolve(mentions: &[Mention], book: Option<&AliasBook>) -> Vec<Entity> {
    let mut index: HashMap<String, usize> = HashMap::new();
    // Distinct surface forms, keyed by [`name_key`].
    let mut keys: Vec<String> = Vec::new();
    let mut forms = Forms {
        display: Vec::new(),
        parent: Vec::new(),
        mentions: Vec::new(),
    };
    let mut add = |forms: &mut Forms, display: &str| -> usize {
        let key = name_key(display);
        *index.entry(key.clone()).or_insert_with(|| {
            keys.push(key);
            forms.display.push(display.to_string());
            forms.parent.push(forms.parent.len());
            forms.parent.len() - 1
        })
    };
    let mention_form: Vec<usize> = mentions.iter().map(|m| add(&mut forms, &m.text)).collect();
    // Each form's words and mentions, counted once: the pairings below
    // compare every form with every other.
    let key_words: Vec<Vec<&str>> = keys.iter().map(|k| words(k)).collect();
    let mut form_uses = vec![0usize; keys.len()];
    for form in &mention_form {
        form_uses[*form] += 1;
    }
    forms.mentions.clone_from(&form_uses);

    // Book entries link every name they list that occurs.
    let mut book_name: HashMap<usize, (String, EntityKind)> = HashMap::new();
    if let Some(book) = book {
        let mut by_entity: HashMap<String, usize> = HashMap::new();
        for (form, key) in keys.iter().enumerate() {
            if let Some(known) = book.lookup(key) {
                match by_entity.get(&known.name) {
                    Some(first) => forms.union(form, *first),
                    None => {
                        by_entity.insert(known.name.clone(), form);
                    }
                }
                book_name.insert(form, (known.name.clone(), known.kind));
            }
        }
    }

    // Which forms may end in a place's name without meaning the place.
    let place_ending: Vec<PlaceEnding> = forms
        .display
        .iter()
        .map(|d| PlaceEnding::of(d, &index))
        .collect();

    // Short forms link to the single longer name they abbreviate.
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|f| std::cmp::Reverse(key_words[*f].len()));
    // Longer forms first, so `Man United` joins `Manchester United` before
    // `United` is considered.
    let longer = LongerForms::new(&key_words);
    let mut candidates: Vec<usize> = Vec::new();
    for &short in &order {
        let mut targets: Vec<usize> = Vec::new();
        let acronym = is_acronym(&forms.display[short]);
        longer.candidates(&key_words[short], &mut candidates);
        for &long in &candidates {
            if long == short {
                continue;
            }
            let linked = if acronym {
                is_without_legal_form(&key_words[short], &key_words[long])
                    || (key_words[short].len() == 1
                        && is_initials_of(key_words[short][0], &key_words[long]))
            } else {
                abbreviates(&key_words[short], &key_words[long])
                    && !(place_ending[short].is_place
                        && place_ending[long].glues_a_place(key_words[short].len()))
            };
            if linked {
                let root = forms.root(long);
                if !targets.contains(&root) {
                    targets.push(root);
                }
            }
        }
        if let Some(target) = dominant(&targets, &mut forms) {
            forms.union(short, target);
        }
    }

    // Collect groups.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, form) in mention_form.iter().enumerate() {
        let root = forms.root(*form);
        groups.entry(root).or_default().push(i);
    }
    let entities: Vec<(Entity, bool)> = groups
        .into_values()
        .map(|members| {
            let mut group_forms: Vec<usize> = members.iter().map(|m| mention_form[*m]).collect();
            group_forms.sort_unstable();
            group_forms.dedup();
            let from_book = group_forms.iter().find_map(|f| book_name.get(f)).cloned();
            let uses = |form: usize| form_uses[form];
            // The canonical form: a full name (several words) that recurs
            // beats a longer one seen once (a title-case headline fragment
            // such as "Buying Rice Declan Rice"); then the longest.
            // A company goes by its name without the legal form ("Twitter",
            // not "Twitter Inc") when the text uses both.
            // "Federal Reserve Board Chairman Paul Volcker" is "Paul
            // Volcker" when the text also writes that.
            let office = |f: usize| {
                holds_an_office(&forms.display[f].split_whitespace().collect::<Vec<_>>())
            };
            let officeless = group_forms
                .iter()
                .any(|f| !office(*f) && key_words[*f].len() > 1);
            let longest_form = group_forms
                .iter()
                .filter(|f| !(officeless && office(**f)))
                .filter(|f| {
                    let long = &key_words[**f];
                    !group_forms.iter().any(|g| {
                        let short = &key_words[*g];
                        short.len() < long.len() && is_company_without_legal_form(short, long)
                    })
                })
                .max_by(|a, b| {
                    let rank = |f: usize| (key_words[f].len() > 1, uses(f).min(2));
                    rank(**a)
                        .cmp(&rank(**b))
                        .then_with(|| key_words[**a].len().cmp(&key_words[**b].len()))
                        .then_with(|| uses(**a).cmp(&uses(**b)))
                        .then_with(|| keys[**a].len().cmp(&keys[**b].len()))
                        .then_with(|| keys[**b].cmp(&keys[**a]))
                })
                .copied();
            let longest = longest_form
                .map(|f| forms.display[f].clone())
                .unwrap_or_default();
            let name = from_book.as_ref().map_or(longest, |(n, _)| n.clone());
            // What the full name's own words say ("West Ham United" is a
            // club) outweighs guesses from its short forms ("West Ham").
            let full_kind = majority_kind(
                members
                    .iter()
                    .filter(|m| Some(mention_form[**m]) == longest_form)
                    .map(|m| mentions[*m].kind),
            );
            let in_book = from_book.is_some();
            let kind = from_book
                .map(|(_, k)| k)
                .filter(|k| *k != EntityKind::Unknown)
                .or_else(|| {
                    matches!(full_kind, EntityKind::Organization | EntityKind::Place)
                        .then_some(full_kind)
                })
                .unwrap_or_else(|| majority_kind(members.iter().map(|m| mentions[*m].kind)));
            // "Goldman Sachs said …" beside "Goldman Sachs Group Inc": a
            // form with a legal form or an organization's word names an
            // organization, whatever the verbs after the shorter forms say.
            // A person's office with its employer ("Federal Reserve Board
            // Chairman Paul Volcker") is no such form.
            let organization_form = group_forms.iter().any(|f| {
                let words: Vec<&str> = forms.display[*f].split_whitespace().collect();
                words.len() > 1
                    && !holds_an_office(&words)
                    && super::kind::guess(&words, None, None) == EntityKind::Organization
            });
            // "Wells Fargo raised its forecast", "Credit Suisse shares
            // fell": a name the text writes as a company's is one, though
            // its words read like a full name; a person's pronoun after a
            // verb ("Trump slammed its coverage") now and then does not
            // outweigh the rest.
            let as_company = members
                .iter()
                .filter(|m| mentions[**m].named_as_company)
                .count();
            let written_as_company = as_company > 0 && as_company * 6 >= members.len();
            // A name of unknown kind has nothing against a company's
            // reading: two such mentions are enough ("SpaceX").
            let company = written_as_company
                || kind == EntityKind::Unknown && as_company >= 2
                || kind == EntityKind::Person && organization_form;
            let kind = if matches!(kind, EntityKind::Person | EntityKind::Unknown)
                && !in_book
                && company
            {
                EntityKind::Organization
            } else {
                kind
            };
            // "the Falcon Heavy is": a thing's name, whatever its words say.
            let kind = if kind == EntityKind::Person
                && !in_book
                && members.iter().any(|m| mentions[*m].named_as_thing)
            {
                EntityKind::Unknown
            } else {
                kind
            };
            let mut aliases: Vec<String> = group_forms
                .iter()
                .map(|f| forms.display[*f].clone())
                .filter(|d| name_key(d) != name_key(&name))
                .collect();
            aliases.sort();
            aliases.dedup();
            let entity = Entity {
                name,
                kind,
                aliases,
                mentions: members,
            };
            (
                entity,
                !in_book && as_company > 0 && kind == EntityKind::Organization,
            )
        })
        .collect();
    let mut entities = products_are_no_people(entities);
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    entities
}

/// True when `words` hold an office before a full name ("Federal Reserve
/// Board Chairman Paul Volcker", "White House Chief of Staff Howard
/// Baker"): a person's name with the office's, not an organization's.
fn holds_an_office(words: &[&str]) -> bool {
    words
        .iter()
        .rposition(|w| {
            super::mentions::is_title_word(w)
                || matches!(*w, "Chief" | "Deputy" | "Vice" | "Acting" | "Interim")
        })
        .is_some_and(|at| words.len() >= at + 3)
}

/// `entities` (each with whether the text writes it as a company's,
/// [`Mention::named_as_company`]) without the people whose first word is
/// such a company: "Google Pixel" after "Google raised its …" names a
/// product. A club known from the alias book ("Chelsea") says nothing of
/// "Chelsea Clinton".
fn products_are_no_people(entities: Vec<(Entity, bool)>) -> Vec<Entity> {
    let companies: std::collections::HashSet<String> = entities
        .iter()
        .filter(|(_, company)| *company)
        .map(|(e, _)| name_key(&e.name))
        .filter(|key| !key.contains(' '))
        .collect();
    entities
        .into_iter()
        .map(|(mut entity, _)| {
            let first_word = entity.name.split_whitespace().next().map(name_key);
            if entity.kind == EntityKind::Person
                && entity.name.contains(' ')
                && first_word.is_some_and(|w| companies.contains(&w))
            {
                entity.kind = EntityKind::Unknown;
            }
            entity
        })
        .collect()
}

/// What a form's own words say about a place's name at its end.
struct PlaceEnding {
    /// The form names a place by itself ("China", "West Germany").
    is_place: bool,
    /// Its words name a place or an organization ("Northern California",
    /// "Real Madrid"), whose last words may be a place's name.
    names_place_or_organization: bool,
    /// Its words read as a person's full name ("Michael Jordan").
    reads_as_person: bool,
    /// A compass word before a place, which the gazetteer does not know
    /// as a whole ("North China", "Western Europe"): a region of the place,
    /// not another name of it ("North Korea" is one).
    compass_region: bool,
    /// For each count of last words, whether the words before them are a
    /// form of their own ("BBC" of "BBC London").
    prefix_seen: Vec<bool>,
}

impl PlaceEnding {
    fn of(display: &str, index: &HashMap<String, usize>) -> Self {
        let words: Vec<&str> = display.split_whitespace().collect();
        let kind = super::kind::guess(&words, None, None);
        let prefix_seen = (0..words.len())
            .map(|n| {
                let prefix = &words[..words.len() - n];
                !prefix.is_empty() && index.contains_key(&name_key(&prefix.join(" ")))
            })
            .collect();
        Self {
            is_place: super::kind::names_a_place(&words),
            names_place_or_organization: matches!(
                kind,
                EntityKind::Place | EntityKind::Organization
            ),
            reads_as_person: kind == EntityKind::Person,
            compass_region: words.len() > 1
                && super::kind::names_a_place(&words)
                && !super::places::is_place(display)
                && super::kind::names_a_place(&words[1..]),
            prefix_seen,
        }
    }

    /// True when this form is a region of the place its last words name
    /// ([`Self::compass_region`]), or ends in a place's name (of
    /// `place_words` words) only because names were glued together ("told Reuters Taiwan
    /// would", "Secretary of State George Shultz China's troubles", "BBC
    /// London"): it is no place or organization by its own words, and no
    /// person's full name unless what comes before the place is a name the
    /// text uses alone. "China" then is not short for it.
    fn glues_a_place(&self, place_words: usize) -> bool {
        self.compass_region
            || !self.names_place_or_organization
                && (!self.reads_as_person || self.prefix_seen.get(place_words) == Some(&true))
    }
}

/// The one target a short form refers to: the only candidate, or one with
/// at least three times the mentions of every other (`United` in a story
/// about Manchester United that mentions West Ham United once).
fn dominant(targets: &[usize], forms: &mut Forms) -> Option<usize> {
    match targets {
        [] => None,
        [only] => Some(*only),
        _ => {
            let mut counts: Vec<(usize, usize)> = targets
                .iter()
                .map(|t| {
                    let root = forms.root(*t);
                    (forms.mentions[root], *t)
                })
                .collect();
            counts.sort_unstable_by(|a, b| b.cmp(a));
            let (best, runner_up) = (counts[0], counts[1]);
            (best.0 >= 3 && best.0 >= 3 * runner_up.0).then_some(best.1)
        }
    }
}

/// The kind most of `kinds` give (unknown ones aside); a person wins a
/// tie, and otherwise the kind seen first, so the result never depends on
/// hashing order (it did: "FRANCE" came out a place or an organization
/// from one run to the next).
fn majority_kind(kinds: impl Iterator<Item = EntityKind>) -> EntityKind {
    let mut counts: Vec<(EntityKind, usize)> = Vec::new();
    for kind in kinds.filter(|k| *k != EntityKind::Unknown) {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    let key = |&(kind, n): &(EntityKind, usize)| (n, kind == EntityKind::Person);
    counts
        .iter()
        .fold(
            None,
            |best: Option<&(EntityKind, usize)>, candidate| match best {
                Some(best) if key(best) >= key(candidate) => Some(best),
                _ => Some(candidate),
            },
        )
        .map_or(EntityKind::Unknown, |&(kind, _)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tied_kind_is_the_one_seen_first_every_time() {
        use EntityKind::{Organization, Person, Place, Unknown};
        for _ in 0..20 {
            assert_eq!(majority_kind([Place, Organization].into_iter()), Place);
            assert_eq!(
                majority_kind([Organization, Unknown, Place].into_iter()),
                Organization
            );
        }
        assert_eq!(majority_kind([Place, Person].into_iter()), Person);
        assert_eq!(majority_kind([Place, Person, Place].into_iter()), Place);
        assert_eq!(majority_kind([Unknown].into_iter()), Unknown);
    }
    use crate::entities::find_mentions;

    fn entity_names(text: &str, book: Option<&AliasBook>) -> Vec<(String, Vec<String>)> {
        let mentions = find_mentions(text);
        let mut out: Vec<(String, Vec<String>)> = resolve(&mentions, book)
            .into_iter()
            .map(|e| (e.name, e.aliases))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn short_forms_link_to_the_full_name() {
        let text = "Manchester United rejected the bid. Man United want more. United are firm. \
                    Chris Smalling trained alone. Smalling wants Roma. AS Roma are patient.";
        let found = entity_names(text, None);
        assert!(
            found.contains(&(
                "Manchester United".into(),
                vec!["Man United".into(), "United".into()]
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&("Chris Smalling".into(), vec!["Smalling".into()])),
            "{found:?}"
        );
        assert!(
            found.contains(&("AS Roma".into(), vec!["Roma".into()])),
            "{found:?}"
        );
    }

    #[test]
    fn a_compass_word_makes_another_place() {
        let text = "Growth in Western Europe slowed. Europe's banks held up. \
                    South Sudan and Sudan met. Sudan's future was discussed.";
        let found = entity_names(text, None);
        for (name, aliases) in &found {
            assert!(aliases.is_empty(), "{name} took {aliases:?}: {found:?}");
        }
        // A person's surname that is a compass word still links.
        let found = entity_names(
            "Kanye West released an album. West said it was his best.",
            None,
        );
        assert!(
            found.contains(&("Kanye West".into(), vec!["West".into()])),
            "{found:?}"
        );
    }

    #[test]
    fn a_company_is_one_entity_named_without_its_legal_form() {
        let text = "Elon Musk agreed to buy Twitter Inc. on Monday. Twitter said the board \
                    approved. UBS will buy Credit Suisse Group AG. Credit Suisse shares fell.";
        let found = entity_names(text, None);
        assert!(
            found.contains(&("Twitter".into(), vec!["Twitter Inc.".into()]))
                || found.contains(&("Twitter".into(), vec!["Twitter Inc".into()])),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "Credit Suisse".into(),
                vec!["Credit Suisse Group AG".into()]
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_keeps_a_surname_that_looks_like_a_legal_form() {
        let text = "Wolves goalkeeper Jose Sa saved the penalty. Coach Bruno Lage praised \
                    Jose Sa afterwards. Jose said he had studied the taker.";
        let found = entity_names(text, None);
        assert!(found.iter().any(|(name, _)| name == "Jose Sa"), "{found:?}");
    }

    #[test]
    fn an_ambiguous_short_form_stays_apart() {
        let text = "Manchester United and West Ham United met. United won.";
        let found = entity_names(text, None);
        assert!(found.iter().any(|(name, _)| name == "United"), "{found:?}");
    }

    #[test]
    fn initials_link_to_the_spelled_out_name() {
        let found = entity_names("The United Auto Workers struck. The UAW said no.", None);
        assert!(
            found.contains(&("United Auto Workers".into(), vec!["UAW".into()])),
            "{found:?}"
        );
        let found = entity_names(
            "Penny Mordaunt came third. The next PM will be named in September.",
            None,
        );
        assert!(
            found.contains(&("Penny Mordaunt".into(), vec![])),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_that_starts_another_is_another_name() {
        let text = "Rishi Sunak spoke to The Sun. Chris Evans spent Christmas in Niger, \
                    not Nigeria. Kim Jong Un defied the UN. The Chicago Cubs won; the Cub \
                    fans cheered.";
        let found = entity_names(text, None);
        for (name, aliases) in &found {
            for (a, b) in [
                ("Sun", "Sunak"),
                ("Chris", "Christmas"),
                ("Niger", "Nigeria"),
            ] {
                assert!(
                    !(name.contains(b) && aliases.iter().any(|x| x == a)),
                    "{a} linked to {name}: {found:?}"
                );
            }
            assert!(
                !(name == "Kim Jong Un" && aliases.iter().any(|x| x == "UN")),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_name_written_as_a_things_is_no_person() {
        let text = "Falcon Heavy lifted off. The launch of the Falcon Heavy was a success. \
                    Elon Musk watched the Elon Musk show, and Donald Trump praised the Donald Trump \
                    administration.";
        let entities = resolve(&find_mentions(text), None);
        let kind = |name: &str| entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind("Falcon Heavy"), Some(EntityKind::Unknown));
        assert_eq!(kind("Donald Trump"), Some(EntityKind::Person));
    }

    #[test]
    fn a_company_named_once_with_its_legal_form_is_no_person() {
        let text = "Goldman Sachs said on Friday it expects a hit. Goldman Sachs Group Inc \
                    filed the figures, and Goldman Sachs said more. Bank of America said \
                    the same.";
        let entities = resolve(&find_mentions(text), None);
        let kind = |name: &str| entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind("Goldman Sachs"), Some(EntityKind::Organization));
        assert_eq!(kind("Bank of America"), Some(EntityKind::Organization));
    }

    /// The kind of the entity called `name` among `text`'s.
    fn kind_in(text: &str, name: &str) -> Option<EntityKind> {
        resolve(&find_mentions(text), None)
            .into_iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    }

    #[test]
    fn a_place_glued_to_another_name_is_not_short_for_it() {
        let text = "The envoy met Secretary of State Tom Reed Norway's leaders. \
                    Norway said talks went well. Norway will host more. The BBC said so, \
                    and BBC Oslo filmed it. Oslo was calm. Rain fell on North Norway too.";
        let found = entity_names(text, None);
        assert!(found.iter().any(|(n, _)| n == "Norway"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Oslo"), "{found:?}");
        // A full name whose surname is a country still links it.
        let found = entity_names("Michael Jordan scored 40. Jordan said he was tired.", None);
        assert!(
            found.contains(&("Michael Jordan".into(), vec!["Jordan".into()])),
            "{found:?}"
        );
        // A place's compass part the gazetteer knows keeps the link.
        let found = entity_names("North Korea fired. Korea was tense.", None);
        assert!(
            found.contains(&("North Korea".into(), vec!["Korea".into()])),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_written_as_a_companys_is_an_organization() {
        let text = "Kestrel Vane raised its forecast. Kestrel Vane shares fell. Analysts said \
                    Kestrel Vane would recover. Kestrel Vane Orbit phones sold out, and Kestrel \
                    Vane Orbit won a prize. Tom Reed praised its design. Tom Reed said it \
                    was fine. Tom Reed left. Tom Reed spoke. Tom Reed smiled. Tom Reed waved. \
                    Tom Reed sat.";
        let kind = |name: &str| kind_in(text, name);
        assert_eq!(kind("Kestrel Vane"), Some(EntityKind::Organization));
        // Another's pronoun after a person's verb once in seven mentions
        // leaves him a person.
        assert_eq!(kind("Tom Reed"), Some(EntityKind::Person));
    }

    #[test]
    fn a_companys_product_is_no_person() {
        let text = "Zentrix raised its forecast. Zentrix cut its costs. Zentrix Orbit went \
                    on sale, and Zentrix Orbit sold out.";
        let kind = |name: &str| kind_in(text, name);
        assert_eq!(kind("Zentrix"), Some(EntityKind::Organization));
        assert_ne!(kind("Zentrix Orbit"), Some(EntityKind::Person));
    }

    #[test]
    fn an_office_with_its_employer_leaves_a_person() {
        let text = "Federal Reserve Board Chairman Paul Volcker spoke. Paul Volcker said \
                    rates would hold. Volcker left.";
        let entities = resolve(&find_mentions(text), None);
        let volcker = entities
            .iter()
            .find(|e| e.name == "Paul Volcker" || e.aliases.iter().any(|a| a == "Paul Volcker"));
        assert_eq!(
            volcker.map(|e| e.kind),
            Some(EntityKind::Person),
            "{entities:?}"
        );
    }

    #[test]
    fn a_name_after_of_is_not_short_for_the_whole() {
        assert!(!abbreviates(&["japan"], &["sea", "of", "japan"]));
        assert!(!abbreviates(&["england"], &["bank", "of", "england"]));
        assert!(abbreviates(&["smalling"], &["chris", "smalling"]));
    }

    #[test]
    fn a_lone_word_abbreviates_its_plural() {
        assert!(abbreviates(&["cub"], &["cubs"]));
        assert!(!abbreviates(&["u"], &["us"]));
        assert!(!abbreviates(&["sun"], &["sunak"]));
        assert!(abbreviates(&["man", "united"], &["manchester", "united"]));
        // Inflected names (Slovenian "Rishija Sunaka") keep their link.
        assert!(abbreviates(&["rishi", "sunak"], &["rishija", "sunaka"]));
    }

    #[test]
    fn the_book_links_nicknames() {
        let book = AliasBook::from_yaml(
            "entities:\n  - name: Manchester United\n    kind: organization\n    aliases: [Red Devils]\n  - name: AS Roma\n    kind: organization\n    aliases: [La Lupa, Roma]\n",
        )
        .unwrap();
        let text = "Manchester United want £18m. The Red Devils are firm. Smalling loved La Lupa.";
        let entities = resolve(&find_mentions(text), Some(&book));
        let united = entities
            .iter()
            .find(|e| e.name == "Manchester United")
            .unwrap();
        assert_eq!(united.aliases, ["Red Devils"]);
        assert_eq!(united.kind, EntityKind::Organization);
        assert!(
            entities
                .iter()
                .any(|e| e.name == "AS Roma" && e.aliases == ["La Lupa"])
        );
    }

    proptest::proptest! {
        /// The index finds every form a short form links to by any rule,
        /// so resolving with it links what comparing every pair linked.
        #[test]
        fn the_index_offers_every_form_a_short_form_links_to(
            names in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "man", "manchester", "united", "u", "mu", "mun", "of", "bank", "england",
                        "inc", "twitter", "cub", "cubs", "city", "ci", "uc", "ma", "mc",
                    ]),
                    1..4,
                ),
                1..12,
            )
        ) {
            let longer = LongerForms::new(&names);
            let mut candidates = Vec::new();
            for short in &names {
                longer.candidates(short, &mut candidates);
                for (long, words) in names.iter().enumerate() {
                    let linked = abbreviates(short, words)
                        || is_without_legal_form(short, words)
                        || (short.len() == 1 && is_initials_of(short[0], words));
                    if linked && short != words {
                        proptest::prop_assert!(
                            candidates.contains(&long),
                            "{short:?} links to {words:?} but the index missed it"
                        );
                    }
                }
            }
        }
    }
}
