//! Audit rules as data: a synthetic history goes in, the expected findings come out.

use chrono::{Duration, NaiveDate, TimeZone};
use linimasa::domain::audit::{self, Cause, FindingKind, Level, WEIGHTS};
use linimasa::domain::{
    DailyMetrics, Message, MessageKind, Metric, Metrics, Platform, Post, PostFormat, Profile,
    Workspace, WorkspaceInfo,
};

const AS_OF: (i32, u32, u32) = (2026, 10, 31);

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap()
}

/// One profile's history over 180 days: per day, how many posts, and per post its engagement,
/// reach and format; per day a follower count.
struct History {
    id: &'static str,
    platform: Platform,
    posts_per_day: fn(i64) -> u32,
    engagement: fn(i64) -> f64,
    reach: fn(i64) -> f64,
    format: fn(u32) -> PostFormat,
    followers: fn(i64) -> f64,
}

fn steady(_: i64) -> u32 {
    2
}
fn flat_engagement(_: i64) -> f64 {
    100.0
}
fn flat_reach(_: i64) -> f64 {
    2_000.0
}
fn photos(_: u32) -> PostFormat {
    PostFormat::Photo
}
fn flat_followers(_: i64) -> f64 {
    10_000.0
}

impl History {
    fn new(id: &'static str, platform: Platform) -> Self {
        History {
            id,
            platform,
            posts_per_day: steady,
            engagement: flat_engagement,
            reach: flat_reach,
            format: photos,
            followers: flat_followers,
        }
    }
}

/// Day `d` counts back from the audit's last day: 0 is the last day, 179 the first.
fn build(histories: &[History]) -> Workspace {
    let mut ws = Workspace::empty(WorkspaceInfo::new("t".into(), "t"));
    let zone = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    for h in histories {
        ws.profiles.push(Profile {
            id: h.id.into(),
            platform: h.platform,
            handle: h.id.into(),
            name: h.id.into(),
            external_id: None,
            region: None,
            sub_brand: None,
            competitor: false,
            url: None,
            aliases: Vec::new(),
        });
        for d in 0..180 {
            let date = as_of() - Duration::days(d);
            for n in 0..(h.posts_per_day)(d) {
                let mut metrics = Metrics::new();
                let e = (h.engagement)(d);
                let format = (h.format)(n);
                let scale = if format == PostFormat::Video {
                    0.2
                } else {
                    1.0
                };
                metrics.insert(Metric::Reactions, e * 0.8 * scale);
                metrics.insert(Metric::Comments, e * 0.2 * scale);
                metrics.insert(Metric::Reach, (h.reach)(d));
                ws.posts.push(Post {
                    id: format!("{}-{d}-{n}", h.id).into(),
                    profile: h.id.into(),
                    published: zone
                        .from_local_datetime(&date.and_hms_opt(9 + n, 0, 0).unwrap())
                        .unwrap(),
                    format,
                    text: String::new(),
                    permalink: None,
                    metrics,
                    promoted: false,
                    batch: None,
                });
            }
            let mut values = Metrics::new();
            values.insert(Metric::Followers, (h.followers)(d));
            ws.daily.push(DailyMetrics {
                profile: h.id.into(),
                date,
                values,
            });
        }
    }
    ws
}

fn kinds(ws: &Workspace) -> Vec<(FindingKind, Level, Option<String>, Vec<Cause>)> {
    audit::run(ws, 90)
        .unwrap()
        .findings
        .into_iter()
        .map(|f| (f.kind, f.level, f.profile.map(|p| p.0), f.causes))
        .collect()
}

fn has(ws: &Workspace, kind: FindingKind) -> Option<(Level, Vec<Cause>)> {
    kinds(ws)
        .into_iter()
        .find(|k| k.0 == kind)
        .map(|(_, level, _, causes)| (level, causes))
}

#[test]
fn a_steady_profile_on_plan_has_no_findings_and_a_good_score() {
    let ws = build(&[History::new("fb", Platform::Facebook)]);
    assert_eq!(kinds(&ws), vec![]);
    let audit = audit::run(&ws, 90).unwrap();
    assert_eq!(audit.as_of, as_of());
    // Holding steady scores 50 on the trend parts and 100 on plan and freshness.
    let score = audit.overall.unwrap();
    assert!((60.0..=70.0).contains(&score), "{score}");
    let mut falling = History::new("fb", Platform::Facebook);
    falling.engagement = |d| if d < 90 { 50.0 } else { 100.0 };
    let lower = audit::run(&build(&[falling]), 90).unwrap().overall.unwrap();
    assert!(lower < score - 15.0, "{lower} vs {score}");
}

