//! Text with its paragraphs from the markup an extractor kept.
//!
//! The trafilatura crate returns its text with every paragraph run into
//! one line (text nodes joined by spaces), so an article read from a page
//! lost its paragraphs and a link's text could fuse with the next block
//! ("Related PostsZusammenarbeit"). Its extracted markup keeps the
//! structure: [`block_text`] reads it back as one line per paragraph,
//! heading, list item or table cell, with inline elements (links, emphasis)
//! left in their sentence.

use scraper::{ElementRef, Html, Node};
use unicode_normalization::UnicodeNormalization;

/// `text` (an extractor's flat text) broken into the paragraphs of `html`,
/// the markup it was read from. The crate's markup drops the spaces around
/// inline elements ("to<em>craft</em>a") while its text keeps them, so the
/// words and their spacing come from `text` and only the line breaks from
/// the markup (both in Unicode NFC). When the two disagree on the characters (the markup was
/// cleaned after the text was taken), the markup's own text is used.
pub fn with_paragraphs(text: &str, html: &str) -> String {
    // The crate's text is in NFC; its markup keeps the page's own form
    // ("gepru\u{308}ft").
    let blocks: String = marked_block_text(html).nfc().collect();
    let mut flat = text.chars().filter(|c| !c.is_whitespace());
    let same = blocks
        .chars()
        .filter(|c| !c.is_whitespace() && *c != GLUE)
        .eq(flat.by_ref());
    if !same {
        return if blocks.is_empty() {
            text.trim().to_string()
        } else {
            blocks.replace(GLUE, "")
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut words = text.chars().peekable();
    let (mut new_line, mut markup_space, mut marked) = (false, false, false);
    let mut chars = blocks.chars().peekable();
    while let Some(c) = chars.next() {
        if c == GLUE {
            marked = true;
            continue;
        }
        if c == '\n' {
            new_line = true;
            continue;
        }
        if c.is_whitespace() {
            markup_space = true;
            continue;
        }
        let mut space = false;
        while words.next_if(|w| w.is_whitespace()).is_some() {
            space = true;
        }
        // The text puts a space between any two text nodes, also before a
        // comma that follows a link ("Flammkuchen , morgen"); the markup
        // shows where none belongs.
        let glued = !markup_space
            && (marked
                || is_closing(c)
                || out.ends_with(is_opening)
                || in_compound(&out, c, chars.peek().copied()));
        if new_line && !out.is_empty() {
            out.push('\n');
        } else if space && !glued && !out.is_empty() {
            out.push(' ');
        }
        (new_line, markup_space, marked) = (false, false, false);
        // The same characters in the same order: checked above.
        if let Some(w) = words.next() {
            out.push(w);
        }
    }
    out
}

/// Whether `c` continues a hyphenated compound that the markup writes
/// without spaces: the hyphen after a word ("NDR-Recherchen" where "NDR"
/// is a link) or the word after a hyphen ("Corona-Hilfen").
fn in_compound(out: &str, c: char, next: Option<char>) -> bool {
    let mut before = out.chars().rev();
    let last = before.next();
    if c == '-' {
        return last.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
    }
    last == Some('-') && c.is_alphanumeric() && before.next().is_some_and(char::is_alphanumeric)
}

/// Punctuation written right after a word.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '»' | '”' | '’' | '%' | '…'
    )
}

/// Punctuation written right before a word.
fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '«' | '„' | '“' | '¿' | '¡')
}

/// Elements that stand on lines of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "hr"
            | "br"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "center"
            | "body"
            | "html"
    )
}

/// Elements whose text is never shown.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "title"
    )
}

/// The text of an HTML fragment, one line per block (paragraph, heading,
/// list item, table cell, line break), whitespace inside a line collapsed,
/// empty lines dropped.
pub fn block_text(html: &str) -> String {
    marked_block_text(html).replace(GLUE, "")
}

/// Marks where a subscript or superscript starts (`H<sub>ij</sub>`,
/// `19<sup>th</sup>`): the crate's text puts a space there, which a browser
/// does not show when the markup has none. A private-use character, so it
/// is never page text that matters.
const GLUE: char = '\u{E000}';

/// [`block_text`] with `GLUE` where a subscript or superscript starts.
fn marked_block_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut lines = Lines::default();
    lines.walk(fragment.root_element());
    lines.finish()
}

/// Lines being gathered: finished ones and the one being written.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
}

