//! What every fuzz target checks: whatever the bytes, an importer answers with records or with
//! an error, never a panic, and what it answers can be applied to a workspace. Each target
//! puts its family's header above the fuzzer's bytes, so the fuzzer spends its time in that
//! family's row reader rather than in recognising files.

use chrono::NaiveDate;
use linimasa::domain::import::{ImportOptions, apply, apply::BatchInfo, parse};
use linimasa::domain::model::{ColumnMapping, Platform, Workspace, WorkspaceInfo};

/// The header each family's target starts its input with, and the file name it is given.
pub fn header(family: &str) -> (&'static str, &'static str) {
    match family {
        "meta-content" => (
            "posts.csv",
            "\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Publish time\",Permalink,\"Post type\",Date,Views,Reach,Reactions,Comments,Shares\n",
        ),
        "meta-series" => ("reach.csv", "sep=,\n\"Facebook reach\"\n\"Date\",\"Primary\"\n"),
        "x-tweets" => (
            "tweet_activity_metrics.csv",
            "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"retweets\",\"replies\",\"likes\",\"promoted impressions\"\n",
        ),
        "x-content" => (
            "account_analytics_content.csv",
            "ポストID,日付,ポスト本文,ポストのリンク,インプレッション数,いいね,エンゲージメント,ブックマーク,共有された回数,新しいフォロー,返信,リポスト\n",
        ),
        "tiktok" => (
            "Overview.csv",
            "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n",
        ),
        "youtube" => (
            "Table data.csv",
            "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions\n",
        ),
        "web" => ("traffic.csv", "# GA4\n# ----\n\nDate;Sessions;Source;Bounce Rate\n"),
        "mentions" => (
            "mentions.csv",
            "Tanggal;Jam;Judul;Konten;Penulis;Tautan;Sumber;Jangkauan;Pengikut;Sentimen\n",
        ),
        "messages" => (
            "inbox.csv",
            "Tanggal Diterima;Jaringan;Profil;Pengirim;Pesan;Jenis Pesan;Status;Dibalas;Waktu Respons (menit);Petugas;Sentimen\n",
        ),
        "people" => (
            "members.csv",
            "member_id,age,income,gender,city,interests,birth_year,signup_date\n",
        ),
        "generic" => ("later.csv", "Tanggal Posting;Caption;Link;Jangkauan;Suka\n"),
        "benchmarks" => (
            "benchmarks.csv",
            "Scope,Benchmark,Platform,Metric,From,To,Value\n",
        ),
        "competitors" => (
            "kopi_competitor_analytics_1764200000000.csv",
            "Competitor analytics: Oct 28, 2026 - Nov 26, 2026\nPage,Total followers,New followers,Total post engagements,Total posts\n",
        ),
        // Workbooks (xlsx, BIFF8 xls) and XML spreadsheets: the whole input is the file.
        _ => ("export.xlsx", ""),
    }
}

fn options() -> ImportOptions {
    let columns = [
        ("Tanggal Posting", "published"),
        ("Caption", "text"),
        ("Link", "permalink"),
        ("Jangkauan", "reach"),
        ("Suka", "reactions"),
    ];
    ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default(),
        mappings: vec![ColumnMapping {
            header_signature: "tanggal posting|caption|link|jangkauan|suka".into(),
            columns: columns
                .iter()
                .map(|(c, f)| (c.to_string(), f.to_string()))
                .collect(),
            platform: Some(Platform::Instagram),
            profile: "Fuzz".into(),
        }],
    }
}

/// Parses the family's header followed by `data`; what parses is applied to an empty
/// workspace, which must then pass the checks every stored workspace passes (unique profiles
/// and posts, references that point at something).
pub fn family(family: &str, data: &[u8]) {
    let (name, head) = header(family);
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(data);
    let Ok(parsed) = parse(name, &bytes, &options()) else {
        return;
    };
    assert!(parsed.records() > 0, "{family}: a file that parses holds records");
    let mut ws = Workspace::empty(WorkspaceInfo::new("fuzz".into(), "Fuzz"));
    apply(
        &mut ws,
        parsed,
        BatchInfo {
            id: "b".into(),
            file_name: name.into(),
            content_hash: "h".into(),
            bytes: bytes.len() as u64,
            imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00")
                .expect("a valid instant"),
            profile: None,
        },
    );
    if let Err(e) = linimasa::storage::migrate::check(&ws) {
        panic!("{family}: an import left the workspace inconsistent: {e}");
    }
}

/// The calendar's planned-post CSV.
pub fn plan_csv(data: &[u8]) {
    use linimasa::domain::calendar::plan_csv::{ReadOptions, read};
    let author = "m-1".into();
    let _ = read(
        data,
        &ReadOptions {
            zone: "Asia/Jakarta",
            author: &author,
            default_platform: Platform::Instagram,
            id_prefix: "fuzz",
            now: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00")
                .expect("a valid instant"),
        },
    );
}

/// A workspace file (or a report file carrying one), restored and checked.
pub fn workspace_file(data: &[u8]) {
    let _ = linimasa::storage::migrate::restore_file(data);
}
