//! Boilerplate paragraphs the extractors keep: "read also" teasers,
//! share and subscribe prompts, comment counters, photo credits, source
//! and copyright lines and "last updated" labels, in the languages of the pages we see most.
//! A paragraph is dropped only when it is short and *starts* with such a
//! cue, so an article sentence that merely mentions one stays.

use regex::Regex;
use std::sync::LazyLock;

/// Longer paragraphs are article text even when they start with a cue.
const MAX_BOILERPLATE_CHARS: usize = 160;

/// Cues that open a boilerplate paragraph (lowercase, matched at its start).
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"(?xi)^(?:
          # read also / related (es, en, de, fr, pt, it)
          lea\s+(?:también|más)|lea\s*:|lee\s+también|le\s+puede\s+interesar|te\s+puede\s+interesar
          |vea\s+también|mira\s*:|leer\s+más|read\s+(?:more|also)\b|see\s+also\b|related\s*:
          |lesen\s+sie\s+(?:auch|mehr)|mehr\s+(?:zum\s+thema|themen)|weitere\s+(?:themen|artikel|beiträge|informationen\s+zum)
          |zum\s+weiterlesen|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren|auch\s+interessant
          |(?:à\s+)?lire\s+aussi|voir\s+aussi|leia\s+também|leggi\s+anche
          # share, follow, subscribe, comments
          |teilen\s+mit\s*:|share\s+this|follow\s+(?:the|us)\b|subscribe\s+(?:now|to)\b|submit\s+your\s+letter
          |keine\s+kommentare|no\s+comments|kommentierte\s+artikel|wird\s+geladen|loading\.\.\.
          |be\s+part\s+of\s+the\s+conversation|sie\s+sind\s+aktuell\s+nicht\s+eingeloggt
          # credits and page labels
          |credits?\s*:|copyright\b|quelle\s*:|source\s*:|crédits?\s+photos?\s*:|last\s+modified\s*:|release\s+date\s*:|aktualisiert\s+am\b|letzte\s+änderung\b
          # session 9: share and log-in prompts, next-article teasers, contact
          # and permalink lines, taxonomy labels, disclaimers, and labels left
          # alone on their line (their value was a link or an image)
          |den\s+artikel\s+mit\s+anderen\s+teilen|eingeloggt\s+sein\s+um|hazte\s+miembro
          |vorschau\s+auf\s+den\s+nächsten\s+artikel|weitere\s+aktuelle\s+themen|entdecke\s+weitere
          |telefon\s*:|tel\.\s*:|permalien\b|permalink\b|kategorien?\s*:|alle\s+angaben\s+ohne\s+gewähr
          |(?:von|veröffentlichung|zusatzinformationen|quellenangaben|ansprechpartner(?:in)?\s+zum\s+thema)\s*:\s*$
          # advertising and affiliate notes, feed links, picture credits
          |werbung\s*[.:\]|]|letzte\s+aktualisierung\s+am\b|inscription\s+à\s*:|image\s+illustrative
          |fotos?\s*:|bild(?:quelle)?\s*:|titelbild\s*:
          # session 14: a story's taxonomy, a label alone or one before its
          # list (Topics: uber, libertarians; Temas; From the section US)
          |(?:topics?|tags?|tagged(?:\s+with)?|filed\s+under|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter
            |temas|etiquetas|mots[-\s]cl(?:é|e)s|argomenti)\s*(?::|$)
          |from\s+the\s+section\b
        )",
    )
    .expect("valid boilerplate pattern")
});

/// A paragraph that is nothing but a date (and a time): the page's dateline,
/// which metadata already carries ("23.10.2018", "2021-10-16 | 14:05 Uhr").
/// Measured (P / R / F): trafilatura-eval-dev 0.9248 / 0.9648 / 0.9444 →
/// 0.9254 / 0.9648 / 0.9447, readability-pages 0.9652 / 0.9591 / 0.9622 →
/// 0.9653 / 0.9591 / 0.9622.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"(?i)^\W*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?:[\s|,/-]+\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?)?\W*$",
    )
    .expect("valid date pattern")
});

/// Whether a paragraph (its text) is boilerplate.
pub fn is_boilerplate(paragraph: &str) -> bool {
    if DATE_ONLY.is_match(paragraph.trim()) {
        return true;
    }
    let text = paragraph.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '¿' && c != '¡');
    let text = text.trim_start_matches(['¿', '¡']);
    paragraph.chars().count() <= MAX_BOILERPLATE_CHARS && CUE.is_match(text)
}

/// Drops boilerplate lines from a text whose paragraphs are lines.
pub fn strip_lines(text: &str) -> String {
    text.lines()
        .filter(|line| !is_boilerplate(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers_and_prompts_are_boilerplate_article_sentences_are_not() {
        for cue in [
            "Lea también: Impiden ingreso a Nicaragua a reportero",
            "LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández",
            "Das könnte Sie auch interessieren!",
            "Follow The Gleaner on Twitter and Instagram",
            "Crédits photos : Bestimage",
            "Lesen Sie auch die folgenden Beiträge:",
            "Quelle: Landesregierung",
            "Copyright: Gisele Wender",
            "23.10.2018",
            "2021-10-16 | 14:05 Uhr",
            "Den Artikel mit anderen teilen/diskutieren:",
            "Eingeloggt sein um Kommentare zu schreiben! oder noch gar nicht Registriert?",
            "Telefon: +49 - (40) - 300 30 - 1141",
            "Permalien https://p.dw.com/p/RPYx",
            "Kategorie: News",
            "(Alle Angaben ohne Gewähr)",
            "Quellenangaben:",
            "Von:",
            "*Werbung. Dieser Beitrag enthält Werbung für eine Marke.",
            "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links",
            "Inscription à : Publier les commentaires (Atom)",
            "(Bild: Dieter Stork)",
            "Foto: MDR/Bernd Cramer",
            "Topics: uber, libertarians, sharing economy, Technology News",
            "Tags:",
            "Temas",
            "Schlagwörter: Energie, Klima",
            "Filed under: Politics",
            "From the section US & Canada",
        ] {
            assert!(is_boilerplate(cue), "{cue}");
        }
        for text in [
            "Lead paragraph about the bridge, which reopened on Monday.",
            "Readers also wrote to the council.",
            "Mehr als 300 Menschen kamen zum Treffen.",
            "Sources said the council would vote on Monday.",
            "23.10.2018: the council votes",
            "Von: Berlin nach Hamburg fuhren am Montag 300 Züge.",
            "Vonovia meldete einen Gewinn.",
            "Telefonieren ist teurer geworden, sagte der Verband.",
            "Werbung neuer Mitglieder: Hans hat dazu ein Papier geschrieben.",
            "Fotografen zeigten ihre Bilder in der Halle.",
            "Topics such as housing dominated the debate.",
            "Tagged birds were released on Monday.",
            "Temas como la vivienda dominaron el debate.",
        ] {
            assert!(!is_boilerplate(text), "{text}");
        }
        let long = format!("Read more: {}", "word ".repeat(60));
        assert!(!is_boilerplate(&long));
    }

    #[test]
    fn boilerplate_lines_are_removed() {
        assert_eq!(strip_lines("One.\nRead more: Two\nThree."), "One.\nThree.");
        assert_eq!(
            strip_lines("The bridge reopened.\n¿Lea también: Otra noticia\nTraffic resumed."),
            "The bridge reopened.\nTraffic resumed."
        );
    }
}
