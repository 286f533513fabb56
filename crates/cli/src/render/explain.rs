//! `storyline explain ID`: why an article is in its story, as a short
//! verdict and a table of the similarity components of the best and
//! runner-up stories.

use super::cut;
use std::fmt::Write;
use storyline_core::cluster::Components;
use storyline_core::view::explain::{ArticleExplanation, AssignmentView, CandidateView, StoryRef};

/// One cell of the component table, from a candidate's components.
type Cell = fn(&Components) -> String;

/// The rows of the component table: label and value.
const ROWS: [(&str, Cell); 10] = [
    ("text", |c| format!("{:.3}", c.text)),
    ("nearest text", |c| format!("{:.3}", c.nearest_text)),
    ("names", |c| format!("{:.3}", c.names)),
    ("nearest names", |c| format!("{:.3}", c.nearest_names)),
    ("headline names", |c| format!("{:.3}", c.headline_names)),
    ("figures", |c| format!("{:.3}", c.figures)),
    ("gap (days)", |c| format!("{:.1}", c.gap_days)),
    ("brevity", |c| format!("{:.3}", c.brevity)),
    ("not English", |c| {
        if c.foreign { "yes" } else { "no" }.to_string()
    }),
    ("no capitals", |c| {
        if c.caseless { "yes" } else { "no" }.to_string()
    }),
];

/// The whole explanation.
pub fn explain(e: &ArticleExplanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", e.title);
    let _ = writeln!(
        out,
        "article {}{}",
        e.article,
        e.story
            .as_ref()
            .map_or(String::new(), |s| format!(" · story {}", story(s)))
    );
    if let Some(original) = &e.duplicate_of {
        let _ = writeln!(
            out,
            "duplicate of {} “{}”: a copy takes its original's story; why the original went there:",
            original.id,
            cut(&original.title, 60)
        );
    }
    match &e.assignment {
        Some(a) => assignment(&mut out, a),
        None => out.push_str(
            "no explanation recorded: it was stored before explanations were kept \
             (ingest it into a new store to record one)\n",
        ),
    }
    out
}

fn story(s: &StoryRef) -> String {
    let named = match &s.title {
        Some(title) => format!("{} “{}”", s.id, cut(title, 60)),
        None => s.id.to_string(),
    };
    match &s.merged_into {
        Some(survivor) => format!("{named} (since merged into {survivor})"),
        None => named,
    }
}

fn assignment(out: &mut String, a: &AssignmentView) {
    let verdict = if a.founded {
        match &a.best {
            Some(_) => format!(
                "founded story {}: the best existing story scored {:.3}, below the threshold {:.3}",
                story(&a.story),
                a.score,
                a.threshold
            ),
            None => format!(
                "founded story {}: no active story to compare with",
                story(&a.story)
            ),
        }
    } else {
        format!(
            "joined story {} with score {:.3} (threshold {:.3})",
            story(&a.story),
            a.score,
            a.threshold
        )
    };
    let _ = writeln!(out, "{verdict}");
    for m in &a.merges {
        let _ = writeln!(
            out,
            "merged story {} “{}” into {}: this article scored {:.3} against it and {:.3} \
             against {}; its weakest article scored {:.3} against {} (merge threshold {:.3})",
            m.absorbed,
            cut(&m.absorbed_title, 60),
            m.survivor,
            m.article_score,
            m.survivor_score,
            m.survivor,
            m.story_score,
            m.survivor,
            m.threshold
        );
    }
    let columns: Vec<(&str, &CandidateView)> = [("best", &a.best), ("runner-up", &a.runner_up)]
        .into_iter()
        .filter_map(|(name, c)| c.as_ref().map(|c| (name, c)))
        .collect();
    if columns.is_empty() {
        return;
    }
    out.push('\n');
    for (name, c) in &columns {
        let _ = writeln!(out, "{name:<10} {}", story(&c.story));
    }
    out.push('\n');
    let _ = write!(out, "{:<16}", "");
    for (name, _) in &columns {
        let _ = write!(out, "{name:>10}");
    }
    out.push('\n');
    let _ = write!(out, "{:<16}", "score");
    for (_, c) in &columns {
        let _ = write!(out, "{:>10.3}", c.score);
    }
    out.push('\n');
    for (label, value) in ROWS {
        let _ = write!(out, "{label:<16}");
        for (_, c) in &columns {
            let _ = write!(out, "{:>10}", value(&c.components));
        }
        out.push('\n');
    }
}
