//! Finding names: runs of capitalized words (with inner connectors such as
//! `dello`, `de`, `van`), trimmed of sentence-initial function words, each
//! with its byte span and a guessed kind.

use crate::entities::kind::{CLAUSE_WORDS, EntityKind, guess, names_residents, owns_with_his};
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// One occurrence of a name in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// The name as written (possessive `'s` removed).
    pub text: String,
    /// The kind guessed from the name and its neighbours.
    pub kind: EntityKind,
    /// Written as a thing's name: after "the" and before a verb or
    /// punctuation ("the Falcon Heavy is", "the Boko Haram."), which no
    /// person's name is; its entity is then no person.
    pub named_as_thing: bool,
    /// Written as a company's name: "X raised its forecast", "X's shares",
    /// "X shares fell", "shares of X"; its entity is then no person, though
    /// its words read like a full name ("Wells Fargo").
    pub named_as_company: bool,
}

/// Lowercase words allowed inside a name: `Corriere dello Sport`.
const CONNECTORS: &[&str] = &[
    "de", "da", "del", "della", "dello", "di", "van", "von", "der", "den", "du", "dos", "das",
    "of", "la", "le", "bin", "al", "&",
];

/// Capitalized words that are not names: function words that open
/// sentences, weekdays and months (dates are found elsewhere).
pub(crate) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "Or",
    "If",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "Of",
    "To",
    "With",
    "After",
    "Before",
    "While",
    "When",
    "Where",
    "Meanwhile",
    "However",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "What",
    "Which",
    "Who",
    "Why",
    "How",
    "According",
    // French and Spanish "according to" ("Selon Fabrizio Romano, …").
    "Selon",
    "Según",
    "Despite",
    "Although",
    "Following",
    "Since",
    "Also",
    "Now",
    "Then",
    "So",
    "Yet",
    "Still",
    "Even",
    "Both",
    "Each",
    "Every",
    "All",
    "Some",
    "Any",
    "No",
    "Not",
    "Last",
    "Next",
    "First",
    "Former",
    "Sources",
    "Reports",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "You",
    "Your",
    "My",
    "Me",
    "Us",
    "Him",
    "Them",
    "One",
    "Two",
    "Three",
    "Many",
    "Most",
    "More",
    "Such",
    "Other",
    "Another",
    "Once",
    "During",
    "Until",
    "Without",
    "Under",
    "Over",
    "Into",
    "Then",
    "Thus",
    "Instead",
    "Indeed",
    "Perhaps",
    "Only",
    "Just",
    "Why",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Been",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "Can",
    "May",
    "Might",
    "Must",
    "Let",
    "Read",
    "Click",
    "Share",
    "Follow",
    // Time zones ("at 6.44am GMT"): a clock's, not a name.
    "GMT",
    "BST",
    "UTC",
    "CET",
    "CEST",
    "EST",
    "EDT",
    "PST",
    "PDT",
    "CST",
    "CDT",
    // A page's controls copied with its text ("Hide Caption 1 of 8",
    // "Skip in Skip x Embed x Share", "Advertisement Continue reading").
    "Hide",
    "Caption",
    "Skip",
    "Embed",
    "Enlarge",
    "Replay",
    "Advertisement",
    "Continue",
    "Please",
    "Video",
    "Videos",
    "Image",
    "Newsletter",
    "Sign",
    "Subscribe",
];

#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    span: Range<usize>,
    /// First word of a sentence (or after a quote or line break).
    sentence_start: bool,
    /// Separated from the previous token by spaces only.
    joined: bool,
    /// Written with a plural's possessive apostrophe ("the Cubs' World
    /// Series"): the name ends here, like one written with `'s`.
    plural_possessive: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut boundary = true;
    let mut joined = false;
    let mut start: Option<usize> = None;
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    let wrapped = is_hard_wrapped(text);
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            // A lone dash ("(Reuters) - Broadcom") is no word and joins
            // nothing: the words around it keep their own runs.
            joined = push(text, &mut out, s..i, &mut boundary, joined);
        }
        // A hard-wrapped text's line break inside a paragraph is a space:
        // "Chemical New York\nCorp" is one name.
        let soft_break = wrapped
            && c == '\n'
            && i.checked_sub(1).is_none_or(|p| bytes[p] != b'\n')
            && bytes
                .get(i + 1)
                .is_some_and(|n| !matches!(n, b'\n' | b'\r'));
        match c {
            ' ' => {}
            '\n' if soft_break => {}
            // "Brighton & Hove Albion": an ampersand joins a name.
            '&' if joined => {
                push(text, &mut out, i..i + c.len_utf8(), &mut boundary, joined);
            }
            '.' | '!' | '?' | '\n' | '"' | '“' | '”' | ':' | ';' | '(' | ')' | '|' | '—' | '–' =>
            {
                boundary |= !matches!(c, '(' | ')' | '—' | '–');
                joined = false;
            }
            _ => joined = false,
        }
    }
    if let Some(s) = start {
        push(text, &mut out, s..text.len(), &mut boundary, joined);
    }
    out
}

/// True when `text` is hard-wrapped, as wire copy is: its single line
/// breaks mostly fall inside sentences (at least three go on with a
/// lower-case word, and those are at least a third of them). Line breaks
/// in copied web pages end headlines and captions instead, and stay ends.
fn is_hard_wrapped(text: &str) -> bool {
    let (mut single, mut inside) = (0usize, 0usize);
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(next) = lines.peek() else { break };
        if !line.trim().is_empty() && !next.trim().is_empty() {
            single += 1;
            inside += usize::from(next.trim_start().starts_with(char::is_lowercase));
        }
    }
    inside >= 3 && inside * 3 >= single
}

