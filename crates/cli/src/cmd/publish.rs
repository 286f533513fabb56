//! `storyline publish OUT_DIR`: the same pages as `serve`, written as a
//! static site.

use crate::args::{Global, PublishArgs, PublishFormat};
use crate::cmd::print_json;
use crate::output::outln;
use std::process::ExitCode;
use storyline_serve::posts::publish_posts;
use storyline_serve::publish::{PublishOptions, publish};
use storyline_store::AnyStore;

/// Writes the site and says what was written.
pub fn run(store: &AnyStore, args: &PublishArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let options = PublishOptions {
        site_url: args
            .site_url
            .clone()
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string(),
    };
    if args.format == PublishFormat::Posts {
        let report = publish_posts(store, &args.out_dir)?;
        if global.json {
            print_json(&report)?;
        } else if !global.quiet {
            outln!(
                "published {} {} to {}",
                report.stories,
                if report.stories == 1 { "post" } else { "posts" },
                args.out_dir.display()
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let report = publish(store, &args.out_dir, &options)?;
    if global.json {
        print_json(&report)?;
    } else if !global.quiet {
        outln!(
            "published {} {}, {} articles, {} feeds to {}",
            report.stories,
            if report.stories == 1 {
                "story"
            } else {
                "stories"
            },
            report.articles,
            report.feeds,
            args.out_dir.join("index.html").display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
