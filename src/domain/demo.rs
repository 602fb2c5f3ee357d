//! The demo workspace: Kopi Nusantara, an Indonesian coffee chain, generated from a seed.
//!
//! Everything is derived from [`DemoOptions`] (a seed and the last day of data), so the same
//! options always give the same workspace. Nothing here reads the clock: the caller says which
//! day is "today". The numbers follow plausible patterns (weekly rhythm, growth, a decline in one
//! region, formats that engage differently) so that every screen has something true to show.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::model::*;

/// What the demo is generated from.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub seed: u64,
    /// The last day with published posts and metrics; planning covers the month after it.
    pub today: NaiveDate,
    /// Number of people in the audience table.
    pub audience_size: u32,
}

impl DemoOptions {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            seed: 2024,
            today,
            audience_size: 3_000,
        }
    }
}

/// The ID of the demo workspace.
pub const DEMO_WORKSPACE_ID: &str = "demo-kopi-nusantara";

/// Western Indonesia Time, the offset of every demo timestamp.
fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

struct ProfileSpec {
    id: &'static str,
    platform: Platform,
    handle: &'static str,
    name: &'static str,
    region: Option<&'static str>,
    sub_brand: Option<&'static str>,
    competitor: bool,
    /// Followers a year ago.
    followers: f64,
    /// Relative follower change over the year (0.3 = +30 %).
    growth: f64,
    /// Mean posts per day.
    rate: f64,
    /// Engagement per reach at the start of the year.
    engagement: f64,
    /// Relative engagement change over the last quarter (negative = falling).
    late_trend: f64,
    formats: &'static [(PostFormat, f64)],
}

const PROFILES: &[ProfileSpec] = &[
    ProfileSpec {
        id: "fb-jakarta",
        platform: Platform::Facebook,
        handle: "kopinusantara.jkt",
        name: "Kopi Nusantara Jakarta",
        region: Some("Jakarta"),
        sub_brand: None,
        competitor: false,
        followers: 48_000.0,
        growth: 0.12,
        rate: 2.4,
        engagement: 0.045,
        late_trend: 0.05,
        formats: &[
            (PostFormat::Photo, 0.45),
            (PostFormat::Video, 0.25),
            (PostFormat::Link, 0.2),
            (PostFormat::Text, 0.1),
        ],
    },
    ProfileSpec {
        id: "fb-surabaya",
        platform: Platform::Facebook,
        handle: "kopinusantara.sby",
        name: "Kopi Nusantara Surabaya",
        region: Some("Surabaya"),
        sub_brand: None,
        competitor: false,
        followers: 21_000.0,
        growth: -0.04,
        rate: 1.1,
        engagement: 0.05,
        late_trend: -0.45,
        formats: &[
            (PostFormat::Photo, 0.5),
            (PostFormat::Link, 0.35),
            (PostFormat::Text, 0.15),
        ],
    },
    ProfileSpec {
        id: "ig-main",
        platform: Platform::Instagram,
        handle: "kopinusantara",
        name: "Kopi Nusantara",
        region: None,
        sub_brand: None,
        competitor: false,
        followers: 86_000.0,
        growth: 0.35,
        rate: 1.5,
        engagement: 0.07,
        late_trend: 0.1,
        formats: &[
            (PostFormat::Photo, 0.35),
            (PostFormat::Reel, 0.3),
            (PostFormat::Carousel, 0.2),
            (PostFormat::Story, 0.15),
        ],
    },
    ProfileSpec {
        id: "ig-roastery",
        platform: Platform::Instagram,
        handle: "nusantara.roastery",
        name: "Nusantara Roastery",
        region: None,
        sub_brand: Some("Nusantara Roastery"),
        competitor: false,
        followers: 9_500.0,
        growth: 0.6,
        rate: 0.6,
        engagement: 0.09,
        late_trend: 0.0,
        formats: &[
            (PostFormat::Photo, 0.4),
            (PostFormat::Reel, 0.4),
            (PostFormat::Carousel, 0.2),
        ],
    },
    ProfileSpec {
        id: "x-main",
        platform: Platform::X,
        handle: "kopinusantara",
        name: "Kopi Nusantara",
        region: None,
        sub_brand: None,
        competitor: false,
        followers: 15_000.0,
        growth: 0.05,
        rate: 3.2,
        engagement: 0.02,
        late_trend: -0.1,
        formats: &[
            (PostFormat::Text, 0.55),
            (PostFormat::Photo, 0.25),
            (PostFormat::Video, 0.1),
            (PostFormat::Link, 0.1),
        ],
    },
    ProfileSpec {
        id: "li-main",
        platform: Platform::LinkedIn,
        handle: "kopi-nusantara",
        name: "PT Kopi Nusantara Indonesia",
        region: None,
        sub_brand: None,
        competitor: false,
        followers: 6_200.0,
        growth: 0.22,
        rate: 0.55,
        engagement: 0.038,
        late_trend: 0.0,
        formats: &[
            (PostFormat::Text, 0.3),
            (PostFormat::Photo, 0.35),
            (PostFormat::Video, 0.15),
            (PostFormat::Link, 0.2),
        ],
    },
    ProfileSpec {
        id: "tt-main",
        platform: Platform::TikTok,
        handle: "kopinusantara",
        name: "Kopi Nusantara",
        region: None,
        sub_brand: None,
        competitor: false,
        followers: 31_000.0,
        growth: 0.9,
        rate: 0.9,
        engagement: 0.08,
        late_trend: 0.15,
        formats: &[(PostFormat::Video, 1.0)],
    },
    ProfileSpec {
        id: "yt-main",
        platform: Platform::YouTube,
        handle: "@kopinusantara",
        name: "Kopi Nusantara",
        region: None,
        sub_brand: None,
        competitor: false,
        followers: 4_100.0,
        growth: 0.18,
        rate: 0.25,
        engagement: 0.05,
        late_trend: 0.0,
        formats: &[(PostFormat::Video, 0.8), (PostFormat::Live, 0.2)],
    },
    ProfileSpec {
        id: "ig-kopisenja",
        platform: Platform::Instagram,
        handle: "kopisenja.id",
        name: "Kopi Senja",
        region: None,
        sub_brand: None,
        competitor: true,
        followers: 120_000.0,
        growth: 0.25,
        rate: 1.8,
        engagement: 0.06,
        late_trend: 0.05,
        formats: &[
            (PostFormat::Photo, 0.3),
            (PostFormat::Reel, 0.45),
            (PostFormat::Carousel, 0.25),
        ],
    },
];

