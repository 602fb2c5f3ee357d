//! Audience personas: the members of a per-person audience table grouped by similarity, each
//! group described by the traits that set it apart, and snapshots compared as the audience
//! drifts. Pure and deterministic: the same table, settings and seed give the same personas.
//!
//! [`encode`] turns members into features, [`cluster`] groups them (k-representatives over
//! the Gower distance, k by silhouette), [`traits`] measures lifts, [`text`] names and
//! describes, [`drift`] compares snapshots, [`detect`] types the columns of an imported table.

pub mod cluster;
pub mod detect;
pub mod drift;
pub mod encode;
pub mod reach;
pub mod synthetic;
pub mod text;
pub mod traits;

use chrono::NaiveDate;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::domain::{AudienceColumn, AudienceMember, Persona, PersonaId, PersonaTrait};
use crate::i18n::{Lang, Msg, fill};
use cluster::{Distances, Fit};

/// The fewest personas tried, and the most.
pub const K_MIN: usize = 2;
pub const K_MAX: usize = 10;
/// Members the choice of k is made on (k-representatives runs per k).
const SAMPLE: usize = 2_000;
/// Members the silhouette is measured on (all pairwise distances).
const SILHOUETTE_SAMPLE: usize = 800;
/// The fewest members worth grouping.
pub const MIN_MEMBERS: usize = 10;

/// What the user chose: the columns (their kinds and inclusion), a fixed number of personas or
/// automatic, and the seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub columns: Vec<AudienceColumn>,
    /// `None`: chosen by silhouette between [`K_MIN`] and [`K_MAX`].
    pub k: Option<usize>,
    pub seed: u64,
}

/// Personas found in a table, with how they were found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found {
    pub personas: Vec<Persona>,
    pub k: usize,
    /// Silhouette per k tried (automatic k), higher is better separated.
    pub silhouettes: Vec<(usize, f64)>,
    pub members: u32,
    /// Columns used, with their missing cells.
    pub missing: Vec<(String, u32)>,
    /// Items of list columns left out as too rare.
    pub rare_items: u32,
    /// The persona of each member, in the order of the members given.
    pub labels: Vec<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PersonaError {
    #[error("too few members: {0}")]
    TooFewMembers(usize),
    #[error("no usable column")]
    NoColumns,
}

/// Stages reported to `progress` (0..1 overall).
const CHOOSE_SHARE: f32 = 0.5;

/// Date columns are clustered as the years since them: their traits say so, as an age for a
/// birth date or year (`age (birth_year) 30–39`), otherwise as years since (`years since
/// signup_date 2–3`).
fn name_years(encoded: &encode::Encoded, profiles: &mut [Vec<PersonaTrait>], lang: Lang) {
    for feature in encoded.numeric.iter().filter(|f| f.unit_years) {
        let msg = if detect::names_birth(&feature.column) {
            Msg::PersonaAgeFrom
        } else {
            Msg::PersonaYearsSince
        };
        let label = fill(msg.text(lang), &[("column", &feature.column)]);
        for t in profiles.iter_mut().flatten() {
            if t.column == feature.column {
                t.column.clone_from(&label);
            }
        }
    }
}

/// Groups `members` into personas. `today` turns dates into years; `lang` writes the names.
pub fn find(
    members: &[AudienceMember],
    settings: &Settings,
    today: NaiveDate,
    lang: Lang,
    progress: &mut dyn FnMut(f32),
) -> Result<Found, PersonaError> {
    if members.len() < MIN_MEMBERS {
        return Err(PersonaError::TooFewMembers(members.len()));
    }
    let encoded = encode::encode(&settings.columns, members, today);
    if encoded.features() == 0 {
        return Err(PersonaError::NoColumns);
    }
    let n = encoded.rows;
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(settings.seed));
    let sample: Vec<usize> = order.iter().copied().take(SAMPLE).collect();
    let k_max = K_MAX.min(sample.len() / 2).max(K_MIN);
    let (k, start, silhouettes) = match settings.k {
        Some(k) => {
            let k = k.clamp(1, k_max);
            (
                k,
                cluster::fit(&encoded, &sample, k, 3, settings.seed),
                Vec::new(),
            )
        }
        None => choose_k(&encoded, &sample, k_max, settings.seed, progress),
    };
    progress(CHOOSE_SHARE);
    let all: Vec<usize> = (0..n).collect();
    let mut on_iteration = |i: usize| {
        progress(CHOOSE_SHARE + (1.0 - CHOOSE_SHARE) * (i as f32 / 30.0).min(0.95));
    };
    let Fit { model, labels, .. } =
        cluster::refine(&encoded, &all, start.model, 30, 0.0005, &mut on_iteration);
    let (labels, sizes) = by_size(labels, model.k);
    let mut profiles = traits::profiles(&encoded, &labels, model.k);
    name_years(&encoded, &mut profiles, lang);
    let personas = profiles
        .into_iter()
        .zip(&sizes)
        .enumerate()
        .filter(|(_, (_, size))| **size > 0)
        .map(|(i, (traits, &size))| {
            let share = f64::from(size) / n as f64;
            Persona {
                id: PersonaId(format!("p{}", i + 1)),
                name: text::name(&traits, i + 1, lang),
                description: text::description(&traits, size, share, lang),
                size,
                traits,
                channels: Vec::new(),
            }
        })
        .collect();
    progress(1.0);
    Ok(Found {
        personas,
        k,
        silhouettes,
        members: n as u32,
        missing: encoded.missing.clone(),
        rare_items: encoded.items.iter().map(|f| f.dropped as u32).sum(),
        labels,
    })
}

/// Fits every k on the sample and keeps the one with the highest silhouette (the smaller k
/// on a tie).
fn choose_k(
    encoded: &encode::Encoded,
    sample: &[usize],
    k_max: usize,
    seed: u64,
    progress: &mut dyn FnMut(f32),
) -> (usize, Fit, Vec<(usize, f64)>) {
    let measured = &sample[..sample.len().min(SILHOUETTE_SAMPLE)];
    let distances = Distances::new(encoded, measured);
    let mut best: Option<(f64, usize, Fit)> = None;
    let mut silhouettes = Vec::new();
    for k in K_MIN..=k_max {
        let fit = cluster::fit(encoded, sample, k, 2, seed);
        let score = distances.silhouette(&fit.labels[..measured.len()], k);
        silhouettes.push((k, score));
        if best.as_ref().is_none_or(|b| score > b.0 + 1e-9) {
            best = Some((score, k, fit));
        }
        progress(CHOOSE_SHARE * (k - K_MIN + 1) as f32 / (k_max - K_MIN + 1) as f32);
    }
    let (_, k, fit) = best.expect("k range is not empty");
    (k, fit, silhouettes)
}

/// Renumbers personas from the largest to the smallest (ties by first number).
fn by_size(labels: Vec<u16>, k: usize) -> (Vec<u16>, Vec<u32>) {
    let mut sizes = vec![0u32; k];
    for &l in &labels {
        sizes[l as usize] += 1;
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut rank = vec![0u16; k];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new as u16;
    }
    let sorted = order.iter().map(|&old| sizes[old]).collect();
    (
        labels.into_iter().map(|l| rank[l as usize]).collect(),
        sorted,
    )
}
