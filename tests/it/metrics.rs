//! The metrics engine against the specimens, with every expected number calculated here from the
//! file itself (the csv crate over the raw columns), not by the importer.

use chrono::NaiveDate;
use linimasa::domain::import::{ImportOptions, apply, apply::BatchInfo, parse};
use linimasa::domain::metrics::{self, RateBase};
use linimasa::domain::{Period, Workspace, WorkspaceInfo};

fn specimen(path: &str) -> Option<Vec<u8>> {
    let dir = std::env::var("LINIMASA_SPECIMENS")
        .unwrap_or_else(|_| format!("{}/../shared/specimens", env!("CARGO_MANIFEST_DIR")));
    std::fs::read(format!("{dir}/{path}")).ok()
}

fn imported(name: &str, bytes: &[u8]) -> Workspace {
    let mut ws = Workspace::empty(WorkspaceInfo::new("t".into(), "t"));
    let options = ImportOptions {
        time_zone: ws.info.time_zone.clone(),
        mappings: Vec::new(),
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    let parsed = parse(name, bytes, &options).unwrap();
    apply(
        &mut ws,
        parsed,
        BatchInfo {
            id: "b".into(),
            file_name: name.into(),
            content_hash: "h".into(),
            bytes: bytes.len() as u64,
            imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
            profile: None,
        },
    );
    ws
}

/// The columns of a CSV as text, by header name.
fn columns(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

fn number(cell: &str) -> Option<f64> {
    cell.trim().replace(',', "").parse().ok()
}

fn everything() -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        end: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
    }
}

#[test]
fn facebook_posts_engagement_and_rate_by_reach_match_the_file() {
    let Some(bytes) = specimen("facebook/meta-business-suite-facebook-posts.csv") else {
        return;
    };
    let (headers, rows) = columns(&bytes);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (reach, reactions, comments, shares) = (
        col("Reach"),
        col("Reactions"),
        col("Comments"),
        col("Shares"),
    );
    let mut engagement = 0.0;
    let mut engaged_with_reach = 0.0;
    let mut reach_total = 0.0;
    for row in &rows {
        let e: f64 = [reactions, comments, shares]
            .iter()
            .filter_map(|&i| number(&row[i]))
            .sum();
        engagement += e;
        if let Some(r) = number(&row[reach]) {
            reach_total += r;
            engaged_with_reach += e;
        }
    }
    let ws = imported("meta-business-suite-facebook-posts.csv", &bytes);
    let m = metrics::profile_metrics(&metrics::Index::new(&ws), &ws.profiles[0], everything());
    assert_eq!(m.posts, rows.len());
    assert!(
        (m.engagement - engagement).abs() < 1e-6,
        "{} vs {engagement}",
        m.engagement
    );
    let rate = m.engagement_rate.unwrap();
    assert_eq!(rate.base, RateBase::Reach);
    assert!((rate.value - engaged_with_reach / reach_total).abs() < 1e-12);
    assert!((m.reach.unwrap() - reach_total).abs() < 1e-6);
}

#[test]
fn tiktok_content_engagement_and_rate_by_views_match_the_file() {
    let Some(bytes) = specimen("tiktok/Content.csv") else {
        return;
    };
    let (headers, rows) = columns(&bytes);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let parts = [
        col("Total likes"),
        col("Total comments"),
        col("Total shares"),
    ];
    let views = col("Total views");
    let mut engagement = 0.0;
    let mut seen = 0.0;
    let mut engaged_seen = 0.0;
    for row in &rows {
        let e: f64 = parts.iter().filter_map(|&i| number(&row[i])).sum();
        engagement += e;
        if let Some(v) = number(&row[views]) {
            seen += v;
            engaged_seen += e;
        }
    }
    let ws = imported("Content.csv", &bytes);
    let m = metrics::profile_metrics(&metrics::Index::new(&ws), &ws.profiles[0], everything());
    assert_eq!(m.posts, rows.len());
    assert!((m.engagement - engagement).abs() < 1e-6);
    let rate = m.engagement_rate.unwrap();
    assert_eq!(
        rate.base,
        RateBase::Impressions,
        "TikTok has views, not reach"
    );
    assert!((rate.value - engaged_seen / seen).abs() < 1e-12);
}

