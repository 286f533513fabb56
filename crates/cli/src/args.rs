//! Command-line arguments. Every option has a flag; the store path also
//! reads `STORYLINE_DB`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turn a stream of news articles into living stories.
#[derive(Debug, Parser)]
#[command(name = "storyline", version, about, long_about = None)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The store: a SQLite file (created when missing), or a PostgreSQL
    /// URL (`postgres://user@host/db`) for a store shared by several workers.
    #[arg(
        long,
        global = true,
        env = "STORYLINE_DB",
        default_value = "storyline.db"
    )]
    pub db: PathBuf,
    /// Print machine-readable JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what happens (-vv for debugging).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// A YAML alias book (`entities: [{name, kind, aliases}]`) that helps
    /// link names such as "the Red Devils" to "Manchester United".
    #[arg(long, global = true, env = "STORYLINE_ALIASES")]
    pub aliases: Option<PathBuf>,
    /// Do not use the built-in alias book of European football clubs.
    #[arg(long, global = true)]
    pub no_builtin_aliases: bool,
}

/// What `storyline fit` learns.
#[derive(Debug, Subcommand)]
pub enum FitCommand {
    /// The clusterer's scoring model: logistic weights over the similarity
    /// components and the joining threshold, fitted on every DIR (a labeled
    /// set `eval clustering` knows: stories-dev, giveme5w1h-news-cluster,
    /// googlenews-mstream, uci-news), with out-of-fold scores from
    /// cross-validation over folds of whole stories.
    Clusterer {
        /// Labeled set folders, e.g. ../shared/data/stories-dev.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Where to write the model (JSON); without it, only scores print.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Folds of whole stories for the out-of-fold scores (0: skip).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Seed of the fold split (0: the split the README reports; other
        /// seeds show how much out-of-fold figures move with the split).
        #[arg(long, default_value_t = 0)]
        fold_seed: u64,
        /// Also fit on a lowercased, stop-worded copy of every set (as
        /// googlenews-mstream is given), so the model learns how to score
        /// text without capitals; the copies' out-of-fold scores print too.
        #[arg(long)]
        caseless_copies: bool,
        /// Fit nothing: score the committed model in sample and, fold by
        /// fold, as the out-of-fold figures are scored (minutes, where a
        /// fit with folds takes hours in a debug build).
        #[arg(long)]
        score_only: bool,
    },
}

/// Filters of `storyline stories` (the story list's filters on `/`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StoriesArgs {
    /// Only stories with an article from this outlet (e.g. dailymail.co.uk).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only stories naming this person, organization or place among their
    /// main entities (its name or an alias, any case: `Man United`).
    #[arg(long)]
    pub entity: Option<String>,
    /// Only stories with an article in this category (any case).
    #[arg(long)]
    pub category: Option<String>,
    /// Only stories active on or after this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub from: Option<jiff::civil::Date>,
    /// Only stories begun on or before this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub to: Option<jiff::civil::Date>,
    /// List at most this many stories.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest articles, then print the stories they belong to with their timelines.
    Track(IngestArgs),
    /// Ingest articles from files and folders (recursively); `-` reads standard input.
    Ingest(IngestArgs),
    /// List stored articles.
    Articles,
    /// List stories, most recently active first, each with its state of
    /// play in one line; filter by outlet, entity, category and dates.
    Stories(StoriesArgs),
    /// Show one story as a briefing: state of play, timeline of
    /// developments, how each figure moved, where sources disagree, and the
    /// articles (an id prefix is enough).
    Story {
        /// Story id, or the start of one.
        id: String,
        /// Show only what was published after this time: `2020-09-20`, an
        /// RFC 3339 time such as `2020-09-20T12:00:00Z`, a span back from
        /// now (`24h`, `3d`, `2w`) or a day in words (`yesterday`, `last
        /// Monday`).
        #[arg(long, value_parser = parse_since)]
        since: Option<jiff::Timestamp>,
    },
    /// Show one article: metadata, text, the entities it names, the
    /// figures it reports and its stored copies (an id prefix is enough).
    Article {
        /// Article id, or the start of one.
        id: String,
    },
    /// Why an article is in its story: the story it joined or founded, its
    /// score against the threshold, and the similarity components (text,
    /// names, figures, time gap) of the best and runner-up stories.
    Explain {
        /// Article id, or the start of one.
        id: String,
    },
    /// List the figures reported (money, counts, durations) with kind,
    /// subject, holder, status and source.
    Claims {
        /// Only this story's claims (an id prefix is enough).
        #[arg(long)]
        story: Option<String>,
    },
    /// List the people, organizations and places of a story, or of all
    /// stored articles, with their aliases.
    Entities {
        /// Only this story's entities (an id prefix is enough).
        #[arg(long)]
        story: Option<String>,
    },
    /// Full-text search over stored articles (all words must match).
    Search {
        /// Words to look for.
        query: String,
        /// Most results to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Measure Storyline against labeled data and peer test suites.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Throughput benchmarks on real data (build with --release).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Learn model weights from labeled data.
    #[command(subcommand)]
    Fit(FitCommand),
    /// Serve the stories in a browser, as a JSON API and as Atom feeds.
    Serve(ServeArgs),
    /// Write the stories as a static site (browsable from disk) with feeds.
    Publish(PublishArgs),
}

