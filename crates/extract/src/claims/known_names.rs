//! Names the alias book knows in another spelling than the name finder
//! splits them: "Brighton and Hove Albion" is one club although "and"
//! usually separates two names ("Arsenal and Chelsea"), and "Il Barcellona"
//! is the club with an Italian article before it. Only names the book
//! knows are rejoined or trimmed, so lists and titles such as "La Liga"
//! keep their reading.

use crate::entities::{AliasBook, EntityKind, Mention};

/// Articles of other languages that stand before a club's name ("Il
/// Barcellona", "La Juventus", "El Madrid", "Le PSG").
const FOREIGN_ARTICLES: &[&str] = &[
    "Il", "Lo", "La", "El", "Le", "Les", "Los", "Las", "Der", "Die",
];

/// `mentions` with two names joined by "and" made one where the book knows
/// the whole ("Brighton and Hove Albion" = "Brighton & Hove Albion"), and a
/// foreign article dropped before a name the book knows ("Il Barcellona").
pub(crate) fn join_known_names(
    text: &str,
    mentions: Vec<Mention>,
    book: Option<&AliasBook>,
) -> Vec<Mention> {
    let Some(book) = book else {
        return mentions;
    };
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let mention = without_foreign_article(text, mention, book);
        if let Some(previous) = out.last_mut()
            && let Some(joined) = joined_by_and(text, previous, &mention, book)
        {
            *previous = joined;
            continue;
        }
        out.push(mention);
    }
    out
}

/// `first` and `second` as one name when only "and" stands between them and
/// the book knows the name they make (written with "and" or "&").
fn joined_by_and(
    text: &str,
    first: &Mention,
    second: &Mention,
    book: &AliasBook,
) -> Option<Mention> {
    let between = text.get(first.span.end..second.span.start)?;
    if between != " and " {
        return None;
    }
    let whole = text.get(first.span.start..second.span.end)?;
    let with_ampersand = format!("{} & {}", first.text, second.text);
    let known = book
        .lookup(whole)
        .or_else(|| book.lookup(&with_ampersand))?;
    Some(Mention {
        span: first.span.start..second.span.end,
        text: whole.to_string(),
        kind: kind_of(known.kind, first.kind),
        named_as_thing: first.named_as_thing,
        named_as_company: first.named_as_company || second.named_as_company,
    })
}

/// `mention` without a leading foreign article when the book knows the rest
/// and not the whole ("La Liga" stays if the book names it).
fn without_foreign_article(text: &str, mention: Mention, book: &AliasBook) -> Mention {
    let Some((article, rest)) = mention.text.split_once(' ') else {
        return mention;
    };
    if !FOREIGN_ARTICLES.contains(&article) || book.lookup(&mention.text).is_some() {
        return mention;
    }
    let Some(known) = book.lookup(rest) else {
        return mention;
    };
    let start = mention.span.start + article.len() + 1;
    match text.get(start..mention.span.end) {
        Some(name) => Mention {
            span: start..mention.span.end,
            text: name.to_string(),
            kind: kind_of(known.kind, mention.kind),
            named_as_thing: mention.named_as_thing,
            named_as_company: mention.named_as_company,
        },
        None => mention,
    }
}

/// The book's kind for a rejoined or trimmed name, or the name finder's
/// when the book does not say.
fn kind_of(book_kind: EntityKind, found: EntityKind) -> EntityKind {
    if book_kind == EntityKind::Unknown {
        found
    } else {
        book_kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_mentions;

    fn book() -> AliasBook {
        AliasBook::from_yaml(
            "entities:\n\
             \x20 - name: Brighton & Hove Albion\n    kind: organization\n    aliases: [Brighton]\n\
             \x20 - name: FC Barcelona\n    kind: organization\n    aliases: [Barcelona, Barcellona]\n\
             \x20 - name: Arsenal\n    kind: organization\n\
             \x20 - name: Chelsea\n    kind: organization\n",
        )
        .unwrap_or_default()
    }

    fn names(text: &str) -> Vec<String> {
        join_known_names(text, find_mentions(text), Some(&book()))
            .into_iter()
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_club_named_with_and_stays_one_name() {
        assert_eq!(
            names("A £110m bid from Liverpool to Brighton and Hove Albion."),
            ["Liverpool", "Brighton and Hove Albion"]
        );
        // A list of two clubs stays two names.
        assert_eq!(
            names("Both Arsenal and Chelsea bid for him."),
            ["Arsenal", "Chelsea"]
        );
    }

    #[test]
    fn a_foreign_article_before_a_known_club_is_dropped() {
        assert_eq!(
            names("Il Barcellona ha offerto 150 milioni per Coutinho. La Liga aspetta."),
            ["Barcellona", "Coutinho", "La Liga"]
        );
    }
}
