//! The one restore path. Everything that becomes a workspace — read from IndexedDB, imported
//! from a workspace file, received by sync — is gathered as JSON items tagged with the schema
//! version that wrote them ([`Found`]), upgraded step by step to [`SCHEMA`], deserialised with the
//! path of any bad value, and checked for consistency. A failure returns an error and builds
//! nothing, so a damaged input can never half-replace good data.
//!
//! Schema history:
//! - 1: the first layout. Settings named the workspace `title`; a post had `time` and flat
//!   `likes`/`comments`/`shares`/`reach`/`impressions` fields; a profile had `is_competitor`;
//!   IndexedDB held every item (posts too) as one record in an `items` store.
//! - 2: typed metric maps, `published` with offset, chunked posts (this version).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};
use thiserror::Error;

use super::post_columns::{self, PostColumns};
use super::records::Kind;
use crate::domain::Workspace;
use crate::domain::report::ReportData;

/// The schema version this build writes.
pub const SCHEMA: u32 = 2;

/// The `format` field of a workspace file.
pub const FILE_FORMAT: &str = "linimasa-workspace";

/// Why something could not be restored. Nothing was changed when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum RestoreError {
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("not a Linimasa workspace")]
    NotWorkspace,
    #[error("made by a newer version (schema {schema})")]
    Newer { schema: u32 },
    #[error("invalid value at {path}: {detail}")]
    Invalid { path: String, detail: String },
    #[error("inconsistent: {0}")]
    Inconsistent(String),
}

/// Items found in storage, a file or a sync message, before they are restored.
#[derive(Debug, Default)]
pub struct Found {
    items: BTreeMap<Kind, Vec<(u32, Value)>>,
    /// Stored bytes not parsed yet: (kind, version, JSON, is a chunk, key for messages).
    raw: Vec<(Kind, u32, Vec<u8>, bool, String)>,
}

impl Found {
    pub fn push(&mut self, kind: Kind, version: u32, item: Value) {
        self.items.entry(kind).or_default().push((version, item));
    }

    /// Keeps the bytes of a stored record or chunk; they are parsed by [`restore`], directly
    /// into the model when everything is at the current schema.
    pub fn push_raw(&mut self, kind: Kind, version: u32, bytes: Vec<u8>, chunk: bool, key: &str) {
        self.raw.push((kind, version, bytes, chunk, key.to_owned()));
    }

    /// The fast path: every item is stored bytes at the current schema, so one JSON document is
    /// spliced together from them and deserialised straight into the model (no intermediate
    /// `Value`). `None` when items need upgrading (old schema, or items already parsed).
    fn splice(&self) -> Option<Vec<u8>> {
        if !self.items.is_empty() || self.raw.iter().any(|(_, v, ..)| *v != SCHEMA) {
            return None;
        }
        let mut by_kind: BTreeMap<Kind, Vec<(&[u8], bool)>> = BTreeMap::new();
        for (kind, _, bytes, chunk, _) in &self.raw {
            by_kind.entry(*kind).or_default().push((bytes, *chunk));
        }
        let total: usize = self.raw.iter().map(|r| r.2.len() + 1).sum();
        let mut doc = Vec::with_capacity(total + 64 * by_kind.len());
        doc.push(b'{');
        for (i, (kind, parts)) in by_kind.iter().enumerate() {
            if i > 0 {
                doc.push(b',');
            }
            doc.extend_from_slice(format!("\"{}\":", kind.field()).as_bytes());
            if *kind == Kind::Info {
                doc.extend_from_slice(parts.last()?.0);
                continue;
            }
            doc.push(b'[');
            let mut first = true;
            for (bytes, chunk) in parts {
                let inner: &[u8] = if *chunk {
                    let trimmed = bytes.trim_ascii();
                    let inner = trimmed.strip_prefix(b"[")?.strip_suffix(b"]")?;
                    if inner.trim_ascii().is_empty() {
                        continue;
                    }
                    inner
                } else {
                    bytes
                };
                if !first {
                    doc.push(b',');
                }
                first = false;
                doc.extend_from_slice(inner);
            }
            doc.push(b']');
        }
        doc.push(b'}');
        Some(doc)
    }

