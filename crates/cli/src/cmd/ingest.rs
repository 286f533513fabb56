//! `storyline ingest` and `storyline track`: read inputs into the store; track
//! then tells the stories those inputs belong to.

use crate::args::{Global, IngestArgs};
use crate::cmd::print_json;
use crate::output::{out, outln};
use crate::progress::Bar;
use crate::render;
use anyhow::Context;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline_core::ingest::{InputDocument, discover, read_document};
use storyline_core::model::SourceFormat;
use storyline_core::pipeline::{Pipeline, SnapshotMode};
use storyline_core::view::{StoryOptions, story_detail_with, story_summaries};
use storyline_core::{IngestError, IngestErrorKind, StoryId};
use storyline_store::AnyStore;

/// Exit code when some inputs failed but the rest were stored.
const PARTIAL_FAILURE: u8 = 3;

/// Ingests `args.paths`; with `tell`, prints the touched stories too.
pub fn run(
    store: AnyStore,
    args: &IngestArgs,
    global: &Global,
    tell: bool,
) -> anyhow::Result<ExitCode> {
    // A bad alias file is reported before anything is ingested.
    let book = crate::cmd::alias_book(global)?;
    let stdin_requested = args.paths.iter().any(|p| p == Path::new("-"));
    let file_paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| *p != Path::new("-"))
        .cloned()
        .collect();
    let discovery = discover(&file_paths);
    if discovery.skipped > 0 {
        tracing::info!(
            "skipped {} hidden or non-article files in folders",
            discovery.skipped
        );
    }
    let mut inputs: Vec<Result<InputDocument, IngestError>> =
        discovery.errors.into_iter().map(Err).collect();
    if stdin_requested {
        inputs.push(read_stdin(args.max_file_size));
    }
    let total = discovery.files.len() + inputs.len();
    let max_size = args.max_file_size;
    let format = args.format.map(SourceFormat::from);
    let force = move |doc: InputDocument| match format {
        Some(format) => doc.with_format(format),
        None => doc,
    };
    let inputs: Vec<_> = inputs.into_iter().map(|r| r.map(force)).collect();
    let lazy_files = discovery
        .files
        .into_iter()
        .map(move |path| read_document(&path, max_size).map(force));
    let mut bar = Bar::new(total, global.quiet);
    let snapshots = if args.rebuild_state {
        SnapshotMode::Rebuild
    } else {
        SnapshotMode::Use
    };
    let mut pipeline = Pipeline::new(store).with_snapshots(snapshots);
    let report = pipeline
        .ingest(inputs.into_iter().chain(lazy_files), &mut bar)
        .context("ingest failed; nothing of this batch was stored")?;
    bar.finish();

    print_failures(&report.failures, global.verbose > 0);
    let store = pipeline.into_store();
    let touched: BTreeSet<StoryId> = report
        .articles
        .iter()
        .filter_map(|a| a.story.clone())
        .collect();
    let options = StoryOptions {
        since: None,
        aliases: book.as_ref(),
    };
    if global.json {
        if tell {
            let mut stories = Vec::new();
            for summary in story_summaries(&store)? {
                if touched.contains(&summary.id) {
                    stories.push(story_detail_with(&store, &summary.id, &options)?);
                }
            }
            print_json(&serde_json::json!({ "report": report, "stories": stories }))?;
        } else {
            print_json(&report)?;
        }
    } else {
        if !global.quiet {
            outln!("{}", report.summary())?;
        }
        if tell {
            for summary in story_summaries(&store)?
                .iter()
                .filter(|s| touched.contains(&s.id))
            {
                let detail = story_detail_with(&store, &summary.id, &options)?;
                outln!()?;
                out!("{}", render::story(summary, &detail, &store)?)?;
            }
        }
    }
    Ok(if report.failed > 0 && report.failed == report.read {
        ExitCode::from(1)
    } else if report.failed > 0 {
        ExitCode::from(PARTIAL_FAILURE)
    } else {
        ExitCode::SUCCESS
    })
}

/// How many failures of one reason are listed before the rest are
/// counted: a feed or archive of thousands of items can hold hundreds
/// without text, and a screenful of the same line hides the other reasons.
const LISTED_PER_REASON: usize = 10;

/// Prints the inputs that failed on stderr, each with its reason; past
/// [`LISTED_PER_REASON`] of one reason the rest are counted in one line
/// (all listed with `verbose`; `--json` reports every one).
fn print_failures(failures: &[IngestError], verbose: bool) {
    let mut by_reason: Vec<(std::mem::Discriminant<IngestErrorKind>, &IngestError, usize)> =
        Vec::new();
    for failure in failures {
        let reason = std::mem::discriminant(&failure.kind);
        let seen = match by_reason.iter_mut().find(|(r, _, _)| *r == reason) {
            Some((_, _, count)) => {
                *count += 1;
                *count
            }
            None => {
                by_reason.push((reason, failure, 1));
                1
            }
        };
        if verbose || seen <= LISTED_PER_REASON {
            eprintln!("error: {failure}");
        }
    }
    if verbose {
        return;
    }
    for (_, first, count) in by_reason {
        if count > LISTED_PER_REASON {
            eprintln!(
                "error: … and {} more like \"{}\" (-v lists every one)",
                count - LISTED_PER_REASON,
                first.kind
            );
        }
    }
}

fn read_stdin(max_size: u64) -> Result<InputDocument, IngestError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new("-", IngestErrorKind::Io(e)))?;
    if bytes.len() as u64 > max_size {
        return Err(IngestError::new(
            "-",
            IngestErrorKind::TooLarge {
                size: bytes.len() as u64,
                limit: max_size,
            },
        ));
    }
    // Same decoding as files: gzip, then HTML charsets, else UTF-8.
    let text = storyline_core::ingest::decode_bytes(bytes, max_size)
        .map_err(|kind| IngestError::new("-", kind))?;
    Ok(InputDocument::from_text("-", text))
}
