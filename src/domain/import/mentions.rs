//! Listening-tool exports (Brand24, Talkwalker, Meltwater, Mention, Awario, Sprout and the
//! like): one row per public mention of the brand or a topic, with its date, author, text, link,
//! source, and often reach, the author's followers and a sentiment. Every tool names its columns
//! differently and in the user's language, so columns are mapped by meaning through the
//! dictionary below. Recognised when no platform family matches and the header has a date, a
//! text, an author or a link, and at least one listening column (source, reach, followers,
//! sentiment).

use std::collections::HashMap;

use super::date::{self, Order};
use super::table::{Row, Table};
use super::value::{self, NumberStyle};
use super::{ImportError, ImportOptions, Parsed, content_hash, local_to_instant};
use crate::domain::{Mention, MentionId, Platform, Sentiment};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Id,
    Date,
    Time,
    Author,
    Text,
    Title,
    Url,
    Source,
    Reach,
    Followers,
    Sentiment,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Date => "date",
            Field::Time => "time",
            Field::Author => "author",
            Field::Text => "text",
            Field::Title => "title",
            Field::Url => "url",
            Field::Source => "source",
            Field::Reach => "reach",
            Field::Followers => "followers",
            Field::Sentiment => "sentiment",
        }
    }
}

/// Column names (compared lowercase, trimmed) in English, Indonesian, Spanish, Portuguese,
/// Vietnamese and Japanese, as listening tools write them.
const COLUMNS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "id",
            "mention id",
            "mention_id",
            "post id",
            "tweet id",
            "item id",
        ],
    ),
    (
        Field::Date,
        &[
            "date",
            "date (utc)",
            "published",
            "published date",
            "publish date",
            "published at",
            "published_at",
            "created",
            "created at",
            "created_at",
            "date published",
            "timestamp",
            "tanggal",
            "waktu",
            "tanggal terbit",
            "fecha",
            "fecha de publicación",
            "data",
            "data de publicação",
            "ngày",
            "thời gian",
            "日付",
            "投稿日時",
            "公開日",
        ],
    ),
    (
        Field::Time,
        &["time", "hour", "jam", "hora", "giờ", "時刻", "時間"],
    ),
    (
        Field::Author,
        &[
            "author",
            "author name",
            "author handle",
            "username",
            "user name",
            "screen name",
            "from",
            "profile",
            "penulis",
            "pengguna",
            "akun",
            "autor",
            "usuario",
            "usuário",
            "tác giả",
            "người đăng",
            "作成者",
            "投稿者",
            "ユーザー名",
        ],
    ),
    (
        Field::Text,
        &[
            "text",
            "content",
            "mention",
            "mention text",
            "message",
            "snippet",
            "full text",
            "body",
            "hit sentence",
            "teks",
            "konten",
            "isi",
            "texto",
            "contenido",
            "conteúdo",
            "mensaje",
            "nội dung",
            "本文",
            "内容",
            "テキスト",
        ],
    ),
    (
        Field::Title,
        &[
            "title",
            "headline",
            "judul",
            "título",
            "tiêu đề",
            "タイトル",
        ],
    ),
    (
        Field::Url,
        &[
            "url",
            "link",
            "mention url",
            "permalink",
            "source url",
            "tautan",
            "enlace",
            "liên kết",
            "リンク",
        ],
    ),
    (
        Field::Source,
        &[
            "source",
            "source type",
            "platform",
            "site",
            "domain",
            "channel",
            "media type",
            "network",
            "social network",
            "sumber",
            "platform media",
            "fuente",
            "red social",
            "fonte",
            "rede social",
            "nguồn",
            "nền tảng",
            "ソース",
            "媒体",
        ],
    ),
    (
        Field::Reach,
        &[
            "reach",
            "estimated reach",
            "potential reach",
            "audience",
            "impressions",
            "jangkauan",
            "alcance",
            "phạm vi tiếp cận",
            "リーチ",
        ],
    ),
    (
        Field::Followers,
        &[
            "followers",
            "author followers",
            "followers count",
            "follower count",
            "influencer score",
            "pengikut",
            "seguidores",
            "người theo dõi",
            "フォロワー",
            "フォロワー数",
        ],
    ),
    (
        Field::Sentiment,
        &[
            "sentiment",
            "sentiment score",
            "sentimen",
            "sentimiento",
            "sentimento",
            "cảm xúc",
            "sắc thái",
            "感情",
            "センチメント",
        ],
    ),
];

fn field_of(header: &str) -> Option<Field> {
    super::header::field_named(COLUMNS, &super::header::normalize(header))
}