#[test]
fn engagement_halved_per_reached_person_points_at_content() {
    let mut h = History::new("fb", Platform::Facebook);
    h.engagement = |d| if d < 90 { 50.0 } else { 100.0 };
    let (level, causes) = has(&build(&[h]), FindingKind::EngagementFalling).unwrap();
    assert_eq!(level, Level::Critical);
    assert_eq!(causes, vec![Cause::WeakerContent]);
}

#[test]
fn engagement_down_because_fewer_posts_points_at_frequency() {
    let mut h = History::new("fb", Platform::Facebook);
    h.posts_per_day = |d| if d < 90 { 3 } else { 4 };
    let (level, causes) = has(&build(&[h]), FindingKind::EngagementFalling).unwrap();
    assert_eq!(level, Level::Warning);
    assert_eq!(causes, vec![Cause::FewerPosts]);
}

#[test]
fn engagement_down_with_reach_down_points_at_reach_not_content() {
    let mut h = History::new("fb", Platform::Facebook);
    h.engagement = |d| if d < 90 { 60.0 } else { 100.0 };
    h.reach = |d| if d < 90 { 1_200.0 } else { 2_000.0 };
    let (_, causes) = has(&build(&[h]), FindingKind::EngagementFalling).unwrap();
    assert_eq!(causes, vec![Cause::LowerReach]);
}

#[test]
fn lost_followers_are_a_finding() {
    let mut h = History::new("fb", Platform::Facebook);
    h.followers = |d| 10_000.0 + d as f64 * 10.0;
    let (level, _) = has(&build(&[h]), FindingKind::FollowerDecline).unwrap();
    assert_eq!(level, Level::Critical, "-8 % over the window");
}

#[test]
fn posting_far_below_plan_is_a_warning() {
    let mut h = History::new("fb", Platform::Facebook);
    h.posts_per_day = |d| u32::from(d % 2 == 0);
    assert_eq!(
        has(&build(&[h]), FindingKind::BelowPlan).map(|f| f.0),
        Some(Level::Warning)
    );
}

#[test]
fn a_format_far_below_the_average_is_named() {
    let mut h = History::new("fb", Platform::Facebook);
    h.format = |n| {
        if n == 0 {
            PostFormat::Video
        } else {
            PostFormat::Photo
        }
    };
    let audit = audit::run(&build(&[h]), 90).unwrap();
    let weak = audit
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::WeakFormat)
        .unwrap();
    assert_eq!(weak.level, Level::Warning, "half the posts are videos");
    assert!(
        weak.evidence
            .iter()
            .any(|e| e.measure == audit::Measure::PerPost(PostFormat::Video))
    );
}

#[test]
fn slow_and_missing_replies_are_critical() {
    let mut ws = build(&[History::new("fb", Platform::Facebook)]);
    let zone = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    for n in 0..10 {
        let received = zone
            .from_local_datetime(&(as_of() - Duration::days(n)).and_hms_opt(10, 0, 0).unwrap())
            .unwrap();
        ws.messages.push(Message {
            id: format!("m{n}").into(),
            profile: "fb".into(),
            conversation: format!("c{n}"),
            author: "a".into(),
            received,
            text: "?".into(),
            kind: MessageKind::Question,
            needs_reply: true,
            first_reply: (n < 5).then(|| received + Duration::hours(30)),
            assignee: None,
            sentiment: None,
            batch: None,
        });
    }
    assert_eq!(
        has(&ws, FindingKind::SlowReplies).map(|f| f.0),
        Some(Level::Critical)
    );
}

#[test]
fn a_profile_whose_exports_stopped_is_stale() {
    let mut old = History::new("li", Platform::LinkedIn);
    old.posts_per_day = |d| u32::from(d > 60 && d % 7 == 0);
    let mut ws = build(&[History::new("fb", Platform::Facebook), old]);
    ws.daily
        .retain(|d| d.profile.0 != "li" || d.date < as_of() - Duration::days(60));
    let found = kinds(&ws);
    assert!(
        found
            .iter()
            .any(|k| k.0 == FindingKind::StaleData && k.2.as_deref() == Some("li")),
        "{found:?}"
    );
}

