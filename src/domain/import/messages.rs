//! Inbox exports (Sprout Social, Hootsuite Inbox, Meta Business Suite, help-desk tools and the
//! like): one row per comment or direct message the brand received, with when it came, who sent
//! it, its text, the network, and how it was answered (a reply time, or a response time in
//! minutes, seconds or `1h 20m`). Columns are mapped by meaning through the dictionary below, in
//! the same languages as listening exports. Recognised before listening exports: the header has a
//! date and a text and at least one inbox column (conversation, message type, reply time,
//! response time, assignee). Each message names the brand profile it reached (a profile column,
//! else the network); applying the file matches it to a profile of the workspace.

use std::collections::HashMap;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::date::{self, Order};
use super::mentions::{language_of, platform_of, sentiment_of};
use super::table::{Row, Table};
use super::value;
use super::{ImportError, ImportOptions, Parsed, content_hash, local_to_instant};
use crate::domain::{Message, MessageId, MessageKind, Platform, ProfileId, Sentiment};

/// A message as read from a file, with the brand profile it reached (matched when applied).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub message: Message,
    pub platform: Platform,
    /// The brand account's name or handle as the file writes it (empty: not named).
    pub account: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Id,
    Conversation,
    Date,
    Time,
    Author,
    Text,
    Network,
    Account,
    Kind,
    RepliedAt,
    ResponseTime,
    Assignee,
    Status,
    Sentiment,
    Link,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Conversation => "conversation",
            Field::Date => "date",
            Field::Time => "time",
            Field::Author => "author",
            Field::Text => "text",
            Field::Network => "network",
            Field::Account => "profile",
            Field::Kind => "message type",
            Field::RepliedAt => "first reply",
            Field::ResponseTime => "response time",
            Field::Assignee => "assignee",
            Field::Status => "status",
            Field::Sentiment => "sentiment",
            Field::Link => "link",
        }
    }
}

/// Column names (compared lowercase, trimmed; a unit in brackets is read separately) in
/// English, Indonesian, Spanish, Portuguese, Vietnamese and Japanese.
const COLUMNS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "id",
            "message id",
            "message_id",
            "guid",
            "id pesan",
            "id del mensaje",
            "id da mensagem",
        ],
    ),
    (
        Field::Conversation,
        &[
            "conversation",
            "conversation id",
            "thread",
            "thread id",
            "ticket",
            "ticket id",
            "percakapan",
            "id percakapan",
            "conversación",
            "conversa",
            "cuộc trò chuyện",
            "会話",
        ],
    ),
    (
        Field::Date,
        &[
            "date",
            "received",
            "received at",
            "received date",
            "timestamp",
            "created",
            "created at",
            "created_at",
            "sent",
            "sent at",
            "tanggal",
            "waktu",
            "diterima",
            "waktu diterima",
            "tanggal diterima",
            "date received",
            "received on",
            "fecha",
            "recibido",
            "data",
            "recebida",
            "ngày",
            "thời gian",
            "日付",
            "受信日時",
        ],
    ),
    (Field::Time, &["time", "hour", "jam", "hora", "giờ", "時刻"]),
    (
        Field::Author,
        &[
            "from",
            "author",
            "sender",
            "customer",
            "contact",
            "user",
            "username",
            "dari",
            "pengirim",
            "pelanggan",
            "remitente",
            "cliente",
            "remetente",
            "người gửi",
            "khách hàng",
            "送信者",
        ],
    ),
    (
        Field::Text,
        &[
            "message",
            "text",
            "content",
            "body",
            "comment",
            "pesan",
            "isi pesan",
            "komentar",
            "teks",
            "mensaje",
            "texto",
            "comentario",
            "mensagem",
            "comentário",
            "tin nhắn",
            "nội dung",
            "メッセージ",
            "本文",
        ],
    ),
    (
        Field::Network,
        &[
            "network",
            "social network",
            "channel",
            "platform",
            "source",
            "jaringan",
            "kanal",
            "saluran",
            "platform media",
            "red social",
            "canal",
            "rede social",
            "kênh",
            "nền tảng",
            "ネットワーク",
            "チャネル",
        ],
    ),
    (
        Field::Account,
        &[
            "profile",
            "page",
            "account",
            "brand profile",
            "inbox",
            "profil",
            "halaman",
            "akun",
            "perfil",
            "página",
            "cuenta",
            "conta",
            "trang",
            "tài khoản",
            "プロフィール",
            "アカウント",
        ],
    ),
    (
        Field::Kind,
        &[
            "message type",
            "type",
            "category",
            "tag",
            "tags",
            "jenis pesan",
            "kategori",
            "tipo de mensaje",
            "categoría",
            "tipo de mensagem",
            "categoria",
            "loại tin nhắn",
            "種類",
        ],
    ),
    (
        Field::RepliedAt,
        &[
            "first reply",
            "first reply at",
            "first response",
            "first response at",
            "replied at",
            "reply time",
            "dibalas",
            "waktu balasan",
            "balasan pertama",
            "primera respuesta",
            "respondido",
            "primeira resposta",
            "phản hồi đầu tiên",
            "初回返信",
        ],
    ),
    (
        Field::ResponseTime,
        &[
            "response time",
            "first response time",
            "time to first response",
            "reply duration",
            "waktu respons",
            "waktu tanggap",
            "lama respons",
            "tiempo de respuesta",
            "tempo de resposta",
            "thời gian phản hồi",
            "応答時間",
        ],
    ),
    (
        Field::Assignee,
        &[
            "assignee",
            "assigned to",
            "agent",
            "owner",
            "replied by",
            "petugas",
            "ditugaskan",
            "agente",
            "asignado a",
            "responsável",
            "người phụ trách",
            "担当者",
        ],
    ),
    (
        Field::Status,
        &[
            "status",
            "state",
            "estado",
            "situação",
            "trạng thái",
            "ステータス",
        ],
    ),
    (
        Field::Sentiment,
        &[
            "sentiment",
            "sentimen",
            "sentimiento",
            "sentimento",
            "cảm xúc",
            "感情",
        ],
    ),
    (
        Field::Link,
        &[
            "permalink",
            "link",
            "url",
            "tautan",
            "enlace",
            "liên kết",
            "リンク",
        ],
    ),
];