const DRINKS: &[&str] = &[
    "Es Kopi Susu Gula Aren",
    "Kopi Tubruk Toraja",
    "Cold Brew Gayo",
    "Latte Pandan",
    "Americano Kintamani",
    "Cappuccino Flores",
    "Affogato Klepon",
];

const POST_TEMPLATES: &[&str] = &[
    "Pagi lebih semangat dengan {drink} ☕ Mampir ke outlet terdekat, ya!",
    "Promo hari ini: beli 2 {drink} gratis 1 pastry. Berlaku sampai jam 14.00.",
    "Di balik layar: barista kami menyeduh {drink} dengan biji pilihan petani lokal.",
    "Kamu tim panas atau tim dingin? {drink} tersedia dua-duanya 😄",
    "Menu baru! {drink} sudah bisa dipesan lewat aplikasi.",
    "Terima kasih sudah menemani 5 tahun perjalanan Kopi Nusantara 💛 #KopiNusantara",
    "Tips seduh di rumah: rasio 1:15 untuk {drink} yang seimbang.",
    "Weekend vibes bareng {drink} dan teman-teman. Tag sahabat ngopimu!",
];

const FIRST_NAMES: &[&str] = &[
    "Ayu", "Budi", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika",
    "Lukman", "Maya", "Nanda", "Oki", "Putri", "Rizky", "Sinta", "Taufik", "Wulan", "Yoga",
    "Zahra",
];

/// Generates the whole demo workspace.
pub fn generate(options: &DemoOptions) -> Workspace {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let today = options.today;
    let start = today - Duration::days(364);

    let mut info = WorkspaceInfo::new(WorkspaceId::from(DEMO_WORKSPACE_ID), "Kopi Nusantara");
    info.industry = "Food & beverage".into();
    info.branding = Branding {
        name: "Kopi Nusantara".into(),
        logo: None,
        primary_color: Some("#6b3e26".into()),
        accent_color: Some("#d9a441".into()),
    };
    info.members = members();
    info.approval = ApprovalRule {
        steps: vec![ApprovalStep {
            approvers: vec![MemberId::from("m-rina"), MemberId::from("m-andi")],
            mode: ApprovalMode::Any,
        }],
    };
    info.goals = vec![Goal::Awareness, Goal::WebTraffic, Goal::Community];

    let mut ws = Workspace::empty(info);
    ws.profiles = PROFILES.iter().map(profile).collect();

    for spec in PROFILES {
        let (posts, daily) = profile_history(&mut rng, spec, start, today);
        ws.posts.extend(posts);
        ws.daily.extend(daily);
        ws.audience_snapshots
            .push(audience_snapshot(&mut rng, spec, today));
    }
    ws.follower_activity = follower_activity(&mut rng, "tt-main", today);
    ws.daily.extend(web_traffic(&mut rng, start, today));
    ws.profiles.push(Profile {
        id: ProfileId::from("web-main"),
        platform: Platform::Web,
        handle: "kopinusantara.co.id".into(),
        name: "kopinusantara.co.id".into(),
        external_id: None,
        region: None,
        sub_brand: None,
        competitor: false,
        url: Some("https://kopinusantara.co.id".into()),
        aliases: Vec::new(),
    });
    ws.audience_snapshots
        .push(traffic_sources(&ws.daily, today));

    let (table, people) = audience(&mut rng, options.audience_size, today);
    ws.audience_tables.push(table);
    ws.audience_members = people;
    ws.plan = plan(&mut rng, today);
    ws.mentions = mentions(&mut rng, start, today);
    ws.messages = messages(&mut rng, start, today);
    ws.influencers = influencers();
    ws.campaigns = campaigns(today);
    ws.reports = vec![ReportDefinition {
        id: ReportId::from("rep-monthly"),
        name: "Laporan bulanan tim".into(),
        audience: ReportAudience::TeamMonthly,
        period: Period {
            start: first_of_month(today),
            end: today,
        },
        comparison: None,
        profiles: PROFILES
            .iter()
            .filter(|p| !p.competitor)
            .map(|p| ProfileId::from(p.id))
            .collect(),
        sections: vec![
            ReportSection::Audience,
            ReportSection::Content,
            ReportSection::Audit,
        ],
        methodology: String::new(),
        cadence: Some(Cadence::Monthly),
        persona: None,
        summaries: Default::default(),
    }];
    ws.benchmarks = vec![Benchmark {
        scope: BenchmarkScope::Industry,
        label: "F&B Indonesia".into(),
        platform: Some(Platform::Instagram),
        metric: "engagement_rate_reach".into(),
        period: Period { start, end: today },
        value: 0.061,
    }];
    ws.normalize();
    ws
}

fn members() -> Vec<Member> {
    let m = |id: &str, name: &str, role| Member {
        id: MemberId::from(id),
        name: name.into(),
        role,
    };
    vec![
        m("m-sari", "Sari Wulandari", Role::ContentManager),
        m("m-budi", "Budi Santoso", Role::ContentCreator),
        m("m-dewi", "Dewi Lestari", Role::ContentCreator),
        m("m-rina", "Rina Hartono", Role::ContentEditor),
        m("m-andi", "Andi Pratama", Role::ContentEditor),
    ]
}