#[test]
fn a_channel_with_many_posts_and_little_engagement_is_called_out() {
    let mut x = History::new("x", Platform::X);
    x.posts_per_day = |_| 6;
    x.engagement = |_| 5.0;
    let ws = build(&[History::new("fb", Platform::Facebook), x]);
    let audit = audit::run(&ws, 90).unwrap();
    let channel = audit
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::LowYieldChannel)
        .unwrap();
    assert_eq!(channel.platform, Some(Platform::X));
    assert_eq!(
        audit.channels[0].platform,
        Platform::Facebook,
        "most per post first"
    );
}

#[test]
fn the_audit_is_deterministic_scores_are_bounded_and_weights_sum_to_100() {
    let ws = crate::demo();
    let a = audit::run(&ws, 90).unwrap();
    let b = audit::run(&ws, 90).unwrap();
    assert_eq!(a, b);
    assert_eq!(WEIGHTS.iter().map(|w| w.1).sum::<f64>(), 100.0);
    for s in &a.scores {
        assert!((0.0..=100.0).contains(&s.score), "{s:?}");
    }
    assert!(a.inventory.len() == ws.profiles.len());
}

#[test]
fn the_demo_audit_finds_what_the_demo_plants() {
    let ws = crate::demo();
    let found = kinds(&ws);
    let about = |kind, profile: &str| {
        found
            .iter()
            .any(|k| k.0 == kind && k.2.as_deref() == Some(profile))
    };
    // Surabaya's engagement falls in the last quarter and it answers slowly.
    assert!(
        about(FindingKind::EngagementFalling, "fb-surabaya"),
        "{found:?}"
    );
    assert!(about(FindingKind::SlowReplies, "fb-surabaya"), "{found:?}");
    assert!(!about(FindingKind::SlowReplies, "ig-main"), "{found:?}");
    // The website gets little from social networks although posts carry link clicks.
    assert!(
        about(FindingKind::SocialTrafficLow, "web-main"),
        "{found:?}"
    );
}

#[test]
fn the_audit_html_escapes_imported_text_and_carries_its_hooks() {
    let mut h = History::new("fb", Platform::Facebook);
    h.engagement = |d| if d < 90 { 50.0 } else { 100.0 };
    let mut ws = build(&[h]);
    ws.profiles[0].name = "<script>alert(1)</script> & \"Kopi\"".into();
    let audit = audit::run(&ws, 90).unwrap();
    let html = linimasa::present::audit::audit(&ws, &audit, linimasa::i18n::Lang::En);
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Kopi&quot;"));
    assert!(html.contains(
        "data-testid=\"finding\" data-severity=\"critical\" data-profile=\"fb\" data-kind=\"engagement-falling\""
    ));
    // One line per block, so that a change reads as a diff.
    let readable = ["<li", "<tr", "<h2", "<h3", "<table", "<ul", "<svg", "<p"]
        .iter()
        .fold(html, |text, tag| text.replace(tag, &format!("\n{tag}")));
    insta::assert_snapshot!(readable);
}

#[test]
fn platform_choice_answers_from_data_and_lets_the_user_overrule() {
    use linimasa::domain::PlatformAssessment;
    use linimasa::domain::platforms::{Question, Source, Verdict};
    let mut ws = crate::demo();
    let audit = audit::run(&ws, 90).unwrap();
    let ig = audit
        .platforms
        .iter()
        .find(|r| r.platform == Platform::Instagram)
        .unwrap();
    let answered = |q| ig.answers.iter().find(|a| a.question == q).copied();
    // The competitor is on Instagram; the CRM table has ages and the profile an age breakdown.
    assert_eq!(
        answered(Question::CompetitorPresence).unwrap().source,
        Source::Data
    );
    assert_eq!(
        answered(Question::DemographicMatch).unwrap().source,
        Source::Data
    );
    assert_eq!(
        answered(Question::GoalFit).unwrap().source,
        Source::RuleOfThumb
    );
    // Only the user can say how crowded a platform is.
    assert_eq!(ig.open, vec![Question::Competition]);
    assert_ne!(ig.verdict, Verdict::Undecided);
    // Every own social platform is assessed, never the website.
    assert_eq!(audit.platforms.len(), 6);

    // A saved answer wins over the computed one; the user's notes go with the answers.
    let mut notes: [String; 6] = Default::default();
    notes[4] = "  Dozens of local coffee shops post daily ".into();
    notes[1] = "   ".into();
    ws.assessments.push(PlatformAssessment {
        platform: Platform::Instagram,
        answers: [Some(0), None, None, None, Some(1), None],
        notes,
    });
    let again = audit::run(&ws, 90).unwrap();
    let ig = again
        .platforms
        .iter()
        .find(|r| r.platform == Platform::Instagram)
        .unwrap();
    let goal = ig
        .answers
        .iter()
        .find(|a| a.question == Question::GoalFit)
        .unwrap();
    assert_eq!((goal.score, goal.source), (0, Source::User));
    assert!(ig.open.is_empty());
    assert_eq!(
        ig.notes,
        vec![(
            Question::Competition,
            "Dozens of local coffee shops post daily".to_owned()
        )],
        "blank notes are left out, the others trimmed"
    );
    let html = linimasa::present::audit::audit(&ws, &again, linimasa::i18n::Lang::En);
    assert!(html.contains("Note: Dozens of local coffee shops post daily"));
}

