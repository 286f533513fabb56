//! `storyline`: the command-line front end. Each subcommand lives in
//! `cmd/` and only wires library calls together; rendering for humans is in
//! `render.rs`.
//!
//! Exit codes: 0 success; 1 error (the store failed, an unknown story, or
//! no input could be read at all); 2 usage error; 3 some inputs could not be
//! ingested (the rest were stored).

mod args;
mod cmd;
mod output;
mod progress;
mod render;

use clap::Parser;
use std::process::ExitCode;

/// The allocator of the whole program: the pipeline allocates and frees
/// many small vectors and strings per article (tokens, term vectors,
/// candidates), where mimalloc takes about a tenth fewer instructions
/// than the system allocator over a whole ingest (README, "Measured",
/// session 9). It is built without transparent huge pages (`no_thp`):
/// with them the kernel zeroed 2 MiB pages the program barely used, about
/// a tenth of the CPU of a headline ingest (docs/MEASUREMENTS.md, session
/// 13). Results do not depend on it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    init_logging(&args.global);
    // A third-party parser's panic on one hostile file becomes an error
    // naming that file; its panic message stays off the terminal.
    storyline_core::ingest::guard::quiet_caught_panics();
    match cmd::run(args) {
        Ok(code) => code,
        Err(err) if output::is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Logs go to stderr: warnings by default, more with `-v`, none with `-q`;
/// `RUST_LOG` overrides.
fn init_logging(global: &args::Global) {
    let level = match (global.quiet, global.verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    // The HTML parser and extractors log their own recoveries from broken
    // markup as warnings: noise for users, so only from `-vv` on.
    let quiet_deps = if global.verbose >= 2 {
        String::new()
    } else {
        ",html5ever=error,trafilatura=error,dom_smoothie=error,dom_query=error".to_string()
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("{level}{quiet_deps}")));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}
