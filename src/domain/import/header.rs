//! Header dictionaries: what each column of an export means, in every UI language the platform
//! exports in. A family lists its columns once per language, so supporting a new language is
//! adding a table. Headers are compared after [`normalize`].

use crate::domain::model::Metric;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Meaning {
    PostId,
    AccountId,
    AccountName,
    AccountHandle,
    Title,
    Text,
    PublishTime,
    Permalink,
    PostType,
    /// The day a row is about (daily series) or the day of the export (TikTok content).
    Date,
    Hour,
    Duration,
    Metric(Metric),
    /// A share of an audience (0..1 or a percentage).
    Share,
    /// The label of a breakdown row (gender, territory, city...).
    Category,
    Source,
    Medium,
    /// The value column of a single-metric series (Meta insights `Primary`); the metric is
    /// named by the title line above the header.
    Primary,
    /// X's daily `Tweets published`.
    PostsPublished,
    /// Known and deliberately not imported (promoted columns, rates that are recomputed).
    Ignored,
}

impl Meaning {
    /// How many [`Meaning::slot`]s there are.
    pub const SLOTS: usize = 19 + 32;

    /// A small dense number per meaning, for tables indexed by meaning (read for every row).
    pub fn slot(self) -> usize {
        match self {
            Meaning::PostId => 0,
            Meaning::AccountId => 1,
            Meaning::AccountName => 2,
            Meaning::AccountHandle => 3,
            Meaning::Title => 4,
            Meaning::Text => 5,
            Meaning::PublishTime => 6,
            Meaning::Permalink => 7,
            Meaning::PostType => 8,
            Meaning::Date => 9,
            Meaning::Hour => 10,
            Meaning::Duration => 11,
            Meaning::Share => 12,
            Meaning::Category => 13,
            Meaning::Source => 14,
            Meaning::Medium => 15,
            Meaning::Primary => 16,
            Meaning::PostsPublished => 17,
            Meaning::Ignored => 18,
            Meaning::Metric(m) => 19 + m as usize,
        }
    }
}

/// One language's names for a family's columns.
pub struct Dictionary {
    pub language: &'static str,
    pub columns: &'static [(Meaning, &'static str)],
}

/// Lowercase, trimmed, inner whitespace collapsed, BOM and quotes dropped.
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for word in header
        .trim_matches(|c: char| c == '\u{feff}' || c == '"' || c.is_whitespace())
        .split_whitespace()
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// The field whose names (normalised, see [`normalize`]) include `key`, for importers whose
/// columns are found through a table of `(field, names)`.
pub fn field_named<F: Copy>(columns: &[(F, &[&str])], key: &str) -> Option<F> {
    columns
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(f, _)| *f)
}

/// The header row among a table's first ten and each of its columns' field: the first row whose
/// fields (`field_of` each cell) `accept` says make the table the importer's.
pub fn find_fields<F: Copy + PartialEq>(
    table: &super::table::Table,
    field_of: impl Fn(&str) -> Option<F>,
    accept: impl Fn(&super::table::Row, &[Option<F>]) -> bool,
) -> Option<(usize, Vec<Option<F>>)> {
    table.rows.iter().take(10).enumerate().find_map(|(i, row)| {
        let fields: Vec<Option<F>> = row.cells().map(&field_of).collect();
        accept(row, &fields).then_some((i, fields))
    })
}

/// The meaning of a header in any of the dictionaries, and the language it matched.
pub fn lookup(dictionaries: &[Dictionary], header: &str) -> Option<(Meaning, &'static str)> {
    // Long cells (post texts on the rows tried as a header) are never a column name.
    if header.len() > 120 {
        return None;
    }
    let key = normalize(header);
    dictionaries.iter().find_map(|d| {
        d.columns
            .iter()
            .find(|(_, name)| normalized(name).eq(key.chars()))
            .map(|(m, _)| (*m, d.language))
    })
}