fn profile(spec: &ProfileSpec) -> Profile {
    let url = match spec.platform {
        Platform::Facebook => format!("https://www.facebook.com/{}", spec.handle),
        Platform::Instagram => format!("https://www.instagram.com/{}", spec.handle),
        Platform::X => format!("https://x.com/{}", spec.handle),
        Platform::LinkedIn => format!("https://www.linkedin.com/company/{}", spec.handle),
        Platform::TikTok => format!("https://www.tiktok.com/@{}", spec.handle),
        Platform::YouTube => format!("https://www.youtube.com/{}", spec.handle),
        Platform::Web => format!("https://{}", spec.handle),
    };
    Profile {
        id: ProfileId::from(spec.id),
        platform: spec.platform,
        handle: spec.handle.into(),
        name: spec.name.into(),
        external_id: Some(format!(
            "{}",
            100_000_000_000_000u64 + spec.id.len() as u64 * 7919
        )),
        region: spec.region.map(Into::into),
        sub_brand: spec.sub_brand.map(Into::into),
        competitor: spec.competitor,
        url: Some(url),
        aliases: Vec::new(),
    }
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// A Poisson draw by inversion; fine for the small rates of posting.
fn poisson(rng: &mut ChaCha8Rng, mean: f64) -> u32 {
    let limit = (-mean).exp();
    let mut product: f64 = rng.random();
    let mut count = 0;
    while product > limit && count < 50 {
        product *= rng.random::<f64>();
        count += 1;
    }
    count
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn pick_weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, f64)]) -> T {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.random::<f64>() * total;
    for (item, weight) in items {
        if x < *weight {
            return *item;
        }
        x -= weight;
    }
    items[items.len() - 1].0
}

fn at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    wib()
        .from_local_datetime(&date.and_hms_opt(hour, minute, 0).expect("valid time"))
        .single()
        .expect("fixed offsets are never ambiguous")
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("day 1 exists")
}

/// How much a format engages relative to the profile's average.
fn format_factor(platform: Platform, format: PostFormat) -> f64 {
    match (platform, format) {
        (Platform::Facebook, PostFormat::Video) => 1.5,
        (Platform::Facebook, PostFormat::Link) => 0.55,
        (Platform::Instagram, PostFormat::Reel) => 1.6,
        (Platform::Instagram, PostFormat::Photo) => 1.1,
        (Platform::Instagram, PostFormat::Story) => 0.4,
        (Platform::X, PostFormat::Video) => 1.7,
        (Platform::LinkedIn, PostFormat::Video) => 1.4,
        (_, PostFormat::Text) => 0.7,
        _ => 1.0,
    }
}

fn profile_history(
    rng: &mut ChaCha8Rng,
    spec: &ProfileSpec,
    start: NaiveDate,
    today: NaiveDate,
) -> (Vec<Post>, Vec<DailyMetrics>) {
    let days = (today - start).num_days() + 1;
    let mut posts = Vec::new();
    let mut daily = Vec::with_capacity(days as usize);
    let mut followers = spec.followers;
    let daily_growth = (1.0 + spec.growth).powf(1.0 / days as f64) - 1.0;
    let mut serial = 0u64;
    for day in 0..days {
        let date = start + Duration::days(day);
        let progress = day as f64 / days as f64;
        // The late trend sets in over the four weeks before the last quarter.
        let late = ((progress - 0.675) / 0.075).clamp(0.0, 1.0);
        let engagement = spec.engagement * (1.0 + spec.late_trend * late);
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut rate = spec.rate;
        if spec.platform == Platform::LinkedIn && weekend {
            rate *= 0.1;
        }
        let gained = (followers * (daily_growth.max(0.0) + 0.0008) * (1.0 + 0.4 * normal(rng)))
            .max(0.0)
            .round();
        let lost = (gained - followers * daily_growth).max(0.0).round();
        followers += gained - lost;

        let mut day_reach = 0.0;
        let mut day_engagement = 0.0;
        for _ in 0..poisson(rng, rate) {
            serial += 1;
            let format = pick_weighted(rng, spec.formats);
            let hour = pick_weighted(
                rng,
                &[
                    (7u32, 1.0),
                    (9, 0.8),
                    (12, 1.4),
                    (16, 0.8),
                    (19, 1.6),
                    (21, 1.0),
                ],
            );
            let published = at(date, hour, rng.random_range(0..60));
            let weekend_boost = if weekend { 1.15 } else { 1.0 };
            let reach = (followers
                * 0.18
                * format_factor(spec.platform, format).sqrt()
                * weekend_boost
                * (0.35 * normal(rng)).exp())
            .round()
            .max(20.0);
            let rate_here =
                engagement * format_factor(spec.platform, format) * (0.3 * normal(rng)).exp();
            let total = (reach * rate_here).round();
            let comments = (total * rng.random_range(0.05..0.14)).round();
            let shares = (total * rng.random_range(0.03..0.1)).round();
            let saves = match spec.platform {
                Platform::Instagram | Platform::TikTok => {
                    (total * rng.random_range(0.04..0.12)).round()
                }
                _ => 0.0,
            };
            let reactions = (total - comments - shares - saves).max(0.0);
            let mut metrics = Metrics::new();
            metrics.insert(Metric::Reach, reach);
            metrics.insert(
                Metric::Impressions,
                (reach * rng.random_range(1.1..1.6)).round(),
            );
            metrics.insert(Metric::Reactions, reactions);
            metrics.insert(Metric::Comments, comments);
            metrics.insert(Metric::Shares, shares);
            if saves > 0.0 {
                metrics.insert(Metric::Saves, saves);
            }
            if matches!(
                format,
                PostFormat::Video | PostFormat::Reel | PostFormat::Live
            ) {
                metrics.insert(
                    Metric::VideoViews,
                    (reach * rng.random_range(0.6..1.3)).round(),
                );
                metrics.insert(
                    Metric::AverageViewSeconds,
                    (rng.random_range(4.0..38.0_f64) * 10.0).round() / 10.0,
                );
            }
            if format == PostFormat::Link || spec.platform == Platform::LinkedIn {
                metrics.insert(
                    Metric::LinkClicks,
                    (reach * rng.random_range(0.004..0.03)).round(),
                );
            }
            let promoted = !spec.competitor && rng.random_bool(0.04);
            if promoted {
                let spend =
                    (rng.random_range(150_000.0..1_500_000.0_f64) / 1000.0).round() * 1000.0;
                metrics.insert(Metric::Spend, spend);
                metrics.insert(
                    Metric::Clicks,
                    (reach * rng.random_range(0.01..0.03)).round(),
                );
                metrics.insert(Metric::Conversions, rng.random_range(0..40) as f64);
            }
            day_reach += reach;
            day_engagement += total;
            let drink = pick(rng, DRINKS);
            let text = pick(rng, POST_TEMPLATES).replace("{drink}", drink);
            let id = post_id(spec, date, serial);
            posts.push(Post {
                permalink: Some(permalink(spec, &id)),
                id,
                profile: ProfileId::from(spec.id),
                published,
                format,
                text,
                metrics,
                promoted,
                batch: None,
            });
        }

        let mut values = Metrics::new();
        values.insert(Metric::Followers, followers.round());
        values.insert(Metric::FollowersGained, gained);
        values.insert(Metric::FollowersLost, lost);
        values.insert(
            Metric::Reach,
            (day_reach + followers * 0.03 * (0.3 * normal(rng)).exp()).round(),
        );
        values.insert(Metric::Reactions, day_engagement);
        values.insert(
            Metric::ProfileVisits,
            (followers * 0.004 * (0.4 * normal(rng)).exp()).round(),
        );
        daily.push(DailyMetrics {
            profile: ProfileId::from(spec.id),
            date,
            values,
        });
    }
    (posts, daily)
}