/// A header without its unit: `Response time (minutes)` → (`response time`, `minutes`).
fn split_unit(header: &str) -> (String, String) {
    let key = super::header::normalize(header);
    match key.find('(') {
        Some(i) if key.ends_with(')') => (
            key[..i].trim().to_owned(),
            key[i + 1..key.len() - 1].trim().to_owned(),
        ),
        _ => (key, String::new()),
    }
}

fn field_of(header: &str) -> Option<Field> {
    super::header::field_named(COLUMNS, &split_unit(header).0)
}

/// The header row (among the first ten) and each column's field, when the table is an inbox
/// export.
fn header_of(table: &Table) -> Option<(usize, Vec<Option<Field>>)> {
    super::header::find_fields(table, field_of, |row, fields| {
        let has = |f: Field| fields.contains(&Some(f));
        let inbox = [
            Field::Conversation,
            Field::RepliedAt,
            Field::ResponseTime,
            Field::Assignee,
        ]
        .into_iter()
        .any(has)
            || row
                .cells()
                .any(|c| split_unit(c).0.contains("message type"));
        has(Field::Date) && has(Field::Text) && inbox
    })
}

/// Reads the first table that is an inbox export; `None` when none is.
pub(super) fn read(
    tables: &[Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    tables.iter().find_map(|table| {
        let (at, fields) = header_of(table)?;
        Some(read_table(table, at, &fields, options))
    })
}

/// A response time as exports write it: `01:20:05`, `1:20`, `1h 20m`, `2 d 3 j`, or a number in
/// the header's unit (minutes when it names none).
fn response_time(cell: &str, unit: &str) -> Option<Duration> {
    let c = cell.trim().to_lowercase();
    if value::is_empty(&c) {
        return None;
    }
    if c.contains(':') {
        let parts: Vec<i64> = c
            .split(':')
            .map(|p| p.trim().parse::<i64>().ok())
            .collect::<Option<_>>()?;
        return match parts.as_slice() {
            [h, m, s] => Some(Duration::seconds(h * 3600 + m * 60 + s)),
            [h, m] => Some(Duration::seconds(h * 3600 + m * 60)),
            _ => None,
        };
    }
    if let Ok(n) = c.replace(',', ".").parse::<f64>() {
        if !n.is_finite() || n < 0.0 {
            return None;
        }
        let seconds_per = match unit {
            u if u.starts_with("sec")
                || u.starts_with("det")
                || u.starts_with("seg")
                || u == "s" =>
            {
                1.0
            }
            u if u.starts_with("hour")
                || u.starts_with("jam")
                || u.starts_with("hora")
                || u == "h" =>
            {
                3600.0
            }
            u if u.starts_with("day")
                || u.starts_with("hari")
                || u.starts_with("día")
                || u == "d" =>
            {
                86_400.0
            }
            _ => 60.0,
        };
        return Some(Duration::seconds((n * seconds_per).round() as i64));
    }
    // Amounts with units: `1h 20m`, `2 d 3 j 5 mnt`, `45s`.
    let mut total = 0.0;
    let mut number = String::new();
    let mut any = false;
    let mut chars = c.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch.is_ascii_digit() || ch == '.' || ch == ',' {
            number.push(if ch == ',' { '.' } else { ch });
            continue;
        }
        if ch.is_whitespace() {
            continue;
        }
        let mut word = String::from(ch);
        while let Some(&next) = chars.peek() {
            if next.is_alphabetic() {
                word.push(next);
                chars.next();
            } else {
                break;
            }
        }
        let n: f64 = number.parse().ok()?;
        number.clear();
        let per = match word.as_str() {
            w if w.starts_with("det") || w.starts_with('s') => 1.0,
            w if w.starts_with("hari") || w.starts_with('d') => 86_400.0,
            w if w.starts_with('h') || w.starts_with('j') => 3600.0,
            w if w.starts_with('m') => 60.0,
            _ => return None,
        };
        total += n * per;
        any = true;
    }
    (any && number.is_empty()).then(|| Duration::seconds(total.round() as i64))
}

