//! A small gazetteer: the world's countries, the states of the United
//! States and the multi-word cities and regions news names most, with the adjectives derived from them. Without
//! it a two-word place reads like a full name ("Costa Rica", "San Jose",
//! "New York" were people), and "Costa Rican" like a name of its own.
//!
//! One-word cities are left out on purpose: many are also clubs
//! ("Liverpool", "Brighton", "Napoli"), which the alias book types.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Countries (short and common names), one per entry.
const COUNTRIES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Antigua and Barbuda",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Central African Republic",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Congo",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "East Timor",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guinea-Bissau",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Marshall Islands",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Saint Lucia",
    "Samoa",
    "San Marino",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Solomon Islands",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey",
    "Türkiye",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican City",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "Scotland",
    "Wales",
    "England",
    "Northern Ireland",
    "Puerto Rico",
    "Hong Kong",
    "Greenland",
    "US",
    "USA",
    "UK",
];

/// Cities, regions and landmarks of more than one word.
const MULTI_WORD_PLACES: &[&str] = &[
    "New York",
    "New York City",
    "Los Angeles",
    "San Francisco",
    "San Diego",
    "San Jose",
    "San Antonio",
    "Las Vegas",
    "New Orleans",
    "New Delhi",
    "New Jersey",
    "New Mexico",
    "New Hampshire",
    "North Carolina",
    "South Carolina",
    "North Dakota",
    "South Dakota",
    "West Virginia",
    "Rhode Island",
    "Salt Lake City",
    "Kansas City",
    "Oklahoma City",
    "Mexico City",
    "Panama City",
    "Guatemala City",
    "Kuwait City",
    "Buenos Aires",
    "Rio de Janeiro",
    "Sao Paulo",
    "São Paulo",
    "Cape Town",
    "Tel Aviv",
    "Abu Dhabi",
    "Kuala Lumpur",
    "Ho Chi Minh City",
    "St Petersburg",
    "Saint Petersburg",
    "Silicon Valley",
    "Wall Street",
    "West Bank",
    "Gaza Strip",
    "Middle East",
    "Latin America",
    "North America",
    "South America",
    "Central America",
    "East Africa",
    "West Africa",
    "Southeast Asia",
    "Sub-Saharan Africa",
    "Western Europe",
    "Eastern Europe",
    "Persian Gulf",
    "Puerto Vallarta",
    "Santo Domingo",
    "San Juan",
    "Santa Clara",
    "Santa Monica",
    "Palm Beach",
    "Fort Lauderdale",
    "Baton Rouge",
    "Long Island",
    "Staten Island",
    "Cape Canaveral",
    "Kennedy Space Center",
    "Punta Islita",
];

/// The states of the United States named in one word (the others are
/// among the multi-word places; Georgia is a country too).
const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Every gazetteer name, lowercased.
static PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    COUNTRIES
        .iter()
        .chain(MULTI_WORD_PLACES)
        .chain(US_STATES)
        .map(|p| p.to_lowercase())
        .collect()
});

/// Adjectives of the gazetteer's places ("Costa Rican", "Kenyan",
/// "Brazilian", "Egyptian", "Canadian"), lowercased, formed by the common
/// suffixes; a few forms no one writes are harmless.
static ADJECTIVES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut out = HashSet::new();
    for place in COUNTRIES.iter().chain(MULTI_WORD_PLACES).chain(US_STATES) {
        let place = place.to_lowercase();
        let stem = place.trim_end_matches(['a', 'e', 'o', 'y']);
        for suffix in ["n", "an", "ian", "ese", "ish", "i"] {
            out.insert(format!("{place}{suffix}"));
            out.insert(format!("{stem}{suffix}"));
        }
    }
    out
});

/// Whether `name` is a place the gazetteer knows.
pub fn is_place(name: &str) -> bool {
    PLACES.contains(&name.to_lowercase())
}

/// Whether `name` is the adjective of a place the gazetteer knows
/// ("Costa Rican"): it describes, it does not name.
pub fn is_place_adjective(name: &str) -> bool {
    let lower = name.to_lowercase();
    !PLACES.contains(&lower) && ADJECTIVES.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_multi_word_cities_are_places() {
        for name in [
            "Costa Rica",
            "san jose",
            "New York",
            "Saudi Arabia",
            "Kenya",
        ] {
            assert!(is_place(name), "{name}");
        }
        // Clubs named like their city are left to the alias book.
        for name in ["Liverpool", "Brighton", "Chris Smalling", "Nature Air"] {
            assert!(!is_place(name), "{name}");
        }
    }

    #[test]
    fn adjectives_of_places_are_not_names() {
        for name in [
            "Costa Rican",
            "Kenyan",
            "Brazilian",
            "Egyptian",
            "Canadian",
            "Mexican",
        ] {
            assert!(is_place_adjective(name), "{name}");
        }
        for name in ["Costa Rica", "Roma", "Chris Smalling", "United"] {
            assert!(!is_place_adjective(name), "{name}");
        }
    }
}
