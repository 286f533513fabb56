//! Which text a story reads an original's figures from. A syndicated copy
//! is no new report, but the copy seen second is sometimes the fuller page
//! (the first one cut the report short): its figures are then read in the
//! original's place, so they are not lost, while the story still counts one
//! source for the pair.

use crate::model::{Article, ArticleId};
use std::borrow::Cow;
use std::collections::HashMap;

/// How many times longer than its original a copy's text must be to be
/// read in its place: a copy a few words longer (a byline, a caption) is
/// the same report.
const FULLER_BY: usize = 5;
/// The divisor of `FULLER_BY`: a copy at least 5/4 of the original's
/// length is fuller.
const FULLER_OVER: usize = 4;

fn text_len(article: &Article) -> usize {
    article.title.len() + article.lead.as_ref().map_or(0, String::len) + article.body.len()
}

/// The articles a story's figures are read from, in the order of its
/// originals among `members`: each original, or the longest of its copies
/// when that copy's text is at least 5/4 as long. A copy read in place of
/// its original takes the original's publication time when it gives none.
pub fn reading_articles(members: &[Article]) -> Vec<Cow<'_, Article>> {
    let mut fullest: HashMap<&ArticleId, &Article> = HashMap::new();
    for copy in members {
        let Some(original) = &copy.duplicate_of else {
            continue;
        };
        let best = fullest.entry(original).or_insert(copy);
        if text_len(copy) > text_len(best) {
            *best = copy;
        }
    }
    members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .map(|original| match fullest.get(&original.id) {
            Some(copy) if text_len(copy) * FULLER_OVER >= text_len(original) * FULLER_BY => {
                let mut copy = (*copy).clone();
                if copy.published_at.is_none() {
                    copy.published_at = original.published_at;
                }
                Cow::Owned(copy)
            }
            _ => Cow::Borrowed(original),
        })
        .collect()
}

/// For each copy among `members`, the original it is a copy of: claims read
/// from a copy ([`reading_articles`]) belong to its original's report.
pub fn originals_of(members: &[Article]) -> HashMap<&ArticleId, &ArticleId> {
    members
        .iter()
        .filter_map(|a| a.duplicate_of.as_ref().map(|original| (&a.id, original)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: u32, body: &str) -> Article {
        let mut article = crate::store::conformance::sample_article(n, "UBS", body);
        article.lead = None;
        article.published_at = None;
        article
    }

    #[test]
    fn a_much_fuller_copy_is_read_in_place_of_its_original() {
        let mut original = article(1, "UBS is buying Credit Suisse.");
        original.published_at = Some(jiff::Timestamp::UNIX_EPOCH);
        let mut copy = article(
            2,
            "UBS is buying Credit Suisse. UBS is paying 3 billion Swiss francs for it.",
        );
        copy.duplicate_of = Some(original.id.clone());
        let members = vec![original.clone(), copy];
        let read = reading_articles(&members);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].id, members[1].id);
        assert_eq!(read[0].published_at, original.published_at);
        assert_eq!(originals_of(&members).get(&read[0].id), Some(&&original.id));
    }

    #[test]
    fn a_copy_about_as_long_is_not() {
        let original = article(1, "UBS is buying Credit Suisse for 3 billion francs.");
        let mut copy = article(2, "UBS is buying Credit Suisse for 3 billion francs, AFP.");
        copy.duplicate_of = Some(original.id.clone());
        let members = vec![original, copy];
        let read = reading_articles(&members);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].id, members[0].id);
    }
}
