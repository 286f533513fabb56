//! Calls into third-party parsers that may panic on hostile input (the
//! HTML extractors, the feed parser): a panic becomes an error for that one
//! document, and the rest of the batch goes on.
//!
//! Rust's default panic hook prints "thread panicked at …" to stderr
//! before the panic is caught, which reads like a crash to a user whose
//! ingest in fact went on. [`inside_guard`] tells a program's panic hook
//! that the panic under way will be caught and reported as an input
//! error; [`quiet_caught_panics`] installs a hook that keeps such panics
//! off the terminal (they are logged at debug level) and hands every other
//! panic to the hook installed before it (the `storyline` binary's default
//! hook, the fuzzer's abort).

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    /// How many guarded calls this thread is inside (guards can nest).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// True while this thread runs a guarded third-party call: a panic hook
/// may then stay quiet, since the panic becomes an input error.
pub fn inside_guard() -> bool {
    DEPTH.with(|depth| depth.get() > 0)
}

/// Wraps the current panic hook so that panics a guard will catch are
/// only logged at debug level: one hostile file makes an error naming it,
/// not a "thread panicked at …" that reads like a crash of an ingest that
/// went on. Every other panic goes to the previous hook as before.
pub fn quiet_caught_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if inside_guard() {
            tracing::debug!("a parser panicked, caught as an input error: {info}");
        } else {
            previous(info);
        }
    }));
}

/// Leaves the guard when dropped, also while unwinding.
struct Entered;

impl Entered {
    fn enter() -> Self {
        DEPTH.with(|depth| depth.set(depth.get() + 1));
        Entered
    }
}

impl Drop for Entered {
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// Runs `f`; a panic inside it comes back as its message.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let entered = Entered::enter();
    let result = catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown failure".into())
    });
    drop(entered);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_guard_is_left() {
        assert!(!inside_guard());
        let result: Result<(), String> = guarded(|| {
            assert!(inside_guard());
            panic!("slice index out of range")
        });
        assert_eq!(result, Err("slice index out of range".to_string()));
        assert!(!inside_guard(), "the guard is left after a caught panic");
    }

    #[test]
    fn guards_nest_and_a_value_passes_through() {
        let outer = guarded(|| {
            let inner = guarded(|| 2);
            (inner, inside_guard())
        });
        assert_eq!(outer, Ok((Ok(2), true)));
        assert!(!inside_guard());
    }
}
