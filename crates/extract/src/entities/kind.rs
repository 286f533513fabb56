//! What kind of thing a name refers to, guessed from the words in and
//! around it.

use serde::{Deserialize, Serialize};

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A club, company, outlet, party, institution.
    Organization,
    /// A country, city, venue or region.
    Place,
    /// A name whose kind the text does not reveal.
    Unknown,
}

/// Last words that make a name an organization.
const ORGANIZATION_WORDS: &[&str] = &[
    "United",
    "City",
    "FC",
    "AFC",
    "CF",
    "Club",
    "Athletic",
    "Rovers",
    "Wanderers",
    "Albion",
    "Hotspur",
    "Villa",
    "Sport",
    "Sports",
    "Bank",
    "Group",
    "Inc",
    "Ltd",
    "Plc",
    "plc",
    "Corp",
    "Co",
    "Corporation",
    "Company",
    "Association",
    "Federation",
    "Union",
    "League",
    "Party",
    "Ministry",
    "Council",
    "Agency",
    "Times",
    "Post",
    "News",
    "Guardian",
    "Telegraph",
    "Mail",
    "Express",
    "Journal",
    "Herald",
    "Gazette",
    "Press",
    "Tribune",
    "Italia",
    "Workers",
    "Motors",
    "Airlines",
    "Air",
    "Airways",
    "Aviation",
    "Authority",
    "Administration",
    "Department",
    "Service",
    "Services",
    "Police",
    "Army",
    "Navy",
    "Force",
    "Hospital",
    "School",
    "College",
    "Foundation",
    "Fund",
    "Organization",
    "Organisation",
    "Office",
    "Board",
    "Committee",
    "Senate",
    "Congress",
    "Parliament",
    "Assembly",
    "Network",
    "Media",
    "Studios",
    "Technologies",
    "Holdings",
    "Partners",
    "Exchange",
    "Institute",
    "University",
    "Commission",
    "Government",
    "Reuters",
    "Insider",
    "Cup",
    "Trophy",
    "Championship",
    "Series",
    "State",
];

/// Foreign articles that open club nicknames and names of things, not
/// people (`La Lupa`, `Il Tempo`, `Los Blancos`).
const ARTICLES: &[&str] = &[
    "La", "Le", "Les", "Il", "Lo", "Los", "Las", "El", "Der", "Die", "Das", "De", "Het",
];

/// First words that make a name an organization.
const ORGANIZATION_PREFIXES: &[&str] = &[
    "AS",
    "AC",
    "FC",
    "SS",
    "SSC",
    "RB",
    "SC",
    "SL",
    "Real",
    "Borussia",
    "Bayern",
    "Inter",
    "Atletico",
    "Sky",
    "Bank",
    "University",
    "Ministry",
    "Department",
    "Office",
    "Bureau",
    "Institute",
    "Commission",
    "Federal",
];

/// Last words of places.
const PLACE_WORDS: &[&str] = &[
    "Stadium",
    "Stadio",
    "Park",
    "Arena",
    "Road",
    "Street",
    "Island",
    "Islands",
    "Province",
    "County",
    "Olimpico",
    "Trafford",
    "Lane",
    "Bridge",
    "Ground",
    "Stadion",
    "Anfield",
    "Plant",
    "Factory",
    "Airport",
    "Station",
    "Square",
    "Centre",
    "Center",
    "Hotel",
    "Beach",
    "River",
    "Lake",
    "Valley",
    "Harbour",
    "Harbor",
    "Prison",
    "Avenue",
    "Boulevard",
    "Highway",
    "Tower",
    "Cathedral",
    "Palace",
    "Castle",
    "Ocean",
    "Sea",
    "Bay",
    "Gulf",
    "Coast",
    "Mountains",
    "Desert",
    "Canyon",
    "Peninsula",
    "Strait",
    "Zoo",
    "Museum",
];

/// Last words of events, which are neither people nor places: a strike,
/// a summit, a festival ("Stand Up Strike" reads like a full name).
const EVENT_WORDS: &[&str] = &[
    "Strike",
    "Summit",
    "Festival",
    "Olympics",
    "Games",
    "Election",
    "Elections",
    "War",
    "Crisis",
    "Conference",
    "Awards",
    "Marathon",
    "Tournament",
    "Protest",
    "Protests",
];

