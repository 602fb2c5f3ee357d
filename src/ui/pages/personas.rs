//! The personas page: choose an audience table and its columns, group its members into personas
//! in a worker (progress, cancel), edit the generated names and descriptions, save snapshots and
//! compare two of them to see the audience drift.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::browser;
use crate::app::personas::{self, PersonaRun};
use crate::app::state::{AppState, use_app};
use crate::domain::audit::text as audit_text;
use crate::domain::personas::{Found, K_MAX, K_MIN, Settings, drift, encode, traits};
use crate::domain::{
    AudienceColumn, AudienceTable, AudienceTableId, ColumnKind, Dimension, PersonaChannel,
    PersonaSnapshot, PersonaSnapshotId, tz,
};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::components::{Definition, EmptyWorkspace, EngineView, SelectField};
use crate::worker::protocol::ViewKind;

const KINDS: [(ColumnKind, &str, Msg); 6] = [
    (ColumnKind::Numeric, "numeric", Msg::KindNumeric),
    (ColumnKind::Categorical, "categorical", Msg::KindCategorical),
    (ColumnKind::MultiValued, "multi-valued", Msg::KindMulti),
    (ColumnKind::Date, "date", Msg::KindDate),
    (ColumnKind::Identifier, "identifier", Msg::KindIdentifier),
    (ColumnKind::FreeText, "free-text", Msg::KindFreeText),
];

#[component]
pub fn PersonasPage() -> impl IntoView {
    let state = use_app();
    // Re-render only when the workspace changes between loading, empty and filled.
    let shape = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| (w.is_empty(), w.audience_tables.is_empty()))
        })
    });
    view! {
        <section class="lm-page" data-testid="personas">
            <h1 class="lm-page__title">{move || state.t(Msg::NavPersonas)}</h1>
            <p class="lm-page__lead">{move || state.t(Msg::PersonasWhat)}</p>
            {move || match shape.get() {
                None => view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> }.into_any(),
                Some((true, _)) => view! { <EmptyWorkspace/> }.into_any(),
                Some((false, true)) => view! {
                    <p class="lm-empty" data-testid="personas-empty">{state.t(Msg::PersonasEmpty)}" "
                        <A href="/import">{state.t(Msg::EmptyImport)}</A></p>
                }.into_any(),
                Some((false, false)) => view! { <Workbench/> }.into_any(),
            }}
        </section>
    }
}

/// The personas on screen: a fresh run (not saved yet) or a saved snapshot.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    snapshot: PersonaSnapshot,
    saved: bool,
    /// How a fresh run chose k and what it skipped.
    found: Option<Found>,
}

fn table_of(state: AppState, id: &str) -> Option<AudienceTable> {
    state.workspace.with_untracked(|w| {
        w.as_ref()
            .and_then(|w| w.audience_tables.iter().find(|t| t.id.0 == id).cloned())
    })
}

fn latest_snapshot(state: AppState, id: &str) -> Option<PersonaSnapshot> {
    state.workspace.with_untracked(|w| {
        w.as_ref().and_then(|w| {
            w.persona_snapshots
                .iter()
                .filter(|s| s.table.0 == id)
                .max_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)))
                .cloned()
        })
    })
}

