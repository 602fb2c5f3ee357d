//! The column layout of posts in a report file's data block: one list per field instead of one
//! object per post, profile IDs as indexes into a list of profiles, times as seconds and offsets,
//! metrics as a list of values per post whose names are one of a few shared metric sets, whole
//! numbers without a fraction. A year of 100,000 posts takes a third fewer bytes to write
//! and to compress than as objects. A workspace file holds `posts` either as a list of objects or
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
        // Posts come in runs of one profile with one set of metrics: the previous answer is
        // tried first, then the (short) lists.
        let mut profiles: Vec<&str> = Vec::new();
        let profile = indexes(posts, &mut profiles, |p| p.profile.as_str());
        let mut metric_sets: Vec<Vec<Metric>> = Vec::new();
        let metric_set = indexes(posts, &mut metric_sets, |p| {
            p.metrics.keys().copied().collect::<Vec<_>>()
        });
        let promoted: Vec<usize> = (0..posts.len()).filter(|i| posts[*i].promoted).collect();
        let any_nanos = posts
            .iter()
            .any(|p| p.published.timestamp_subsec_nanos() != 0);

        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("layout", LAYOUT)?;
        map.serialize_entry("count", &posts.len())?;
        map.serialize_entry("id", &column(posts, |p| p.id.as_str()))?;
        map.serialize_entry("profiles", &profiles)?;
        map.serialize_entry("profile", &profile)?;
        map.serialize_entry("seconds", &column(posts, |p| p.published.timestamp()))?;
        if any_nanos {
            map.serialize_entry(
                "nanos",
                &column(posts, |p| p.published.timestamp_subsec_nanos()),
            )?;
        }
        map.serialize_entry(
            "offset",
            &column(posts, |p| p.published.offset().local_minus_utc()),
        )?;
        map.serialize_entry("format", &column(posts, |p| p.format))?;
        map.serialize_entry("text", &column(posts, |p| p.text.as_str()))?;
        map.serialize_entry("permalink", &shared_prefixes(posts))?;
        map.serialize_entry("promoted", &promoted)?;
        map.serialize_entry("batch", &column(posts, |p| p.batch.as_ref()))?;
        map.serialize_entry("metric_sets", &metric_sets)?;
        map.serialize_entry("metric_set", &metric_set)?;
        map.serialize_entry(
            "metrics",
            &column(posts, |p| Values(p.metrics.values().copied())),
        )?;
        map.end()
    }
}

/// Each post's index in `distinct`, a list of the distinct keys of the posts, in order of
/// appearance.
fn indexes<'a, K: PartialEq>(
    posts: &[&'a Post],
    distinct: &mut Vec<K>,
    key: impl Fn(&'a Post) -> K,
) -> Vec<usize> {
    let mut last = usize::MAX;
    posts
        .iter()
        .map(|p| {
            let k = key(p);
            if distinct.get(last) != Some(&k) {
                last = distinct.iter().position(|d| *d == k).unwrap_or_else(|| {
                    distinct.push(k);
                    distinct.len() - 1
                });
            }
            last
        })
        .collect()
}

/// A permalink: `null`, the whole text, or `[n, rest]` for the first `n` bytes of the previous
/// permalink followed by `rest` (a profile's permalinks differ only in their last part).
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

fn shared_prefixes<'a>(posts: &[&'a Post]) -> Vec<Link<'a>> {
    let mut previous: Option<&str> = None;
    posts
        .iter()
        .map(|p| {
            let Some(link) = p.permalink.as_deref() else {
                return Link::None;
            };
            let shared = previous.map_or(0, |before| {
                let mut n = before
                    .bytes()
                    .zip(link.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                while !link.is_char_boundary(n) {
                    n -= 1;
                }
                n
            });
            previous = Some(link);
            if shared > 8 {
                Link::Shared(shared, &link[shared..])
            } else {
                Link::Whole(link)
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
    let profiles = match columns.remove("profiles") {
        Some(Value::Array(list)) => list,
        _ => return Err(invalid("profiles", "expected a list")),
    };
    let mut promoted = vec![false; count];
    if let Some(Value::Array(rows)) = columns.remove("promoted") {
        for row in rows {
            match row.as_u64().and_then(|i| promoted.get_mut(i as usize)) {
                Some(slot) => *slot = true,
                None => return Err(invalid("promoted", format!("no post {row}"))),
            }
        }
    }
    let metric_sets: Vec<Vec<String>> = match columns.remove("metric_sets") {
        Some(sets) => serde_json::from_value(sets)
            .map_err(|_| invalid("metric_sets", "expected lists of metric names"))?,
        None => Vec::new(),
    };
    let mut out = Vec::with_capacity(count);
    let mut previous_link: Option<String> = None;
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
        let profile = profile
            .as_u64()
            .and_then(|i| profiles.get(i as usize))
            .cloned()
            .ok_or_else(|| at("profile"))?;
        let published = instant(&seconds, &nanos, &offset).ok_or_else(|| at("seconds"))?;
        let link = match link {
            Value::Array(shared) => {
                let (n, rest) = match shared.as_slice() {
                    [Value::Number(n), Value::String(rest)] => (n.as_u64(), rest),
                    _ => (None, &String::new()),
                };
                let before = previous_link.as_deref().unwrap_or_default();
                match n.map(|n| n as usize) {
                    Some(n) if n <= before.len() && before.is_char_boundary(n) => {
                        Value::String(format!("{}{rest}", &before[..n]))
                    }
                    _ => return Err(at("permalink")),
                }
            }
            other => other,
        };
        if let Value::String(text) = &link {
            previous_link = Some(text.clone());
        }
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

fn instant(seconds: &Value, nanos: &Value, offset: &Value) -> Option<DateTime<FixedOffset>> {
    let zone = FixedOffset::east_opt(i32::try_from(offset.as_i64()?).ok()?)?;
    let nanos = if nanos.is_null() {
        0
    } else {
        u32::try_from(nanos.as_u64()?).ok()?
    };
    zone.timestamp_opt(seconds.as_i64()?, nanos).single()
}