/// What a message is about: the type column when it says, else its sentiment and wording.
fn kind_of(kind: &str, text: &str, sentiment: Option<Sentiment>) -> MessageKind {
    let k = kind.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    if has(&[
        "question",
        "pertanyaan",
        "tanya",
        "pregunta",
        "pergunta",
        "câu hỏi",
        "質問",
    ]) {
        return MessageKind::Question;
    }
    if has(&[
        "complaint",
        "keluhan",
        "komplain",
        "queja",
        "reclamação",
        "khiếu nại",
        "苦情",
    ]) {
        return MessageKind::Complaint;
    }
    if has(&["praise", "compliment", "pujian", "elogio", "khen", "称賛"]) {
        return MessageKind::Praise;
    }
    let t = text.to_lowercase();
    const ASKING: [&str; 14] = [
        "?",
        "apa ",
        "apakah",
        "bagaimana",
        "kapan",
        "berapa",
        "dimana",
        "di mana",
        "how ",
        "when ",
        "what ",
        "where ",
        "cómo",
        "quando",
    ];
    if ASKING.iter().any(|w| t.contains(w)) {
        MessageKind::Question
    } else {
        match sentiment {
            Some(Sentiment::Negative) => MessageKind::Complaint,
            Some(Sentiment::Positive) => MessageKind::Praise,
            _ => MessageKind::Other,
        }
    }
}

/// Whether a status says no answer was needed.
fn no_reply_needed(status: &str) -> bool {
    let s = status.to_lowercase();
    [
        "no response needed",
        "no reply needed",
        "no action",
        "tidak perlu",
        "sin respuesta necesaria",
        "não requer",
        "không cần",
        "対応不要",
    ]
    .iter()
    .any(|w| s.contains(w))
}