fn post_id(spec: &ProfileSpec, date: NaiveDate, serial: u64) -> PostId {
    let base = date.num_days_from_ce() as u64;
    match spec.platform {
        // 19-digit IDs, beyond 2^53, as X really has.
        Platform::X => PostId(format!("18{:08}{:09}", base, serial)),
        Platform::YouTube => PostId(format!("kN{:05}{:04}", base % 100_000, serial)),
        _ => PostId(format!(
            "{}{:07}{:05}",
            12_000 + spec.id.len(),
            base,
            serial
        )),
    }
}

fn permalink(spec: &ProfileSpec, id: &PostId) -> String {
    match spec.platform {
        Platform::Facebook => format!("https://www.facebook.com/{}/posts/{}", spec.handle, id),
        Platform::Instagram => format!("https://www.instagram.com/p/{}/", id),
        Platform::X => format!("https://x.com/{}/status/{}", spec.handle, id),
        Platform::LinkedIn => format!("https://www.linkedin.com/feed/update/urn:li:activity:{id}"),
        Platform::TikTok => format!("https://www.tiktok.com/@{}/video/{}", spec.handle, id),
        Platform::YouTube => format!("https://www.youtube.com/watch?v={id}"),
        Platform::Web => format!("https://{}/{}", spec.handle, id),
    }
}

fn audience_snapshot(
    rng: &mut ChaCha8Rng,
    spec: &ProfileSpec,
    today: NaiveDate,
) -> AudienceSnapshot {
    let young = match spec.platform {
        Platform::TikTok => 0.55,
        Platform::Instagram => 0.42,
        Platform::X => 0.35,
        Platform::YouTube => 0.3,
        Platform::Facebook => 0.18,
        Platform::LinkedIn => 0.12,
        Platform::Web => 0.3,
    };
    let female = 0.5 + 0.1 * normal(rng).clamp(-1.5, 1.5);
    let bands = [
        ("18-24", young),
        ("25-34", 0.34),
        ("35-44", (0.5 - young) * 0.6 + 0.08),
        ("45+", (0.5 - young) * 0.4 + 0.04),
    ];
    let total: f64 = bands.iter().map(|(_, v)| v).sum();
    let cities = match spec.region {
        Some("Surabaya") => [
            ("Surabaya", 0.62),
            ("Sidoarjo", 0.14),
            ("Malang", 0.09),
            ("Jakarta", 0.07),
        ],
        _ => [
            ("Jakarta", 0.41),
            ("Bandung", 0.13),
            ("Surabaya", 0.12),
            ("Tangerang", 0.09),
        ],
    };
    AudienceSnapshot {
        id: AudienceSnapshotId(format!("aud-{}-{}", spec.id, today)),
        profile: ProfileId::from(spec.id),
        date: today,
        breakdowns: vec![
            Breakdown {
                dimension: Dimension::Gender,
                unit: BreakdownUnit::Share,
                entries: vec![("female".into(), female), ("male".into(), 1.0 - female)],
            },
            Breakdown {
                dimension: Dimension::AgeBand,
                unit: BreakdownUnit::Share,
                entries: bands
                    .iter()
                    .map(|(b, v)| ((*b).into(), v / total))
                    .collect(),
            },
            Breakdown {
                dimension: Dimension::City,
                unit: BreakdownUnit::Share,
                entries: cities.iter().map(|(c, v)| ((*c).into(), *v)).collect(),
            },
        ],
    }
}