/// `storyline bench`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Ingest → dedup → cluster → store into a temporary SQLite database:
    /// articles/s, time per stage and peak memory (VmHWM). PATH is a
    /// labeled clustering set's folder or any ingestable file or folder
    /// (e.g. reuters21578.jsonl.gz).
    Clustering {
        /// The set, file or folder.
        path: PathBuf,
        /// Fail unless exactly this many articles were read.
        #[arg(long)]
        expect: Option<usize>,
    },
}

/// `storyline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Bearer token that `POST /api/v1/articles` requires; without one,
    /// writes are refused.
    #[arg(long, env = "STORYLINE_API_TOKEN", hide_env_values = true)]
    pub api_token: Option<String>,
    /// Largest request body accepted, in bytes or with a K/M/G suffix.
    #[arg(long, default_value = "10M", value_parser = parse_size)]
    pub max_body: u64,
    /// The site's public URL, for absolute links in feeds (default: the
    /// listening address).
    #[arg(long)]
    pub site_url: Option<String>,
}

/// `storyline publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Folder to write the site into (created when missing; files in it are
    /// overwritten).
    pub out_dir: PathBuf,
    /// The site's public URL, for absolute links in feeds (default:
    /// relative links).
    #[arg(long)]
    pub site_url: Option<String>,
    /// What to write: the static site, or one Markdown post per story in
    /// the seeds' front matter format.
    #[arg(long, value_enum, default_value_t = PublishFormat::Site)]
    pub format: PublishFormat,
}

/// What `publish` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PublishFormat {
    /// Pages and feeds, browsable from disk.
    Site,
    /// `<story id>.md` per story, with YAML front matter.
    Posts,
}