#[component]
fn Workbench() -> impl IntoView {
    let state = use_app();
    let tables = move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.audience_tables
                        .iter()
                        .map(|t| (t.id.0.clone(), t.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let table = RwSignal::new(tables().first().map(|t| t.0.clone()).unwrap_or_default());
    let columns = RwSignal::new(Vec::<AudienceColumn>::new());
    let k = RwSignal::new("auto".to_owned());
    let run = RwSignal::new(PersonaRun::default());
    let found = RwSignal::new(None::<Found>);
    let shown = RwSignal::new(None::<Shown>);
    // A new table: its columns and its latest saved personas.
    Effect::new(move || {
        let id = table.get();
        columns.set(table_of(state, &id).map(|t| t.columns).unwrap_or_default());
        shown.set(latest_snapshot(state, &id).map(|snapshot| Shown {
            snapshot,
            saved: true,
            found: None,
        }));
    });
    // A finished run: its personas, not saved yet.
    Effect::new(move || {
        let Some(result) = found.get() else { return };
        let time_zone = state
            .workspace
            .with_untracked(|w| w.as_ref().map(|w| w.info.time_zone.clone()))
            .unwrap_or_default();
        let now = browser::now_millis();
        let id = table.get_untracked();
        let used = result.missing.iter().map(|(c, _)| c.clone()).collect();
        shown.set(Some(Shown {
            snapshot: PersonaSnapshot {
                id: PersonaSnapshotId(format!("ps-{id}-{now}")),
                table: AudienceTableId(id),
                date: tz::today(now, &time_zone),
                seed: SEED,
                personas: result.personas.clone(),
                members: result.members,
                columns: used,
            },
            saved: false,
            found: Some(result),
        }));
    });
    let start = move |_| {
        let settings = Settings {
            columns: columns.get_untracked(),
            k: k.get_untracked().parse().ok(),
            seed: SEED,
        };
        personas::find(state, run, found, table.get_untracked(), settings);
    };
    let save = move |_| {
        let Some(current) = shown.get_untracked() else {
            return;
        };
        let mut chosen = table_of(state, &table.get_untracked());
        if let Some(t) = chosen.as_mut() {
            t.columns = columns.get_untracked();
        }
        personas::save_snapshot(state, chosen, current.snapshot, false);
        shown.update(|s| {
            if let Some(s) = s {
                s.saved = true;
            }
        });
    };
    let k_options = move || {
        let lang = state.lang.get();
        std::iter::once(("auto".to_owned(), Msg::PersonaAuto.text(lang).to_owned()))
            .chain((K_MIN..=K_MAX).map(|n| (n.to_string(), n.to_string())))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="lm-card" data-testid="persona-setup">
            <Show when=move || { tables().len() > 1 }>
                <SelectField label=Msg::PersonaTable testid="persona-table" options=Signal::derive(tables)
                    selected=table on_change=Callback::new(move |v| table.set(v))/>
            </Show>
            <h2 class="lm-card__title">{move || state.t(Msg::PersonaColumns)}</h2>
            <p class="lm-hint">{move || state.t(Msg::PersonaColumnsHint)}</p>
            <ul class="lm-columns" data-testid="persona-columns">
                {move || (0..columns.with(Vec::len)).map(|i| view! { <ColumnRow columns=columns index=i/> }).collect_view()}
            </ul>
            <div class="lm-actions">
                <SelectField label=Msg::PersonaCount testid="persona-k" options=Signal::derive(k_options)
                    selected=k on_change=Callback::new(move |v| k.set(v))/>
                <button class="lm-button lm-button--primary" data-testid="find-personas"
                    disabled=move || run.with(|r| r.running) on:click=start>
                    {move || state.t(Msg::PersonaFind)}
                </button>
            </div>
            {move || run.get().running.then(|| view! {
                <div class="lm-progress" data-testid="persona-progress" role="status">
                    <p>{state.t(Msg::PersonaFinding)}</p>
                    <progress class="lm-progress__bar" max="100" value=move || (run.get().done * 100.0).round().to_string()></progress>
                    <button class="lm-button" data-testid="persona-cancel" on:click=move |_| personas::cancel(run)>
                        {state.t(Msg::Cancel)}
                    </button>
                </div>
            })}
            {move || run.get().error.map(|e| view! { <p class="lm-error" role="alert" data-testid="error">{e}</p> })}
        </section>
        {move || shown.with(Option::is_some).then(|| view! {
            <section class="lm-card" data-testid="persona-results">
                <p data-testid="persona-summary">{move || summary(state.lang.get(), shown)}</p>
                <Definition msg=Msg::PersonaLiftDef/>
                <div class="lm-personas">
                    {move || (0..shown.with(|s| s.as_ref().map_or(0, |s| s.snapshot.personas.len())))
                        .map(|i| view! { <PersonaCard shown=shown index=i/> }).collect_view()}
                </div>
                <button class="lm-button lm-button--primary" data-testid="save-personas"
                    disabled=move || shown.with(|s| s.as_ref().is_none_or(|s| s.saved)) on:click=save>
                    {move || state.t(Msg::PersonaSave)}
                </button>
            </section>
        })}
        <Snapshots table=table shown=shown/>
        <EngineView view=Signal::stored(ViewKind::Audience) computing=Msg::MakeupComputing
            empty=Msg::MakeupEmpty class="lm-makeup"/>
    }
}

/// The seed of every run: the same table and choices give the same personas.
const SEED: u64 = 20_240_601;

fn summary(lang: Lang, shown: RwSignal<Option<Shown>>) -> String {
    shown.with(|s| {
        let Some(s) = s else { return String::new() };
        let mut text = fill(
            Msg::PersonaSummary.text(lang),
            &[
                ("k", &s.snapshot.personas.len().to_string()),
                ("members", &lang.count(f64::from(s.snapshot.members))),
            ],
        );
        let head = if s.saved {
            fill(
                Msg::PersonaShowing.text(lang),
                &[("date", &lang.date(s.snapshot.date))],
            )
        } else {
            Msg::PersonaUnsaved.text(lang).to_owned()
        };
        text = format!("{head}. {text}");
        if let Some(found) = &s.found {
            if !found.silhouettes.is_empty() {
                let scores: Vec<String> = found
                    .silhouettes
                    .iter()
                    .map(|(k, score)| format!("{k}: {}", lang.number(*score, 2)))
                    .collect();
                text.push(' ');
                text.push_str(&fill(
                    Msg::PersonaChosen.text(lang),
                    &[("scores", &scores.join(", "))],
                ));
            }
            let missing: Vec<String> = found
                .missing
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(c, n)| format!("{c} {}", lang.count(f64::from(*n))))
                .collect();
            if !missing.is_empty() {
                text.push(' ');
                text.push_str(&fill(
                    Msg::PersonaMissing.text(lang),
                    &[("list", &missing.join(", "))],
                ));
            }
        }
        text
    })
}

/// One column: its type (changeable) and whether clustering uses it.
#[component]
fn ColumnRow(columns: RwSignal<Vec<AudienceColumn>>, index: usize) -> impl IntoView {
    let state = use_app();
    let column = move || columns.with(|c| c.get(index).cloned());
    let options = Signal::derive(move || {
        let lang = state.lang.get();
        KINDS
            .iter()
            .map(|(_, slug, msg)| ((*slug).to_owned(), msg.text(lang).to_owned()))
            .collect::<Vec<_>>()
    });
    let selected = Signal::derive(move || {
        column()
            .and_then(|c| KINDS.iter().find(|k| k.0 == c.kind))
            .map(|k| k.1.to_owned())
            .unwrap_or_default()
    });
    let set_kind = Callback::new(move |slug: String| {
        if let Some(kind) = KINDS.iter().find(|k| k.1 == slug).map(|k| k.0) {
            columns.update(|c| {
                if let Some(c) = c.get_mut(index) {
                    c.kind = kind;
                    c.included = encode::clusterable(kind);
                }
            });
        }
    });
    view! {
        <li class="lm-columns__row" data-testid="persona-column" data-kind=move || selected.get()>
            <label class="lm-check">
                <input type="checkbox" data-testid="persona-column-use"
                    prop:checked=move || column().is_some_and(|c| c.included)
                    disabled=move || column().is_none_or(|c| !encode::clusterable(c.kind))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        columns.update(|c| if let Some(c) = c.get_mut(index) { c.included = on; });
                    }/>
                <span>{move || column().map(|c| c.name).unwrap_or_default()}</span>
            </label>
            <SelectField label=Msg::PersonaType testid="persona-column-kind" options=options
                selected=selected on_change=set_kind/>
        </li>
    }
}