    /// Parses the raw bytes into items (the slow path).
    fn parse_raw(&mut self) -> Result<(), RestoreError> {
        for (kind, version, bytes, chunk, key) in std::mem::take(&mut self.raw) {
            self.push_bytes(kind, version, &bytes, chunk, &key)?;
        }
        Ok(())
    }

    /// Adds the bytes of a stored record (one item) or chunk (an array of items).
    pub fn push_bytes(
        &mut self,
        kind: Kind,
        version: u32,
        bytes: &[u8],
        chunk: bool,
        key: &str,
    ) -> Result<(), RestoreError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| RestoreError::Invalid {
            path: key.to_owned(),
            detail: e.to_string(),
        })?;
        match (chunk, value) {
            (true, Value::Array(items)) => {
                for item in items {
                    self.push(kind, version, item);
                }
            }
            (false, item) => self.push(kind, version, item),
            (true, _) => {
                return Err(RestoreError::Invalid {
                    path: key.to_owned(),
                    detail: "a chunk must hold a list".into(),
                });
            }
        }
        Ok(())
    }
}

/// Restores a workspace from found items: upgrade, deserialise, check.
pub fn restore(mut found: Found) -> Result<Workspace, RestoreError> {
    if found.raw.iter().any(|(kind, ..)| *kind == Kind::Info)
        && let Some(doc) = found.splice()
    {
        return finish(&doc);
    }
    found.parse_raw()?;
    let mut object = Map::new();
    for (kind, items) in found.items {
        let mut upgraded = Vec::with_capacity(items.len());
        for (version, item) in items {
            upgraded.push(upgrade(kind, version, item)?);
        }
        if kind == Kind::Info {
            let info = upgraded.pop().ok_or(RestoreError::NotWorkspace)?;
            object.insert(kind.field().into(), info);
        } else {
            object.insert(kind.field().into(), Value::Array(upgraded));
        }
    }
    if !object.contains_key(Kind::Info.field()) {
        return Err(RestoreError::NotWorkspace);
    }
    // Through bytes, so that both paths share one deserialiser (the model's deserialisation code
    // is large; a second instantiation would weigh on the download).
    finish(&serde_json::to_vec(&Value::Object(object)).unwrap_or_default())
}

/// Deserialises a whole workspace document, reporting the path of a bad value, then checks and
/// normalises it.
fn finish(doc: &[u8]) -> Result<Workspace, RestoreError> {
    let mut workspace: Workspace =
        serde_json::from_slice(doc).map_err(|e| RestoreError::Invalid {
            path: path_at(doc, offset_of(doc, e.line(), e.column())),
            detail: strip_position(&e.to_string()),
        })?;
    check(&workspace)?;
    workspace.normalize();
    Ok(workspace)
}

/// The byte offset of a 1-based line and column as serde_json reports them.
fn offset_of(doc: &[u8], line: usize, column: usize) -> usize {
    let line_start = doc
        .split_inclusive(|b| *b == b'\n')
        .take(line.saturating_sub(1))
        .map(<[u8]>::len)
        .sum::<usize>();
    (line_start + column).min(doc.len())
}

