//! The column layout of posts in a report file's data block: one list per field instead of one
//! object per post; profiles, formats and batches as indexes into a list of their distinct
//! values; post IDs and permalinks after the beginning they share with the previous one; times as
//! seconds since the previous post's, and one offset when all posts share it; metrics as a list of
//! values per post whose names are one of a few shared metric sets, whole numbers without a
//! fraction. A year of 100,000 posts takes less than half the bytes to write and to compress than
//! as objects. A workspace file holds `posts` either as a list of objects or
//! as an object in this layout (`"layout": "columns"`); [`expand`] turns the latter back into the
//! objects the restore path reads. A field added to posts needs a column in both (the round-trip
//! test in `tests/it/workspace_file.rs` builds a post with every field).

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

use super::migrate::RestoreError;
use crate::domain::{Metric, Post};

/// The `layout` of posts written as columns.
pub const LAYOUT: &str = "columns";

/// Posts to be written as columns.
pub struct PostColumns<'a>(pub &'a [&'a Post]);

/// A list written from each post.
struct Column<'a, F>(&'a [&'a Post], F);

impl<'a, T: Serialize, F: Fn(&'a Post) -> T> Serialize for Column<'a, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for post in self.0 {
            seq.serialize_element(&(self.1)(post))?;
        }
        seq.end()
    }
}

fn column<'a, T: Serialize, F: Fn(&'a Post) -> T>(posts: &'a [&'a Post], f: F) -> Column<'a, F> {
    Column(posts, f)
}

/// A metric value: whole numbers are written without a fraction (`1200`, not `1200.0`).
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Below 2^53 every whole f64 is exactly an i64 and reads back as the same f64.
        if self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl Serialize for PostColumns<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let posts = self.0;
        // Posts come in runs of one profile, format, batch and set of metrics: each list of
        // distinct values is small, and the previous answer is tried first.
        let mut profiles: Vec<&str> = Vec::new();
        let profile = indexes(
            posts,
            &mut profiles,
            |k, p| *k == p.profile.as_str(),
            |p| p.profile.as_str(),
        );
        let mut formats = Vec::new();
        let format = indexes(posts, &mut formats, |k, p| *k == p.format, |p| p.format);
        let mut batches: Vec<&str> = Vec::new();
        let with_batch: Vec<&Post> = posts
            .iter()
            .copied()
            .filter(|p| p.batch.is_some())
            .collect();
        fn batch_of(p: &Post) -> &str {
            p.batch.as_ref().map_or("", |b| b.as_str())
        }
        let mut batch_index = indexes(
            &with_batch,
            &mut batches,
            |k, p| *k == batch_of(p),
            batch_of,
        )
        .into_iter();
        let batch: Vec<Option<usize>> = posts
            .iter()
            .map(|p| p.batch.as_ref().and_then(|_| batch_index.next()))
            .collect();
        let mut metric_sets: Vec<Vec<Metric>> = Vec::new();
        let metric_set = indexes(
            posts,
            &mut metric_sets,
            |k, p| p.metrics.keys().eq(k.iter()),
            |p| p.metrics.keys().copied().collect(),
        );
        let promoted: Vec<usize> = (0..posts.len()).filter(|i| posts[*i].promoted).collect();
        let any_nanos = posts
            .iter()
            .any(|p| p.published.timestamp_subsec_nanos() != 0);
        let offset_of = |p: &Post| p.published.offset().local_minus_utc();
        let one_offset = posts
            .first()
            .map(|p| offset_of(p))
            .filter(|first| posts.iter().all(|p| offset_of(p) == *first));

        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("layout", LAYOUT)?;
        map.serialize_entry("count", &posts.len())?;
        map.serialize_entry(
            "id",
            &front_coded(posts.iter().map(|p| Some(p.id.as_str()))),
        )?;
        map.serialize_entry("profiles", &profiles)?;
        map.serialize_entry("profile", &profile)?;
        map.serialize_entry("seconds", &differences(posts))?;
        if any_nanos {
            map.serialize_entry(
                "nanos",
                &column(posts, |p| p.published.timestamp_subsec_nanos()),
            )?;
        }
        match one_offset {
            Some(offset) => map.serialize_entry("offset", &offset)?,
            None => map.serialize_entry("offset", &column(posts, offset_of))?,
        }
        map.serialize_entry("formats", &formats)?;
        map.serialize_entry("format", &format)?;
        map.serialize_entry("text", &column(posts, |p| p.text.as_str()))?;
        map.serialize_entry(
            "permalink",
            &front_coded(posts.iter().map(|p| p.permalink.as_deref())),
        )?;
        map.serialize_entry("promoted", &promoted)?;
        if !batches.is_empty() {
            map.serialize_entry("batches", &batches)?;
            map.serialize_entry("batch", &batch)?;
        }
        map.serialize_entry("metric_sets", &metric_sets)?;
        map.serialize_entry("metric_set", &metric_set)?;
        map.serialize_entry(
            "metrics",
            &column(posts, |p| Values(p.metrics.values().copied())),
        )?;
        map.end()
    }
}