/// Adds the word in `range` (apostrophes and hyphens trimmed) as a token;
/// false when nothing was left of it.
fn push<'a>(
    text: &'a str,
    out: &mut Vec<Token<'a>>,
    range: Range<usize>,
    boundary: &mut bool,
    joined: bool,
) -> bool {
    let raw = &text[range.clone()];
    let word = raw
        .trim_end_matches(['\'', '’', '-'])
        .trim_start_matches(['\'', '’', '-']);
    if word.is_empty() {
        return false;
    }
    let offset = range.start + (raw.len() - raw.trim_start_matches(['\'', '’', '-']).len());
    out.push(Token {
        text: word,
        span: offset..offset + word.len(),
        sentence_start: *boundary,
        joined,
        plural_possessive: word.ends_with('s') && raw.ends_with(['\'', '’']),
    });
    *boundary = false;
    true
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Nationality adjectives: they describe, they do not name.
const DEMONYMS: &[&str] = &[
    "Italian",
    "English",
    "British",
    "Spanish",
    "French",
    "German",
    "Portuguese",
    "Dutch",
    "Belgian",
    "Brazilian",
    "Argentine",
    "Argentinian",
    "American",
    "Canadian",
    "Mexican",
    "Russian",
    "Ukrainian",
    "Turkish",
    "Syrian",
    "Greek",
    "Swiss",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Polish",
    "Czech",
    "Croatian",
    "Serbian",
    "Irish",
    "Scottish",
    "Welsh",
    "European",
    "African",
    "Asian",
    "Chinese",
    "Japanese",
    "Korean",
    "Indian",
    "Australian",
    "Egyptian",
    "Nigerian",
    "Moroccan",
    "Algerian",
    "Senegalese",
    "Ghanaian",
    "Icelandic",
    "Austrian",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Israeli",
    "Iranian",
    "Saudi",
    "Qatari",
    "Colombian",
    "Uruguayan",
    "Chilean",
    "Peruvian",
    "Catalan",
    "Basque",
    "Bavarian",
    "Slovenian",
    "Slovak",
    "Albanian",
    "Bosnian",
    "Georgian",
    "Armenian",
    "Kenyan",
    "Ivorian",
    "Cameroonian",
    "Englishman",
    "Frenchman",
    "Dutchman",
    "Irishman",
    "Scotsman",
    "Welshman",
    "Englishmen",
    "Frenchmen",
    "Dutchmen",
];

/// `Italian`, `Italians`, `Englishman`: nationality words.
fn is_demonym(word: &str) -> bool {
    // "the Englishman's stellar season": the possessive is still the word.
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    DEMONYMS.contains(&word)
        || word
            .strip_suffix('s')
            .is_some_and(|stem| DEMONYMS.contains(&stem))
}

/// `British-record`, `Italian-born`, `Manchester-based`: a capitalized word
/// joined to a lowercase one describes, it does not name (`Saint-Germain`
/// does).
fn is_compound_adjective(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

/// Job titles that head a name ("Foreign Secretary Liz Truss", "Chancellor
/// Rishi Sunak"): the office is not part of the person's name.
const TITLE_HEADS: &[&str] = &[
    "Secretary",
    "Minister",
    "Chancellor",
    "Chairman",
    "Chairwoman",
    "President",
    "Senator",
    "Governor",
    "Lawmaker",
    "Manager",
    "Coach",
    "Boss",
    "Striker",
    "Defender",
    "Midfielder",
    "Goalkeeper",
    "Winger",
    "Captain",
    "Executive",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Leader",
    "MP",
    "PM",
    "CEO",
    "Billionaire",
    "Tycoon",
    "Speaker",
];

/// Occupations written before a full name ("Actress Uma Thurman",
/// "Cardinals QB Carson Palmer"). Unlike a title head they stand before a
/// name only when a full name (two or more capitalized words) follows:
/// "Model S" and "Investor Day" are names of their own.
const OCCUPATIONS: &[&str] = &[
    "Actress",
    "Actor",
    "Comedian",
    "Model",
    "Singer",
    "Rapper",
    "Quarterback",
    "QB",
    "Astronaut",
    "Author",
    "Producer",
    "Filmmaker",
    "Journalist",
    "Reporter",
    "Photographer",
    "Prosecutor",
    "Judge",
    "Sheriff",
    "Detective",
    "Mayor",
    "Ambassador",
    "Congressman",
    "Congresswoman",
    "Representative",
    "Commissioner",
    "Founder",
    "Co-founder",
    "Entrepreneur",
    "Investor",
    "Analyst",
    "Economist",
    "Professor",
    "Scientist",
    "Attorney",
];

/// True when `word` names a person's office or occupation, so that the
/// name after it is a person's.
pub(crate) fn is_title_word(word: &str) -> bool {
    TITLE_HEADS.contains(&word) || OCCUPATIONS.contains(&word)
}

/// What an office is in charge of, when written after it ("Secretary of
/// State", "Minister of Finance"): the office's own name, not a name after
/// a title.
const PORTFOLIOS: &[&str] = &[
    "State",
    "Finance",
    "Defence",
    "Defense",
    "Health",
    "Justice",
    "Commerce",
    "Energy",
    "Education",
    "Transport",
    "Transportation",
    "Labor",
    "Labour",
    "Treasury",
    "Interior",
    "Agriculture",
    "Communications",
];

/// Where a name's office begins when one is written right before it
/// ("House Speaker Paul Ryan", "Actress Uma Thurman"): the start of the
/// capitalized title words that end at `start`, or `start` itself. The
/// name found by [`find_mentions`] leaves the office out; a source
/// credited in a sentence is quoted with it.
pub(crate) fn office_start(text: &str, start: usize) -> usize {
    let is_office =
        |word: &str| is_title_word(word) || TITLE_MODIFIERS.contains(&word) || word == "General";
    let mut begin = start;
    let mut rest = &text[..start];
    // "CEO of SpaceX": an office may stand before a name with "of".
    let mut of_allowed = true;
    while let Some((word_start, word)) = last_word(rest) {
        let office = is_office(word);
        let of_office = of_allowed
            && word == "of"
            && last_word(&rest[..word_start]).is_some_and(|(_, w)| is_office(w));
        if !office && !of_office {
            break;
        }
        if office {
            begin = word_start;
        }
        of_allowed = false;
        rest = &rest[..word_start];
    }
    begin
}

/// The word that ends `text` after one space, with its byte offset.
fn last_word(text: &str) -> Option<(usize, &str)> {
    let head = text.strip_suffix(' ')?;
    let word_start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    (!word.is_empty()).then_some((word_start, word))
}

/// Words that may stand before a title head: "Foreign", "Deputy Prime".
const TITLE_MODIFIERS: &[&str] = &[
    "Foreign",
    "Home",
    "Defence",
    "Defense",
    "Health",
    "Trade",
    "Culture",
    "Business",
    "Education",
    "Deputy",
    "Prime",
    "Attorney",
    "Former",
    "Committee",
    "Vice",
    "Chief",
    "Sporting",
    "Technical",
    "Head",
    "Shadow",
    "Interim",
    "Acting",
    "Club",
    "Team",
    "House",
];

/// How many leading words of `run` are a job title before a name: the
/// longest prefix of modifiers and heads that ends on a head, leaving at
/// least one word. "General" heads only after a modifier ("Attorney
/// General"), so "General Motors" keeps its name.
fn title_prefix(run: &[Token<'_>]) -> usize {
    let mut prefix = 0;
    for (index, token) in run.iter().enumerate().take(run.len().saturating_sub(1)) {
        let word = token.text;
        let occupation = OCCUPATIONS.contains(&word)
            && run[index + 1..].len() >= 2
            && run[index + 1].text.chars().count() >= 2;
        let head = TITLE_HEADS.contains(&word) || occupation || (word == "General" && index > 0);
        if head {
            prefix = index + 1;
        } else if !TITLE_MODIFIERS.contains(&word) {
            break;
        }
    }
    // "CEO of SpaceX": the office names the organization after it, which
    // is the name; "Minister of Finance" is an office's own name.
    if let Some(connector) = run.get(prefix).filter(|t| !is_capitalized(t.text)) {
        let rest = &run[prefix + 1..];
        let portfolio = rest.len() == 1 && PORTFOLIOS.contains(&rest[0].text);
        return if connector.text == "of" && !rest.is_empty() && !portfolio {
            prefix + 1
        } else {
            0
        };
    }
    if prefix == 0 {
        // "Tesla CEO Elon Musk", "Ajax Coach Erik ten Hag": an employer's
        // name (one or two words) before the head, a full name after it.
        prefix = run
            .iter()
            .enumerate()
            .skip(1)
            .take(2)
            .find(|(index, token)| is_title_word(token.text) && run.len() >= index + 3)
            .map_or(0, |(index, _)| index + 1);
    }
    prefix
}

/// True when a capitalized word reads as a verb's `-ing` form or an
/// adverb ("Using", "Reportedly", "Previously"), which opens sentences but
/// rarely names anyone. First names that end so ("Sterling", "Kelly") are
/// kept by the minimum length and the adverb endings chosen.
fn opens_like_a_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    // "Beijing", "Nanjing": places, not verbs.
    // "Picture SpaceX's Falcon 9", "Imagine Apple": an imperative;
    // "Secretive Telegram app removed", "Disgraced Samsung heir": a
    // headline's adjective.
    is_listed_opener(word)
        || (lower.len() >= 5 && lower.ends_with("ing") && !lower.ends_with("jing"))
        || ["edly", "ally", "ously", "ively", "ently", "antly", "fully"]
            .iter()
            .any(|ending| lower.len() > ending.len() + 2 && lower.ends_with(ending))
}

/// True for an imperative or a headline's adjective ("Retired NASA
/// astronaut"), which opens no name even before an acronym.
fn is_listed_opener(word: &str) -> bool {
    IMPERATIVES
        .iter()
        .chain(HEADLINE_ADJECTIVES)
        .any(|listed| listed.eq_ignore_ascii_case(word))
}

/// Verbs that open a sentence as an imperative, addressing the reader.
const IMPERATIVES: &[&str] = &["picture", "imagine", "consider", "meet", "watch", "listen"];

/// Adjectives that open headlines before a name and are no part of it.
const HEADLINE_ADJECTIVES: &[&str] = &[
    "secretive",
    "disgraced",
    "embattled",
    "beleaguered",
    "troubled",
    "controversial",
    "notorious",
    "jailed",
    "ousted",
    "outgoing",
    "poor",
    "tiny",
    "retired",
    "veteran",
    "legendary",
    "billionaire",
];

/// A possessive (`Smalling's`) or a lone letter (`Serie A`) closes a name:
/// what follows is another name.
fn ends_run(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || (word.chars().count() == 1 && word != "&")
}

/// `I'm`, `He's`: a pronoun with a verb, not a name.
fn is_contraction(word: &str) -> bool {
    word.split(['\'', '’'])
        .next()
        .is_some_and(|base| base.len() < word.len() && NOT_NAMES.contains(&base))
}

/// `Liverpool's` → `Liverpool`.
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// `LIVERPOOL` → `Liverpool`.
/// `word` with a capital first letter and the rest in lower case.
pub(super) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

fn is_shouting(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Finds the names in `text`, in order.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let tokens = tokens(text);
    // Words seen capitalized mid-sentence are names wherever they appear.
    // "Liverpool's" mid-sentence makes a sentence-opening "Liverpool" one.
    let mid_sentence: HashSet<&str> = tokens
        .iter()
        .filter(|t| !t.sentence_start && is_capitalized(t.text))
        .map(|t| without_possessive(t.text))
        .collect();
    let lower = lower_case_stems(&tokens);
    // "At Friday's prices", "UPDATE - Bitcoin fights back", "Bitcoin Price
    // LIVE": a day's name, or a shouted word the text also writes in lower
    // case (a live blog's label, not an acronym), opens or closes no name.
    let no_name =
        |word: &str| NOT_NAMES.contains(&without_possessive(word)) || is_shouted_word(word, &lower);
    // Each name as the tokens `first..last`.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_capitalized(tokens[i].text)
            || tokens[i].text.chars().any(|c| c.is_ascii_digit())
            || is_contraction(tokens[i].text)
        {
            i += 1;
            continue;
        }
        // Extend the run over capitalized words and inner connectors.
        let mut end = i + 1;
        while end < tokens.len()
            && tokens[end].joined
            && !tokens[end].sentence_start
            && !tokens[end - 1].plural_possessive
            && (!ends_run(tokens[end - 1].text)
                || possessive_inside_name(tokens[end - 1].text, tokens[end].text))
        {
            let word = tokens[end].text;
            if is_capitalized(word) && !word.chars().any(|c| c.is_ascii_digit()) {
                end += 1;
            } else if CONNECTORS.contains(&word)
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.joined && is_capitalized(n.text))
            {
                end += 2;
            } else {
                break;
            }
        }
        let mut first = i;
        // A shouted byline ("ALVISE CAGNAZZO IN ITALY Roma") or a video
        // player's heading ("Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON
        // MUSK Elon Musk") is not part of the name after it; a single
        // acronym ("AS Roma") is.
        let opening = tokens[i..end]
            .iter()
            .take_while(|t| NOT_NAMES.contains(&t.text))
            .count();
        let shouted = tokens[i + opening..end]
            .iter()
            .take_while(|t| is_shouting(t.text))
            .count();
        // "LIVERPOOL LOOK SET to …", "BARCELONA have …": a paper's
        // shouted opening word is a name when written as one elsewhere.
        let shouted_name = tokens[i].sentence_start
            && is_shouting(tokens[i].text)
            && mid_sentence.contains(title_case(tokens[i].text).as_str());
        if shouted_name {
            runs.push((i, i + 1));
            i += 1;
            continue;
        }
        if shouted >= 2 {
            first += opening + shouted;
        }
        while first < end && no_name(tokens[first].text) {
            first += 1;
        }
        // "Facebook Twitter Pinterest China's leader": a page's share bar
        // copied with the text names no network the text is about.
        let share_bar = tokens[first..end]
            .iter()
            .take_while(|t| SHARE_NETWORKS.contains(&t.text))
            .count();
        if share_bar >= 2 {
            first += share_bar;
            while first < end && NOT_NAMES.contains(&tokens[first].text) {
                first += 1;
            }
        }
        // "Using Amazon", "Tranquilizing Harambe", "Reportedly Apple": a
        // sentence's opening verb or adverb is capitalized, not a name.
        if first + 1 < end
            && tokens[first].sentence_start
            && opens_like_a_verb(tokens[first].text)
            && !mid_sentence.contains(tokens[first].text)
            && (!is_shouting(tokens[first + 1].text) || is_listed_opener(tokens[first].text))
        {
            first += 1;
        }
        // Trailing function words ("Roma On") are not part of the name, but
        // a final letter is ("Serie A").
        let mut last = end;
        while last > first && no_name(tokens[last - 1].text) && tokens[last - 1].text.len() > 1 {
            last -= 1;
        }
        // "Additional reporting by Soyoung Kim SEOUL": a shouted dateline
        // after a byline's name is a name of its own.
        let dateline = (last >= first + 3
            && is_shouting(tokens[last - 1].text)
            && tokens[last - 1].text.chars().count() >= 4
            && !is_shouting(tokens[last - 2].text))
        .then(|| {
            last -= 1;
            last
        });
        // "Barcroft Media Vladimir Putin has ordered …": a picture agency's
        // credit glued to the caption's first name.
        if last >= first + 4 {
            let opening = format!("{} {}", tokens[first].text, tokens[first + 1].text);
            if PICTURE_AGENCIES.contains(&opening.as_str()) {
                runs.push((first, first + 2));
                first += 2;
            }
        }
        // "Reuters Boko Haram - which means …": a one-word credit on a
        // caption line of its own.
        // "GETTY Bitcoin took another hit": a shouted credit is one
        // wherever it stands.
        let credit = first < last
            && PICTURE_AGENCY_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(tokens[first].text));
        let shouted = credit && is_shouting(tokens[first].text) && tokens[first].text.len() > 3;
        // "KCNA / Reuters North Korean leader …": the last of a list of
        // credits opens the caption as a first credit does.
        let listed = credit && text[..tokens[first].span.start].trim_end().ends_with('/');
        if credit
            && (last >= first + 3 && (tokens[first].sentence_start || listed)
                || last >= first + 2 && shouted)
        {
            runs.push((first, first + 1));
            first += 1;
        }
        // "San Francisco-based Twitter", "British-record": words up to a
        // compound adjective describe what follows; they name nothing.
        if let Some(at) = tokens[first..last]
            .iter()
            .rposition(|t| is_compound_adjective(t.text))
        {
            first += at + 1;
        }
        // "Major European banks": a nationality before a common noun
        // describes it and ends no name.
        if last > first + 1
            && DEMONYMS.contains(&tokens[last - 1].text)
            && tokens
                .get(last)
                .is_some_and(|next| next.joined && !is_capitalized(next.text))
        {
            last -= 1;
            // "North Korean leader": the compass word is the demonym's.
            if last > first && super::kind::is_compass_adjective(tokens[last - 1].text) {
                last -= 1;
            }
        }
        if first < last {
            first += title_prefix(&tokens[first..last]);
            let run = &tokens[first..last];
            let opens_sentence = run[0].sentence_start;
            let keep = if opens_sentence && run.len() == 1 {
                mid_sentence.contains(without_possessive(run[0].text))
            } else {
                true
            };
            // "REUTERS/File Photo", "Getty Images": a picture's credit
            // line names no one the text is about.
            let credit_line = matches!(
                run[run.len() - 1].text,
                "Photo" | "Photos" | "Image" | "Images" | "Pictures"
            );
            let written = &text[run[0].span.start..run[run.len() - 1].span.end];
            let demonym = credit_line
                || (run.len() == 1 && is_demonym(run[0].text))
                || super::places::is_place_adjective(written)
                || names_residents(written);
            // A lone letter ("U" of "U.S.") names nothing.
            let letter = run.len() == 1 && run[0].text.chars().count() == 1;
            if keep && !demonym && !letter && !names_a_prize(&tokens, last) {
                runs.push((first, last));
            }
        }
        if let Some(at) = dateline {
            runs.push((at, at + 1));
        }
        i = end;
    }
    let headline = title_case_tokens(&tokens);
    split_glued_runs(&tokens, &headline, &mut runs);
    split_person_of_organization(&tokens, &mut runs);
    split_headline_runs(&tokens, &headline, &lower, &mut runs);
    join_across_and(&tokens, &lower, &mut runs);
    runs.into_iter()
        // "Birr, Walton and Co", "Acme Inc Says": a legal form left alone
        // names no company.
        .filter(|&(first, last)| {
            let word = without_possessive(tokens[first].text);
            last - first > 1 || !COMPANY_FORMS.iter().any(|f| f.eq_ignore_ascii_case(word))
        })
        .map(|(first, last)| mention(text, &tokens, first, last))
        .collect()
}