/// Last words of names of things that are neither people nor places: days,
/// documents, prizes, products' stores ("Bastille Day", "New Year",
/// "Panama Papers", "App Store", "Brazilian Grand Prix").
const THING_WORDS: &[&str] = &[
    "Day",
    "Eve",
    "Year",
    "Week",
    "Papers",
    "Prix",
    "Store",
    "Index",
    "Act",
    "Award",
    "Prize",
    "Medal",
    "Bowl",
    "Treaty",
    "Accord",
    "Galaxy",
    "Mission",
    "Programme",
    "Program",
];

/// Compass adjectives before a place ("Northeastern Afghanistan",
/// "Southern California"): the whole is a place.
const COMPASS_ADJECTIVES: &[&str] = &[
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "North",
    "South",
    "East",
    "West",
];

/// True when `word`, in any case, is one of [`COMPASS_ADJECTIVES`].
pub(crate) fn is_compass_adjective(word: &str) -> bool {
    COMPASS_ADJECTIVES
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word))
}

/// Common places named alone that the gazetteer (`places.rs`, countries
/// and multi-word places) leaves out: regions and the one-word cities
/// news names most (several are also clubs, which the alias book types).
const PLACES: &[&str] = &[
    "Britain",
    "Europe",
    "America",
    "London",
    "Manchester",
    "Rome",
    "Milan",
    "Madrid",
    "Barcelona",
    "Paris",
    "Munich",
    "Berlin",
    "Liverpool",
    "Carrington",
    "Washington",
    "Zurich",
    "Geneva",
    "Istanbul",
    "Ankara",
    "Brussels",
    "Amsterdam",
    "Lisbon",
    "Chicago",
    "Boston",
    "Seattle",
    "Houston",
    "Dallas",
    "Atlanta",
    "Miami",
    "Detroit",
    "Philadelphia",
    "Baltimore",
    "Pittsburgh",
    "Cleveland",
    "Cincinnati",
    "Minneapolis",
    "Toronto",
    "Montreal",
    "Vancouver",
    "Tokyo",
    "Beijing",
    "Shanghai",
    "Moscow",
    "Seoul",
    "Pyongyang",
    "Melbourne",
    "Dubai",
    "Doha",
    "Riyadh",
    "Tehran",
    "Baghdad",
    "Kabul",
    "Cairo",
    "Lagos",
    "Nairobi",
    "Johannesburg",
    "Mumbai",
    "Delhi",
    "Karachi",
    "Jakarta",
    "Manila",
    "Bangkok",
    "Kyiv",
    "Kiev",
    "Warsaw",
    "Vienna",
    "Prague",
    "Budapest",
    "Athens",
    "Dublin",
    "Edinburgh",
    "Glasgow",
    "Stockholm",
    "Oslo",
    "Copenhagen",
    "Helsinki",
    "Frankfurt",
    "Hamburg",
    "Cologne",
    "Nice",
    "Toulouse",
    "Sydney",
    "Damascus",
    "Jerusalem",
];

/// [`PLACES`], for lookups by hash.
static COMMON_PLACES: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| PLACES.iter().copied().collect());

/// True when `words` name a place: the gazetteer's, a common city, or a
/// compass adjective before one of them ("Southern California").
pub(crate) fn names_a_place(words: &[&str]) -> bool {
    let whole = words.join(" ");
    if super::places::is_place(&whole)
        || (words.len() == 1 && COMMON_PLACES.contains(whole.as_str()))
    {
        return true;
    }
    words.len() > 1 && COMPASS_ADJECTIVES.contains(&words[0]) && names_a_place(&words[1..])
}

/// True when `name` calls people by where they live ("Londoners", "New
/// Yorkers", "Parisians"): a description, not a name; the singular is
/// left alone, as it names papers ("The New Yorker"). (A
/// paper's "the north Londoners" for Arsenal is resolved from the
/// sentence's other names, not from this word.)
pub fn names_residents(name: &str) -> bool {
    ["ers", "ians", "ites"]
        .iter()
        .filter_map(|ending| name.strip_suffix(ending))
        .any(|stem| {
            let words: Vec<&str> = stem.split(' ').collect();
            names_a_place(&words)
        })
}

