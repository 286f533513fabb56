//! One file per subcommand; each opens the store, calls the library and
//! prints through `render`.

use crate::output::outln;
mod bench;
mod clustering_mistakes;
mod eval;
mod eval_clustering;
mod eval_pages;
pub(crate) mod eval_timeline;
mod fit;
mod ingest;
mod listing;
mod publish;
mod serve;

use crate::args::{Cli, Command};
use anyhow::Context;
use std::process::ExitCode;
use storyline_extract::entities::AliasBook;

/// Runs the chosen subcommand and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = &cli.global;
    if let Command::Eval(command) = &cli.command {
        return eval::run(command, global);
    }
    if let Command::Bench(command) = &cli.command {
        return bench::run(command, global);
    }
    if let Command::Fit(command) = &cli.command {
        return fit::run(command, global);
    }
    let store = storyline_store::open(&global.db)
        .with_context(|| format!("cannot use the database {}", global.db.display()))?;
    match &cli.command {
        Command::Eval(_) | Command::Bench(_) | Command::Fit(_) => Ok(ExitCode::SUCCESS),
        Command::Track(args) => ingest::run(store, args, global, true),
        Command::Ingest(args) => ingest::run(store, args, global, false),
        Command::Articles => listing::articles(&store, global),
        Command::Stories(args) => listing::stories(&store, args, global),
        Command::Story { id, since } => listing::story(&store, id, *since, global),
        Command::Article { id } => listing::article(&store, id, global),
        Command::Explain { id } => listing::explain(&store, id, global),
        Command::Claims { story } => listing::claims(&store, story.as_deref(), global),
        Command::Entities { story } => listing::entities(&store, story.as_deref(), global),
        Command::Search { query, limit } => listing::search(&store, query, *limit, global),
        Command::Serve(args) => serve::run(store, args, global),
        Command::Publish(args) => publish::run(&store, args, global),
    }
}

/// The alias book the options ask for: the built-in football clubs book
/// (unless `--no-builtin-aliases`) plus the user's `--aliases` file.
pub fn alias_book(global: &crate::args::Global) -> anyhow::Result<Option<AliasBook>> {
    let mut entities = Vec::new();
    if !global.no_builtin_aliases {
        let builtin = storyline_core::facts::names::builtin_alias_book()
            .ok_or_else(|| anyhow::anyhow!("the built-in alias book is malformed"))?;
        entities.extend(builtin.entities().iter().cloned());
    }
    if let Some(path) = &global.aliases {
        let book = AliasBook::load(path)?;
        entities.extend(book.entities().iter().cloned());
    }
    Ok((!entities.is_empty()).then(|| AliasBook::new(entities)))
}

/// Writes JSON to stdout with a final newline.
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value).context("cannot encode JSON output")?;
    outln!("{text}")?;
    Ok(())
}
