//! Named entities: people, organizations and places found in text with
//! their spans ([`find_mentions`]), and mentions grouped into entities with
//! their aliases ([`resolve`]): `Manchester United` = `Man United` =
//! `United` = `the Red Devils`, `Chris Smalling` = `Smalling`.
//!
//! Rules, no statistical model: capitalized-word runs, cue words for the
//! kind, and alias rules that link short forms to the full name seen in the
//! same text or story. An optional [`AliasBook`] (YAML) adds aliases the
//! text cannot reveal, such as nicknames.

mod aliases;
mod kind;
mod mentions;
mod places;
mod resolve;

pub use aliases::{AliasBook, AliasError, KnownEntity, name_key};
pub use kind::EntityKind;
pub use mentions::{Mention, find_mentions};
pub(crate) use mentions::{NOT_NAMES, office_start};
pub use resolve::{Entity, resolve};