/// Hourly active followers for the last four weeks, peaking at commute, lunch and evening.
fn follower_activity(
    rng: &mut ChaCha8Rng,
    profile: &str,
    today: NaiveDate,
) -> Vec<FollowerActivity> {
    const SHAPE: [f64; 24] = [
        0.2, 0.1, 0.06, 0.05, 0.08, 0.2, 0.45, 0.7, 0.65, 0.5, 0.5, 0.6, 0.85, 0.7, 0.55, 0.55,
        0.6, 0.7, 0.8, 0.95, 1.0, 0.9, 0.7, 0.4,
    ];
    let mut out = Vec::with_capacity(28 * 24);
    for day in (0..28).rev() {
        let date = today - Duration::days(day);
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        for (hour, shape) in SHAPE.iter().enumerate() {
            let shift = if weekend && hour < 10 { 0.7 } else { 1.0 };
            out.push(FollowerActivity {
                profile: ProfileId::from(profile),
                date,
                hour: hour as u8,
                active: (52_000.0 * shape * shift * (0.08 * normal(rng)).exp()).round(),
            });
        }
    }
    out
}

/// Sessions the website got from social networks, per day.
fn web_traffic(rng: &mut ChaCha8Rng, start: NaiveDate, today: NaiveDate) -> Vec<DailyMetrics> {
    let days = (today - start).num_days() + 1;
    (0..days)
        .map(|day| {
            let date = start + Duration::days(day);
            let sessions = (420.0 + day as f64 * 0.6) * (0.2 * normal(rng)).exp();
            let mut values = Metrics::new();
            values.insert(Metric::Sessions, sessions.round());
            values.insert(
                Metric::EngagedSessions,
                (sessions * rng.random_range(0.45..0.65)).round(),
            );
            values.insert(Metric::Conversions, (sessions * 0.012).round());
            DailyMetrics {
                profile: ProfileId::from("web-main"),
                date,
                values,
            }
        })
        .collect()
}

/// Where the website's sessions of the last 28 days came from. Social networks bring little,
/// although the posts carry links: one of the stories the audit should tell.
fn traffic_sources(daily: &[DailyMetrics], today: NaiveDate) -> AudienceSnapshot {
    let sessions: f64 = daily
        .iter()
        .filter(|d| d.profile.as_str() == "web-main" && (today - d.date).num_days() < 28)
        .filter_map(|d| d.values.get(&Metric::Sessions))
        .sum();
    let shares = [
        ("Organic Search", 0.47),
        ("Direct", 0.27),
        ("Referral", 0.11),
        ("Paid Search", 0.07),
        ("Email", 0.05),
        ("Organic Social", 0.03),
    ];
    AudienceSnapshot {
        id: AudienceSnapshotId(format!("traffic-web-main-{today}")),
        profile: ProfileId::from("web-main"),
        date: today,
        breakdowns: vec![Breakdown {
            dimension: Dimension::TrafficSource,
            unit: BreakdownUnit::Count,
            entries: shares
                .iter()
                .map(|(source, share)| ((*source).into(), (sessions * share).round()))
                .collect(),
        }],
    }
}

struct Segment {
    weight: f64,
    age: (f64, f64),
    female: f64,
    cities: &'static [&'static str],
    visits: (f64, f64),
    spend: (f64, f64),
    drinks: &'static [&'static str],
    interests: &'static [&'static str],
    channel: &'static [&'static str],
}

const SEGMENTS: &[Segment] = &[
    Segment {
        weight: 0.28,
        age: (21.0, 2.5),
        female: 0.55,
        cities: &["Jakarta", "Bandung", "Depok"],
        visits: (6.0, 2.0),
        spend: (28_000.0, 6_000.0),
        drinks: &["Es Kopi Susu Gula Aren", "Latte Pandan"],
        interests: &["musik", "gaming", "kuliner", "kampus"],
        channel: &["tiktok", "instagram"],
    },
    Segment {
        weight: 0.3,
        age: (29.0, 3.5),
        female: 0.5,
        cities: &["Jakarta", "Tangerang", "Surabaya"],
        visits: (12.0, 3.0),
        spend: (45_000.0, 9_000.0),
        drinks: &["Americano Kintamani", "Cold Brew Gayo"],
        interests: &["karier", "lari", "teknologi", "produktivitas"],
        channel: &["instagram", "linkedin", "x"],
    },
    Segment {
        weight: 0.22,
        age: (40.0, 5.0),
        female: 0.62,
        cities: &["Surabaya", "Sidoarjo", "Jakarta"],
        visits: (4.0, 1.5),
        spend: (95_000.0, 20_000.0),
        drinks: &["Cappuccino Flores", "Affogato Klepon"],
        interests: &["keluarga", "resep", "belanja", "liburan"],
        channel: &["facebook", "instagram"],
    },
    Segment {
        weight: 0.2,
        age: (34.0, 6.0),
        female: 0.35,
        cities: &["Jakarta", "Bandung", "Yogyakarta"],
        visits: (9.0, 3.0),
        spend: (70_000.0, 15_000.0),
        drinks: &["Kopi Tubruk Toraja", "Cold Brew Gayo"],
        interests: &["kopi spesialti", "fotografi", "bersepeda", "travel"],
        channel: &["youtube", "instagram", "x"],
    },
];

