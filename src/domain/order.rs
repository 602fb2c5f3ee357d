//! One stable sort for every record type. `sort_by` is generic over the item type, so each type
//! sorted would carry its own copy of the whole sorting algorithm into the page's download (18
//! copies for a workspace's collections). Here the algorithm sorts positions, calling the
//! comparison through a reference, and the items are then moved into place by swaps, without a
//! second copy of the collection.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `sort_by`).
pub fn sort_stable<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items
        .windows(2)
        .all(|pair| compare(&pair[0], &pair[1]) != Ordering::Greater)
    {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Positions `0..len` in the order `compare` gives them (stable).
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that position `i` holds the item that was at `order[i]`, following each
/// cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn sorts_like_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            let mut ours = items.clone();
            sort_stable(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn a_reversed_list_is_turned_around() {
        let mut items: Vec<String> = (0..10).rev().map(|i| i.to_string()).collect();
        sort_stable(&mut items, |a, b| a.cmp(b));
        let expected: Vec<String> = (0..10).map(|i| i.to_string()).collect();
        assert_eq!(items, expected);
    }
}
