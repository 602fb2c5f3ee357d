//! Personas: column type detection, the clustering's invariants and quality on planted groups
//! and on the mall-customers specimen, lifts, and drift between snapshots.

use chrono::NaiveDate;
use linimasa::domain::import::{apply, apply::BatchInfo, parse};
use linimasa::domain::personas::cluster::adjusted_rand_index;
use linimasa::domain::personas::{
    self, Settings, detect::detect, drift, synthetic::planted, traits,
};
use linimasa::domain::{
    AudienceColumn, AudienceMember, AudienceTableId, ColumnKind, FieldValue, Persona,
    PersonaSnapshot, PersonaSnapshotId, Workspace, WorkspaceInfo,
};
use linimasa::i18n::Lang;

use crate::import::{options, specimen};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

#[test]
fn column_kinds_are_detected() {
    use ColumnKind::*;
    let many = |f: &dyn Fn(usize) -> String| (0..40).map(f).collect::<Vec<String>>();
    let cases: Vec<(&str, Vec<String>, ColumnKind)> = vec![
        ("CustomerID", many(&|i| (i + 1).to_string()), Identifier),
        ("member_id", many(&|i| format!("KN{i:05}")), Identifier),
        ("Email", many(&|i| format!("a{i}@x.id")), Identifier),
        ("Age", many(&|i| (18 + i % 40).to_string()), Numeric),
        ("Pendapatan", many(&|i| format!("{},5", i % 9 + 1)), Numeric),
        (
            "Spend",
            many(&|i| {
                if i % 5 == 0 {
                    "n/a".into()
                } else {
                    format!("{i}.25")
                }
            }),
            Numeric,
        ),
        (
            "Gender",
            many(&|i| ["Male", "Female"][i % 2].into()),
            Categorical,
        ),
        (
            "Kota",
            many(&|i| ["Jakarta", "Bandung", "Medan"][i % 3].into()),
            Categorical,
        ),
        (
            "Interests",
            many(&|i| ["running; yoga", "coffee", "yoga|travel", "coffee, running"][i % 4].into()),
            MultiValued,
        ),
        (
            "Signup",
            many(&|i| format!("2024-0{}-1{}", i % 9 + 1, i % 10)),
            Date,
        ),
        ("Joined", many(&|i| format!("{}/11/2023", i % 28 + 1)), Date),
        // A birth year is a date (shown as an age); another column of years stays a number.
        ("birth_year", many(&|i| (1960 + i).to_string()), Date),
        ("Tahun Lahir", many(&|i| (1970 + i % 30).to_string()), Date),
        (
            "Year joined",
            many(&|i| (2000 + i % 25).to_string()),
            Numeric,
        ),
        (
            "Comment",
            many(&|i| format!("I came here on day {i} because a friend told me about the beans")),
            FreeText,
        ),
        ("Empty", many(&|_| String::new()), FreeText),
    ];
    for (header, cells, expected) in cases {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        assert_eq!(detect(header, &cells), expected, "{header}");
    }
}

fn settings(columns: Vec<AudienceColumn>, k: Option<usize>) -> Settings {
    Settings {
        columns,
        k,
        seed: 7,
    }
}

#[test]
fn planted_groups_are_recovered_with_automatic_k() {
    for (groups, seed) in [(3, 1), (4, 2), (5, 3)] {
        let (columns, members, truth) = planted(6_000, groups, seed);
        let found = personas::find(
            &members,
            &settings(columns, None),
            today(),
            Lang::En,
            &mut |_| {},
        )
        .unwrap();
        let ari = adjusted_rand_index(&truth, &found.labels);
        assert_eq!(found.k, groups, "silhouettes {:?}", found.silhouettes);
        assert!(ari >= 0.9, "{groups} groups: ARI {ari}");
    }
}