#[test]
fn the_audit_of_the_instagram_specimen_explains_its_falling_engagement() {
    use linimasa::domain::audit::{self, Cause, FindingKind, Level};
    let Some(bytes) = specimen("instagram/meta-business-suite-instagram-posts.csv") else {
        return;
    };
    let ws = imported("meta-business-suite-instagram-posts.csv", &bytes);
    let audit = audit::run(&ws, 90).unwrap();
    let falling = audit
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::EngagementFalling)
        .expect("engagement fell in the last 90 days of the file");
    assert_eq!(falling.level, Level::Warning);
    // Fewer posts and a lower rate per reached person, while each post reached more people.
    assert_eq!(
        falling.causes,
        vec![Cause::WeakerContent, Cause::FewerPosts]
    );
    // The window's engagement is the file's engagement over the window's posts.
    let window_engagement: f64 = metrics::Index::new(&ws)
        .posts_in(&ws.profiles[0].id, audit.window)
        .map(|p| metrics::engagement(&p.metrics))
        .sum();
    assert_eq!(falling.evidence[0].now, window_engagement);
    assert!(
        audit
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::BelowPlan)
    );
}

#[test]
fn the_dashboard_adds_profiles_up_and_recomputes_rates_from_sums() {
    use linimasa::domain::dashboard::{self, Query};
    let ws = crate::demo();
    let query = Query {
        days: 90,
        platform: None,
        profile: None,
        order: Default::default(),
    };
    let d = dashboard::compute(&ws, &query).unwrap();
    let own: Vec<_> = ws
        .profiles
        .iter()
        .filter(|p| !p.competitor && p.platform != linimasa::domain::Platform::Web)
        .collect();
    assert_eq!(d.profiles.len(), own.len());
    // Engagement and reach are sums; the rate is Σ engagement ÷ Σ reach over posts with reach,
    // computed here directly from the posts.
    let (mut engagement, mut reach, mut engaged) = (0.0, 0.0, 0.0);
    for p in &own {
        for post in metrics::Index::new(&ws)
            .posts_in(&p.id, d.period)
            .collect::<Vec<_>>()
        {
            let e = metrics::engagement(&post.metrics);
            engagement += e;
            if let Some(r) = post.metrics.get(&linimasa::domain::Metric::Reach) {
                reach += r;
                engaged += e;
            }
        }
    }
    assert!((d.now.engagement - engagement).abs() < 1e-6);
    assert!((d.now.rate_reach.unwrap() - engaged / reach).abs() < 1e-12);
    // Top posts: the best first, ten of them.
    assert_eq!(d.top.len(), 10);
    assert!(d.top.windows(2).all(|w| w[0].engagement >= w[1].engagement));
    // When posts perform: every weekday has posts; when followers are online: TikTok's activity.
    assert_eq!(d.performance.len(), 7);
    assert!(
        d.performance
            .iter()
            .all(|row| row.iter().any(Option::is_some))
    );
    assert_eq!(d.online.len(), 7);
    let mut online: Vec<f64> = Vec::new();
    for a in ws
        .follower_activity
        .iter()
        .filter(|a| d.period.contains(a.date))
    {
        use chrono::Datelike;
        if a.date.weekday() == chrono::Weekday::Fri && a.hour == 19 {
            online.push(a.active);
        }
    }
    let mean = online.iter().sum::<f64>() / online.len() as f64;
    assert!((d.online[4][19].unwrap() - mean).abs() < 1e-9);
    // Ads from posts with spend: CPC recomputed from the sums, here from the posts themselves.
    let (ads, _) = d.ads.unwrap();
    let (mut spend, mut clicks) = (0.0, 0.0);
    for p in &own {
        for post in metrics::Index::new(&ws)
            .posts_in(&p.id, d.period)
            .collect::<Vec<_>>()
        {
            if let Some(s) = post
                .metrics
                .get(&linimasa::domain::Metric::Spend)
                .filter(|s| **s > 0.0)
            {
                spend += s;
                clicks += metrics::clicks(&post.metrics).unwrap_or(0.0);
            }
        }
    }
    assert!((ads.cpc.unwrap() - spend / clicks).abs() < 1e-9);
    // Customer service and the website (the demo's traffic sources: 3 % social).
    let (service, _) = d.service.unwrap();
    assert!(service.needing_reply > 0 && service.answered <= service.needing_reply);
    let web = d.web.unwrap();
    assert!(web.sessions > 0.0);
    assert!((web.social_share.unwrap() - 0.03).abs() < 0.005);
    // By month: each month's sessions summed from the daily figures, the part from social media
    // only in a month with a traffic-source breakdown, the last month the period's.
    {
        use chrono::Datelike;
        use linimasa::domain::{Dimension, Metric, Platform};
        let webs: Vec<_> = ws
            .profiles
            .iter()
            .filter(|p| p.platform == Platform::Web && !p.competitor)
            .map(|p| p.id.clone())
            .collect();
        let same = |a: chrono::NaiveDate, b: chrono::NaiveDate| {
            (a.year(), a.month()) == (b.year(), b.month())
        };
        assert!(!web.months.is_empty() && web.months.len() <= 12);
        assert!(web.months.iter().any(|m| m.social_share.is_some()));
        assert_eq!(
            web.months.last().unwrap().month,
            d.period.end.with_day(1).unwrap()
        );
        for m in &web.months {
            let expected: f64 = ws
                .daily
                .iter()
                .filter(|x| webs.contains(&x.profile) && same(x.date, m.month))
                .filter_map(|x| x.values.get(&Metric::Sessions))
                .sum();
            assert!((m.sessions - expected).abs() < 1e-6, "{}", m.month);
            let broken_down = ws.audience_snapshots.iter().any(|s| {
                webs.contains(&s.profile)
                    && same(s.date, m.month)
                    && s.breakdowns
                        .iter()
                        .any(|b| b.dimension == Dimension::TrafficSource)
            });
            assert_eq!(m.social_share.is_some(), broken_down, "{}", m.month);
            if let Some(share) = m.social_share {
                assert!((m.social_sessions().unwrap() - m.sessions * share).abs() < 1e-9);
            }
        }
    }
    // One platform only.
    let ig = dashboard::compute(
        &ws,
        &Query {
            platform: Some(linimasa::domain::Platform::Instagram),
            ..query
        },
    )
    .unwrap();
    assert!(ig.profiles.iter().all(|p| p.as_str().starts_with("ig-")));
    assert!(ig.now.engagement < d.now.engagement);
}

