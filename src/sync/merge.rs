//! Per-field last-writer-wins merging. A change sets one field of one record; the change with
//! the greatest stamp wins. Applying the same set of changes in any order, any number of times,
//! gives the same state, which is what keeps tabs and devices from losing each other's edits.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::clock::Hlc;

/// One field of one record set to a value (JSON), stamped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: String,
    pub id: String,
    pub field: String,
    pub value: serde_json::Value,
    pub stamp: Hlc,
}

/// What a replica knows: per (kind, id, field), the winning value and its stamp.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replica {
    fields: BTreeMap<(String, String, String), (Hlc, serde_json::Value)>,
}

impl Replica {
    /// Applies a change; returns whether it changed the state.
    pub fn apply(&mut self, change: &Change) -> bool {
        let key = (change.kind.clone(), change.id.clone(), change.field.clone());
        // Equal stamps never come from a well-behaved node; the value breaks the tie so that even
        // then every replica agrees.
        let wins = |stamp: &Hlc, value: &serde_json::Value| {
            (&change.stamp, change.value.to_string()) > (stamp, value.to_string())
        };
        match self.fields.get(&key) {
            Some((stamp, value)) if !wins(stamp, value) => false,
            _ => {
                self.fields
                    .insert(key, (change.stamp.clone(), change.value.clone()));
                true
            }
        }
    }

    /// The current value of a field.
    pub fn get(&self, kind: &str, id: &str, field: &str) -> Option<&serde_json::Value> {
        self.fields
            .get(&(kind.to_owned(), id.to_owned(), field.to_owned()))
            .map(|(_, v)| v)
    }

    /// The record as a JSON object of its fields.
    pub fn record(&self, kind: &str, id: &str) -> serde_json::Map<String, serde_json::Value> {
        self.fields
            .iter()
            .filter(|((k, i, _), _)| k == kind && i == id)
            .map(|((_, _, f), (_, v))| (f.clone(), v.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn change(id: u8, field: u8, value: i64, millis: i64, node: u8) -> Change {
        Change {
            kind: "plan".into(),
            id: format!("p{id}"),
            field: format!("f{field}"),
            value: value.into(),
            stamp: Hlc {
                millis,
                counter: 0,
                node: format!("n{node}"),
            },
        }
    }

    fn changes() -> impl Strategy<Value = Vec<Change>> {
        prop::collection::vec(
            (0u8..3, 0u8..3, -5i64..5, 0i64..20, 0u8..3)
                .prop_map(|(i, f, v, m, n)| change(i, f, v, m, n)),
            0..40,
        )
    }

    proptest! {
        #[test]
        fn any_order_and_repetition_gives_the_same_state(
            list in changes(),
            seed in any::<u64>(),
        ) {
            let mut forward = Replica::default();
            for c in &list {
                forward.apply(c);
            }
            // A deterministic shuffle with duplicates, as a flaky network delivers.
            let mut shuffled: Vec<&Change> = list.iter().chain(list.iter()).collect();
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let mut other = Replica::default();
            for c in shuffled {
                other.apply(c);
            }
            prop_assert_eq!(forward, other);
        }

        #[test]
        fn two_replicas_exchanging_everything_converge(a in changes(), b in changes()) {
            let mut left = Replica::default();
            let mut right = Replica::default();
            for c in &a { left.apply(c); }
            for c in &b { right.apply(c); }
            for c in &b { left.apply(c); }
            for c in &a { right.apply(c); }
            prop_assert_eq!(left, right);
        }
    }

    #[test]
    fn the_later_stamp_wins_and_an_older_one_is_ignored() {
        let mut replica = Replica::default();
        assert!(replica.apply(&change(1, 1, 10, 5, 0)));
        assert!(!replica.apply(&change(1, 1, 20, 4, 0)));
        assert!(replica.apply(&change(1, 1, 30, 6, 0)));
        assert_eq!(replica.get("plan", "p1", "f1"), Some(&30.into()));
        assert_eq!(replica.record("plan", "p1").len(), 1);
    }
}