/// Each post's index in `distinct`, a list of the distinct keys of the posts in order of
/// appearance; `same` tells whether a post has a key, `make` makes a post's key.
fn indexes<'a, K>(
    posts: &[&'a Post],
    distinct: &mut Vec<K>,
    same: impl Fn(&K, &'a Post) -> bool,
    make: impl Fn(&'a Post) -> K,
) -> Vec<usize> {
    let mut last = usize::MAX;
    posts
        .iter()
        .map(|p| {
            if !distinct.get(last).is_some_and(|k| same(k, p)) {
                last = distinct.iter().position(|k| same(k, p)).unwrap_or_else(|| {
                    distinct.push(make(p));
                    distinct.len() - 1
                });
            }
            last
        })
        .collect()
}

/// Each post's time in seconds since the previous post's (the first: since 1970); a
/// profile's posts are close in time, so the numbers are short.
fn differences(posts: &[&Post]) -> Vec<i64> {
    let mut previous = 0i64;
    posts
        .iter()
        .map(|p| {
            let seconds = p.published.timestamp();
            let difference = seconds.wrapping_sub(previous);
            previous = seconds;
            difference
        })
        .collect()
}

/// A text: `null`, the whole text, or `[n, rest]` for the first `n` bytes of the previous text
/// followed by `rest` (a profile's post IDs and permalinks differ only in their last part).
enum Link<'a> {
    None,
    Whole(&'a str),
    Shared(usize, &'a str),
}

impl Serialize for Link<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Link::None => serializer.serialize_none(),
            Link::Whole(text) => serializer.serialize_str(text),
            Link::Shared(n, rest) => (n, rest).serialize(serializer),
        }
    }
}

/// The length of the beginning two texts share, on a character boundary of `b`.
fn shared_len(a: &str, b: &str) -> usize {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut n = 0;
    // Eight bytes at a time, then the first differing byte within them.
    while n + 8 <= x.len().min(y.len()) {
        let mut u = [0u8; 8];
        let mut v = [0u8; 8];
        u.copy_from_slice(&x[n..n + 8]);
        v.copy_from_slice(&y[n..n + 8]);
        let diff = u64::from_le_bytes(u) ^ u64::from_le_bytes(v);
        if diff != 0 {
            n += (diff.trailing_zeros() / 8) as usize;
            break;
        }
        n += 8;
    }
    if n + 8 > x.len().min(y.len()) {
        n += x[n..]
            .iter()
            .zip(&y[n..])
            .take_while(|(a, b)| a == b)
            .count();
    }
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn front_coded<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> Vec<Link<'a>> {
    let mut previous: Option<&str> = None;
    texts
        .map(|text| {
            let Some(text) = text else {
                return Link::None;
            };
            let shared = previous.map_or(0, |before| shared_len(before, text));
            previous = Some(text);
            if shared > 4 {
                Link::Shared(shared, &text[shared..])
            } else {
                Link::Whole(text)
            }
        })
        .collect()
}

/// A post's metric values, in the order of its metric set.
struct Values<I>(I);

impl<I: Iterator<Item = f64> + Clone> Serialize for Values<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for v in self.0.clone() {
            seq.serialize_element(&Number(v))?;
        }
        seq.end()
    }
}

fn invalid(field: &str, detail: impl Into<String>) -> RestoreError {
    RestoreError::Invalid {
        path: format!("posts.{field}"),
        detail: detail.into(),
    }
}

/// Whether a `posts` value is in the column layout.
pub fn is_columns(value: &Map<String, Value>) -> bool {
    value.get("layout").and_then(Value::as_str) == Some(LAYOUT)
}

