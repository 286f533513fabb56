//! `storyline serve`: the web UI, JSON API and feeds over the database.

use crate::args::{Global, ServeArgs};
use anyhow::Context;
use std::process::ExitCode;
use storyline_serve::{AppState, Settings};
use storyline_store::AnyStore;

/// Serves until Ctrl-C. The stores are opened, and dropped at the end,
/// outside the async runtime: the sync PostgreSQL client runs a runtime of
/// its own and panics inside another one.
pub fn run(store: AnyStore, args: &ServeArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(args.addr))
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let local = listener
        .local_addr()
        .context("cannot read the bound address")?;
    let site_url = args
        .site_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"))
        .trim_end_matches('/')
        .to_string();
    let settings = Settings {
        api_token: args.api_token.clone().filter(|t| !t.is_empty()),
        body_limit: usize::try_from(args.max_body).unwrap_or(usize::MAX),
        site_url,
    };
    if !global.quiet {
        eprintln!(
            "serving {} on http://{local} (writes {}); Ctrl-C stops",
            global.db.display(),
            if settings.api_token.is_some() {
                "need the API token"
            } else {
                "disabled"
            }
        );
    }
    // More connections to the same database for reads (SQLite's WAL lets
    // them read while the writer writes): one per core, at least two.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
    let readers = (0..cores)
        .map(|_| storyline_store::open(&global.db))
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("cannot open {} for reading", global.db.display()))?;
    let state = AppState::with_readers(store, readers, settings);
    let served = runtime.block_on(storyline_serve::serve(state.clone(), listener));
    // The runtime first, so this is the last reference to the stores.
    drop(runtime);
    drop(state);
    served.context("the server failed")?;
    Ok(ExitCode::SUCCESS)
}