/// The header row (among the first ten) and each column's field, when the table is a mentions
/// export.
fn header_of(table: &Table) -> Option<(usize, Vec<Option<Field>>)> {
    super::header::find_fields(table, field_of, |_, fields| {
        let has = |f: Field| fields.contains(&Some(f));
        let listening = [
            Field::Source,
            Field::Reach,
            Field::Followers,
            Field::Sentiment,
        ]
        .into_iter()
        .any(has);
        has(Field::Date)
            && (has(Field::Text) || has(Field::Title))
            && (has(Field::Author) || has(Field::Url))
            && listening
    })
}

/// Reads the first table that is a mentions export; `None` when none is.
pub(super) fn read(
    tables: &[Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    tables.iter().find_map(|table| {
        let (at, fields) = header_of(table)?;
        Some(read_table(table, at, &fields, options))
    })
}

/// The UI language the header is written in, from words only that language uses (English when
/// none): it decides how numbers that could be read both ways (`12.500`) are read.
pub(super) fn language_of(header: &Row) -> &'static str {
    const WORDS: [(&str, &[&str]); 5] = [
        (
            "id",
            &[
                "tanggal",
                "waktu",
                "jam",
                "judul",
                "konten",
                "isi",
                "teks",
                "penulis",
                "pengguna",
                "akun",
                "tautan",
                "sumber",
                "jangkauan",
                "pengikut",
                "sentimen",
            ],
        ),
        (
            "es",
            &[
                "fecha",
                "texto",
                "contenido",
                "mensaje",
                "usuario",
                "enlace",
                "fuente",
                "red social",
                "alcance",
                "seguidores",
                "sentimiento",
            ],
        ),
        (
            "pt",
            &[
                "data",
                "conteúdo",
                "usuário",
                "fonte",
                "rede social",
                "sentimento",
            ],
        ),
        (
            "vi",
            &[
                "ngày",
                "thời gian",
                "giờ",
                "nội dung",
                "tác giả",
                "người đăng",
                "liên kết",
                "nguồn",
                "nền tảng",
                "cảm xúc",
                "sắc thái",
            ],
        ),
        (
            "ja",
            &[
                "日付",
                "投稿日時",
                "本文",
                "内容",
                "作成者",
                "投稿者",
                "リンク",
                "ソース",
                "リーチ",
                "フォロワー",
                "感情",
            ],
        ),
    ];
    let names: Vec<String> = header.cells().map(super::header::normalize).collect();
    WORDS
        .iter()
        .find(|(_, words)| names.iter().any(|n| words.contains(&n.as_str())))
        .map_or("en", |(lang, _)| lang)
}

/// The platform a mention was seen on, from the source column or the link's host; news sites,
/// blogs and forums are the web.
pub(super) fn platform_of(source: &str, url: &str) -> Platform {
    let s = format!("{} {}", source.to_lowercase(), url.to_lowercase());
    let has = |w: &str| s.contains(w);
    if has("instagram") {
        Platform::Instagram
    } else if has("facebook") || has("fb.com") {
        Platform::Facebook
    } else if has("tiktok") {
        Platform::TikTok
    } else if has("youtube") || has("youtu.be") {
        Platform::YouTube
    } else if has("linkedin") {
        Platform::LinkedIn
    } else if has("twitter") || has("x.com") || source.trim().eq_ignore_ascii_case("x") {
        Platform::X
    } else {
        Platform::Web
    }
}

/// A sentiment as tools write it: a word in one of the dictionary languages, or a score whose
/// sign says it.
pub(super) fn sentiment_of(cell: &str, style: NumberStyle) -> Option<Sentiment> {
    let c = cell.trim().to_lowercase();
    if c.is_empty() {
        return None;
    }
    const POSITIVE: [&str; 7] = [
        "pos",
        "positif",
        "positivo",
        "tích cực",
        "ポジティブ",
        "好意",
        "+",
    ];
    const NEGATIVE: [&str; 7] = [
        "neg",
        "negatif",
        "negativo",
        "tiêu cực",
        "ネガティブ",
        "否定",
        "-",
    ];
    const NEUTRAL: [&str; 6] = [
        "neu",
        "netral",
        "neutro",
        "trung lập",
        "ニュートラル",
        "中立",
    ];
    if let Some(x) = value::number(&c, style) {
        return Some(if x > 0.0 {
            Sentiment::Positive
        } else if x < 0.0 {
            Sentiment::Negative
        } else {
            Sentiment::Neutral
        });
    }
    if POSITIVE.iter().any(|w| c.starts_with(w)) {
        Some(Sentiment::Positive)
    } else if NEGATIVE.iter().any(|w| c.starts_with(w)) {
        Some(Sentiment::Negative)
    } else if NEUTRAL.iter().any(|w| c.starts_with(w)) {
        Some(Sentiment::Neutral)
    } else {
        None
    }
}

