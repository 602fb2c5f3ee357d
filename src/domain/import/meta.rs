//! Meta Business Suite: content exports (Facebook posts, Instagram posts and stories, in any UI
//! language) and insights time series (`sep=,`, a title line naming the metric, `Date,Primary`).

use super::date::Order;
use super::header::{META_CONTENT, META_SERIES, Meaning};
use super::read::{self, Family, Layout, PostRules};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Metric, Platform, PostFormat};

pub(super) const CONTENT: Family = Family {
    id: "meta-content",
    dictionaries: &[META_CONTENT],
    required: &[Meaning::PostId, Meaning::PublishTime],
    expected: &[
        Meaning::Permalink,
        Meaning::Metric(Metric::Reach),
        Meaning::Metric(Metric::Comments),
        Meaning::Metric(Metric::Shares),
    ],
    read: read_content,
    streamed: Some(content_rules),
};

pub(super) const SERIES: Family = Family {
    id: "meta-series",
    dictionaries: &[META_SERIES],
    required: &[Meaning::Date, Meaning::Primary],
    expected: &[],
    read: read_series,
    streamed: None,
};

fn read_content(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    let rules = content_rules(layout, parsed);
    read::read_posts(layout, options, &rules, options.today, parsed)
}

/// How a content export's rows are read; the account is the first row's.
fn content_rules(layout: &Layout, parsed: &mut Parsed) -> PostRules {
    // Instagram exports name an account (with a username); Facebook ones a Page.
    let platform = if layout.has(Meaning::AccountHandle) {
        Platform::Instagram
    } else {
        Platform::Facebook
    };
    if let Some(first) = layout.data.first() {
        let get = |m| Some(layout.cell(first, m).to_owned()).filter(|s| !s.is_empty());
        parsed.account.external_id = get(Meaning::AccountId);
        parsed.account.name = get(Meaning::AccountName);
        parsed.account.handle = get(Meaning::AccountHandle);
    }
    PostRules {
        platform,
        date_order: Order::MonthFirst,
        id_from_link: read::last_segment,
        format: post_format,
        independent_years: false,
        promoted: read::never_promoted,
    }
}

/// Meta's post types in every language, by the words they contain.
pub(super) fn post_format(kind: &str) -> PostFormat {
    let k = kind.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    if has(&["story", "stories", "cerita", "historia", "tin"]) {
        PostFormat::Story
    } else if has(&["reel"]) {
        PostFormat::Reel
    } else if has(&["carousel", "carrossel", "carrusel", "korsel", "album"]) {
        PostFormat::Carousel
    } else if has(&["live", "langsung", "directo", "ao vivo"]) {
        PostFormat::Live
    } else if has(&["video", "vídeo"]) {
        PostFormat::Video
    } else if has(&[
        "photo", "image", "foto", "gambar", "imagen", "imagem", "ảnh", "写真",
    ]) {
        PostFormat::Photo
    } else if has(&["link", "tautan", "enlace", "liên kết"]) {
        PostFormat::Link
    } else if has(&["text", "status", "teks", "texto"]) {
        PostFormat::Text
    } else {
        PostFormat::Other
    }
}

fn read_series(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    // The title sits on a line of its own above the header.
    let title = layout
        .table
        .rows
        .iter()
        .take_while(|r| r.line < layout.header.line)
        .map(|r| r.cells().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let metric = series_metric(&title).ok_or_else(|| {
        ImportError::new("unknown-series", title.clone())
            .at(layout.header.line.saturating_sub(1), "")
    })?;
    parsed.platform = Some(if title.contains("instagram") {
        Platform::Instagram
    } else {
        Platform::Facebook
    });
    parsed.kind = if metric == Metric::FollowersGained {
        "followers"
    } else {
        "daily"
    }
    .into();
    let column = layout.column(Meaning::Primary).unwrap_or(1);
    layout.relabel(column, Meaning::Metric(metric));
    read::read_daily(layout, Order::MonthFirst, options.today, false, parsed)
}

fn series_metric(title: &str) -> Option<Metric> {
    const WORDS: &[(&[&str], Metric)] = &[
        (
            &[
                "link click",
                "klik tautan",
                "clics en el enlace",
                "cliques no link",
            ],
            Metric::LinkClicks,
        ),
        (
            &["visit", "kunjungan", "visitas", "lượt truy cập"],
            Metric::PageVisits,
        ),
        (
            &[
                "follow",
                "ikuti",
                "pengikut",
                "seguidores",
                "người theo dõi",
            ],
            Metric::FollowersGained,
        ),
        (
            &[
                "interaction",
                "interaksi",
                "interacciones",
                "interações",
                "tương tác",
            ],
            Metric::Interactions,
        ),
        (
            &["reach", "jangkauan", "alcance", "tiếp cận"],
            Metric::Reach,
        ),
        (
            &[
                "view",
                "tayangan",
                "visualizaciones",
                "visualizações",
                "lượt xem",
                "impression",
            ],
            Metric::Views,
        ),
    ];
    WORDS
        .iter()
        .find(|(words, _)| words.iter().any(|w| title.contains(w)))
        .map(|(_, m)| *m)
}