/// A persona card: editable name and description, size and share, defining traits with lifts.
#[component]
fn PersonaCard(shown: RwSignal<Option<Shown>>, index: usize) -> impl IntoView {
    let state = use_app();
    let persona = move || {
        shown.with(|s| {
            s.as_ref()
                .and_then(|s| s.snapshot.personas.get(index).cloned())
        })
    };
    let total = move || shown.with(|s| s.as_ref().map_or(1, |s| s.snapshot.members.max(1)));
    let edit = move |name: bool, value: String| {
        shown.update(|s| {
            if let Some(s) = s
                && let Some(p) = s.snapshot.personas.get_mut(index)
            {
                if name {
                    p.name = value;
                } else {
                    p.description = value;
                }
                s.saved = false;
            }
        })
    };
    view! {
        <article class="lm-persona" data-testid="persona"
            data-size=move || persona().map(|p| p.size.to_string()).unwrap_or_default()>
            <input class="lm-input lm-persona__name" type="text" data-testid="persona-name"
                aria-label=move || state.t(Msg::PersonaName)
                prop:value=move || persona().map(|p| p.name).unwrap_or_default()
                on:change=move |ev| edit(true, event_target_value(&ev))/>
            <p class="lm-persona__size">{move || {
                let lang = state.lang.get();
                let size = persona().map_or(0, |p| p.size);
                format!("{} · {}", lang.count(f64::from(size)), lang.percent(f64::from(size) / f64::from(total()), 0))
            }}</p>
            <textarea class="lm-input lm-persona__description" rows="3" data-testid="persona-description"
                aria-label=move || state.t(Msg::PersonaDescription)
                prop:value=move || persona().map(|p| p.description).unwrap_or_default()
                on:change=move |ev| edit(false, event_target_value(&ev))></textarea>
            <ChannelList channels=Signal::derive(move || persona().map(|p| p.channels).unwrap_or_default())/>
            <ul class="lm-persona__traits">
                {move || {
                    let lang = state.lang.get();
                    persona().map(|p| traits::defining(&p.traits, 2, 6).into_iter().map(|t| {
                        let text = format!("{} {} · {}× · {}", t.column, t.value, lang.number(t.lift, 1), lang.percent(t.share, 0));
                        view! { <li data-testid="persona-trait">{text}</li> }
                    }).collect_view())
                }}
            </ul>
        </article>
    }
}