/// The evaluations.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Money and number extraction on Microsoft Recognizers-Text specs
    /// (the `recognizers` folder: CurrencyModel.json and NumberModel.json).
    Money {
        /// The Recognizers-Text folder, e.g. ../shared/data/recognizers.
        dir: PathBuf,
        /// Print every failed case.
        #[arg(long)]
        failures: bool,
    },
    /// Story clustering against labeled stories: ingests PATHs into a
    /// temporary in-memory store in publication order and scores the stories
    /// (pairwise and B-cubed precision/recall/F1, NMI, throughput).
    Clustering {
        /// JSON Lines with `id` (file name without extension) or `path`, and
        /// `story` (null: the article belongs to no labeled story). Without
        /// it, PATH must be a known labeled set (stories-dev,
        /// giveme5w1h-news-cluster, googlenews-mstream, uci-news), told by
        /// its files.
        #[arg(long)]
        labels: Option<PathBuf>,
        /// Article files and folders, or one labeled set's folder.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Days a story keeps attracting articles after its last one; 0
        /// turns time decay off (default: the clusterer's own).
        #[arg(long)]
        active_days: Option<i64>,
        /// Time decay off (the same as `--active-days 0`).
        #[arg(long)]
        no_decay: bool,
        /// Never merge two stories (the clusterer only joins and founds).
        #[arg(long)]
        no_merges: bool,
        /// The probability a merge of two stories needs (default: the
        /// clusterer's own, 0.5).
        #[arg(long)]
        merge_threshold: Option<f32>,
        /// Cosine threshold of the single-pass TF-IDF baseline.
        #[arg(long, default_value_t = storyline_core::eval::baseline_clusterer::BASELINE_THRESHOLD)]
        baseline_threshold: f32,
        /// Only the first N articles in file order (a quick subset).
        #[arg(long)]
        limit: Option<usize>,
        /// Also list every predicted story that mixes gold stories and
        /// every gold story split apart, with the score of the article
        /// that opened each piece (JSON key `mistakes`).
        #[arg(long)]
        mistakes: bool,
    },
    /// Recall of the money figures quoted in `stories.md` of a stories-dev
    /// style folder (`stories.md`, `labels.jsonl`, `articles/`): each must
    /// be found in its article with the same amount and currency.
    Claims {
        /// The folder, e.g. ../shared/data/stories-dev.
        dir: PathBuf,
        /// Print every missed figure.
        #[arg(long)]
        failures: bool,
        /// Hand labels of claim fields (`testdata/claims/labels.jsonl`):
        /// also score kind, subject, holder and status per half.
        #[arg(long)]
        fields: Option<PathBuf>,
    },
    /// Source detection on PolNeAR's test split (brat `Source` spans):
    /// precision and recall as exact span match and as token overlap.
    Attribution {
        /// The PolNeAR folder, e.g. ../shared/data/attribution/polnear.
        dir: PathBuf,
    },
    /// Duplicate detection against labeled duplicates: ingests PATHs into a
    /// temporary in-memory store and scores the copies found on unordered
    /// pairs inside duplicate groups (precision, recall, F1).
    Dedup {
        /// JSON Lines with `id` (file name without extension) and
        /// `duplicate_of` (null for originals); `url`, `date`, `outlet` and
        /// `lang` are passed to ingestion as a crawler would supply them.
        #[arg(long)]
        labels: PathBuf,
        /// Article files and folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print each missed and each wrong pair.
        #[arg(long)]
        failures: bool,
    },
    /// Timeline summarization on Timeline17 (`timelines/t17`): for each gold
    /// timeline, builds one from its folder's `articles.json` with the gold's
    /// number of dates and sentences per date, and scores Date-F1 and
    /// alignment-based ROUGE-1/2 F1 (AR1/AR2, as tilse defines them).
    Timeline {
        /// The Timeline17 folder, e.g. ../shared/data/timelines/t17.
        dir: PathBuf,
        /// Also write each built timeline and its gold as JSON
        /// (`[{date, sentences}]`) into this folder, for
        /// `scripts/tilse_check.py`.
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Build each timeline from every publisher's articles on its topic
        /// (folders `TOPIC_publisher` share a topic), as the published
        /// systems did, instead of from its own folder only.
        #[arg(long)]
        pooled: bool,
        /// The date ranker: out-of-fold (each topic ranked by a model
        /// fitted on the other topics: the honest figure), committed (the
        /// compiled-in model, in-sample on T17) or hand-set.
        #[arg(long, value_enum, default_value = "out-of-fold")]
        ranker: crate::cmd::eval_timeline::Ranker,
        /// Also fit the date ranker on every topic and write it here
        /// (crates/core/src/timeline/date_model.json is the committed one).
        #[arg(long)]
        refit: Option<PathBuf>,
        /// Pick days anywhere in the articles' coverage, not only within
        /// the gold timeline's first and last days (the standard protocol,
        /// as news-tls evaluates DATEWISE, restricts to that span).
        #[arg(long)]
        full_span: bool,
    },
    /// Date expressions resolved against a reference date, on the
    /// Recognizers-Text DateTimeModel.json (date and date-range cases).
    Dates {
        /// The Recognizers-Text folder, e.g. ../shared/data/recognizers.
        dir: PathBuf,
        /// Print every failed case.
        #[arg(long)]
        failures: bool,
    },
    /// Main-text extraction from HTML pages, scored as the benchmark in DIR
    /// scores it (the Zyte article-extraction benchmark, or trafilatura's
    /// evaldata), printed beside the published table.
    Extraction {
        /// The benchmark folder, e.g. ../shared/data/extraction/zyte.
        dir: PathBuf,
        /// Which extractor: combined, trafilatura or dom_smoothie.
        #[arg(long, default_value = "combined")]
        extractor: String,
        /// Print each page's scores, worst first.
        #[arg(long)]
        pages: bool,
    },
    /// Publication dates from HTML pages, on htmldate's benchmark (the
    /// `pubdates` folder), with htmldate's metric.
    Pubdates {
        /// The benchmark folder, e.g. ../shared/data/pubdates.
        dir: PathBuf,
        /// Print every wrong or missing date.
        #[arg(long)]
        failures: bool,
    },
}