/// True when `word` is a capitalized plural ("Cubs", "Cardinals",
/// "Indians"), as the nicknames of teams are.
fn is_plural_nickname(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
}

/// Words before a name that make it a person.
const PERSON_CUES: &[&str] = &[
    "defender",
    "midfielder",
    "striker",
    "forward",
    "winger",
    "goalkeeper",
    "manager",
    "boss",
    "coach",
    "president",
    "chairman",
    "chief",
    "director",
    "ceo",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "captain",
    "star",
    "agent",
    "spokesman",
    "spokeswoman",
    "secretary",
    "leader",
    "player",
    "international",
    "journalist",
    "reporter",
    "founder",
    "billionaire",
    "lawyer",
];

/// Words after a name that make it a person ("X said").
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "revealed",
    "admitted",
    "insisted",
    "explained",
    "claimed",
    "wants",
    "joined",
    "scored",
    "signed",
    "spent",
    "impressed",
];

/// How many words after a name [`owns_with_his`] reads.
pub const CLAUSE_WORDS: usize = 5;

/// Possessive and reflexive pronouns that only a person takes.
const PERSONAL_POSSESSIVES: &[&str] = &["his", "himself", "herself"];

/// Nouns that follow a company's or a network's name and whose "his" is
/// someone else's ("a Facebook page rammed his car", "Twitter account
/// posted his photo"): no verb of the name's own.
const OWNED_NOUNS: &[&str] = &[
    "page",
    "post",
    "posts",
    "account",
    "channel",
    "feed",
    "group",
    "user",
    "users",
    "video",
    "statement",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "employee",
    "employees",
    "staff",
    "founder",
    "boss",
    "chief",
    "fans",
];

/// True when the lower-case words after a one-word name make it a person
/// acting on something of his own: "Antony went public with his demands"
/// (a club's would be "its" or "their"). `clause` is the words up to the
/// first punctuation; a capitalized word in between ends the reading, as
/// "his" could then be another person's.
pub fn owns_with_his(clause: &[&str]) -> bool {
    let Some((verb, rest)) = clause.split_first() else {
        return false;
    };
    let lowercase = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    lowercase(verb)
        && !matches!(*verb, "and" | "or" | "of" | "to" | "for" | "with" | "in")
        && !OWNED_NOUNS.contains(verb)
        && rest
            .iter()
            .take_while(|w| lowercase(w))
            .any(|w| PERSONAL_POSSESSIVES.contains(w))
}