/// The characters of `normalize(text)`, without building the string.
fn normalized(text: &str) -> impl Iterator<Item = char> + '_ {
    text.trim_matches(|c: char| c == '\u{feff}' || c == '"' || c.is_whitespace())
        .split_whitespace()
        .enumerate()
        .flat_map(|(i, word)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().flat_map(char::to_lowercase))
        })
}

use Meaning::*;
use Metric as M;

/// Meta Business Suite content exports (Facebook posts, Instagram posts and stories).
pub const META_CONTENT: &[Dictionary] = &[
    Dictionary {
        language: "en",
        columns: &[
            (PostId, "Post ID"),
            (AccountId, "Page ID"),
            (AccountId, "Account ID"),
            (AccountName, "Page name"),
            (AccountName, "Account name"),
            (AccountHandle, "Account username"),
            (Title, "Title"),
            (Text, "Description"),
            (Duration, "Duration (sec)"),
            (PublishTime, "Publish time"),
            (Permalink, "Permalink"),
            (PostType, "Post type"),
            (Date, "Date"),
            (Metric(M::Views), "Views"),
            (Metric(M::Impressions), "Impressions"),
            (Metric(M::Reach), "Reach"),
            (Ignored, "Reactions, Comments and Shares"),
            (Metric(M::Reactions), "Reactions"),
            (Metric(M::Reactions), "Likes"),
            (Metric(M::Comments), "Comments"),
            (Metric(M::Shares), "Shares"),
            (Metric(M::Saves), "Saves"),
            (Metric(M::FollowersGained), "Follows"),
            (Metric(M::Clicks), "Total clicks"),
            (Metric(M::LinkClicks), "Link Clicks"),
            (Metric(M::ProfileVisits), "Profile visits"),
            (Metric(M::WatchTimeSeconds), "Seconds viewed"),
            (Metric(M::AverageViewSeconds), "Average Seconds viewed"),
            (Metric(M::Revenue), "Estimated earnings (USD)"),
            (Ignored, "Caption type"),
            (Ignored, "Is crosspost"),
            (Ignored, "Is share"),
            (Ignored, "Languages"),
            (Ignored, "Custom labels"),
            (Ignored, "Funded content status"),
            (Ignored, "Data comment"),
            (Ignored, "Other Clicks"),
            (
                Ignored,
                "Matched Audience Targeting Consumption (Photo Click)",
            ),
            (Ignored, "Negative feedback from users: Hide all"),
            (Ignored, "Negative feedback from users: Hide"),
            (Ignored, "Ad CPM (USD)"),
            (Ignored, "Ad impressions"),
            (Ignored, "Replies"),
            (Ignored, "Navigation"),
            (Ignored, "Sticker taps"),
        ],
    },
    Dictionary {
        language: "id",
        columns: &[
            (PostId, "ID Postingan"),
            (AccountId, "ID Halaman"),
            (AccountId, "ID Akun"),
            (AccountName, "Nama Halaman"),
            (AccountName, "Nama akun"),
            (AccountHandle, "Nama pengguna akun"),
            (Title, "Judul"),
            (Text, "Deskripsi"),
            (Duration, "Durasi (detik)"),
            (PublishTime, "Waktu publikasi"),
            (Permalink, "Tautan permanen"),
            (PostType, "Jenis postingan"),
            (Date, "Tanggal"),
            (Metric(M::Views), "Tayangan"),
            (Metric(M::Impressions), "Impresi"),
            (Metric(M::Reach), "Jangkauan"),
            (Ignored, "Reaksi, Komentar, dan Bagikan"),
            (Metric(M::Reactions), "Reaksi"),
            (Metric(M::Reactions), "Suka"),
            (Metric(M::Comments), "Komentar"),
            (Metric(M::Shares), "Bagikan"),
            (Metric(M::Shares), "Dibagikan"),
            (Metric(M::Saves), "Simpan"),
            (Metric(M::Saves), "Disimpan"),
            (Metric(M::FollowersGained), "Mengikuti"),
            (Metric(M::Clicks), "Total klik"),
            (Metric(M::LinkClicks), "Klik tautan"),
            (Metric(M::WatchTimeSeconds), "Detik ditonton"),
        ],
    },
    Dictionary {
        language: "vi",
        columns: &[
            (PostId, "ID bài viết"),
            (AccountId, "ID Trang"),
            (AccountId, "ID tài khoản"),
            (AccountName, "Tên Trang"),
            (AccountName, "Tên tài khoản"),
            (AccountHandle, "Tên người dùng tài khoản"),
            (Title, "Tiêu đề"),
            (Text, "Mô tả"),
            (Duration, "Thời lượng (giây)"),
            (PublishTime, "Thời gian đăng"),
            (Permalink, "Liên kết cố định"),
            (PostType, "Loại bài viết"),
            (Date, "Ngày"),
            (Metric(M::Views), "Lượt xem"),
            (Metric(M::Reach), "Lượt tiếp cận"),
            (Ignored, "Cảm xúc, bình luận và lượt chia sẻ"),
            (Metric(M::Reactions), "Cảm xúc"),
            (Metric(M::Reactions), "Lượt thích"),
            (Metric(M::Comments), "Bình luận"),
            (Metric(M::Shares), "Lượt chia sẻ"),
            (Metric(M::Saves), "Lượt lưu"),
            (Metric(M::LinkClicks), "Lượt click vào liên kết"),
        ],
    },
    Dictionary {
        language: "es",
        columns: &[
            (PostId, "Identificador de la publicación"),
            (AccountId, "Identificador de la página"),
            (AccountId, "Identificador de la cuenta"),
            (AccountName, "Nombre de la página"),
            (AccountName, "Nombre de la cuenta"),
            (AccountHandle, "Nombre de usuario de la cuenta"),
            (Title, "Título"),
            (Text, "Descripción"),
            (Duration, "Duración (s)"),
            (PublishTime, "Hora de publicación"),
            (Permalink, "Enlace permanente"),
            (PostType, "Tipo de publicación"),
            (Date, "Fecha"),
            (Metric(M::Views), "Visualizaciones"),
            (Metric(M::Impressions), "Impresiones"),
            (Metric(M::Reach), "Alcance"),
            (Ignored, "Reacciones, comentarios y veces que se compartió"),
            (Metric(M::Reactions), "Reacciones"),
            (Metric(M::Reactions), "Me gusta"),
            (Metric(M::Comments), "Comentarios"),
            (Metric(M::Shares), "Veces que se compartió"),
            (Metric(M::Saves), "Veces que se guardó"),
            (Metric(M::LinkClicks), "Clics en el enlace"),
        ],
    },
    Dictionary {
        language: "pt",
        columns: &[
            (PostId, "Identificação do post"),
            (AccountId, "Identificação da Página"),
            (AccountId, "Identificação da conta"),
            (AccountName, "Nome da Página"),
            (AccountName, "Nome da conta"),
            (AccountHandle, "Nome de usuário da conta"),
            (Title, "Título"),
            (Text, "Descrição"),
            (Duration, "Duração (s)"),
            (PublishTime, "Horário de publicação"),
            (Permalink, "Link permanente"),
            (PostType, "Tipo de post"),
            (Date, "Data"),
            (Metric(M::Views), "Visualizações"),
            (Metric(M::Impressions), "Impressões"),
            (Metric(M::Reach), "Alcance"),
            (Ignored, "Reações, comentários e compartilhamentos"),
            (Metric(M::Reactions), "Reações"),
            (Metric(M::Reactions), "Curtidas"),
            (Metric(M::Comments), "Comentários"),
            (Metric(M::Shares), "Compartilhamentos"),
            (Metric(M::Saves), "Salvamentos"),
            (Metric(M::LinkClicks), "Cliques no link"),
        ],
    },
    Dictionary {
        language: "ja",
        columns: &[
            (PostId, "投稿ID"),
            (AccountId, "ページID"),
            (AccountId, "アカウントID"),
            (AccountName, "ページ名"),
            (AccountName, "アカウント名"),
            (AccountHandle, "アカウントのユーザーネーム"),
            (Title, "タイトル"),
            (Text, "説明"),
            (Duration, "時間(秒)"),
            (PublishTime, "公開時間"),
            (PublishTime, "公開日時"),
            (Permalink, "パーマリンク"),
            (PostType, "投稿タイプ"),
            (Date, "日付"),
            (Metric(M::Views), "ビュー"),
            (Metric(M::Impressions), "インプレッション"),
            (Metric(M::Reach), "リーチ"),
            (Ignored, "リアクション、コメント、シェア"),
            (Metric(M::Reactions), "リアクション"),
            (Metric(M::Reactions), "いいね！"),
            (Metric(M::Comments), "コメント"),
            (Metric(M::Shares), "シェア"),
            (Metric(M::Saves), "保存"),
            (Metric(M::LinkClicks), "リンクのクリック"),
        ],
    },
];