#[test]
fn every_member_is_in_exactly_one_persona_and_runs_repeat() {
    let (columns, members, _) = planted(3_000, 4, 9);
    let s = settings(columns, Some(6));
    let mut last = 0.0;
    let mut steps = 0;
    let a = personas::find(&members, &s, today(), Lang::Id, &mut |p| {
        assert!(p >= last, "progress goes forward");
        last = p;
        steps += 1;
    })
    .unwrap();
    assert!(steps > 2 && last == 1.0);
    assert_eq!(a.k, 6);
    assert_eq!(a.labels.len(), members.len());
    assert!(a.labels.iter().all(|&l| (l as usize) < a.personas.len()));
    let total: u32 = a.personas.iter().map(|p| p.size).sum();
    assert_eq!(total as usize, members.len());
    assert!(
        a.personas.windows(2).all(|w| w[0].size >= w[1].size),
        "largest first"
    );
    let b = personas::find(&members, &s, today(), Lang::Id, &mut |_| {}).unwrap();
    assert_eq!(a, b, "same data and seed, same personas");
}

#[test]
fn too_few_members_or_no_usable_column_is_an_error() {
    let (mut columns, members, _) = planted(100, 2, 1);
    assert!(matches!(
        personas::find(
            &members[..5],
            &settings(columns.clone(), None),
            today(),
            Lang::En,
            &mut |_| {}
        ),
        Err(personas::PersonaError::TooFewMembers(5))
    ));
    columns
        .iter_mut()
        .for_each(|c| c.included = c.kind == ColumnKind::Identifier);
    assert_eq!(
        personas::find(
            &members,
            &settings(columns, None),
            today(),
            Lang::En,
            &mut |_| {}
        ),
        Err(personas::PersonaError::NoColumns)
    );
}

#[test]
fn lift_is_the_share_in_the_persona_over_the_share_in_the_audience() {
    // 20 people: the first 10 all in Jakarta and in their 30s; the other 10 in their 50s, two in
    // Jakarta and eight in Bandung.
    let columns = vec![
        AudienceColumn {
            name: "city".into(),
            kind: ColumnKind::Categorical,
            included: true,
        },
        AudienceColumn {
            name: "age".into(),
            kind: ColumnKind::Numeric,
            included: true,
        },
    ];
    let members: Vec<AudienceMember> = (0..20u32)
        .map(|row| {
            let city = if row < 10 || row % 5 == 0 {
                "Jakarta"
            } else {
                "Bandung"
            };
            let age = if row < 10 {
                31.0 + f64::from(row % 5)
            } else {
                52.0 + f64::from(row % 5)
            };
            AudienceMember {
                table: AudienceTableId::from("t"),
                row,
                values: vec![FieldValue::Text(city.into()), FieldValue::Number(age)],
            }
        })
        .collect();
    // The persona split is given, so the test measures lift alone.
    let labels: Vec<u16> = (0..20).map(|row| u16::from(row >= 10)).collect();
    let encoded = personas::encode::encode(&columns, &members, today());
    let profiles = traits::profiles(&encoded, &labels, 2);
    let young = &profiles[0];
    let jakarta = young.iter().find(|t| t.value == "Jakarta").unwrap();
    // Jakarta: 10/10 in the persona, 12/20 overall → lift 5/3.
    assert!((jakarta.share - 1.0).abs() < 1e-9);
    assert!((jakarta.lift - 5.0 / 3.0).abs() < 1e-9, "{}", jakarta.lift);
    // Ages 31–35 fall in 5-year bands (≤ 34, 35–39): ≤ 34 holds 8 of the persona's 10 and
    // 8 of all 20 → lift 2, the trait that sets them apart most.
    let defining = traits::defining(young, 1, 5);
    assert_eq!(
        (defining[0].column.as_str(), defining[0].value.as_str()),
        ("age", "≤ 34")
    );
    assert!((defining[0].lift - 2.0).abs() < 1e-9);
    assert_eq!(defining[1].value, "Jakarta");
    let description = personas::text::description(young, 10, 0.5, Lang::En);
    assert!(description.contains("age ≤ 34 (2.0×)"), "{description}");
    assert!(
        description.starts_with("10 members (50% of the audience)."),
        "{description}"
    );
}
fn snapshot(id: &str, personas: Vec<Persona>, members: u32) -> PersonaSnapshot {
    PersonaSnapshot {
        id: PersonaSnapshotId::from(id),
        table: AudienceTableId::from("t"),
        date: today(),
        seed: 7,
        personas,
        members,
        columns: Vec::new(),
    }
}