impl Lines {
    /// Appends the text under `element`, breaking lines around blocks.
    /// Iterative, so that deeply nested markup cannot overflow the stack.
    fn walk(&mut self, element: ElementRef<'_>) {
        // (node, entering): a block is broken before and after its children.
        let mut stack = vec![(*element, true)];
        while let Some((node, entering)) = stack.pop() {
            match node.value() {
                Node::Text(text) if entering => self.push_text(text),
                Node::Element(e) if !is_hidden(e.name()) => {
                    let block = is_block(e.name());
                    if block {
                        self.break_line();
                    }
                    if entering && matches!(e.name(), "sub" | "sup") {
                        self.current.push(GLUE);
                    }
                    if entering {
                        if block {
                            stack.push((node, false));
                        }
                        let children: Vec<_> = node.children().collect();
                        stack.extend(children.into_iter().rev().map(|c| (c, true)));
                    }
                }
                _ => {}
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for (i, word) in text.split_whitespace().enumerate() {
            let joined = i == 0 && !text.starts_with(char::is_whitespace);
            if !self.current.is_empty() && !joined {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !self.current.is_empty() {
            self.current.push(' ');
        }
    }

    fn break_line(&mut self) {
        let line = self.current.trim();
        if !line.is_empty() {
            self.done
                .push(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.done.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_items_get_lines_of_their_own() {
        let html = "<h2>Bridge reopens</h2><p>The bridge <b>reopened</b> on <a href='#'>Monday</a>.</p>\
                    <ul><li>Traffic resumed.</li><li>Cyclists cheered.</li></ul><p>One<br>Two</p>";
        assert_eq!(
            block_text(html),
            "Bridge reopens\nThe bridge reopened on Monday.\nTraffic resumed.\nCyclists cheered.\nOne\nTwo"
        );
    }

    #[test]
    fn words_split_by_markup_stay_whole_and_blocks_never_fuse() {
        let html = "<p><b>Hel</b>lo world</p><div><a>Related Posts</a></div><p>Next story</p>";
        assert_eq!(block_text(html), "Hello world\nRelated Posts\nNext story");
    }

    #[test]
    fn spacing_comes_from_the_text_and_line_breaks_from_the_markup() {
        let html =
            "<p>allows us to<em>craft</em>a packet.</p><div><a>Related Posts</a></div><p>Next</p>";
        let text = "allows us to craft a packet. Related PostsNext";
        assert_eq!(
            with_paragraphs(text, html),
            "allows us to craft a packet.\nRelated Posts\nNext"
        );
        // No space before the comma after a link, nor inside brackets.
        let html = "<p>leckeren <a>Flammkuchen</a>, morgen (<b>heute</b>) : gut</p>";
        let text = "leckeren Flammkuchen , morgen ( heute ) : gut";
        assert_eq!(
            with_paragraphs(text, html),
            "leckeren Flammkuchen, morgen (heute) : gut"
        );
        // Compounds whose parts are links stay one word; a dash between
        // spaces stays a dash.
        let html = "<p>nach <abbr>NDR</abbr>-Recherchen, <a>Corona</a>-<b>Hilfen</b> - gut</p>";
        let text = "nach NDR -Recherchen, Corona - Hilfen - gut";
        assert_eq!(
            with_paragraphs(text, html),
            "nach NDR-Recherchen, Corona-Hilfen - gut"
        );
        // Decomposed letters in the markup, composed in the text.
        assert_eq!(
            with_paragraphs(
                "sollte geprüft werden",
                "<p>sollte gepru\u{308}ft werden</p>"
            ),
            "sollte geprüft werden"
        );
        // Markup cleaned after the text was taken: its own text wins.
        assert_eq!(with_paragraphs("Other words", "<p>Kept</p>"), "Kept");
        assert_eq!(
            with_paragraphs(
                "Entries H ij since the 19 th century.",
                "<p>Entries H<sub>ij</sub> since the 19<sup>th</sup> century.</p>"
            ),
            "Entries Hij since the 19th century."
        );
        assert_eq!(block_text("<p>H<sub>ij</sub></p>"), "Hij");
        assert_eq!(with_paragraphs(" Only text ", ""), "Only text");
    }

    #[test]
    fn hidden_elements_and_empty_blocks_leave_nothing() {
        let html =
            "<div> </div><script>var x = 1;</script><p>  Text \n  here </p><style>p{}</style>";
        assert_eq!(block_text(html), "Text here");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = format!(
            "{}deep{}",
            "<div><span>".repeat(3_000),
            "</span></div>".repeat(3_000)
        );
        assert_eq!(block_text(&html), "deep");
    }
}
