//! One file per subcommand; each opens the store, calls the library and
//! prints through `render`.

use crate::output::outln;
mod eval;
mod ingest;
mod listing;
mod publish;
mod serve;

use crate::args::{Cli, Command};
use anyhow::Context;
use std::process::ExitCode;
use storyline_store::SqliteStore;

/// Runs the chosen subcommand and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = &cli.global;
    if let Command::Eval(command) = &cli.command {
        return eval::run(command, global);
    }
    let store = SqliteStore::open(&global.db)
        .with_context(|| format!("cannot use the database {}", global.db.display()))?;
    match &cli.command {
        Command::Eval(_) => Ok(ExitCode::SUCCESS),
        Command::Track(args) => ingest::run(store, args, global, true),
        Command::Ingest(args) => ingest::run(store, args, global, false),
        Command::Articles => listing::articles(&store, global),
        Command::Stories => listing::stories(&store, global),
        Command::Story { id } => listing::story(&store, id, global),
        Command::Search { query, limit } => listing::search(&store, query, *limit, global),
        Command::Serve(args) => serve::run(store, args, global),
        Command::Publish(args) => publish::run(&store, args, global),
    }
}

/// Writes JSON to stdout with a final newline.
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value).context("cannot encode JSON output")?;
    outln!("{text}")?;
    Ok(())
}