/// The CRM table of the chain's loyalty members, drawn from four planted segments.
fn audience(
    rng: &mut ChaCha8Rng,
    size: u32,
    today: NaiveDate,
) -> (AudienceTable, Vec<AudienceMember>) {
    let table_id = AudienceTableId::from("crm-loyalty");
    let column = |name: &str, kind| AudienceColumn {
        name: name.into(),
        kind,
        included: !matches!(kind, ColumnKind::Identifier | ColumnKind::FreeText),
    };
    let table = AudienceTable {
        id: table_id.clone(),
        name: "Member loyalty (CRM)".into(),
        columns: vec![
            column("member_id", ColumnKind::Identifier),
            column("age", ColumnKind::Numeric),
            column("gender", ColumnKind::Categorical),
            column("city", ColumnKind::Categorical),
            column("visits_per_month", ColumnKind::Numeric),
            column("avg_spend_idr", ColumnKind::Numeric),
            column("favourite_drink", ColumnKind::Categorical),
            column("interests", ColumnKind::MultiValued),
            column("preferred_channel", ColumnKind::Categorical),
            column("signup_date", ColumnKind::Date),
        ],
        batch: None,
    };
    let segments: Vec<(usize, f64)> = SEGMENTS
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.weight))
        .collect();
    let members = (0..size)
        .map(|row| {
            let seg = &SEGMENTS[pick_weighted(rng, &segments)];
            let age = (seg.age.0 + seg.age.1 * normal(rng))
                .round()
                .clamp(16.0, 70.0);
            let gender = if rng.random_bool(seg.female) {
                "perempuan"
            } else {
                "laki-laki"
            };
            let mut interests: Vec<String> = seg
                .interests
                .iter()
                .filter(|_| rng.random_bool(0.55))
                .map(|s| (*s).to_owned())
                .collect();
            if interests.is_empty() {
                interests.push(seg.interests[0].to_owned());
            }
            let missing_spend = rng.random_bool(0.03);
            let values = vec![
                FieldValue::Text(format!("KN{:06}", 100_000 + row)),
                FieldValue::Number(age),
                FieldValue::Text(gender.into()),
                FieldValue::Text((*pick(rng, seg.cities)).into()),
                FieldValue::Number((seg.visits.0 + seg.visits.1 * normal(rng)).round().max(0.0)),
                if missing_spend {
                    FieldValue::Empty
                } else {
                    FieldValue::Number(
                        ((seg.spend.0 + seg.spend.1 * normal(rng)) / 500.0)
                            .round()
                            .max(10.0)
                            * 500.0,
                    )
                },
                FieldValue::Text((*pick(rng, seg.drinks)).into()),
                FieldValue::List(interests),
                FieldValue::Text((*pick(rng, seg.channel)).into()),
                FieldValue::Date(today - Duration::days(rng.random_range(10..1_400))),
            ];
            AudienceMember {
                table: table_id.clone(),
                row,
                values,
            }
        })
        .collect();
    (table, members)
}

/// A month of planned posts from today on, in every workflow status.
fn plan(rng: &mut ChaCha8Rng, today: NaiveDate) -> Vec<PlanItem> {
    let creators = ["m-budi", "m-dewi", "m-sari"];
    let platforms = [
        Platform::Instagram,
        Platform::Facebook,
        Platform::TikTok,
        Platform::X,
        Platform::LinkedIn,
        Platform::YouTube,
    ];
    let mut items = Vec::new();
    for n in 0..42u32 {
        // Spread from a week ago to three weeks ahead, so past items are published.
        let offset = n as i64 * 28 / 42 - 7;
        let date = today + Duration::days(offset);
        let status = if offset < 0 {
            if n % 9 == 0 {
                PlanStatus::Rejected
            } else {
                PlanStatus::Published
            }
        } else {
            PlanStatus::ALL[(n as usize) % PlanStatus::ALL.len()]
        };
        let platform = platforms[(n as usize) % platforms.len()];
        let extra = platforms[(n as usize + 1) % platforms.len()];
        let format = match platform {
            Platform::TikTok | Platform::YouTube => PostFormat::Video,
            Platform::Instagram => {
                if n % 2 == 0 {
                    PostFormat::Reel
                } else {
                    PostFormat::Carousel
                }
            }
            Platform::LinkedIn => PostFormat::Text,
            _ => PostFormat::Photo,
        };
        let drink = pick(rng, DRINKS);
        let author = MemberId::from(creators[(n as usize) % creators.len()]);
        let scheduled =
            (status != PlanStatus::Idea).then(|| at(date, [9, 12, 19][(n % 3) as usize], 0));
        let created = at(date - Duration::days(5), 10, 0);
        let approvals = if matches!(
            status,
            PlanStatus::Approved | PlanStatus::Scheduled | PlanStatus::Published
        ) {
            vec![Approval {
                member: MemberId::from(if n % 2 == 0 { "m-rina" } else { "m-andi" }),
                step: 0,
                at: created + Duration::hours(20),
            }]
        } else {
            Vec::new()
        };
        let variant = |p: Platform| PlanVariant {
            platform: p,
            text: format!(
                "{drink}: cerita hari ke-{} bersama Kopi Nusantara ☕",
                n + 1
            ),
            media_note: if format == PostFormat::Video || format == PostFormat::Reel {
                "Video vertikal 20 detik".into()
            } else {
                "Foto produk, latar kayu".into()
            },
            link: (p == Platform::Facebook || p == Platform::LinkedIn)
                .then(|| "https://kopinusantara.co.id/menu".into()),
            hashtags: vec!["#KopiNusantara".into(), "#NgopiDulu".into()],
        };
        let mut variants = vec![variant(platform)];
        if n % 3 == 0 {
            variants.push(variant(extra));
        }
        items.push(PlanItem {
            id: PlanItemId(format!("plan-{:03}", n + 1)),
            title: format!("{drink} — konten #{}", n + 1),
            status,
            format,
            variants,
            scheduled,
            persona: None,
            campaign: (n % 5 == 0).then(|| CampaignId::from("camp-ramadan")),
            tags: vec![if n % 2 == 0 {
                "produk".into()
            } else {
                "komunitas".into()
            }],
            author: author.clone(),
            approvals,
            rejection: (status == PlanStatus::Rejected)
                .then(|| "Foto kurang jelas, mohon ambil ulang dengan cahaya alami.".into()),
            comments: if n % 4 == 0 {
                vec![Comment {
                    member: MemberId::from("m-rina"),
                    at: created + Duration::hours(3),
                    text: "Tambahkan harga promo di caption, ya.".into(),
                }]
            } else {
                Vec::new()
            },
            history: vec![Change {
                member: author,
                at: created,
                what: "created".into(),
            }],
            source: (status == PlanStatus::Idea).then(|| "analytics".into()),
            revision: 1,
        });
    }
    items
}