/// Guesses the kind of a name from its own words and its neighbours.
pub fn guess(words: &[&str], before: Option<&str>, after: Option<&str>) -> EntityKind {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return EntityKind::Unknown;
    };
    if names_a_place(words) {
        return EntityKind::Place;
    }
    // "Chicago Cubs", "Arizona Cardinals": a place and a plural nickname
    // name a team.
    let team =
        words.len() > 1 && is_plural_nickname(last) && names_a_place(&words[..words.len() - 1]);
    if ORGANIZATION_WORDS.contains(last)
        || (words.len() > 1 && ORGANIZATION_PREFIXES.contains(first))
    {
        return EntityKind::Organization;
    }
    if PLACE_WORDS.iter().any(|w| words.contains(w)) {
        return EntityKind::Place;
    }
    if words.len() > 1 && (EVENT_WORDS.contains(last) || THING_WORDS.contains(last)) {
        return EntityKind::Unknown;
    }
    if team {
        return EntityKind::Organization;
    }
    if words.len() == 1 && first.len() > 1 && first.chars().all(|c| c.is_ascii_uppercase()) {
        // Acronyms: UAW, BBC, UBS.
        return EntityKind::Organization;
    }
    let cue_before = before.is_some_and(|w| PERSON_CUES.contains(&w.to_lowercase().as_str()));
    let after_the = before.is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if ARTICLES.contains(first) || after_the && !cue_before {
        return EntityKind::Unknown;
    }
    let verb_after = after.is_some_and(|w| PERSON_VERBS.contains(&w));
    // "Nigerian Prince", "Nigerian Chibok": a place's adjective describes
    // what follows; it is no first name.
    let looks_like_full_name = (2..=3).contains(&words.len())
        && !super::places::is_place_adjective(first)
        && words.iter().all(|w| {
            w.chars().count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '\'' || c == '-')
        });
    if cue_before || looks_like_full_name || verb_after && words.len() > 1 {
        return EntityKind::Person;
    }
    EntityKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_words_and_cues() {
        assert_eq!(
            guess(&["Manchester", "United"], None, None),
            EntityKind::Organization
        );
        assert_eq!(guess(&["AS", "Roma"], None, None), EntityKind::Organization);
        // A broadcaster named in another language ("Sky Alemanha") is no person.
        assert_eq!(
            guess(&["Sky", "Alemanha"], None, None),
            EntityKind::Organization
        );
        assert_eq!(
            guess(&["Chris", "Smalling"], None, None),
            EntityKind::Person
        );
        assert_eq!(
            guess(&["Smalling"], Some("defender"), None),
            EntityKind::Person
        );
        assert_eq!(guess(&["Italy"], None, None), EntityKind::Place);
        assert_eq!(
            guess(&["Stadio", "Olimpico"], None, None),
            EntityKind::Place
        );
        assert_eq!(guess(&["UAW"], None, None), EntityKind::Organization);
        assert_eq!(guess(&["Roma"], None, None), EntityKind::Unknown);
        assert_eq!(
            guess(&["Ole", "Gunnar", "Solskjaer"], None, None),
            EntityKind::Person
        );
        assert_eq!(guess(&["Old", "Trafford"], None, None), EntityKind::Place);
        // Two-word places are not full names of people.
        assert_eq!(guess(&["Costa", "Rica"], None, None), EntityKind::Place);
        assert_eq!(
            guess(&["Nigerian", "Prince"], None, None),
            EntityKind::Unknown
        );
        assert_eq!(guess(&["San", "Jose"], None, None), EntityKind::Place);
        assert_eq!(guess(&["US"], None, None), EntityKind::Place);
        assert_eq!(
            guess(&["Kentucky", "Truck", "Plant"], None, None),
            EntityKind::Place
        );
        // An event is no person, though it reads like a full name.
        assert_eq!(
            guess(&["Stand", "Up", "Strike"], None, None),
            EntityKind::Unknown
        );
        // An airline or an agency is no person.
        assert_eq!(
            guess(&["Nature", "Air"], None, None),
            EntityKind::Organization
        );
        assert_eq!(
            guess(&["Civil", "Aviation"], None, None),
            EntityKind::Organization
        );
    }

    #[test]
    fn teams_regions_and_things_are_not_people() {
        for (name, kind) in [
            ("Chicago Cubs", EntityKind::Organization),
            ("Arizona Cardinals", EntityKind::Organization),
            ("Southern California", EntityKind::Place),
            ("Northeastern Afghanistan", EntityKind::Place),
            ("Pacific Ocean", EntityKind::Place),
            ("Cincinnati Zoo", EntityKind::Place),
            ("Chicago", EntityKind::Place),
            ("Islamic State", EntityKind::Organization),
            ("Bastille Day", EntityKind::Unknown),
            ("Panama Papers", EntityKind::Unknown),
            ("App Store", EntityKind::Unknown),
            // People keep their kind, whatever their names' endings.
            ("Chris Evans", EntityKind::Person),
            ("Paris Hilton", EntityKind::Person),
            ("Jordan Henderson", EntityKind::Person),
        ] {
            let words: Vec<&str> = name.split(' ').collect();
            assert_eq!(guess(&words, None, None), kind, "{name}");
        }
    }

    #[test]
    fn residents_of_a_place_are_no_name() {
        for name in ["Londoners", "New Yorkers", "Parisians", "Berliners"] {
            assert!(names_residents(name), "{name}");
        }
        for name in ["London", "Gunners", "Lionel Messi", "Rangers", "New Yorker"] {
            assert!(!names_residents(name), "{name}");
        }
    }

    #[test]
    fn a_name_that_acts_on_his_own_is_a_person() {
        assert!(owns_with_his(&["went", "public", "with", "his", "demands"]));
        assert!(!owns_with_his(&["made", "their", "offer"]));
        assert!(!owns_with_his(&["and", "his", "agent"]));
        assert!(!owns_with_his(&["rejected", "Smith", "and", "his"]));
        assert!(!owns_with_his(&[]));
        assert!(!owns_with_his(&["page", "rammed", "his", "car"]));
    }
}