/// What to ingest and how.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to read; `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Largest input accepted (decompressed size for gzip), in bytes or with
    /// a K/M/G suffix; larger inputs are refused one by one.
    #[arg(long = "max-file-size", alias = "max-size", default_value = "64M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Parse every input as this format instead of detecting it from the
    /// content.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Rebuild the clusterer's state by replaying every stored article
    /// instead of loading the snapshot saved with the last batch (a valid
    /// snapshot gives the same stories; this is for doubt or debugging).
    /// A fresh snapshot is saved either way.
    #[arg(long)]
    pub rebuild_state: bool,
}

/// The input formats `--format` can force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Markdown or text with YAML front matter.
    FrontMatter,
    /// Plain text, optionally led by ` date YYYY-MM-DD`.
    PlainText,
    /// JSON Lines, one article object per line.
    Jsonl,
    /// RSS 2.0 (or 1.0/0.9x) feed.
    Rss,
    /// Atom feed.
    Atom,
    /// JSON Feed.
    JsonFeed,
    /// An HTML article page.
    Html,
}

impl From<FormatArg> for storyline_core::model::SourceFormat {
    fn from(format: FormatArg) -> Self {
        use storyline_core::model::SourceFormat as F;
        match format {
            FormatArg::FrontMatter => F::FrontMatter,
            FormatArg::PlainText => F::PlainText,
            FormatArg::Jsonl => F::JsonLines,
            FormatArg::Rss => F::Rss,
            FormatArg::Atom => F::Atom,
            FormatArg::JsonFeed => F::JsonFeed,
            FormatArg::Html => F::Html,
        }
    }
}

/// Parses `--since` against the current time (see
/// [`storyline_core::view::since::parse_since`]).
fn parse_since(text: &str) -> Result<jiff::Timestamp, String> {
    storyline_core::view::since::parse_since(text, jiff::Timestamp::now())
        .map_err(|e| e.to_string())
}

/// Parses `1024`, `512K`, `10M`, `1G` (binary multiples).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, multiplier) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let multiplier = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix '{c}' (use K, M or G)")),
            };
            (&text[..i], multiplier)
        }
        _ => (text, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .map_err(|_| format!("'{text}' is not a size (e.g. 10M)"))
        .and_then(|n| {
            n.checked_mul(multiplier)
                .ok_or_else(|| "size too large".to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::{parse_since, parse_size};

    #[test]
    fn since_reads_the_current_time() {
        assert_eq!(
            parse_since("2020-09-20").unwrap().to_string(),
            "2020-09-20T00:00:00Z"
        );
        assert!(parse_since("soon-ish").is_err());
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("10M"), Ok(10 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5T").is_err());
    }
}