const MENTION_TEXTS: &[(&str, Sentiment)] = &[
    (
        "Es kopi susu di Kopi Nusantara enak banget, langganan tiap pagi!",
        Sentiment::Positive,
    ),
    (
        "Antrian di Kopi Nusantara Surabaya lama sekali hari ini 😩",
        Sentiment::Negative,
    ),
    (
        "Ada yang sudah coba menu baru Kopi Nusantara?",
        Sentiment::Neutral,
    ),
    (
        "Barista Kopi Nusantara ramah, tempatnya nyaman buat kerja.",
        Sentiment::Positive,
    ),
    (
        "Aplikasi Kopi Nusantara error terus waktu bayar.",
        Sentiment::Negative,
    ),
    (
        "Kopi Nusantara buka cabang baru di Bandung katanya.",
        Sentiment::Neutral,
    ),
];

fn mentions(rng: &mut ChaCha8Rng, start: NaiveDate, today: NaiveDate) -> Vec<Mention> {
    let days = (today - start).num_days();
    let mut out: Vec<Mention> = (0..600)
        .map(|n| {
            let date = start + Duration::days(rng.random_range(0..=days));
            let (text, sentiment) = *pick(rng, MENTION_TEXTS);
            let platform = *pick(
                rng,
                &[
                    Platform::X,
                    Platform::Instagram,
                    Platform::TikTok,
                    Platform::Facebook,
                ],
            );
            let author = format!(
                "{}{}",
                pick(rng, FIRST_NAMES).to_lowercase(),
                rng.random_range(1..999)
            );
            let followers = (10f64).powf(rng.random_range(1.5..5.5)).round();
            Mention {
                id: MentionId(format!("men-{n:04}")),
                platform,
                url: Some(format!(
                    "https://x.com/{author}/status/{}",
                    1_800_000_000_000_000_000u64 + n
                )),
                author,
                author_followers: Some(followers),
                published: at(date, rng.random_range(6..23), rng.random_range(0..60)),
                text: text.into(),
                reach: Some((followers * rng.random_range(0.1..0.6)).round()),
                sentiment: Some(sentiment),
                batch: None,
            }
        })
        .collect();
    out.sort_by_key(|m| m.published);
    out
}

const MESSAGE_TEXTS: &[(&str, MessageKind)] = &[
    (
        "Halo kak, outlet Kemang buka jam berapa?",
        MessageKind::Question,
    ),
    (
        "Pesanan saya lewat aplikasi belum datang sudah 1 jam.",
        MessageKind::Complaint,
    ),
    ("Apakah ada menu tanpa gula?", MessageKind::Question),
    (
        "Kopinya mantap, pelayanan cepat. Terima kasih!",
        MessageKind::Praise,
    ),
    (
        "Voucher saya tidak bisa dipakai, mohon dibantu.",
        MessageKind::Complaint,
    ),
    (
        "Bisa pesan untuk acara kantor 50 cup?",
        MessageKind::Question,
    ),
];

fn messages(rng: &mut ChaCha8Rng, start: NaiveDate, today: NaiveDate) -> Vec<Message> {
    let days = (today - start).num_days();
    let owned = ["fb-jakarta", "fb-surabaya", "ig-main", "x-main", "tt-main"];
    let agents = ["m-budi", "m-dewi"];
    let mut out: Vec<Message> = (0..400)
        .map(|n| {
            let date = start + Duration::days(rng.random_range(0..=days));
            let (text, kind) = *pick(rng, MESSAGE_TEXTS);
            let profile = *pick(rng, &owned);
            let received = at(date, rng.random_range(7..23), rng.random_range(0..60));
            let needs_reply = kind != MessageKind::Praise;
            // Surabaya answers slowly and sometimes not at all.
            let slow = profile == "fb-surabaya";
            let answered = needs_reply && rng.random_bool(if slow { 0.6 } else { 0.93 });
            let minutes = if slow {
                rng.random_range(180..2_880)
            } else {
                rng.random_range(4..240)
            };
            let first_reply = answered.then(|| received + Duration::minutes(minutes));
            Message {
                id: MessageId(format!("msg-{n:04}")),
                profile: ProfileId::from(profile),
                conversation: format!("conv-{n:04}"),
                author: format!("{} {}", pick(rng, FIRST_NAMES), pick(rng, FIRST_NAMES)),
                received,
                text: text.into(),
                kind,
                needs_reply,
                first_reply,
                assignee: needs_reply.then(|| MemberId::from(*pick(rng, &agents))),
                sentiment: Some(match kind {
                    MessageKind::Praise => Sentiment::Positive,
                    MessageKind::Complaint => Sentiment::Negative,
                    _ => Sentiment::Neutral,
                }),
                batch: None,
            }
        })
        .collect();
    out.sort_by_key(|m| m.received);
    out
}

fn influencers() -> Vec<Influencer> {
    let inf = |id: &str, name: &str, platform, handle: &str, followers: f64, er: f64| Influencer {
        id: InfluencerId::from(id),
        name: name.into(),
        accounts: vec![InfluencerAccount {
            platform,
            handle: handle.into(),
            followers,
            engagement_rate: er,
        }],
        demographics: Vec::new(),
        notes: String::new(),
    };
    vec![
        inf(
            "inf-1",
            "Nadia Kopi Diary",
            Platform::Instagram,
            "nadiakopidiary",
            84_000.0,
            0.052,
        ),
        inf(
            "inf-2",
            "Raka Ngopi",
            Platform::TikTok,
            "rakangopi",
            410_000.0,
            0.081,
        ),
        inf(
            "inf-3",
            "Barista Tama",
            Platform::YouTube,
            "@baristatama",
            126_000.0,
            0.034,
        ),
        inf(
            "inf-4",
            "Sekar Kuliner",
            Platform::Instagram,
            "sekarkuliner",
            230_000.0,
            0.029,
        ),
        inf(
            "inf-5",
            "Jakarta Coffee Walk",
            Platform::X,
            "jktcoffeewalk",
            37_000.0,
            0.019,
        ),
    ]
}

