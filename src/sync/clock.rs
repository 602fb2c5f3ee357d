//! Hybrid logical clock: wall time in milliseconds, a counter for events in the same
//! millisecond, and the node that made them, so every change has a unique, ordered stamp even when
//! device clocks disagree. The wall time is always passed in: this module never reads a clock.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub millis: i64,
    pub counter: u32,
    pub node: String,
}

impl Hlc {
    pub fn new(node: impl Into<String>) -> Self {
        Self {
            millis: 0,
            counter: 0,
            node: node.into(),
        }
    }

    /// The stamp of a local event at wall time `now`.
    pub fn tick(&mut self, now: i64) -> Hlc {
        if now > self.millis {
            self.millis = now;
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        self.clone()
    }

    /// Moves the clock past a stamp received from another node.
    pub fn observe(&mut self, remote: &Hlc, now: i64) {
        let max = self.millis.max(remote.millis).max(now);
        self.counter = if max == self.millis && max == remote.millis {
            self.counter.max(remote.counter) + 1
        } else if max == self.millis {
            self.counter + 1
        } else if max == remote.millis {
            remote.counter + 1
        } else {
            0
        };
        self.millis = max;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_only_grow_even_when_the_wall_clock_goes_back() {
        let mut clock = Hlc::new("a");
        let first = clock.tick(1_000);
        let second = clock.tick(900);
        let third = clock.tick(1_000);
        assert!(first < second && second < third);
    }

    #[test]
    fn observing_a_remote_stamp_orders_later_events_after_it() {
        let mut a = Hlc::new("a");
        let mut b = Hlc::new("b");
        let remote = b.tick(5_000);
        a.observe(&remote, 1_000);
        assert!(a.tick(1_000) > remote);
    }
}