/// Meta Business Suite insights time series (`Date,Primary`).
pub const META_SERIES: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[(Date, "Date"), (Primary, "Primary")],
}];

/// X / Twitter: the classic tweet activity export and its daily companion.
const X_COMMON: &[(Meaning, &str)] = &[
    (Metric(M::Impressions), "impressions"),
    (Ignored, "engagements"),
    (Ignored, "engagement rate"),
    (Metric(M::Shares), "retweets"),
    (Metric(M::Comments), "replies"),
    (Metric(M::Reactions), "likes"),
    (Metric(M::ProfileVisits), "user profile clicks"),
    (Metric(M::LinkClicks), "url clicks"),
    (Ignored, "hashtag clicks"),
    (Ignored, "detail expands"),
    (Ignored, "permalink clicks"),
    (Ignored, "app opens"),
    (Ignored, "app installs"),
    (Metric(M::FollowersGained), "follows"),
    (Ignored, "email tweet"),
    (Ignored, "dial phone"),
    (Metric(M::VideoViews), "media views"),
    (Ignored, "media engagements"),
    (Ignored, "promoted impressions"),
    (Ignored, "promoted engagements"),
    (Ignored, "promoted engagement rate"),
    (Ignored, "promoted retweets"),
    (Ignored, "promoted replies"),
    (Ignored, "promoted likes"),
    (Ignored, "promoted user profile clicks"),
    (Ignored, "promoted url clicks"),
    (Ignored, "promoted hashtag clicks"),
    (Ignored, "promoted detail expands"),
    (Ignored, "promoted permalink clicks"),
    (Ignored, "promoted app opens"),
    (Ignored, "promoted app installs"),
    (Ignored, "promoted follows"),
    (Ignored, "promoted email tweet"),
    (Ignored, "promoted dial phone"),
    (Ignored, "promoted media views"),
    (Ignored, "promoted media engagements"),
];