/// The JSON path (`posts[12].metrics.reach`) of the value that ends at `offset`, found by walking
/// the document's structure up to there. A path-tracking deserialiser would say the same, but it
/// doubles the model's deserialisation code in the download; errors are rare, a walk is cheap.
pub fn path_at(doc: &[u8], offset: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let end = offset.min(doc.len());
    let mut i = 0;
    while i < end {
        match doc[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < doc.len() && doc[i] != b'"' {
                    if doc[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(String::from_utf8_lossy(&doc[start..i.min(doc.len())]).into());
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    if path.is_empty() { ".".into() } else { path }
}

/// serde_json's message without its " at line 1 column 3456" tail (the path says where).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Brings one item from the schema that wrote it to [`SCHEMA`].
pub fn upgrade(kind: Kind, version: u32, mut item: Value) -> Result<Value, RestoreError> {
    if version > SCHEMA {
        return Err(RestoreError::Newer { schema: version });
    }
    if version == 0 {
        return Err(RestoreError::NotWorkspace);
    }
    if version < 2 {
        item = v1_to_v2(kind, item);
    }
    Ok(item)
}

fn v1_to_v2(kind: Kind, item: Value) -> Value {
    let Value::Object(mut object) = item else {
        return item;
    };
    match kind {
        Kind::Info => {
            if let Some(title) = object.remove("title") {
                object.entry("name").or_insert(title);
            }
            object
                .entry("time_zone")
                .or_insert_with(|| json!(crate::domain::DEFAULT_TIME_ZONE));
        }
        Kind::Profile => {
            if let Some(flag) = object.remove("is_competitor") {
                object.insert("competitor".into(), flag);
            }
        }
        Kind::Post => {
            if let Some(time) = object.remove("time") {
                object.insert("published".into(), time);
            }
            let mut metrics = Map::new();
            for (old, new) in [
                ("likes", "reactions"),
                ("comments", "comments"),
                ("shares", "shares"),
                ("reach", "reach"),
                ("impressions", "impressions"),
            ] {
                if let Some(value) = object.remove(old).filter(|v| !v.is_null()) {
                    metrics.insert(new.into(), value);
                }
            }
            object.insert("metrics".into(), Value::Object(metrics));
        }
        _ => {}
    }
    Value::Object(object)
}

/// Checks what types cannot: identities are unique and references point at something.
pub fn check(ws: &Workspace) -> Result<(), RestoreError> {
    let mut profiles = BTreeSet::new();
    for profile in &ws.profiles {
        if !profiles.insert(&profile.id) {
            return Err(RestoreError::Inconsistent(format!(
                "profile {} appears twice",
                profile.id
            )));
        }
    }
    let unknown = |what: &str, id: &crate::domain::ProfileId| {
        RestoreError::Inconsistent(format!("{what} refers to unknown profile {id}"))
    };
    let mut posts = BTreeSet::new();
    for post in &ws.posts {
        if !profiles.contains(&post.profile) {
            return Err(unknown("a post", &post.profile));
        }
        if !posts.insert((&post.profile, &post.id)) {
            return Err(RestoreError::Inconsistent(format!(
                "post {} of {} appears twice",
                post.id, post.profile
            )));
        }
    }
    if let Some(d) = ws.daily.iter().find(|d| !profiles.contains(&d.profile)) {
        return Err(unknown("a daily metric", &d.profile));
    }
    if let Some(m) = ws.messages.iter().find(|m| !profiles.contains(&m.profile)) {
        return Err(unknown("a message", &m.profile));
    }
    let mut totals = BTreeSet::new();
    for t in &ws.period_totals {
        if !profiles.contains(&t.profile) {
            return Err(unknown("a period's totals", &t.profile));
        }
        if !totals.insert(t.identity()) {
            return Err(RestoreError::Inconsistent(format!(
                "totals of {} from {} to {} appear twice",
                t.profile, t.period.start, t.period.end
            )));
        }
    }
    let mut plan = BTreeSet::new();
    if let Some(item) = ws.plan.iter().find(|p| !plan.insert(&p.id)) {
        return Err(RestoreError::Inconsistent(format!(
            "planned post {} appears twice",
            item.id
        )));
    }
    Ok(())
}

/// Writes a workspace file: one JSON document with the format, schema and all data.
pub fn export_file(ws: &Workspace) -> Vec<u8> {
    let mut out = Vec::new();
    write_file(ws, &mut out).expect("model types serialise");
    out
}

/// Writes the workspace file straight from the model (no intermediate JSON tree: a year of
/// 100,000 posts would build one of several hundred megabytes).
pub fn write_file<W: std::io::Write>(ws: &Workspace, out: W) -> serde_json::Result<()> {
    #[derive(serde::Serialize)]
    struct File<'a> {
        format: &'a str,
        schema: u32,
        workspace: &'a Workspace,
    }
    serde_json::to_writer(
        out,
        &File {
            format: FILE_FORMAT,
            schema: SCHEMA,
            workspace: ws,
        },
    )
}

/// A workspace read from a file, and the schema the file was written with.
#[derive(Debug)]
pub struct Restored {
    pub workspace: Workspace,
    pub from_schema: u32,
}

/// The `id` of the `<script type="application/json">` that carries a report file's data (a
/// workspace file), so that a report opened in Linimasa restores the report and its data.
pub const REPORT_DATA_ID: &str = "linimasa-data";

/// The `format` of a report file's data block.
pub const REPORT_DATA_FORMAT: &str = "linimasa-report-data";

/// A report file's data block: a workspace file, deflated and base64-encoded inside a small
/// JSON object (a year of the demo's ten profiles is 2.6 MB of JSON, 0.5 MB this way). Posts
/// are written in the column layout ([`post_columns`]) straight from the borrowed posts, and
/// compression is fast, since a large report spends most of its time here.
pub fn report_data(data: &ReportData) -> String {
    use base64::Engine;
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to a Vec cannot fail; the JSON streams into the compressor.
    let _ = write_report_file(
        data,
        std::io::BufWriter::with_capacity(1 << 16, &mut deflate),
    );
    let packed = deflate.finish().unwrap_or_default();
    // The wrapper's strings need no escaping; the packed workspace is encoded in place.
    let mut out = String::with_capacity(packed.len() / 3 * 4 + 128);
    out.push_str(&format!(
        r#"{{"format":"{REPORT_DATA_FORMAT}","encoding":"deflate+base64","workspace":""#
    ));
    base64::engine::general_purpose::STANDARD.encode_string(packed, &mut out);
    out.push_str(r#""}"#);
    out
}

/// Writes a report's data as a workspace file with its posts in the column layout.
pub fn write_report_file<W: std::io::Write>(data: &ReportData, out: W) -> serde_json::Result<()> {
    use crate::domain::*;
    // Every field of the workspace: one added to the model must be written here too.
    let Workspace {
        info,
        profiles,
        posts: _,
        daily,
        follower_activity,
        period_totals,
        audience_snapshots,
        audience_tables,
        audience_members,
        persona_snapshots,
        plan,
        mentions,
        messages,
        influencers,
        campaigns,
        reports,
        assessments,
        benchmarks,
        mappings,
        batches,
    } = &data.workspace;
    #[derive(serde::Serialize)]
    struct View<'a> {
        info: &'a WorkspaceInfo,
        profiles: &'a [Profile],
        posts: PostColumns<'a>,
        daily: &'a [DailyMetrics],
        follower_activity: &'a [FollowerActivity],
        period_totals: &'a [PeriodTotals],
        audience_snapshots: &'a [AudienceSnapshot],
        audience_tables: &'a [AudienceTable],
        audience_members: &'a [AudienceMember],
        persona_snapshots: &'a [PersonaSnapshot],
        plan: &'a [PlanItem],
        mentions: &'a [Mention],
        messages: &'a [Message],
        influencers: &'a [Influencer],
        campaigns: &'a [Campaign],
        reports: &'a [ReportDefinition],
        assessments: &'a [PlatformAssessment],
        benchmarks: &'a [Benchmark],
        mappings: &'a [ColumnMapping],
        batches: &'a [ImportBatch],
    }
    #[derive(serde::Serialize)]
    struct File<'a> {
        format: &'a str,
        schema: u32,
        workspace: View<'a>,
    }
    serde_json::to_writer(
        out,
        &File {
            format: FILE_FORMAT,
            schema: SCHEMA,
            workspace: View {
                info,
                profiles,
                posts: PostColumns(&data.posts),
                daily,
                follower_activity,
                period_totals,
                audience_snapshots,
                audience_tables,
                audience_members,
                persona_snapshots,
                plan,
                mentions,
                messages,
                influencers,
                campaigns,
                reports,
                assessments,
                benchmarks,
                mappings,
                batches,
            },
        },
    )
}

/// The workspace file inside a report file's HTML, if there is one.
pub fn embedded_workspace(bytes: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine;
    use std::io::Read;
    let marker = format!("id=\"{REPORT_DATA_ID}\"");
    let text = std::str::from_utf8(bytes).ok()?;
    let at = text.find(&marker)?;
    let start = at + text[at..].find('>')? + 1;
    let end = start + text[start..].find("</script>")?;
    let block: Value = serde_json::from_str(&text[start..end]).ok()?;
    if block.get("format")?.as_str()? != REPORT_DATA_FORMAT {
        return None;
    }
    let packed = base64::engine::general_purpose::STANDARD
        .decode(block.get("workspace")?.as_str()?)
        .ok()?;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(packed.as_slice())
        .take(1 << 30)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Reads a workspace file (or a report file carrying one) through the restore path.
pub fn restore_file(bytes: &[u8]) -> Result<Restored, RestoreError> {
    let trimmed = bytes.trim_ascii_start();
    let embedded;
    let bytes = if trimmed.starts_with(b"<") {
        embedded = embedded_workspace(trimmed).ok_or(RestoreError::NotWorkspace)?;
        embedded.as_slice()
    } else {
        bytes
    };
    let value: Value = serde_json::from_slice(bytes).map_err(|e| RestoreError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(mut file) = value else {
        return Err(RestoreError::NotWorkspace);
    };
    if file.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(RestoreError::NotWorkspace);
    }
    let schema = file
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(RestoreError::NotWorkspace)? as u32;
    if schema > SCHEMA {
        return Err(RestoreError::Newer { schema });
    }
    let Some(Value::Object(workspace)) = file.remove("workspace") else {
        return Err(RestoreError::NotWorkspace);
    };
    let mut found = Found::default();
    for (field, value) in workspace {
        // Fields this version does not know are dropped rather than refused.
        let Some(kind) = Kind::from_field(&field) else {
            continue;
        };
        match (kind, value) {
            (Kind::Info, info) => found.push(kind, schema, info),
            (Kind::Post, Value::Object(columns)) if post_columns::is_columns(&columns) => {
                for post in post_columns::expand(columns)? {
                    found.push(kind, schema, post);
                }
            }
            (_, Value::Array(items)) => {
                for item in items {
                    found.push(kind, schema, item);
                }
            }
            (_, _) => {
                return Err(RestoreError::Invalid {
                    path: field,
                    detail: "expected a list".into(),
                });
            }
        }
    }
    Ok(Restored {
        workspace: restore(found)?,
        from_schema: schema,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_at_names_the_value_a_parser_stopped_at() {
        let doc =
            br#"{"info":{"name":"a"},"posts":[{"id":"1"},{"id":"2","metrics":{"reach":"x"}}]}"#;
        let at = |needle: &str| {
            let start = doc
                .windows(needle.len())
                .position(|w| w == needle.as_bytes())
                .unwrap();
            start + needle.len()
        };
        assert_eq!(path_at(doc, at(r#""reach":"x""#)), "posts[1].metrics.reach");
        assert_eq!(path_at(doc, at(r#""name":"a""#)), "info.name");
        assert_eq!(path_at(doc, at(r#"{"id":"1""#)), "posts[0].id");
        assert_eq!(path_at(doc, 0), ".");
    }

    #[test]
    fn path_at_skips_brackets_and_quotes_inside_strings() {
        let doc = br#"{"posts":[{"text":"[{\"a\",","id":5}]}"#;
        assert_eq!(path_at(doc, doc.len() - 3), "posts[0].id");
    }

    #[test]
    fn a_bad_value_is_reported_with_its_path_and_without_the_column() {
        let doc = br#"{"info":{"id":"w","name":"n","revision":"many"}}"#;
        match finish(doc) {
            Err(RestoreError::Invalid { path, detail }) => {
                assert_eq!(path, "info.revision", "{detail}");
                assert!(!detail.contains("column"), "{detail}");
            }
            other => panic!("expected an invalid value, got {other:?}"),
        }
    }
}