/// Joins "Securities and Exchange Commission" into one name: a single
/// word, "and", and an organization's name of two words or more (by its
/// own words, [`guess`]), when the single word is a common word the text
/// also writes in lower case (`lower`, [`lower_case_stems`]: "securities
/// laws"), never a name of its own there, and no place ("Arsenal and
/// Manchester City", "Reagan and Agriculture Department", "Japan and Bank
/// of America" stay apart).
fn join_across_and(tokens: &[Token<'_>], lower: &HashSet<&str>, runs: &mut Vec<(usize, usize)>) {
    let followed_by_and = |last: usize| {
        tokens
            .get(last)
            .is_some_and(|t| t.joined && t.text == "and")
    };
    let alone: HashSet<&str> = runs
        .iter()
        .filter(|&&(first, last)| last - first == 1 && !followed_by_and(last))
        .map(|&(first, _)| without_possessive(tokens[first].text))
        .collect();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for &(first, last) in runs.iter() {
        if let Some(previous) = out.last_mut() {
            let (p_first, p_last) = *previous;
            // The cheap tests first: the words are gathered and guessed
            // only for a lone word right before "and" and a longer run.
            let joins = p_last - p_first == 1
                && p_last + 1 == first
                && last - first >= 2
                && followed_by_and(p_last)
                && tokens[first].joined
                && !alone.contains(tokens[p_first].text)
                && lower.contains(stem(&tokens[p_first].text.to_lowercase()))
                && !is_shouting(tokens[p_first].text)
                && !super::kind::names_a_place(&[tokens[p_first].text])
                && {
                    let words: Vec<&str> = tokens[first..last]
                        .iter()
                        .map(|t| without_possessive(t.text))
                        .collect();
                    guess(&words, None, None) == EntityKind::Organization
                };
            if joins {
                previous.1 = last;
                continue;
            }
        }
        out.push((first, last));
    }
    *runs = out;
}

/// True when a possessive is part of the name it opens: "Democratic
/// People's Republic of Korea", "New Year's Eve", "Women's World Cup",
/// "King's Cross" (where "Liverpool's Mohamed Salah" is two names).
fn possessive_inside_name(possessive: &str, next: &str) -> bool {
    let owner = without_possessive(possessive);
    matches!(
        owner,
        "People" | "Children" | "Women" | "Men" | "Workers" | "Year"
    ) || matches!(
        next,
        "Day" | "Eve" | "Republic" | "Hospital" | "Cross" | "Cathedral" | "College"
    )
}

/// Prepositions and conjunctions that a run of capitalized words can only
/// hold when two names or a caption and a name were glued together ("Giant
/// Landform on Mars On Mars, we", "NORTH By The New York Times").
const INNER_BREAKS: &[&str] = &[
    "On", "In", "At", "By", "From", "For", "To", "With", "After", "Before", "As", "If", "When",
    "While", "Where",
];

/// Splits runs that hold two names glued together by copied page text: at
/// an inner preposition outside title-case headlines (see [`INNER_BREAKS`];
/// function words after it are dropped), after a shouted headline of three words or more ("TV &
/// Showbiz LEW WANTED SEX WITH TWO Lewis Hamilton"), and a name written
/// twice in a row ("Justin Timberlake Justin Timberlake").
fn split_glued_runs(tokens: &[Token<'_>], headline: &[bool], runs: &mut Vec<(usize, usize)>) {
    // Title-case headlines (`headline`, by token) are cut by
    // [`split_headline_runs`].
    let mut out = Vec::with_capacity(runs.len());
    for &(first, last) in runs.iter() {
        let mut pieces = vec![(first, last)];
        if let Some(at) = (first + 1..last.saturating_sub(1))
            .filter(|_| !headline[first])
            .find(|&k| INNER_BREAKS.contains(&tokens[k].text))
        {
            let mut next = at + 1;
            while next < last && NOT_NAMES.contains(&tokens[next].text) {
                next += 1;
            }
            pieces = vec![(first, at), (next, last)];
        }
        for (first, last) in pieces {
            // The last of three or more shouted words before a name written
            // in ordinary case ends a headline the name is not part of.
            let mut start = first;
            let mut shouted = 0;
            for (k, token) in tokens.iter().enumerate().take(last).skip(first) {
                if is_shouting(token.text) {
                    shouted += 1;
                } else {
                    if shouted >= 3 && is_capitalized(token.text) {
                        start = k;
                    }
                    shouted = 0;
                }
            }
            let mut first = start;
            while first < last && NOT_NAMES.contains(&tokens[first].text) {
                first += 1;
            }
            let len = last.saturating_sub(first);
            let doubled = len >= 4
                && len % 2 == 0
                && (0..len / 2).all(|k| {
                    without_possessive(tokens[first + k].text)
                        == without_possessive(tokens[first + len / 2 + k].text)
                });
            if doubled {
                out.push((first, first + len / 2));
                out.push((first + len / 2, last));
            } else if first < last {
                out.push((first, last));
            }
        }
    }
    *runs = out;
}

/// Words that end a company's name as its legal form. One of them inside a
/// run ends a name glued to the next one ("Bank of Communications Ltd Hong
/// Kong"); alone it names nothing.
const COMPANY_FORMS: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "PLC", "plc", "LLC", "AG", "NV", "GmbH",
];

/// Legal forms that may stand inside a name ("Co" may be a surname's
/// start, "AG" an attorney general's): runs are cut after the others.
const CUTTING_FORMS: &[&str] = &["Inc", "Corp", "Ltd", "Plc", "plc", "LLC", "GmbH"];

/// Splits "Darwin Beck of First Boston Corp" into the person and the
/// organization: a run whose words before an inner "of" read as a
/// person's full name, and after it as an organization's or a place's
/// name of two words or more ("Bank of England", one word before "of",
/// and "Duke of York", one after, stay whole); and a run
/// after a legal form inside it ([`CUTTING_FORMS`]).
fn split_person_of_organization(tokens: &[Token<'_>], runs: &mut Vec<(usize, usize)>) {
    let mut out = Vec::with_capacity(runs.len());
    for &(first, last) in runs.iter() {
        let words = |from: usize, to: usize| -> Vec<&str> {
            tokens[from..to]
                .iter()
                .map(|t| without_possessive(t.text))
                .collect()
        };
        let split = (first + 2..last.saturating_sub(2))
            .find(|&k| tokens[k].text == "of")
            .filter(|&k| {
                guess(&words(first, k), None, None) == EntityKind::Person
                    && matches!(
                        guess(&words(k + 1, last), None, None),
                        EntityKind::Organization | EntityKind::Place
                    )
            });
        let pieces = match split {
            Some(k) => [(first, k), (k + 1, last)],
            None => [(first, last), (last, last)],
        };
        for (first, last) in pieces {
            // "Bank of Communications Ltd Hong Kong": a legal form ends
            // the company's name.
            let mut start = first;
            for k in first + 1..last.saturating_sub(1) {
                if CUTTING_FORMS.contains(&tokens[k].text) && is_capitalized(tokens[k + 1].text) {
                    out.push((start, k + 1));
                    start = k + 1;
                }
            }
            if start < last {
                out.push((start, last));
            }
        }
    }
    *runs = out;
}

/// Title-case sentences ("Broadcom Raises Offer For Qualcomm") capitalize
/// every word, so a run there may hold several names and the words between
/// them. When the text also has ordinary sentences, such a run is cut at
/// the words the text writes in lower case elsewhere ("offer", "for"),
/// keeping whole the names of several words it uses in ordinary sentences
/// ("Real Madrid"): "Broadcom", "Qualcomm". `headline` marks the tokens of
/// title-case sentences ([`title_case_tokens`]); `lower` is the text's
/// [`lower_case_stems`].
fn split_headline_runs(
    tokens: &[Token<'_>],
    headline: &[bool],
    lower: &HashSet<&str>,
    runs: &mut Vec<(usize, usize)>,
) {
    if !headline.iter().any(|h| *h) || headline.iter().all(|h| *h) {
        return;
    }
    let words = |first: usize, last: usize| -> Vec<&str> {
        tokens[first..last]
            .iter()
            .map(|t| without_possessive(t.text))
            .collect()
    };
    let known: HashSet<Vec<&str>> = runs
        .iter()
        .filter(|&&(first, last)| !headline[first] && last - first >= 2)
        .map(|&(first, last)| words(first, last))
        .collect();
    let longest = known.iter().map(Vec::len).max().unwrap_or(0);
    let common = |at: usize| {
        let word = without_possessive(tokens[at].text);
        NOT_NAMES.contains(&word) || lower.contains(stem(&word.to_lowercase()))
    };
    let mut out = Vec::with_capacity(runs.len());
    for &(first, last) in runs.iter() {
        if !headline[first] {
            out.push((first, last));
            continue;
        }
        let mut segment: Option<usize> = None;
        let mut at = first;
        while at < last {
            let name = (2..=longest.min(last - at))
                .rev()
                .find(|n| known.contains(&words(at, at + n)));
            if name.is_some() || common(at) {
                out.extend(segment.take().map(|start| (start, at)));
                if let Some(n) = name {
                    out.push((at, at + n));
                    at += n;
                    continue;
                }
            } else if segment.is_none() {
                segment = Some(at);
            }
            at += 1;
        }
        out.extend(segment.map(|start| (start, last)));
    }
    *runs = out;
}

/// The words `tokens` write in lower case, each without its commonest
/// inflection ([`stem`]).
fn lower_case_stems<'a>(tokens: &[Token<'a>]) -> HashSet<&'a str> {
    tokens
        .iter()
        .filter(|t| !is_capitalized(t.text))
        .map(|t| stem(t.text))
        .collect()
}