#[test]
fn drift_matches_personas_and_reports_vanished_and_moved() {
    let (columns, members, truth) = planted(4_000, 4, 5);
    let before = personas::find(
        &members,
        &settings(columns.clone(), None),
        today(),
        Lang::En,
        &mut |_| {},
    )
    .unwrap();
    // Later: planted group 3 has left; group 0 got older (age shifted by 11 years).
    let later: Vec<AudienceMember> = members
        .iter()
        .zip(&truth)
        .filter(|(_, g)| **g != 3)
        .map(|(m, g)| {
            let mut m = m.clone();
            if *g == 0
                && let FieldValue::Number(age) = &mut m.values[1]
            {
                *age += 11.0;
            }
            m
        })
        .collect();
    let after = personas::find(
        &later,
        &settings(columns, None),
        today(),
        Lang::En,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(after.k, 3);
    let drift = drift::compare(
        &snapshot("a", before.personas.clone(), before.members),
        &snapshot("b", after.personas.clone(), after.members),
    );
    assert_eq!(drift.vanished.len(), 1, "{drift:?}");
    assert!(drift.new.is_empty(), "{drift:?}");
    assert_eq!(drift.matched.len(), 3);
    assert!(
        drift
            .matched
            .iter()
            .any(|m| m.moved.iter().any(|t| t.column == "age")),
        "the older group's age bands moved: {drift:?}"
    );
    // Shares grow when a group leaves.
    assert!(drift.matched.iter().all(|m| m.share_after > m.share_before));
}

fn import_people(bytes: &[u8], name: &str) -> Workspace {
    let parsed = parse(name, bytes, &options()).unwrap();
    assert_eq!(parsed.kind, "audience");
    let mut ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
    let info = BatchInfo {
        id: "b1".into(),
        file_name: name.into(),
        content_hash: "h".into(),
        bytes: bytes.len() as u64,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    apply(&mut ws, parsed, info);
    ws
}

#[test]
fn a_semicolon_audience_file_imports_with_its_types() {
    let ws = import_people(
        &crate::fixture("audience/members-semicolon.csv"),
        "members-semicolon.csv",
    );
    let table = &ws.audience_tables[0];
    let kinds: Vec<(&str, ColumnKind, bool)> = table
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.kind, c.included))
        .collect();
    use ColumnKind::*;
    assert_eq!(
        kinds,
        vec![
            ("No", Identifier, false),
            ("Jenis Kelamin", Categorical, true),
            ("Usia", Numeric, true),
            ("Kota", Categorical, true),
            ("Pendapatan (juta)", Numeric, true),
            ("Minat", MultiValued, true),
            ("Tanggal Daftar", Date, true),
            ("Catatan", FreeText, false),
        ]
    );
    assert_eq!(
        ws.audience_members.len(),
        5,
        "the repeated member 3 is skipped"
    );
    let first = &ws.audience_members[0].values;
    assert_eq!(first[4], FieldValue::Number(4.5));
    assert_eq!(
        first[5],
        FieldValue::List(vec!["kopi".into(), "fotografi".into()])
    );
    assert_eq!(
        first[6],
        FieldValue::Date(NaiveDate::from_ymd_opt(2024, 2, 3).unwrap())
    );
    assert_eq!(ws.audience_members[2].values[2], FieldValue::Empty);
    let batch = &ws.batches[0];
    assert_eq!((batch.counts.inserted, batch.counts.skipped), (5, 1));
    assert!(
        batch
            .diagnostics
            .iter()
            .any(|d| d.code == "duplicate-row" && d.row == Some(7))
    );
}