#[test]
fn benchmarks_stand_beside_the_profiles_own_rate_on_their_platform() {
    use linimasa::domain::dashboard::{self, Query};
    use linimasa::domain::{Benchmark, BenchmarkScope, Period, Platform};
    let mut ws = crate::demo();
    let period = |y| Period {
        start: chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
        end: chrono::NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
    };
    ws.benchmarks = vec![
        Benchmark {
            scope: BenchmarkScope::Country,
            label: "Indonesia".into(),
            platform: None,
            metric: metrics::BENCHMARK_RATE_REACH.into(),
            period: period(2020),
            value: 0.02,
        },
        Benchmark {
            scope: BenchmarkScope::Industry,
            label: "F&B".into(),
            platform: Some(Platform::Instagram),
            metric: metrics::BENCHMARK_RATE_REACH.into(),
            period: period(2026),
            value: 0.05,
        },
        // A platform the query leaves out, and another metric: neither is shown.
        Benchmark {
            scope: BenchmarkScope::Industry,
            label: "F&B".into(),
            platform: Some(Platform::TikTok),
            metric: metrics::BENCHMARK_RATE_REACH.into(),
            period: period(2026),
            value: 0.09,
        },
        Benchmark {
            scope: BenchmarkScope::Industry,
            label: "F&B".into(),
            platform: Some(Platform::Instagram),
            metric: "followers_growth".into(),
            period: period(2026),
            value: 0.01,
        },
    ];
    let query = Query {
        days: 90,
        platform: Some(Platform::Instagram),
        ..Query::default()
    };
    let d = dashboard::compute(&ws, &query).unwrap();
    // The Instagram profiles' Σ engagement ÷ Σ reach over posts with reach, from the posts.
    let ix = metrics::Index::new(&ws);
    let (mut engaged, mut reach) = (0.0, 0.0);
    for p in ws
        .profiles
        .iter()
        .filter(|p| !p.competitor && p.platform == Platform::Instagram)
    {
        for post in ix.posts_in(&p.id, d.period) {
            if let Some(r) = post.metrics.get(&linimasa::domain::Metric::Reach) {
                reach += r;
                engaged += metrics::engagement(&post.metrics);
            }
        }
    }
    let shown: Vec<(Option<Platform>, f64)> = d
        .benchmarks
        .iter()
        .map(|b| (b.benchmark.platform, b.benchmark.value))
        .collect();
    assert_eq!(shown, [(None, 0.02), (Some(Platform::Instagram), 0.05)]);
    for b in &d.benchmarks {
        assert!((b.own.unwrap() - engaged / reach).abs() < 1e-12);
    }
    let html = linimasa::present::dashboard::dashboard(&ws, &d, linimasa::i18n::Lang::En);
    assert_eq!(html.matches("data-testid=\"dash-benchmark\"").count(), 2);
    assert!(html.contains(">Industry benchmark: F&amp;B<"));
    let versus = format!("data-versus=\"{:.4}\"", engaged / reach / 0.05);
    assert!(html.contains(&versus), "{versus}");
    // Without benchmarks the section is not there.
    ws.benchmarks.clear();
    let d = dashboard::compute(&ws, &query).unwrap();
    let html = linimasa::present::dashboard::dashboard(&ws, &d, linimasa::i18n::Lang::En);
    assert!(!html.contains("dash-benchmarks"));
}