/// True for a shouted word of four letters or more that the text also
/// writes in lower case (`lower`, from [`lower_case_stems`]): "UPDATE",
/// "LIVE", "ENGAGED" shout a word; "NASA" and "UEFA", never written so,
/// are acronyms.
fn is_shouted_word(word: &str, lower: &HashSet<&str>) -> bool {
    let word = without_possessive(word);
    if !is_shouting(word) || word.chars().count() < 4 || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let lowered = word.to_lowercase();
    lower.contains(lowered.as_str()) || lower.contains(stem(&lowered))
}

/// A lower-case word without its commonest inflection ("raises",
/// "raised" → "rais"), so a headline's "Raises" meets the text's "raised".
fn stem(word: &str) -> &str {
    ["ing", "es", "ed", "s"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending).filter(|s| s.len() >= 3))
        .unwrap_or(word)
}

/// For each token, whether its sentence is written in title case: at
/// least four words of four letters or more, nearly all capitalized (a
/// word right after a number, "£60 million", belongs to the figure and is
/// not counted).
/// Stricter on purpose than the claim finder's `is_title_case` (seven in
/// ten of all words), whose looser reading only ranks names: here a
/// sentence read as a headline has its names cut, and a name-heavy
/// ordinary sentence ("UBS will buy Credit Suisse Group AG") must not be.
fn title_case_tokens(tokens: &[Token<'_>]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let end = tokens[start + 1..]
            .iter()
            .position(|t| t.sentence_start)
            .map_or(tokens.len(), |p| start + 1 + p);
        let (mut long, mut capitalized) = (0, 0);
        let mut after_number = false;
        for word in tokens[start..end].iter().map(|t| t.text) {
            // "£60 million" is a figure, not words of the headline: title
            // case may leave its multiplier in lower case.
            let in_figure =
                std::mem::replace(&mut after_number, word.chars().any(|c| c.is_ascii_digit()));
            let multiplier =
                in_figure && ["million", "billion", "trillion", "thousand"].contains(&word);
            if !multiplier
                && word.len() >= 4
                && word.chars().count() >= 4
                && word.chars().all(char::is_alphabetic)
            {
                long += 1;
                capitalized += usize::from(is_capitalized(word));
            }
        }
        let title_case = long >= 4 && capitalized * 10 >= long * 9;
        out[start..end].fill(title_case);
        start = end;
    }
    out
}

