//! Records found by their ID without a copy of each ID: an import of 200,000 posts would
//! otherwise hold 200,000 more strings. Keyed by the ID's hash; the rare ID whose hash another
//! one has is kept apart by its text.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

pub struct IdIndex {
    by_hash: HashMap<u64, usize, BuildHasherDefault<Prehashed>>,
    shared_hash: HashMap<String, usize>,
}

/// The hasher of keys that are hashes already (XXH3's, well mixed in every bit): each key is its
/// own hash, not hashed again.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl IdIndex {
    pub fn with_capacity(n: usize) -> Self {
        IdIndex {
            by_hash: HashMap::with_capacity_and_hasher(n, BuildHasherDefault::default()),
            shared_hash: HashMap::new(),
        }
    }

    /// An ID's hash: XXH3 (several times quicker than the standard library's SipHash in
    /// WebAssembly, on IDs of about 16 bytes).
    pub fn hash(id: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(id.as_bytes())
    }

    /// Where the record with this ID is; `id_at(i)` is the ID of the record at `i`.
    pub fn find<'a>(&self, id: &str, id_at: impl Fn(usize) -> &'a str) -> Option<usize> {
        self.find_hashed(Self::hash(id), id, id_at)
    }

    fn find_hashed<'a>(
        &self,
        hash: u64,
        id: &str,
        id_at: impl Fn(usize) -> &'a str,
    ) -> Option<usize> {
        match self.by_hash.get(&hash) {
            Some(&at) if id_at(at) == id => Some(at),
            Some(_) => self.shared_hash.get(id).copied(),
            None => None,
        }
    }

    /// Where the record with this ID (of this [`hash`](Self::hash)) is, if one is known;
    /// otherwise records that it is at `at` (one look in the map, two when another ID has the
    /// same hash, where [`find`](Self::find) then [`insert`](Self::insert) take twice that).
    pub fn find_or_insert_hashed<'a>(
        &mut self,
        hash: u64,
        id: &str,
        at: usize,
        id_at: impl Fn(usize) -> &'a str,
    ) -> Option<usize> {
        match self.by_hash.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(at);
                None
            }
            Entry::Occupied(e) if id_at(*e.get()) == id => Some(*e.get()),
            Entry::Occupied(_) => match self.shared_hash.entry(id.to_owned()) {
                Entry::Occupied(e) => Some(*e.get()),
                Entry::Vacant(e) => {
                    e.insert(at);
                    None
                }
            },
        }
    }

    /// Records where a record [`find`](Self::find) did not find is.
    pub fn insert(&mut self, id: &str, at: usize) {
        self.insert_hashed(Self::hash(id), id, at);
    }

    fn insert_hashed(&mut self, hash: u64, id: &str, at: usize) {
        match self.by_hash.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(at);
            }
            Entry::Occupied(_) => {
                self.shared_hash.insert(id.to_owned(), at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_share_a_hash_are_told_apart() {
        let ids = ["a", "b", "c"];
        let id_at = |i: usize| ids[i];
        let mut index = IdIndex::with_capacity(3);
        // All three under one hash: the first by hash, the others by their text.
        for (at, id) in ids.iter().enumerate() {
            assert_eq!(index.find_hashed(7, id, id_at), None);
            index.insert_hashed(7, id, at);
        }
        for (at, id) in ids.iter().enumerate() {
            assert_eq!(index.find_hashed(7, id, id_at), Some(at));
        }
        assert_eq!(index.find_hashed(7, "d", id_at), None);
        assert_eq!(index.find_hashed(8, "a", id_at), None);
        // The real hash finds what was inserted under it.
        let mut index = IdIndex::with_capacity(3);
        index.insert("b", 1);
        assert_eq!(index.find("b", id_at), Some(1));
        assert_eq!(index.find("a", id_at), None);
    }

    #[test]
    fn find_or_insert_finds_what_it_inserted() {
        let ids = ["a", "b", "c", "a", "c"];
        let id_at = |i: usize| ids[i];
        // Under one hash (the rare case) and under each ID's own.
        let mut shared = IdIndex::with_capacity(5);
        let mut own = IdIndex::with_capacity(5);
        let mut found = (Vec::new(), Vec::new());
        for (at, id) in ids.iter().enumerate() {
            found.0.push(shared.find_or_insert_hashed(7, id, at, id_at));
            found
                .1
                .push(own.find_or_insert_hashed(IdIndex::hash(id), id, at, id_at));
        }
        let expected = vec![None, None, None, Some(0), Some(2)];
        assert_eq!(found, (expected.clone(), expected));
        assert_eq!(shared.find_hashed(7, "b", id_at), Some(1));
        assert_eq!(own.find("c", id_at), Some(2));
    }
}