#[test]
fn top_posts_are_the_head_of_the_ranking_by_engagement() {
    let mut ws = linimasa::domain::demo::generate(&linimasa::domain::demo::DemoOptions::new(
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    ));
    linimasa::domain::demo::with_posts(&mut ws, 20_000);
    let ix = metrics::Index::new(&ws);
    let ids: Vec<_> = ws.profiles.iter().map(|p| p.id.clone()).collect();
    let period = Period::ending(ix.last_day().unwrap(), 90);
    let in_period: Vec<f64> = ids
        .iter()
        .flat_map(|p| ix.posts_in(p, period))
        .map(|p| metrics::engagement(&p.metrics))
        .collect();
    assert!(in_period.len() > 1000);
    for n in [0, 1, 10, in_period.len(), in_period.len() + 3] {
        let top = metrics::top_posts(&ix, &ids, period, n);
        assert_eq!(top.len(), n.min(in_period.len()));
        assert!(top.windows(2).all(|w| w[0].engagement >= w[1].engagement));
        assert!(top.iter().all(|p| period.contains(p.day)));
        // Nothing left out has more engagement than the last one kept.
        if let Some(last) = top.last() {
            let above = in_period.iter().filter(|e| **e > last.engagement).count();
            assert!(above < top.len(), "n = {n}");
        }
        // Ties are ordered, so the same data always gives the same list.
        assert_eq!(
            top.iter().map(|p| &p.post.id).collect::<Vec<_>>(),
            metrics::top_posts(&ix, &ids, period, n)
                .iter()
                .map(|p| &p.post.id)
                .collect::<Vec<_>>()
        );
    }
}