pub const X_TWEETS: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[
        (PostId, "Tweet id"),
        (Permalink, "Tweet permalink"),
        (Text, "Tweet text"),
        (PublishTime, "time"),
    ],
}];

pub const X_DAILY: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[(Date, "Date"), (PostsPublished, "Tweets published")],
}];

pub const X_METRICS: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: X_COMMON,
}];

/// X's newer account_analytics_content export, whose headers follow the UI language.
pub const X_CONTENT: &[Dictionary] = &[
    Dictionary {
        language: "en",
        columns: &[
            (PostId, "Post id"),
            (PublishTime, "Date"),
            (Text, "Post text"),
            (Permalink, "Post Link"),
            (Metric(M::Impressions), "Impressions"),
            (Metric(M::Reactions), "Likes"),
            (Ignored, "Engagements"),
            (Metric(M::Saves), "Bookmarks"),
            (Ignored, "Shares"),
            (Metric(M::FollowersGained), "New follows"),
            (Metric(M::Comments), "Replies"),
            (Metric(M::Shares), "Reposts"),
            (Metric(M::ProfileVisits), "Profile visits"),
            (Ignored, "Detail Expands"),
            (Metric(M::LinkClicks), "URL Clicks"),
            (Ignored, "Hashtag Clicks"),
            (Ignored, "Permalink Clicks"),
        ],
    },
    Dictionary {
        language: "ja",
        columns: &[
            (PostId, "ポストID"),
            (PublishTime, "日付"),
            (Text, "ポスト本文"),
            (Permalink, "ポストのリンク"),
            (Metric(M::Impressions), "インプレッション数"),
            (Metric(M::Reactions), "いいね"),
            (Ignored, "エンゲージメント"),
            (Metric(M::Saves), "ブックマーク"),
            (Ignored, "共有された回数"),
            (Metric(M::FollowersGained), "新しいフォロー"),
            (Metric(M::Comments), "返信"),
            (Metric(M::Shares), "リポスト"),
            (Metric(M::ProfileVisits), "プロフィールへのアクセス数"),
            (Ignored, "詳細のクリック数"),
            (Metric(M::LinkClicks), "URLのクリック数"),
            (Ignored, "ハッシュタグのクリック数"),
            (Ignored, "固定リンクのクリック数"),
        ],
    },
];