/// Where a persona is likely found, and what performs there.
#[component]
fn ChannelList(channels: Signal<Vec<PersonaChannel>>) -> impl IntoView {
    let state = use_app();
    let line = move |c: &PersonaChannel, lang: Lang| {
        let profile = state
            .workspace
            .with_untracked(|w| {
                w.as_ref().and_then(|w| {
                    w.profiles
                        .iter()
                        .find(|p| p.id == c.profile)
                        .map(|p| p.display_name())
                })
            })
            .unwrap_or_else(|| c.profile.0.clone());
        let basis: Vec<&str> = c
            .basis
            .iter()
            .map(|d| {
                match d {
                    Dimension::Gender => Msg::DimGender,
                    Dimension::AgeBand => Msg::DimAge,
                    Dimension::Country => Msg::DimCountry,
                    _ => Msg::DimCity,
                }
                .text(lang)
            })
            .collect();
        let mut text = format!(
            "{profile} · {}× ({})",
            lang.number(c.index, 1),
            basis.join(", ")
        );
        if let (Some(format), Some(hour)) = (c.best_format, c.best_hour) {
            text.push_str(" · ");
            text.push_str(&fill(
                Msg::PersonaPerforms.text(lang),
                &[
                    ("format", audit_text::format(format, lang)),
                    ("hour", &format!("{hour:02}")),
                ],
            ));
        }
        text
    };
    view! {
        <Show when=move || channels.with(|c| !c.is_empty())>
            <div class="lm-persona__channels" data-testid="persona-channels">
                <span class="lm-field__label">{move || state.t(Msg::PersonaFoundOn)}</span>
                <Definition msg=Msg::PersonaFoundDef/>
                <ul>
                    {move || {
                        let lang = state.lang.get();
                        channels.get().iter().map(|c| {
                            let text = line(c, lang);
                            view! { <li data-testid="persona-channel" data-platform=c.platform.slug()>{text}</li> }
                        }).collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Saved snapshots of the table: show one, remove one, compare two.
#[component]
fn Snapshots(table: RwSignal<String>, shown: RwSignal<Option<Shown>>) -> impl IntoView {
    let state = use_app();
    let list = move || {
        let id = table.get();
        state.workspace.with(|w| {
            let mut list: Vec<PersonaSnapshot> = w
                .as_ref()
                .map(|w| {
                    w.persona_snapshots
                        .iter()
                        .filter(|s| s.table.0 == id)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            list.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
            list
        })
    };
    let options = Signal::derive(move || {
        let lang = state.lang.get();
        list()
            .iter()
            .map(|s| {
                (
                    s.id.0.clone(),
                    format!("{} · {}", lang.date(s.date), s.personas.len()),
                )
            })
            .collect::<Vec<_>>()
    });
    let before = RwSignal::new(String::new());
    let after = RwSignal::new(String::new());
    let compared = move || {
        let lang = state.lang.get();
        let all = list();
        let find = |id: String| all.iter().find(|s| s.id.0 == id).cloned();
        let (Some(a), Some(b)) = (find(before.get()), find(after.get())) else {
            return Vec::new();
        };
        drift_lines(&a, &b, lang)
    };
    view! {
        <Show when=move || !list().is_empty()>
            <section class="lm-card" data-testid="persona-snapshots">
                <h2 class="lm-card__title">{move || state.t(Msg::PersonaSnapshots)}</h2>
                <ul>
                    {move || list().into_iter().map(|s| {
                        let lang = state.lang.get();
                        let label = format!("{} · {} persona · {}", lang.date(s.date), s.personas.len(), lang.count(f64::from(s.members)));
                        let (show, remove) = (s.clone(), s.clone());
                        view! {
                            <li data-testid="persona-snapshot">{label}" "
                                <button class="lm-button lm-button--small" on:click=move |_| shown.set(Some(Shown { snapshot: show.clone(), saved: true, found: None }))>
                                    {state.t(Msg::PersonaShow)}
                                </button>
                                <button class="lm-button lm-button--small" on:click=move |_| personas::save_snapshot(state, None, remove.clone(), true)>
                                    {state.t(Msg::BenchmarkRemove)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || { list().len() > 1 }>
                    <h3>{move || state.t(Msg::PersonaCompare)}</h3>
                    <div class="lm-actions">
                        <SelectField label=Msg::PersonaBefore testid="drift-before" options=options
                            selected=before on_change=Callback::new(move |v| before.set(v))/>
                        <SelectField label=Msg::PersonaAfter testid="drift-after" options=options
                            selected=after on_change=Callback::new(move |v| after.set(v))/>
                    </div>
                    <ul data-testid="drift">
                        {move || compared().into_iter().map(|line| view! { <li data-testid="drift-line">{line}</li> }).collect_view()}
                    </ul>
                </Show>
            </section>
        </Show>
    }
}

/// The drift between two snapshots in sentences.
fn drift_lines(a: &PersonaSnapshot, b: &PersonaSnapshot, lang: Lang) -> Vec<String> {
    let d = drift::compare(a, b);
    let mut lines = Vec::new();
    for m in &d.matched {
        let mut line = fill(
            Msg::DriftMatched.text(lang),
            &[
                ("before", &a.personas[m.before].name),
                ("after", &b.personas[m.after].name),
                ("size_before", &lang.count(f64::from(m.size_before))),
                ("size_after", &lang.count(f64::from(m.size_after))),
                ("share_before", &lang.percent(m.share_before, 0)),
                ("share_after", &lang.percent(m.share_after, 0)),
            ],
        );
        for t in m.moved.iter().take(3) {
            line.push_str(&format!(
                "; {} {}: {} → {}",
                t.column,
                t.value,
                lang.percent(t.before, 0),
                lang.percent(t.after, 0)
            ));
        }
        lines.push(line);
    }
    for &i in &d.vanished {
        lines.push(fill(
            Msg::DriftVanished.text(lang),
            &[("name", &a.personas[i].name)],
        ));
    }
    for &j in &d.new {
        lines.push(fill(
            Msg::DriftNew.text(lang),
            &[("name", &b.personas[j].name)],
        ));
    }
    if lines.is_empty() {
        lines.push(Msg::DriftNone.text(lang).to_owned());
    }
    lines
}