fn read_table(
    table: &Table,
    at: usize,
    fields: &[Option<Field>],
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let header = &table.rows[at];
    let rows = &table.rows[at + 1..];
    let mut parsed = Parsed::new("mentions", None, "mentions");
    parsed.describe_header(header.cells(), fields.iter().map(|f| f.map(Field::name)));
    let column = |f: Field| fields.iter().position(|x| *x == Some(f));
    let cell = |row: &Row, f: Field| -> String {
        column(f)
            .and_then(|i| row.cell(i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    };
    let date_column = column(Field::Date).expect("a mentions header has a date");
    let date_name = header[date_column].trim().to_owned();
    let stamps: Vec<Option<date::Stamp>> = rows
        .iter()
        .map(|r| r.cell(date_column).and_then(date::parse))
        .collect();
    // Numeric dates that fit both orders follow the header's language: month first only in
    // English.
    parsed.language = language_of(header).into();
    let default_order = if parsed.language == "en" {
        Order::MonthFirst
    } else {
        Order::DayFirst
    };
    let order = super::read::decide_order(
        stamps.iter().flatten(),
        &date_name,
        header.line,
        default_order,
        &mut parsed,
    )?;
    let cells_of = |fs: &[Field]| -> Vec<&str> {
        fs.iter()
            .filter_map(|&f| column(f))
            .flat_map(|i| rows.iter().filter_map(move |r| r.cell(i)))
            .collect()
    };
    // A column that does not say (`12.500`) follows the file's other numbers, then its language.
    let file_style = value::column_style(cells_of(&[
        Field::Reach,
        Field::Followers,
        Field::Sentiment,
    ]))
    .unwrap_or_else(|| value::language_style(&parsed.language));
    let style = |f: Field| value::column_style(cells_of(&[f])).unwrap_or(file_style);
    let (reach_style, followers_style) = (style(Field::Reach), style(Field::Followers));
    let sentiment_style = style(Field::Sentiment);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, stamp) in rows.iter().zip(&stamps) {
        if row.cells().all(value::is_empty) {
            continue;
        }
        parsed.rows += 1;
        let Some((stamp, day)) =
            stamp.and_then(|s| date::resolve(s.date, order).map(|day| (s, day)))
        else {
            parsed.skip(row.line, &date_name, "bad-date", cell(row, Field::Date));
            continue;
        };
        let time = stamp.time.or_else(|| date::clock(&cell(row, Field::Time)));
        let published = local_to_instant(day, time, stamp.offset, &options.time_zone);
        let mut text = cell(row, Field::Text);
        let title = cell(row, Field::Title);
        if text.is_empty() {
            text = title;
        } else if !title.is_empty() && !text.starts_with(&title) {
            text = format!("{title}\n{text}");
        }
        let url = Some(cell(row, Field::Url)).filter(|u| !value::is_empty(u));
        let author = cell(row, Field::Author);
        let id = Some(cell(row, Field::Id))
            .filter(|i| !value::is_empty(i))
            .or_else(|| url.clone())
            .unwrap_or_else(|| {
                content_hash(format!("{}|{author}|{text}", published.to_rfc3339()).as_bytes())
            });
        let mention = Mention {
            id: MentionId(id.clone()),
            platform: platform_of(&cell(row, Field::Source), url.as_deref().unwrap_or("")),
            author,
            author_followers: value::number(&cell(row, Field::Followers), followers_style),
            published,
            text,
            url,
            reach: value::number(&cell(row, Field::Reach), reach_style),
            sentiment: sentiment_of(&cell(row, Field::Sentiment), sentiment_style),
            batch: None,
        };
        match seen.get(&id) {
            Some(&i) => {
                // The same mention twice in one file: the later row wins.
                parsed.skip(row.line, "", "duplicate-in-file", id);
                mentions[i] = mention;
            }
            None => {
                seen.insert(id, mentions.len());
                mentions.push(mention);
            }
        }
    }
    if mentions.is_empty() {
        return Err(ImportError::new("no-records", "no mention could be read")
            .at(rows.first().map_or(header.line, |r| r.line), &date_name));
    }
    let days = mentions
        .iter()
        .map(|m| crate::domain::tz::local_date(&m.published, &options.time_zone));
    parsed.period = days.clone().min().zip(days.max());
    parsed.mentions = mentions;
    Ok(parsed)
}