fn read_table(
    table: &Table,
    at: usize,
    fields: &[Option<Field>],
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let header = &table.rows[at];
    let rows = &table.rows[at + 1..];
    let mut parsed = Parsed::new("inbox", None, "messages");
    parsed.describe_header(header.cells(), fields.iter().map(|f| f.map(Field::name)));
    let column = |f: Field| fields.iter().position(|x| *x == Some(f));
    let cell = |row: &Row, f: Field| -> String {
        column(f)
            .and_then(|i| row.cell(i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    };
    let date_column = column(Field::Date).expect("an inbox header has a date");
    let date_name = header[date_column].trim().to_owned();
    let stamps: Vec<Option<date::Stamp>> = rows
        .iter()
        .map(|r| r.cell(date_column).and_then(date::parse))
        .collect();
    let replies: Vec<Option<date::Stamp>> = rows
        .iter()
        .map(|r| {
            column(Field::RepliedAt)
                .and_then(|i| r.cell(i))
                .and_then(date::parse)
        })
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
        stamps.iter().chain(&replies).flatten(),
        &date_name,
        header.line,
        default_order,
        &mut parsed,
    )?;
    let style = value::language_style(&parsed.language);
    let unit = column(Field::ResponseTime)
        .map(|i| split_unit(&header[i]).1)
        .unwrap_or_default();
    let instant = |stamp: &date::Stamp, time: Option<chrono::NaiveTime>| {
        date::resolve(stamp.date, order)
            .map(|day| local_to_instant(day, stamp.time.or(time), stamp.offset, &options.time_zone))
    };
    let mut messages: Vec<InboxMessage> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for ((row, stamp), reply) in rows.iter().zip(&stamps).zip(&replies) {
        if row.cells().all(value::is_empty) {
            continue;
        }
        parsed.rows += 1;
        let time = date::clock(&cell(row, Field::Time));
        let Some(received) = stamp.as_ref().and_then(|s| instant(s, time)) else {
            parsed.skip(row.line, &date_name, "bad-date", cell(row, Field::Date));
            continue;
        };
        let first_reply = reply
            .as_ref()
            .and_then(|r| instant(r, None))
            .or_else(|| response_time(&cell(row, Field::ResponseTime), &unit).map(|d| received + d))
            .filter(|r| *r >= received);
        let text = cell(row, Field::Text);
        let author = cell(row, Field::Author);
        let link = cell(row, Field::Link);
        let sentiment = sentiment_of(&cell(row, Field::Sentiment), style);
        let kind = kind_of(&cell(row, Field::Kind), &text, sentiment);
        let needs_reply = first_reply.is_some()
            || (kind != MessageKind::Praise && !no_reply_needed(&cell(row, Field::Status)));
        let id = Some(cell(row, Field::Id))
            .filter(|i| !value::is_empty(i))
            .unwrap_or_else(|| {
                content_hash(format!("{}|{author}|{text}", received.to_rfc3339()).as_bytes())
            });
        let conversation = Some(cell(row, Field::Conversation))
            .filter(|c| !value::is_empty(c))
            .unwrap_or_else(|| id.clone());
        let assignee = Some(cell(row, Field::Assignee))
            .filter(|a| !value::is_empty(a))
            .map(crate::domain::MemberId);
        let account = cell(row, Field::Account);
        let message = InboxMessage {
            platform: platform_of(&cell(row, Field::Network), &link),
            account,
            message: Message {
                id: MessageId(id.clone()),
                profile: ProfileId(String::new()),
                conversation,
                author,
                received,
                text,
                kind,
                needs_reply,
                first_reply,
                assignee,
                sentiment,
                batch: None,
            },
        };
        match seen.get(&id) {
            Some(&i) => {
                // The same message twice in one file: the later row wins.
                parsed.skip(row.line, "", "duplicate-in-file", id);
                messages[i] = message;
            }
            None => {
                seen.insert(id, messages.len());
                messages.push(message);
            }
        }
    }
    if messages.is_empty() {
        return Err(ImportError::new("no-records", "no message could be read")
            .at(rows.first().map_or(header.line, |r| r.line), &date_name));
    }
    let days = messages
        .iter()
        .map(|m| crate::domain::tz::local_date(&m.message.received, &options.time_zone));
    parsed.period = days.clone().min().zip(days.max());
    parsed.messages = messages;
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_times_in_every_written_form() {
        let cases = [
            ("01:20:05", "", Some(4805)),
            ("1:20", "", Some(4800)),
            ("80", "", Some(4800)),
            ("80", "minutes", Some(4800)),
            ("90", "seconds", Some(90)),
            ("90", "detik", Some(90)),
            ("1,5", "jam", Some(5400)),
            ("1h 20m", "", Some(4800)),
            ("2 d 3 j", "", Some(2 * 86_400 + 3 * 3600)),
            ("45s", "", Some(45)),
            ("1 hari 30 detik", "", Some(86_430)),
            ("", "", None),
            ("-", "", None),
            ("soon", "", None),
            ("12 13", "", None),
        ];
        for (cell, unit, expected) in cases {
            assert_eq!(
                response_time(cell, unit).map(|d| d.num_seconds()),
                expected,
                "{cell:?} in {unit:?}"
            );
        }
    }

    #[test]
    fn kinds_from_the_type_column_else_the_wording_and_sentiment() {
        assert_eq!(kind_of("Keluhan", "", None), MessageKind::Complaint);
        assert_eq!(
            kind_of("", "Buka jam berapa kak?", None),
            MessageKind::Question
        );
        assert_eq!(
            kind_of("", "Pesanan saya salah lagi", Some(Sentiment::Negative)),
            MessageKind::Complaint
        );
        assert_eq!(
            kind_of("", "Mantap!", Some(Sentiment::Positive)),
            MessageKind::Praise
        );
        assert_eq!(kind_of("", "ok", None), MessageKind::Other);
    }

    #[test]
    fn units_are_read_apart_from_the_header() {
        assert_eq!(
            split_unit("Response Time (Minutes)"),
            ("response time".into(), "minutes".into())
        );
        assert_eq!(field_of("Waktu respons (detik)"), Some(Field::ResponseTime));
    }
}
