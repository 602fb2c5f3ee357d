//! Each own profile's audience make-up, from the aggregated demographics its platform exports
//! (latest snapshot): gender split, the largest age bands and places. Shown beside the personas,
//! which say where each persona is likely found against these figures.

use std::collections::BTreeMap;

use super::html::Html;
use crate::domain::{AudienceSnapshot, Dimension, Workspace};
use crate::i18n::{Lang, Msg};

/// The `n` largest entries of a dimension as `label share` text (shares of the breakdown's
/// total, so counts and shares read alike).
fn largest(snapshot: &AudienceSnapshot, dimension: Dimension, n: usize, lang: Lang) -> String {
    let Some(b) = snapshot
        .breakdowns
        .iter()
        .find(|b| b.dimension == dimension)
    else {
        return "–".into();
    };
    let total: f64 = b.entries.iter().map(|(_, v)| v).sum();
    if total <= 0.0 {
        return "–".into();
    }
    let mut entries: Vec<&(String, f64)> = b.entries.iter().collect();
    entries.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    entries
        .iter()
        .take(n)
        .map(|(k, v)| format!("{k} {}", lang.percent(v / total, 0)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The make-up table; `None` when no own profile has demographics.
pub fn makeup(ws: &Workspace, lang: Lang) -> Option<String> {
    let mut latest: BTreeMap<&str, &AudienceSnapshot> = BTreeMap::new();
    for s in &ws.audience_snapshots {
        if s.breakdowns.iter().any(|b| {
            matches!(
                b.dimension,
                Dimension::Gender | Dimension::AgeBand | Dimension::City | Dimension::Country
            )
        }) && latest
            .get(s.profile.as_str())
            .is_none_or(|l| l.date < s.date)
        {
            latest.insert(s.profile.as_str(), s);
        }
    }
    let profiles: Vec<_> = ws
        .profiles
        .iter()
        .filter(|p| !p.competitor)
        .filter_map(|p| latest.get(p.id.as_str()).map(|s| (p, *s)))
        .collect();
    if profiles.is_empty() {
        return None;
    }
    let mut h = Html::new();
    h.open(
        "section",
        &[("class", "lm-card"), ("data-testid", "audience-makeup")],
    )
    .elem(
        "h2",
        &[("class", "lm-card__title")],
        Msg::MakeupTitle.text(lang),
    )
    .elem("p", &[("class", "lm-hint")], Msg::MakeupHint.text(lang))
    .open("div", &[("class", "lm-table-wrap")])
    .open("table", &[("class", "lm-table")])
    .open("thead", &[])
    .open("tr", &[]);
    for head in [
        Msg::MakeupProfile,
        Msg::DimGender,
        Msg::DimAge,
        Msg::MakeupPlaces,
        Msg::MakeupDate,
    ] {
        h.elem("th", &[("scope", "col")], head.text(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for (profile, snapshot) in profiles {
        let places = if snapshot
            .breakdowns
            .iter()
            .any(|b| b.dimension == Dimension::City)
        {
            largest(snapshot, Dimension::City, 3, lang)
        } else {
            largest(snapshot, Dimension::Country, 3, lang)
        };
        h.open(
            "tr",
            &[
                ("data-testid", "makeup-row"),
                ("data-profile", profile.id.as_str()),
            ],
        )
        .elem("td", &[], &profile.display_name())
        .elem("td", &[], &largest(snapshot, Dimension::Gender, 2, lang))
        .elem("td", &[], &largest(snapshot, Dimension::AgeBand, 2, lang))
        .elem("td", &[], &places)
        .elem("td", &[], &lang.date(snapshot.date))
        .close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .close("section");
    Some(h.into_string())
}