/// A LinkedIn competitor export's totals: the audit shows them beside the own profiles with the
/// export's period, figures defined as from posts, and platform choice answers the competitor
/// question from them where no competitor's posts are known.
#[test]
fn competitor_export_totals_are_compared_and_answer_platform_choice() {
    use linimasa::domain::platforms::{Question, Source};
    use linimasa::domain::{Metric, Period, PeriodTotals, Profile, ProfileId};
    let mut ws = crate::demo();
    let linkedin = |a: &audit::Audit| {
        a.platforms
            .iter()
            .find(|r| r.platform == Platform::LinkedIn)
            .cloned()
            .unwrap()
    };
    let before = audit::run(&ws, 90).unwrap();
    assert!(
        !linkedin(&before)
            .answers
            .iter()
            .any(|a| a.question == Question::CompetitorPresence),
        "no competitor on LinkedIn yet"
    );
    ws.profiles.push(Profile {
        id: ProfileId::from("li-senja".to_owned()),
        platform: Platform::LinkedIn,
        handle: "Kopi Senja".into(),
        name: "Kopi Senja".into(),
        external_id: None,
        region: None,
        sub_brand: None,
        competitor: true,
        url: None,
        aliases: Vec::new(),
    });
    let period = Period::ending(before.as_of, 30);
    let totals =
        |profile: &str, followers: f64, gained: f64, interactions: f64, posts: u32| PeriodTotals {
            profile: ProfileId::from(profile.to_owned()),
            period,
            values: [
                (Metric::Followers, followers),
                (Metric::FollowersGained, gained),
                (Metric::Interactions, interactions),
            ]
            .into(),
            posts: Some(posts),
            batch: None,
        };
    ws.period_totals = vec![
        totals("li-main", 6_000.0, 200.0, 1_200.0, 12),
        totals("li-senja", 30_100.0, 910.0, 6_300.0, 21),
    ];
    let after = audit::run(&ws, 90).unwrap();
    let presence = linkedin(&after)
        .answers
        .into_iter()
        .find(|a| a.question == Question::CompetitorPresence)
        .expect("answered from the export");
    assert_eq!(presence.source, Source::Data);
    // (6,300 ÷ 21) ÷ (1,200 ÷ 12) = 300 ÷ 100.
    assert!((presence.evidence.unwrap() - 3.0).abs() < 1e-9);

    let html = linimasa::present::audit::audit(&ws, &after, linimasa::i18n::Lang::En);
    let row_of = |testid: &str, profile: &str| {
        let marker = format!("data-testid=\"{testid}\" data-profile=\"{profile}\"");
        html.find(&marker).map(|at| {
            let end = at + html[at..].find("</tr>").unwrap();
            html[at..end].to_owned()
        })
    };
    let senja = row_of("competitor-totals-row", "li-senja").expect("a totals row");
    // Followers 30,100; growth 910 ÷ (30,100 − 910) = +3.1 %; 21 posts in 30 days = 4.9 a
    // week; 300 per post; 300 ÷ 30,100 = 1.00 % by followers.
    for figure in [
        "30,100",
        "+3.1%",
        "4.9",
        "300.0",
        "1.00% (by followers)",
        "Competitor",
        "totals of",
    ] {
        assert!(senja.contains(figure), "{figure} in {senja}");
    }
    assert!(
        row_of("competitor-row", "li-senja").is_none(),
        "nothing of the competitor falls in the audit window"
    );
    assert!(row_of("competitor-totals-row", "li-main").is_some());
    assert!(
        row_of("competitor-row", "li-main").is_some(),
        "the own profile's window figures stay"
    );
}
