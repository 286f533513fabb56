//! `storyline serve`: the web UI, JSON API and feeds over the database.

use crate::args::{Global, ServeArgs};
use anyhow::Context;
use std::process::ExitCode;
use storyline_serve::{AppState, Settings};
use storyline_store::AnyStore;

/// Serves until Ctrl-C.
pub fn run(store: AnyStore, args: &ServeArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
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
        // More connections to the same file for reads (WAL lets them read
        // while the writer writes): one per core, at least two.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
        let readers = (0..cores)
            .map(|_| storyline_store::open(&global.db))
            .collect::<Result<Vec<_>, _>>()
            .with_context(|| format!("cannot open {} for reading", global.db.display()))?;
        storyline_serve::serve(AppState::with_readers(store, readers, settings), listener)
            .await
            .context("the server failed")
    })?;
    Ok(ExitCode::SUCCESS)
}
