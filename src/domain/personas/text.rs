//! Personas in words, in the UI language: a generated name from the defining traits and a short
//! description with sizes and lifts. Both are editable; these are the starting points.

use super::traits::defining;
use crate::domain::PersonaTrait;
use crate::i18n::{Lang, Msg, fill};

/// A trait as a phrase: bands of numbers keep their column (`age 30–39`), categories and
/// items stand alone (`Jakarta`).
pub fn phrase(t: &PersonaTrait) -> String {
    let band = t
        .value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "≤≥<".contains(c));
    if band {
        format!("{} {}", t.column, t.value)
    } else {
        t.value.clone()
    }
}

use crate::i18n::capitalised;

/// The generated name: up to three defining traits (`Perempuan · age 18–24 · Jakarta`), or a
/// numbered name for a persona that looks like the audience as a whole.
pub fn name(traits: &[PersonaTrait], number: usize, lang: Lang) -> String {
    let parts: Vec<String> = defining(traits, 1, 3).into_iter().map(phrase).collect();
    if parts.is_empty() {
        fill(
            Msg::PersonaPlainName.text(lang),
            &[("n", &number.to_string())],
        )
    } else {
        capitalised(&parts.join(" · "))
    }
}

/// The generated description: size and share, then the defining traits with their lifts.
pub fn description(traits: &[PersonaTrait], size: u32, share: f64, lang: Lang) -> String {
    let size_text = lang.count(f64::from(size));
    let share_text = lang.percent(share, 0);
    let head = fill(
        Msg::PersonaSize.text(lang),
        &[("size", &size_text), ("share", &share_text)],
    );
    let traits: Vec<String> = defining(traits, 2, 5)
        .into_iter()
        .map(|t| format!("{} {} ({}×)", t.column, t.value, lang.number(t.lift, 1)))
        .collect();
    if traits.is_empty() {
        format!("{head} {}", Msg::PersonaNoTraits.text(lang))
    } else {
        format!(
            "{head} {}",
            fill(
                Msg::PersonaTraits.text(lang),
                &[("traits", &traits.join(", "))]
            )
        )
    }
}