/// The posts table in every order: each list is the head of the whole period sorted here by the
/// same key (posts without reach after the others), and the dashboard shows it with the headers'
/// state and the next order each header asks for.
#[test]
fn posts_rank_by_engagement_reach_or_time_in_either_direction() {
    use linimasa::domain::Metric;
    use linimasa::domain::dashboard::{self, Query};
    use linimasa::domain::metrics::{PostKey, PostOrder};
    use linimasa::i18n::Lang;
    let mut ws = crate::demo();
    // One post loses its reach: it must come after every post with one.
    let ix = metrics::Index::new(&ws);
    let last = ix.last_day().unwrap();
    let period = Period::ending(last, 30);
    drop(ix);
    let blind = ws
        .posts
        .iter()
        .position(|p| {
            let day = linimasa::domain::tz::local_date(&p.published, &ws.info.time_zone);
            period.contains(day) && p.metrics.contains_key(&Metric::Reach)
        })
        .unwrap();
    ws.posts[blind].metrics.remove(&Metric::Reach);
    let ix = metrics::Index::new(&ws);
    let ids: Vec<_> = ws.profiles.iter().map(|p| p.id.clone()).collect();
    let all: Vec<_> = ids.iter().flat_map(|p| ix.indexed_in(p, period)).collect();
    let count = all.len();
    assert!(count > 20);
    for order in PostOrder::ALL {
        let key = |p: &metrics::Indexed| match order.key {
            PostKey::Engagement => Some(p.engagement),
            PostKey::Reach => p.post.metrics.get(&Metric::Reach).copied(),
            PostKey::Published => Some(p.post.published.timestamp() as f64),
        };
        let mut expected: Vec<(Option<f64>, &str)> =
            all.iter().map(|p| (key(p), p.post.id.as_str())).collect();
        expected.sort_by(|(a, ia), (b, ib)| {
            let by_value = match (a, b) {
                (Some(a), Some(b)) if order.ascending => a.partial_cmp(b).unwrap(),
                (Some(a), Some(b)) => b.partial_cmp(a).unwrap(),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_value.then(ia.cmp(ib))
        });
        let ranked = metrics::ranked_posts(&ix, &ids, period, count, order);
        let got: Vec<(Option<f64>, &str)> = ranked
            .iter()
            .map(|p| (key(p), p.post.id.as_str()))
            .collect();
        assert_eq!(got, expected, "{order:?}");
        if order.key == PostKey::Reach {
            assert_eq!(got.last().unwrap().0, None, "{order:?}: no reach last");
        }
        assert_eq!(PostOrder::from_slug(order.slug()), Some(order));
    }
    // Through the dashboard: the newest post first, and the header states it.
    let query = Query {
        days: 30,
        order: PostOrder::by(PostKey::Published, false),
        ..Query::default()
    };
    let d = dashboard::compute(&ws, &query).unwrap();
    assert_eq!(d.top.len(), 10);
    assert!(d.top.windows(2).all(|w| w[0].published >= w[1].published));
    let newest = d
        .profiles
        .iter()
        .flat_map(|p| ix.indexed_in(p, period))
        .map(|p| p.post.published)
        .max()
        .unwrap();
    assert_eq!(d.top[0].published, newest);
    let html = linimasa::present::dashboard::body(&ws, &d, Lang::En, true);
    assert!(html.contains("data-order=\"published\""), "table order");
    assert!(html.contains("aria-sort=\"descending\""));
    assert!(html.contains("The newest posts in the period (ten at most)."));
    // Clicking the active header reverses it; another header starts from its highest.
    assert!(html.contains("data-order=\"published-asc\" data-testid=\"sort-published\""));
    assert!(html.contains("data-order=\"reach\" data-testid=\"sort-reach\""));
    // A report file has no buttons.
    let file = linimasa::present::dashboard::body(&ws, &d, Lang::En, false);
    assert!(!file.contains("<button"));
}

/// Customer service over the demo's last 30 days of messages, every figure counted here from
/// the messages themselves: received, waiting for a first reply (oldest first), kinds, and the
/// slow branch's response rate below the others'. The inbox view shows them, escaped.
#[test]
fn customer_service_counts_what_was_received_and_what_still_waits() {
    use linimasa::domain::service;
    use linimasa::domain::tz::local_date;
    let mut ws = crate::demo();
    let zone = ws.info.time_zone.clone();
    let last = service::latest_message_day(&ws).unwrap();
    let period = Period::ending(last, 30);
    let within: Vec<_> = ws
        .messages
        .iter()
        .filter(|m| period.contains(local_date(&m.received, &zone)))
        .collect();
    let s = service::service(&ws, period, None).unwrap();
    assert_eq!(s.received, within.len());
    assert_eq!(s.kinds.iter().sum::<usize>(), within.len());
    let waiting: Vec<_> = within
        .iter()
        .filter(|m| m.needs_reply && m.first_reply.is_none())
        .collect();
    assert_eq!(s.waiting, waiting.len());
    assert!(
        s.waiting > 0,
        "the demo's slow branch leaves some unanswered"
    );
    assert!(
        s.oldest_waiting
            .windows(2)
            .all(|w| w[0].received <= w[1].received)
    );
    assert_eq!(
        s.oldest_waiting.first().map(|m| m.received),
        waiting.iter().map(|m| m.received).min()
    );
    let rate = |id: &str| {
        s.profiles
            .iter()
            .find(|p| p.profile.0 == id)
            .and_then(|p| p.answers)
            .and_then(|a| a.rate)
            .unwrap()
    };
    assert!(rate("fb-surabaya") < rate("fb-jakarta"));
    let answered = within
        .iter()
        .filter(|m| m.needs_reply && m.first_reply.is_some())
        .count();
    let needing = within.iter().filter(|m| m.needs_reply).count();
    assert_eq!(
        s.answers.unwrap().rate,
        Some(answered as f64 / needing as f64)
    );
    let long_before = Period::ending(last - chrono::Duration::days(800), 30);
    assert!(service::service(&ws, long_before, None).is_none());
    // Only the messages of the profiles asked for.
    let only = [linimasa::domain::ProfileId::from("ig-main")];
    let ig = service::service(&ws, period, Some(&only)).unwrap();
    let ig_within = within.iter().filter(|m| m.profile.0 == "ig-main").count();
    assert_eq!((ig.received, ig.profiles.len()), (ig_within, 1));

    // The inbox view: the summary, and a message's text escaped.
    let oldest = s.oldest_waiting[0].id.clone();
    if let Some(m) = ws.messages.iter_mut().find(|m| m.id == oldest) {
        m.text = "<script>alert(1)</script> kapan buka?".into();
    }
    let html = linimasa::present::service::inbox_view(&ws, 30, linimasa::i18n::Lang::En).unwrap();
    assert!(html.contains("data-testid=\"inbox-summary\""));
    assert!(html.contains(&format!(
        "Waiting for a first reply</strong>: {}",
        s.waiting
    )));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; kapan buka?"));
    assert!(!html.contains("<script>"));
}