fn campaigns(today: NaiveDate) -> Vec<Campaign> {
    let mut results = Metrics::new();
    results.insert(Metric::Reach, 512_000.0);
    results.insert(Metric::Reactions, 38_400.0);
    results.insert(Metric::LinkClicks, 6_150.0);
    results.insert(Metric::Sessions, 4_020.0);
    results.insert(Metric::Spend, 45_000_000.0);
    vec![
        Campaign {
            id: CampaignId::from("camp-ramadan"),
            name: "Ngabuburit bareng Kopi Nusantara".into(),
            goal: Goal::Awareness,
            start: today - Duration::days(200),
            end: today - Duration::days(170),
            budget: Some(60_000_000.0),
            influencers: vec![InfluencerId::from("inf-1"), InfluencerId::from("inf-2")],
            results,
        },
        Campaign {
            id: CampaignId::from("camp-harbolnas"),
            name: "Harbolnas 12.12".into(),
            goal: Goal::Conversions,
            start: today + Duration::days(10),
            end: today + Duration::days(16),
            budget: Some(25_000_000.0),
            influencers: vec![InfluencerId::from("inf-4")],
            results: Metrics::new(),
        },
    ]
}

/// Grows the workspace's posts to exactly `n` by copying its posts under new IDs, each copy with
/// its words shuffled and its numbers scaled (seeded): a large workspace whose posts are as
/// varied as real ones, for benchmarks (identical copies would compress and sort unrealistically
/// well).
pub fn with_posts(ws: &mut Workspace, n: usize) {
    use rand::seq::SliceRandom;
    let base = ws.posts.clone();
    let mut rng = ChaCha8Rng::seed_from_u64(0x5eed);
    let mut copy = 0;
    while ws.posts.len() < n && !base.is_empty() {
        copy += 1;
        for p in &base {
            let mut p = p.clone();
            p.id = PostId(format!("{}-{copy}", p.id));
            let mut words: Vec<&str> = p.text.split(' ').collect();
            words.shuffle(&mut rng);
            p.text = words.join(" ");
            let scale = rng.random_range(0.5..1.5);
            for value in p.metrics.values_mut() {
                // Counts stay whole numbers.
                let whole = value.fract() == 0.0;
                *value *= scale;
                if whole {
                    *value = value.round();
                }
            }
            ws.posts.push(p);
        }
    }
    ws.posts.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn options() -> DemoOptions {
        DemoOptions::new(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
    }

    #[test]
    fn same_options_give_the_same_workspace() {
        assert_eq!(generate(&options()), generate(&options()));
    }

    #[test]
    fn another_seed_gives_other_numbers() {
        let mut other = options();
        other.seed = 7;
        assert_ne!(generate(&options()).posts, generate(&other).posts);
    }

    #[test]
    fn covers_every_platform_region_sub_brand_and_a_competitor() {
        let ws = generate(&options());
        let platforms: BTreeSet<_> = ws.profiles.iter().map(|p| p.platform).collect();
        for platform in Platform::SOCIAL {
            assert!(platforms.contains(&platform), "{platform:?} missing");
        }
        let regions: BTreeSet<_> = ws
            .profiles
            .iter()
            .filter_map(|p| p.region.clone())
            .collect();
        assert_eq!(regions.len(), 2);
        assert!(ws.profiles.iter().any(|p| p.sub_brand.is_some()));
        assert!(ws.profiles.iter().any(|p| p.competitor));
    }

    #[test]
    fn twelve_months_of_posts_and_daily_metrics() {
        let ws = generate(&options());
        let first = ws
            .posts
            .iter()
            .map(|p| p.published.date_naive())
            .min()
            .unwrap();
        let last = ws
            .posts
            .iter()
            .map(|p| p.published.date_naive())
            .max()
            .unwrap();
        assert!((last - first).num_days() >= 360, "{first}..{last}");
        assert!(ws.posts.len() > 3_000, "{} posts", ws.posts.len());
        let social_profiles = ws
            .profiles
            .iter()
            .filter(|p| p.platform != Platform::Web)
            .count();
        // One row per day per profile, plus the website.
        assert_eq!(ws.daily.len(), 365 * (social_profiles + 1));
        for post in &ws.posts {
            assert!(ws.profile(&post.profile).is_some());
            let reach = post.metrics[&Metric::Reach];
            let engaged: f64 = [Metric::Reactions, Metric::Comments, Metric::Shares]
                .iter()
                .map(|m| post.metrics[m])
                .sum();
            assert!(
                engaged <= reach,
                "post {} engages beyond its reach",
                post.id
            );
        }
    }

    #[test]
    fn post_ids_are_unique_per_profile() {
        let ws = generate(&options());
        let ids: BTreeSet<_> = ws.posts.iter().map(|p| (&p.profile, &p.id)).collect();
        assert_eq!(ids.len(), ws.posts.len());
        assert!(
            ws.posts.iter().any(|p| p.id.0.len() == 19),
            "X IDs are 19 digits"
        );
    }

    #[test]
    fn a_month_of_plan_in_every_status() {
        let ws = generate(&options());
        let statuses: BTreeSet<_> = ws.plan.iter().map(|p| p.status).collect();
        assert_eq!(statuses.len(), PlanStatus::ALL.len());
        let dates: Vec<_> = ws.plan.iter().filter_map(|p| p.scheduled).collect();
        let span = *dates.iter().max().unwrap() - *dates.iter().min().unwrap();
        assert!(span.num_days() >= 25);
    }

    #[test]
    fn audience_of_a_few_thousand_people_with_all_columns() {
        let ws = generate(&options());
        assert_eq!(ws.audience_members.len(), 3_000);
        let columns = ws.audience_tables[0].columns.len();
        assert!(
            ws.audience_members
                .iter()
                .all(|m| m.values.len() == columns)
        );
        assert!(!ws.mentions.is_empty() && !ws.messages.is_empty());
    }
}