/// The posts of a column layout as one object each, as a workspace file lists them.
pub fn expand(mut columns: Map<String, Value>) -> Result<Vec<Value>, RestoreError> {
    let count = columns
        .get("count")
        .and_then(Value::as_u64)
        .ok_or_else(|| invalid("count", "expected the number of posts"))? as usize;
    // One offset for every post is written once.
    if let Some(Value::Number(one)) = columns.get("offset") {
        let all = vec![Value::Number(one.clone()); count];
        columns.insert("offset".into(), Value::Array(all));
    }
    let mut take = |field: &str, required: bool| -> Result<Vec<Value>, RestoreError> {
        match columns.remove(field) {
            Some(Value::Array(list)) if list.len() == count => Ok(list),
            Some(Value::Array(list)) => Err(invalid(
                field,
                format!("{} values for {count} posts", list.len()),
            )),
            None if !required => Ok(vec![Value::Null; count]),
            _ => Err(invalid(field, "expected a list")),
        }
    };
    let ids = take("id", true)?;
    let profile = take("profile", true)?;
    let seconds = take("seconds", true)?;
    let nanos = take("nanos", false)?;
    let offset = take("offset", true)?;
    let format = take("format", true)?;
    let text = take("text", false)?;
    let permalink = take("permalink", false)?;
    let batch = take("batch", false)?;
    let metric_set = take("metric_set", false)?;
    let metrics = take("metrics", false)?;
    let mut list = |field: &str| match columns.remove(field) {
        Some(Value::Array(list)) => Ok(list),
        None => Ok(Vec::new()),
        _ => Err(invalid(field, "expected a list")),
    };
    let profiles = list("profiles")?;
    let formats = list("formats")?;
    let batches = list("batches")?;
    let mut promoted = vec![false; count];
    for row in list("promoted")? {
        match row.as_u64().and_then(|i| promoted.get_mut(i as usize)) {
            Some(slot) => *slot = true,
            None => return Err(invalid("promoted", format!("no post {row}"))),
        }
    }
    let metric_sets: Vec<Vec<String>> = match columns.remove("metric_sets") {
        Some(sets) => serde_json::from_value(sets)
            .map_err(|_| invalid("metric_sets", "expected lists of metric names"))?,
        None => Vec::new(),
    };
    let mut out = Vec::with_capacity(count);
    let mut previous_id: Option<String> = None;
    let mut previous_link: Option<String> = None;
    let mut clock = 0i64;
    let rows = ids
        .into_iter()
        .zip(profile)
        .zip(seconds.into_iter().zip(nanos).zip(offset))
        .zip(format.into_iter().zip(text))
        .zip(permalink.into_iter().zip(batch))
        .zip(metric_set.into_iter().zip(metrics));
    for (
        row,
        (
            ((((id, profile), ((seconds, nanos), offset)), (format, text)), (link, batch)),
            (set, values),
        ),
    ) in rows.enumerate()
    {
        let at = |field: &str| invalid(&format!("{field}[{row}]"), "unreadable value");
        let listed = |list: &[Value], index: &Value| {
            index
                .as_u64()
                .and_then(|i| list.get(usize::try_from(i).ok()?))
                .cloned()
        };
        let profile = listed(&profiles, &profile).ok_or_else(|| at("profile"))?;
        let format = listed(&formats, &format).ok_or_else(|| at("format"))?;
        let batch = match batch {
            Value::Null => Value::Null,
            index => listed(&batches, &index).ok_or_else(|| at("batch"))?,
        };
        let id = front_decoded(id, &mut previous_id).ok_or_else(|| at("id"))?;
        if !id.is_string() {
            return Err(at("id"));
        }
        let link = front_decoded(link, &mut previous_link).ok_or_else(|| at("permalink"))?;
        clock = seconds
            .as_i64()
            .map(|d| clock.wrapping_add(d))
            .ok_or_else(|| at("seconds"))?;
        let published = instant(clock, &nanos, &offset).ok_or_else(|| at("seconds"))?;
        let mut metrics = Map::new();
        if !set.is_null() {
            let names = set
                .as_u64()
                .and_then(|i| metric_sets.get(i as usize))
                .ok_or_else(|| at("metric_set"))?;
            match values {
                Value::Array(values) if values.len() == names.len() => {
                    metrics.extend(names.iter().cloned().zip(values));
                }
                _ => return Err(at("metrics")),
            }
        }
        let mut post = Map::new();
        post.insert("id".into(), id);
        post.insert("profile".into(), profile);
        post.insert("published".into(), Value::String(published.to_rfc3339()));
        post.insert("format".into(), format);
        if !text.is_null() {
            post.insert("text".into(), text);
        }
        post.insert("permalink".into(), link);
        post.insert("metrics".into(), Value::Object(metrics));
        post.insert("promoted".into(), Value::Bool(promoted[row]));
        post.insert("batch".into(), batch);
        out.push(Value::Object(post));
    }
    Ok(out)
}

/// A front-coded text read back against the previous text of its column (`None`: the
/// shared beginning does not fit the previous text).
fn front_decoded(value: Value, previous: &mut Option<String>) -> Option<Value> {
    let value = match value {
        Value::Array(shared) => {
            let (n, rest) = match shared.as_slice() {
                [Value::Number(n), Value::String(rest)] => {
                    (usize::try_from(n.as_u64()?).ok()?, rest)
                }
                _ => return None,
            };
            let before = previous.as_deref().unwrap_or_default();
            if n > before.len() || !before.is_char_boundary(n) {
                return None;
            }
            Value::String(format!("{}{rest}", &before[..n]))
        }
        other => other,
    };
    if let Value::String(text) = &value {
        *previous = Some(text.clone());
    }
    Some(value)
}

fn instant(seconds: i64, nanos: &Value, offset: &Value) -> Option<DateTime<FixedOffset>> {
    let zone = FixedOffset::east_opt(i32::try_from(offset.as_i64()?).ok()?)?;
    let nanos = if nanos.is_null() {
        0
    } else {
        u32::try_from(nanos.as_u64()?).ok()?
    };
    zone.timestamp_opt(seconds, nanos).single()
}