/// TikTok Studio exports.
pub const TIKTOK: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[
        (Date, "Date"),
        (Date, "Time"),
        (Title, "Video title"),
        (Permalink, "Video link"),
        (PublishTime, "Post time"),
        (Metric(M::Reactions), "Total likes"),
        (Metric(M::Comments), "Total comments"),
        (Metric(M::Shares), "Total shares"),
        (Metric(M::Views), "Total views"),
        (Metric(M::VideoViews), "Video Views"),
        (Metric(M::ProfileVisits), "Profile Views"),
        (Metric(M::Reactions), "Likes"),
        (Metric(M::Comments), "Comments"),
        (Metric(M::Shares), "Shares"),
        (Hour, "Hour"),
        (Metric(M::Followers), "Active followers"),
        (Metric(M::Followers), "Followers"),
        (
            Metric(M::FollowersGained),
            "Difference in followers from previous day",
        ),
        (Category, "Gender"),
        (Category, "Top territories"),
        (Share, "Distribution"),
        (Metric(M::Reach), "Total Viewers"),
        (Ignored, "New Viewers"),
        (Ignored, "Returning Viewers"),
    ],
}];

/// YouTube Studio: Table data, Chart data and Totals.
pub const YOUTUBE: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[
        (PostId, "Content"),
        (Title, "Video title"),
        (PublishTime, "Video publish time"),
        (Duration, "Duration"),
        (Date, "Date"),
        (Metric(M::Views), "Views"),
        (Metric(M::WatchTimeSeconds), "Watch time (hours)"),
        (Metric(M::FollowersGained), "Subscribers"),
        (Metric(M::FollowersGained), "Subscribers gained"),
        (Metric(M::FollowersLost), "Subscribers lost"),
        (Metric(M::Impressions), "Impressions"),
        (Ignored, "Impressions click-through rate (%)"),
        (Metric(M::AverageViewSeconds), "Average view duration"),
        (Metric(M::Reactions), "Likes"),
        (Metric(M::Comments), "Comments added"),
        (Metric(M::Shares), "Shares"),
        (Metric(M::Revenue), "Estimated revenue (USD)"),
    ],
}];