/// Picture agencies whose credit line opens a caption ("Associated Press
/// Felipe Massa waves to the crowd").
const PICTURE_AGENCIES: &[&str] = &[
    "Associated Press",
    "Barcroft Media",
    "Splash News",
    "Rex Features",
    "Getty Images",
    "Press Association",
    "PA Wire",
    "AP Photo",
];

/// The networks a page's share buttons name: two or more of them glued
/// together ("Facebook Twitter Pinterest") are a share bar, not names.
const SHARE_NETWORKS: &[&str] = &[
    "Facebook",
    "Twitter",
    "Pinterest",
    "WhatsApp",
    "Whatsapp",
    "LinkedIn",
    "Linkedin",
    "Reddit",
    "Email",
    "Messenger",
    "Flipboard",
    "Tumblr",
    "Telegram",
    "Print",
    "Copy",
    "Link",
    "SMS",
];

/// One-word picture credits ([`PICTURE_AGENCIES`] has the longer ones).
const PICTURE_AGENCY_WORDS: &[&str] = &["Reuters", "AFP", "EPA", "Getty", "Xinhua", "Shutterstock"];

/// True when the word after a name ends a prize's name ("Ballon d'Or",
/// "Palme d'Or"): a prize is no person, club or place.
fn names_a_prize(tokens: &[Token<'_>], last: usize) -> bool {
    tokens
        .get(last)
        .is_some_and(|t| t.joined && matches!(t.text, "d'Or" | "d’Or" | "d'or" | "d’or"))
}

fn mention(text: &str, tokens: &[Token<'_>], first: usize, last: usize) -> Mention {
    let start = tokens[first].span.start;
    let mut end = tokens[last - 1].span.end;
    for suffix in ["'s", "’s"] {
        if text[start..end].ends_with(suffix) {
            end -= suffix.len();
        }
    }
    let words: Vec<&str> = text[start..end].split_whitespace().collect();
    let before = first.checked_sub(1).map(|b| tokens[b].text);
    let after = tokens.get(last).map(|t| t.text);
    // The words of the clause the name opens, up to the first punctuation.
    let clause: Vec<&str> = tokens[last..]
        .iter()
        .take_while(|t| t.joined)
        .take(CLAUSE_WORDS)
        .map(|t| t.text)
        .collect();
    let mut kind = guess(&words, before, after);
    // "Antony went public with his demands"; but "the SpaceX frontman
    // revealed his plans" is about the frontman.
    let after_the = before.is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if kind == EntityKind::Unknown && words.len() == 1 && !after_the && owns_with_his(&clause) {
        kind = EntityKind::Person;
    }
    // "Actress Uma Thurman", "Executive Chairman Bill Ford": the office
    // before the name makes it a person's.
    if kind == EntityKind::Unknown && before.is_some_and(is_title_word) {
        kind = EntityKind::Person;
    }
    let verb_or_stop = tokens
        .get(last)
        .is_none_or(|t| !t.joined || THING_VERBS.contains(&t.text));
    let written = &text[start..end];
    Mention {
        span: start..end,
        // A hard-wrapped name ("North\nChina") is shown on one line.
        text: if written.contains('\n') {
            words.join(" ")
        } else {
            written.to_string()
        },
        kind,
        named_as_thing: before == Some("the") && verb_or_stop,
        named_as_company: written_as_company(tokens, first, last),
    }
}

/// What a company owns that a person does not: "X's shares", "X's board",
/// "X shares fell".
const COMPANY_HOLDINGS: &[&str] = &[
    "shares",
    "stock",
    "board",
    "shareholders",
    "stockholders",
    "subsidiary",
    "subsidiaries",
    "headquarters",
    "ceo",
];

/// Verbs of a share price ("X shares fell").
const PRICE_MOVES: &[&str] = &[
    "rose", "fell", "jumped", "dropped", "slid", "gained", "lost", "climbed", "tumbled", "surged",
    "plunged", "slumped", "rallied", "closed", "traded", "were", "are", "have", "had", "rise",
    "fall", "rises", "falls",
];

/// Speech verbs after which "its" may be a company's other than the
/// speaker's ("Smith said its profit rose").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "explained",
    "wrote",
    "warned",
];

/// True when the words around the name `tokens[first..last]` write it as a
/// company's: "shares of X", "stake in X"; "X's shares", "X's board";
/// "X shares fell" (not "X shares his view"), "X shareholders"; "X raised its forecast",
/// "X will cut its staff" ("its" among the three lower-case words after
/// the name, no speech verb before it: "Smith said its profit rose" is
/// about another).
fn written_as_company(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    let before = |back: usize| {
        first
            .checked_sub(back)
            .filter(|b| tokens[b + 1..=first].iter().all(|t| t.joined))
            .map(|b| tokens[b].text)
    };
    let is_any = |word: &str, listed: &[&str]| listed.iter().any(|l| l.eq_ignore_ascii_case(word));
    if before(1).is_some_and(|w| is_any(w, &["of", "in"]))
        && before(2).is_some_and(|w| is_any(w, &["shares", "stake", "stock"]))
    {
        return true;
    }
    let possessive = without_possessive(tokens[last - 1].text) != tokens[last - 1].text;
    let after: Vec<&str> = tokens[last..]
        .iter()
        .take_while(|t| t.joined && !is_capitalized(t.text))
        .take(3)
        .map(|t| t.text)
        .collect();
    let Some(&next) = after.first() else {
        return false;
    };
    if is_any(next, COMPANY_HOLDINGS) {
        // "X shares fell", "bought X shares.", but "X shares his view";
        // "X shareholders will".
        let price_move = after.get(1).is_none_or(|w| PRICE_MOVES.contains(w));
        return possessive
            || matches!(next, "shares" | "stock") && price_move
            || matches!(next, "shareholders" | "stockholders");
    }
    !possessive
        && after
            .iter()
            .take_while(|w| {
                !SPEECH_VERBS.contains(w) && !matches!(**w, "and" | "or" | "to" | "with" | "of")
            })
            .any(|w| *w == "its")
}

/// Verbs after "the" and a name that make the name a thing's: "the Falcon
/// Heavy is", "the Boko Haram has" ("the Trump administration" says
/// nothing).
const THING_VERBS: &[&str] = &[
    "is", "was", "are", "were", "will", "would", "can", "could", "has", "had", "have",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find_mentions(text).into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn a_hard_wrapped_name_is_one_name() {
        let text = "Shares in the firm rose after Harbor\nTrading Corp said on Monday it\nwould sell its stake in\nthe Lakeside\nplant to a group led by\nJane Miller for cash.";
        let found = names(text);
        assert!(
            found.contains(&"Harbor Trading Corp".to_string()),
            "{found:?}"
        );
        assert!(!found.contains(&"Corp".to_string()), "{found:?}");
        // A caption's line break in a copied web page still ends a name.
        let page = "Photo by Tom Reed\nJane Miller signed the deal on Monday.";
        let found = names(page);
        assert!(found.contains(&"Tom Reed".to_string()), "{found:?}");
        assert!(found.contains(&"Jane Miller".to_string()), "{found:?}");
    }

    #[test]
    fn a_legal_form_alone_or_inside_a_run_ends_the_company() {
        let found = names("The shares were placed by Birr, Walton and Co on Friday.");
        assert!(!found.iter().any(|n| n == "Co"), "{found:?}");
        let found = names("Analysts at Harbor Trading Ltd Singapore expect more.");
        assert!(
            found.contains(&"Harbor Trading Ltd".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"Singapore".to_string()), "{found:?}");
    }

    #[test]
    fn a_common_word_and_an_agencys_name_are_one_name() {
        let found = names(
            "The Securities and Exchange Commission reviewed the filing under securities law.",
        );
        assert!(
            found.contains(&"Securities and Exchange Commission".to_string()),
            "{found:?}"
        );
        let found = names("The match between Arsenal and Manchester City ended level.");
        assert!(found.contains(&"Arsenal".to_string()), "{found:?}");
        assert!(found.contains(&"Manchester City".to_string()), "{found:?}");
    }

    #[test]
    fn a_person_of_a_company_is_two_names() {
        let found = names("The deal was welcomed by Jane Miller of Harbor Trading Corp yesterday.");
        assert!(found.contains(&"Jane Miller".to_string()), "{found:?}");
        assert!(
            found.contains(&"Harbor Trading Corp".to_string()),
            "{found:?}"
        );
        let found = names("Rates were left alone by the Bank of England today.");
        assert!(found.contains(&"Bank of England".to_string()), "{found:?}");
    }

    #[test]
    fn a_name_written_as_a_companys_is_marked() {
        let company = |text: &str, name: &str| {
            find_mentions(text)
                .into_iter()
                .find(|m| m.text == name)
                .is_some_and(|m| m.named_as_company)
        };
        assert!(company(
            "Kestrel Vane raised its forecast on Monday.",
            "Kestrel Vane"
        ));
        assert!(company(
            "Kestrel Vane shares fell 4% on Monday.",
            "Kestrel Vane"
        ));
        assert!(company(
            "Kestrel Vane's board met on Monday.",
            "Kestrel Vane"
        ));
        assert!(company(
            "Kestrel Vane shareholders will vote.",
            "Kestrel Vane"
        ));
        assert!(company(
            "He sold his shares of Kestrel Vane in May.",
            "Kestrel Vane"
        ));
        // A person's speech about a company's figures, his view shared.
        assert!(!company("Tom Reed said its profit rose.", "Tom Reed"));
        assert!(!company("Tom Reed shares his view with us.", "Tom Reed"));
        assert!(!company("Tom Reed and its board met.", "Tom Reed"));
    }

    #[test]
    fn a_wire_dateline_dash_joins_no_names() {
        assert_eq!(
            names("(Reuters) - Broadcom Ltd made a final offer to Qualcomm Inc on Monday."),
            ["Broadcom Ltd", "Qualcomm Inc"]
        );
        assert_eq!(
            names("LONDON - British Foreign Secretary Boris Johnson said he was horrified."),
            ["Boris Johnson"]
        );
    }

    #[test]
    fn a_former_officials_country_adjective_is_not_a_name() {
        assert_eq!(
            names("Former Costa Rican President Laura Chinchilla visited Costa Rica's coast."),
            ["Laura Chinchilla", "Costa Rica"]
        );
    }

    #[test]
    fn a_picture_credit_is_not_a_name() {
        assert_eq!(
            names("Workers picket the plant (REUTERS/File Photo). Shawn Fain said talks go on."),
            ["REUTERS", "Shawn Fain"]
        );
    }

    #[test]
    fn glued_names_are_split() {
        assert_eq!(
            names("The photo shows a Giant Landform on Mars On Mars, we see dunes."),
            ["Giant Landform", "Mars", "Mars"]
        );
        assert_eq!(
            names("People fled in this direction NORTH By The New York Times"),
            ["NORTH", "New York Times"]
        );
        assert_eq!(
            names("Read more in TV & Showbiz LEW WANTED SEX WITH TWO Lewis Hamilton today."),
            ["Lewis Hamilton"]
        );
        assert_eq!(
            names("Watch KIM WARNS TRUMP AGAIN The NK leader spoke."),
            ["NK"]
        );
        assert_eq!(
            names("A video of Justin Timberlake Justin Timberlake sang at the show."),
            ["Justin Timberlake", "Justin Timberlake"]
        );
        assert_eq!(
            names("Justin Timberlake Justin Timberlake's show was short."),
            ["Justin Timberlake", "Justin Timberlake"]
        );
        assert_eq!(
            names("The leader died.\nReuters Boko Haram fighters - which means"),
            ["Reuters", "Boko Haram"]
        );
        assert_eq!(
            names("Secretive Telegram app removed from the App Store"),
            ["Telegram", "App Store"]
        );
        assert_eq!(
            names("It is huge. Picture SpaceX's Falcon 9 beside it."),
            ["SpaceX", "Falcon"]
        );
        // A name that happens to hold a repeated word stays whole.
        assert_eq!(names("They flew to Bora Bora last week."), ["Bora Bora"]);
    }

    #[test]
    fn a_possessive_inside_a_name_keeps_it_whole() {
        assert_eq!(
            names("Officials of the Democratic People's Republic of Korea spoke."),
            ["Democratic People's Republic of Korea"]
        );
        assert_eq!(
            names("A safe zone at the Berlin New Year's Eve party opened."),
            ["Berlin New Year's Eve"]
        );
        assert_eq!(
            names("He praised Liverpool's Mohamed Salah again."),
            ["Liverpool", "Mohamed Salah"]
        );
    }

    #[test]
    fn a_time_zone_is_no_name() {
        assert_eq!(
            names("Prices came from Coindesk: bitcoin was at $10,097 at 6.44am GMT."),
            ["Coindesk"]
        );
    }

    #[test]
    fn a_plurals_possessive_ends_a_name() {
        assert_eq!(
            names("Fans celebrated the Chicago Cubs' World Series win."),
            ["Chicago Cubs", "World Series"]
        );
    }

    #[test]
    fn a_share_bar_is_no_name() {
        assert_eq!(
            names("Facebook Twitter Pinterest China's leader Xi Jinping spoke."),
            ["China", "Xi Jinping"]
        );
        assert_eq!(
            names("Facebook Twitter Pinterest Email The Cleveland Indians won."),
            ["Cleveland Indians"]
        );
        assert_eq!(
            names("He left Facebook for Twitter in 2015."),
            ["Facebook", "Twitter"]
        );
    }

    #[test]
    fn page_controls_and_video_headings_are_not_names() {
        assert_eq!(
            names(
                "Skip in Skip x Embed x Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK Elon Musk confirms the split."
            ),
            ["Elon Musk"]
        );
        assert_eq!(
            names("The rocket lifted off from Sohae. Hide Caption 1 of 8"),
            ["Sohae"]
        );
    }

    #[test]
    fn an_occupation_before_a_full_name_is_not_part_of_it() {
        let found = find_mentions("Actress Uma Thurman spoke. Cardinals QB Carson Palmer threw.");
        let kinds: Vec<(&str, EntityKind)> =
            found.iter().map(|m| (m.text.as_str(), m.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Uma Thurman", EntityKind::Person),
                ("Carson Palmer", EntityKind::Person)
            ]
        );
        // A product or an event named with the word stays whole.
        assert_eq!(
            names("Elon Musk showed the Model S in March."),
            ["Elon Musk", "Model S"]
        );
        assert_eq!(
            names("Shares rose before Investor Day on Monday."),
            ["Investor Day"]
        );
        // An office names the organization after it; an office's own name
        // keeps its words.
        assert_eq!(
            names("He met the CEO of SpaceX and the Minister of Finance."),
            ["SpaceX", "Minister of Finance"]
        );
    }

    #[test]
    fn a_sentence_opening_verb_is_not_part_of_the_name_after_it() {
        assert_eq!(
            names("Using Amazon is easy. Reportedly Apple agreed."),
            ["Amazon", "Apple"]
        );
        // Names that end the same way stay whole.
        assert_eq!(
            names("Reading FC won. Beijing Guoan lost. Kelly Smith scored."),
            ["Reading FC", "Beijing Guoan", "Kelly Smith"]
        );
    }

    #[test]
    fn live_blog_labels_and_days_are_no_names() {
        let text = "Bitcoin Price LIVE as BTC falls. 2.05pm - UPDATE -Bitcoin fights back. \
                    At Friday's record high prices, Ripple rose. Follow our live update.";
        assert_eq!(names(text), ["Bitcoin Price", "BTC", "Bitcoin", "Ripple"]);
        // A shouted word the text never writes in lower case is an acronym.
        assert_eq!(
            names("The NASA team met UEFA officials and the press."),
            ["NASA", "UEFA"]
        );
        assert_eq!(
            names("The price fell. GETTY Bitcoin took another hit yesterday."),
            ["GETTY", "Bitcoin"]
        );
        assert_eq!(
            names("Major European banks fell. The Cleveland Indians won."),
            ["Cleveland Indians"]
        );
        assert_eq!(
            names("Retired NASA astronaut Scott Kelly said it."),
            ["NASA", "Scott Kelly"]
        );
    }

    #[test]
    fn credits_and_datelines_glued_to_a_name_are_apart_from_it() {
        assert_eq!(
            names("AP:Associated Press Felipe Massa waves to the crowd."),
            ["Associated Press", "Felipe Massa"]
        );
        assert_eq!(
            names("(Additional reporting by Soyoung Kim SEOUL, and others)"),
            ["Soyoung Kim", "SEOUL"]
        );
        // The last of a list of credits is one too.
        assert_eq!(
            names("KCNA / Reuters North Korean leader Kim Jong-Un looks on."),
            ["Reuters", "Kim Jong-Un"]
        );
        // A shouted word inside a name or an acronym at its end stays.
        assert_eq!(
            names("He works for Lloyds Bank PLC now."),
            ["Lloyds Bank PLC"]
        );
    }

    #[test]
    fn a_company_before_a_persons_role_is_no_person() {
        let found = find_mentions(
            "The SpaceX frontman revealed his plans. Then Antony went public with his demands.",
        );
        let kinds: Vec<(&str, EntityKind)> =
            found.iter().map(|m| (m.text.as_str(), m.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("SpaceX", EntityKind::Unknown),
                ("Antony", EntityKind::Person)
            ]
        );
    }

    #[test]
    fn a_title_case_headline_with_a_lower_case_figure_is_still_cut() {
        // "£12 million" in lower case is the figure's, not the headline's.
        let text = "Harbour Town Sign Mara Quill From Lakeside Rovers For £12 million\n\n\
                    Harbour Town have completed the signing of Mara Quill from Lakeside Rovers.";
        assert_eq!(
            names(text),
            [
                "Harbour Town",
                "Mara Quill",
                "Lakeside Rovers",
                "Harbour Town",
                "Mara Quill",
                "Lakeside Rovers"
            ]
        );
    }

    #[test]
    fn a_title_case_headline_is_cut_into_the_names_the_text_uses() {
        let text = "Broadcom Raises Offer For Qualcomm To About $121 Billion\n\n\
                    On Monday, Broadcom raised its offer for Qualcomm to about $121 billion.";
        assert_eq!(
            names(text),
            ["Broadcom", "Qualcomm", "Broadcom", "Qualcomm"]
        );
        // Names of several words the text uses stay whole.
        let text = "Real Madrid Bid For Jude Bellingham Rejected\n\n\
                    Borussia Dortmund rejected the bid from Real Madrid for Jude Bellingham, \
                    a real blow.";
        assert_eq!(
            names(text),
            [
                "Real Madrid",
                "Jude Bellingham",
                "Borussia Dortmund",
                "Real Madrid",
                "Jude Bellingham"
            ]
        );
        // A headline alone keeps its runs: nothing tells the names apart.
        assert_eq!(
            names("Broadcom Raises Offer For Qualcomm To About $121 Billion"),
            ["Broadcom Raises Offer For Qualcomm To About", "Billion"]
        );
    }

    #[test]
    fn a_prize_is_not_a_name() {
        assert_eq!(
            names("Add-ons include Balon d'Or wins for Coutinho and a Ballon d’Or for Messi."),
            ["Coutinho", "Messi"]
        );
    }

    #[test]
    fn a_name_ending_in_a_compound_adjective_names_nothing() {
        assert_eq!(
            names("The offer values San Francisco-based Twitter and Manchester-based United."),
            ["Twitter", "United"]
        );
    }

    #[test]
    fn a_one_word_name_with_his_own_demands_is_a_person() {
        let kinds: Vec<(String, EntityKind)> =
            find_mentions("In May, Antony went public with his demands to leave Ajax.")
                .into_iter()
                .map(|m| (m.text, m.kind))
                .collect();
        assert_eq!(
            kinds,
            [
                ("Antony".to_string(), EntityKind::Person),
                ("Ajax".to_string(), EntityKind::Unknown)
            ]
        );
    }

    #[test]
    fn titles_and_employers_before_a_name_are_not_the_name() {
        assert_eq!(
            names("Billionaire Elon Musk met Tesla CEO Elon Musk on Aug 12."),
            ["Elon Musk", "Elon Musk"]
        );
    }

    #[test]
    fn a_sentence_opening_name_counts_when_written_elsewhere() {
        assert_eq!(
            names("Liverpool have agreed a fee. It is Liverpool's record."),
            ["Liverpool", "Liverpool"]
        );
        assert_eq!(
            names("LIVERPOOL LOOK SET to hijack the deal. It is Liverpool's bid."),
            ["LIVERPOOL", "Liverpool"]
        );
    }

    #[test]
    fn a_capitalized_word_joined_to_a_lowercase_one_is_no_name() {
        assert_eq!(
            names(
                "They agreed a British-record fee with Paris Saint-Germain and Brighton & Hove Albion."
            ),
            ["Paris Saint-Germain", "Brighton & Hove Albion"]
        );
    }

    #[test]
    fn finds_names_with_connectors_and_possessives() {
        assert_eq!(
            names(
                "According to Italian outlet Corriere dello Sport, Roma's offer for Chris Smalling is being considered."
            ),
            ["Corriere dello Sport", "Roma", "Chris Smalling"]
        );
    }

    #[test]
    fn sentence_openers_are_not_names_unless_seen_mid_sentence() {
        assert_eq!(
            names("Sources claim the club are ready. Meanwhile, Roma wait. Roma are patient."),
            ["Roma", "Roma"]
        );
        assert_eq!(names("The Red Devils are holding out."), ["Red Devils"]);
    }

    #[test]
    fn shouted_bylines_and_dates_are_skipped() {
        assert_eq!(
            names("ALVISE CAGNAZZO IN ITALY Roma have been pursuing a centre back since Monday."),
            ["Roma"]
        );
    }

    #[test]
    fn nationality_words_are_not_names_even_when_possessive() {
        assert_eq!(
            names("Roma want the Englishman. After the Englishman’s stellar season, Roma moved."),
            ["Roma", "Roma"]
        );
    }

    #[test]
    fn job_titles_are_not_part_of_a_name() {
        assert_eq!(
            names(
                "the race pits Foreign Secretary Liz Truss against Attorney General Suella Braverman and Chancellor Rishi Sunak"
            ),
            ["Liz Truss", "Suella Braverman", "Rishi Sunak"]
        );
        assert_eq!(
            names("a deal with General Motors and the Foreign Secretary"),
            ["General Motors", "Foreign Secretary"]
        );
    }

    #[test]
    fn spans_point_at_the_name() {
        let text = "a deal with Manchester United's board";
        let m = &find_mentions(text)[0];
        assert_eq!(&text[m.span.clone()], "Manchester United");
        assert_eq!(m.kind, EntityKind::Organization);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(text in "\\PC{0,120}") {
            for m in find_mentions(&text) {
                proptest::prop_assert!(text.is_char_boundary(m.span.start));
                proptest::prop_assert!(text.is_char_boundary(m.span.end));
                proptest::prop_assert_eq!(&text[m.span.clone()], m.text.as_str());
            }
        }
    }
}