#[test]
fn mall_customers_give_the_five_income_and_spending_segments() {
    let Some(bytes) = specimen("personas/mall-customers.csv") else {
        return;
    };
    let mut ws = import_people(&bytes, "mall-customers.csv");
    let table = &mut ws.audience_tables[0];
    let kinds: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
    use ColumnKind::*;
    assert_eq!(
        kinds,
        vec![Identifier, Categorical, Numeric, Numeric, Numeric]
    );
    assert_eq!(ws.audience_members.len(), 200);
    // As a marketer would: income and spending only.
    for c in table.columns.iter_mut() {
        c.included = c.name.starts_with("Annual") || c.name.starts_with("Spending");
    }
    let found = personas::find(
        &ws.audience_members,
        &settings(table.columns.clone(), None),
        today(),
        Lang::En,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(found.k, 5, "silhouettes {:?}", found.silhouettes);
    let mut centres = vec![(0.0, 0.0, 0u32); 5];
    for (m, &l) in ws.audience_members.iter().zip(&found.labels) {
        let (FieldValue::Number(income), FieldValue::Number(spend)) = (&m.values[3], &m.values[4])
        else {
            panic!("numbers")
        };
        let c = &mut centres[l as usize];
        c.0 += income;
        c.1 += spend;
        c.2 += 1;
    }
    // The well-known segments: (income k$, spending score).
    for (income, spend) in [
        (55.0, 50.0),
        (87.0, 18.0),
        (86.0, 82.0),
        (26.0, 79.0),
        (26.0, 21.0),
    ] {
        assert!(
            centres.iter().any(|c| {
                let n = f64::from(c.2);
                (c.0 / n - income).abs() < 8.0 && (c.1 / n - spend).abs() < 8.0
            }),
            "segment ({income}, {spend}) in {centres:?}"
        );
    }
}

#[test]
fn demo_audience_gives_its_planted_segments() {
    let ws = crate::demo();
    let table = &ws.audience_tables[0];
    let found = personas::find(
        &ws.audience_members,
        &settings(table.columns.clone(), None),
        today(),
        Lang::Id,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(found.k, 4, "silhouettes {:?}", found.silhouettes);
    assert!(
        found
            .personas
            .iter()
            .all(|p| !traits::defining(&p.traits, 1, 3).is_empty())
    );
}

#[test]
fn personas_are_placed_on_the_profiles_whose_audience_resembles_them() {
    use linimasa::domain::Platform;
    use linimasa::worker::jobs;
    use linimasa::worker::protocol::PersonaRequest;
    let ws = crate::demo();
    let table = &ws.audience_tables[0];
    let request = PersonaRequest {
        workspace: ws.info.id.0.clone(),
        table: table.id.0.clone(),
        settings: settings(table.columns.clone(), None),
        today: today(),
        lang: Lang::En,
    };
    let found = jobs::personas(&ws, &request, &mut |_| {}).unwrap();
    assert!(found.labels.is_empty(), "labels stay in the worker");
    let age = |p: &Persona| {
        // The mean of the age bands' lower ends, weighted by share: enough to order personas.
        p.traits
            .iter()
            .filter(|t| t.column == "age")
            .map(|t| {
                let low: f64 = t
                    .value
                    .trim_start_matches(['≤', '≥', ' '])
                    .split('–')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                low * t.share
            })
            .sum::<f64>()
    };
    let youngest = found
        .personas
        .iter()
        .min_by(|a, b| age(a).total_cmp(&age(b)))
        .unwrap();
    let oldest = found
        .personas
        .iter()
        .max_by(|a, b| age(a).total_cmp(&age(b)))
        .unwrap();
    for p in &found.personas {
        assert!(!p.channels.is_empty(), "{}", p.name);
        assert!(p.channels.windows(2).all(|w| w[0].index >= w[1].index));
        assert!(p.channels[0].basis.len() >= 2, "{:?}", p.channels[0]);
    }
    // The demo's TikTok audience is the youngest, LinkedIn's and Facebook's the oldest.
    assert!(
        matches!(
            youngest.channels[0].platform,
            Platform::TikTok | Platform::Instagram
        ),
        "{:?}",
        youngest.channels
    );
    assert!(
        youngest.channels[0].index > 1.0 && oldest.channels[0].index > 1.0,
        "{:?} {:?}",
        youngest.channels,
        oldest.channels
    );
    assert!(
        !matches!(oldest.channels[0].platform, Platform::TikTok),
        "{:?}",
        oldest.channels
    );
    assert!(youngest.channels[0].best_format.is_some() && youngest.channels[0].best_hour.is_some());
}

#[test]
fn each_profiles_audience_make_up_is_shown_from_its_demographics() {
    use linimasa::worker::jobs;
    use linimasa::worker::protocol::ViewKind;
    let mut ws = crate::demo();
    let html = jobs::view(&ws, &ViewKind::Audience, Lang::En).unwrap();
    let rows = html.matches("data-testid=\"makeup-row\"").count();
    let own_with_demographics = ws
        .profiles
        .iter()
        .filter(|p| {
            !p.competitor
                && ws
                    .audience_snapshots
                    .iter()
                    .any(|s| s.profile == p.id && !s.breakdowns.is_empty())
        })
        .count();
    assert!(
        rows >= 6 && rows <= own_with_demographics,
        "{rows} of {own_with_demographics}"
    );
    assert!(html.contains("female "), "gender split shown");
    // An imported profile name is text, never markup.
    ws.profiles[0].name = "<img src=x onerror=alert(1)>".into();
    ws.profiles[0].handle = String::new();
    let html = jobs::view(&ws, &ViewKind::Audience, Lang::En).unwrap();
    assert!(!html.contains("<img"));
    ws.audience_snapshots.clear();
    assert_eq!(jobs::view(&ws, &ViewKind::Audience, Lang::En), None);
}

#[test]
fn a_birth_year_column_reads_as_an_age_in_the_traits() {
    let mut csv = String::from("No,Tahun Lahir,Kota,Tanggal Daftar\n");
    for i in 0..120 {
        let (born, city) = if i % 2 == 0 {
            (1998 + i % 5, "Jakarta")
        } else {
            (1960 + i % 6, "Medan")
        };
        csv.push_str(&format!("{i},{born},{city},2024-0{}-15\n", i % 9 + 1));
    }
    let ws = import_people(csv.as_bytes(), "anggota.csv");
    let table = &ws.audience_tables[0];
    let kinds: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
    assert_eq!(kinds[1], ColumnKind::Date, "the birth year is a date");
    let found = personas::find(
        &ws.audience_members,
        &settings(table.columns.clone(), Some(2)),
        today(),
        Lang::Id,
        &mut |_| {},
    )
    .unwrap();
    // The age band each persona is defined by, as the number it starts with.
    let ages: Vec<u32> = found
        .personas
        .iter()
        .map(|p| {
            let t = p
                .traits
                .iter()
                .find(|t| t.column == "usia (Tahun Lahir)")
                .unwrap_or_else(|| panic!("no age trait in {:?}", p.traits));
            t.value
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no age in {:?}", t.value))
        })
        .collect();
    let (young, old) = (ages.iter().min().unwrap(), ages.iter().max().unwrap());
    assert!(
        *young >= 20 && *young <= 30,
        "young persona aged {young}: {ages:?}"
    );
    assert!(*old >= 55, "older persona aged {old}: {ages:?}");
    let signup = found.personas[0]
        .traits
        .iter()
        .any(|t| t.column == "tahun sejak Tanggal Daftar");
    let all_columns: Vec<&str> = found
        .personas
        .iter()
        .flat_map(|p| p.traits.iter().map(|t| t.column.as_str()))
        .collect();
    assert!(
        signup || !all_columns.iter().any(|c| c.contains("Tanggal Daftar")),
        "a signup date reads as years since: {all_columns:?}"
    );
    assert!(
        !all_columns.contains(&"Tahun Lahir"),
        "no trait shows the raw birth year: {all_columns:?}"
    );
}