/// Web analytics: GA4 (UI and API), Universal Analytics.
pub const WEB: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[
        (Date, "date"),
        (Date, "Date"),
        (Date, "Day"),
        (Source, "sessionSource"),
        (Medium, "sessionMedium"),
        (Source, "Session source"),
        (Medium, "Session medium"),
        (Source, "Session source / medium"),
        (Source, "Source / Medium"),
        (Source, "Session default channel group"),
        (Source, "Source"),
        (Medium, "Medium"),
        (Metric(M::Sessions), "sessions"),
        (Metric(M::Sessions), "Sessions"),
        (Metric(M::EngagedSessions), "engagedSessions"),
        (Metric(M::EngagedSessions), "Engaged sessions"),
        (Metric(M::PageVisits), "totalUsers"),
        (Metric(M::PageVisits), "Users"),
        (Metric(M::PageVisits), "Total users"),
        (Metric(M::Conversions), "conversions"),
        (Metric(M::Conversions), "Conversions"),
        (Metric(M::Conversions), "Key events"),
        (Metric(M::Revenue), "Total revenue"),
        (Ignored, "New users"),
        (Ignored, "newUsers"),
        (Ignored, "Engagement rate"),
        (Ignored, "Bounce Rate"),
        (Ignored, "Average engagement time per session"),
        (Ignored, "Avg. Session Duration"),
        (Ignored, "Pages / Session"),
        (Ignored, "Event count"),
    ],
}];

/// Classic Facebook Insights exports (before 2020): post level and page level, with a second
/// header row of long descriptions.
pub const FB_CLASSIC: &[Dictionary] = &[Dictionary {
    language: "en",
    columns: &[
        (PostId, "Post ID"),
        (Permalink, "Permalink"),
        (Text, "Post Message"),
        (PostType, "Type"),
        (PublishTime, "Posted"),
        (Ignored, "Countries"),
        (Ignored, "Languages"),
        (Ignored, "Audience Targeting"),
        (Metric(M::Reach), "Lifetime Post Total Reach"),
        (Metric(M::Impressions), "Lifetime Post Total Impressions"),
        (
            Metric(M::Reactions),
            "Lifetime Talking About This (Post) by action type - like",
        ),
        (
            Metric(M::Comments),
            "Lifetime Talking About This (Post) by action type - comment",
        ),
        (
            Metric(M::Shares),
            "Lifetime Talking About This (Post) by action type - share",
        ),
        (Metric(M::Clicks), "Lifetime Post Consumptions"),
        (
            Metric(M::LinkClicks),
            "Lifetime Post Consumptions by type - link clicks",
        ),
        (Date, "Date"),
        (Metric(M::Followers), "Lifetime Total Likes"),
        (Metric(M::FollowersGained), "Daily New Likes"),
        (Metric(M::FollowersLost), "Daily Unlikes"),
        (Metric(M::Reach), "Daily Total Reach"),
        (Metric(M::Impressions), "Daily Total Impressions"),
        (Metric(M::PageVisits), "Daily Total Page Views"),
    ],
}];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_meaning_has_its_own_slot() {
        // Metrics take the slots from 19 on, in their declaration order: the last one must fit.
        let last = crate::domain::model::Metric::Revenue;
        assert!(Meaning::Metric(last).slot() < Meaning::SLOTS);
        let mut slots: Vec<usize> = [
            Meaning::PostId,
            Meaning::AccountId,
            Meaning::AccountName,
            Meaning::AccountHandle,
            Meaning::Title,
            Meaning::Text,
            Meaning::PublishTime,
            Meaning::Permalink,
            Meaning::PostType,
            Meaning::Date,
            Meaning::Hour,
            Meaning::Duration,
            Meaning::Share,
            Meaning::Category,
            Meaning::Source,
            Meaning::Medium,
            Meaning::Primary,
            Meaning::PostsPublished,
            Meaning::Ignored,
        ]
        .iter()
        .map(|m| m.slot())
        .collect();
        slots.sort_unstable();
        assert_eq!(slots, (0..19).collect::<Vec<_>>());
    }

    #[test]
    fn normalized_characters_are_those_of_normalize() {
        for text in [
            "\u{feff}\"Post ID\"",
            "  Reactions,   Comments and\tShares ",
            "Tanggal Publikasi",
            "Thời gian đăng",
            "İZLENME Süresi",
            "投稿日時",
            "",
            "\"\"",
        ] {
            assert_eq!(
                normalized(text).collect::<String>(),
                normalize(text),
                "{text:?}"
            );
        }
    }
}
