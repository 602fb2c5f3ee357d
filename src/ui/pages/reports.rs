//! The reports page: pick who the report is for (a template), the period, the sections and
//! whether competitors are in; edit the methodology and the generated summary sentences; set the
//! branding; export one self-contained HTML file or the tables as CSV; save the definition.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::actions;
use crate::app::reports;
use crate::app::state::{AppState, use_app};
use crate::domain::report::{AUDIENCES, SECTIONS, audience_name, section_key, section_title};
use crate::domain::{Cadence, Period, ReportAudience, ReportDefinition, ReportSection};
use crate::i18n::Msg;
use crate::ui::components::{EmptyWorkspace, SelectField};
use crate::worker::protocol::{ReportDraft, ReportOutput};

const PERIOD_DAYS: [i64; 3] = [30, 90, 365];

fn audience_slug(a: ReportAudience) -> &'static str {
    match a {
        ReportAudience::TeamMonthly => "team-monthly",
        ReportAudience::ManagementQuarterly => "management-quarterly",
        ReportAudience::ClientAudit => "client-audit",
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_app();
    // Only a change between loading, empty and filled re-renders the page: edits made on it
    // (branding, answers) must not reset its forms.
    let emptiness = Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(|w| w.is_empty())));
    view! {
        <section class="lm-page" data-testid="reports">
            <h1 class="lm-page__title">{move || state.t(Msg::NavReports)}</h1>
            <p class="lm-page__lead">{move || state.t(Msg::ReportsWhat)}</p>
            {move || match emptiness.get() {
                None => view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> }.into_any(),
                Some(true) => view! { <EmptyWorkspace/> }.into_any(),
                Some(false) => view! { <Builder/> }.into_any(),
            }}
        </section>
    }
}

thread_local! {
    /// The latest draft asked for: an answer to an earlier request is dropped.
    static LATEST: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Asks for a fresh draft of `definition` (or the template of `audience`) and shows it, unless
/// a newer draft was asked for meanwhile.
fn refresh(
    state: AppState,
    audience: ReportAudience,
    definition: Option<ReportDefinition>,
    draft: RwSignal<Option<ReportDraft>>,
    error: RwSignal<Option<String>>,
) {
    let ticket = LATEST.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    // A change to a definition on screen is already shown; the answer only brings its new
    // summaries, so that edits made while it was computed (the name...) are kept.
    let keep_definition = definition.is_some();
    spawn_local(async move {
        let result = reports::request(state, audience, definition, ReportOutput::Draft).await;
        if LATEST.with(|l| l.get()) != ticket {
            return;
        }
        match result {
            Ok((d, _)) => {
                error.set(None);
                draft.update(|current| match current {
                    Some(c) if keep_definition => c.generated = d.generated,
                    _ => *current = Some(d),
                });
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

#[component]
fn Builder() -> impl IntoView {
    let state = use_app();
    let audience = RwSignal::new(ReportAudience::TeamMonthly);
    let draft = RwSignal::new(None::<ReportDraft>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // A saved report to open once its audience is chosen.
    let pending = StoredValue::new(None::<ReportDefinition>);
    Effect::new(move || {
        let chosen = audience.get();
        let mut opened = None;
        pending.update_value(|p| opened = p.take());
        draft.set(None);
        refresh(state, chosen, opened, draft, error);
    });
    // Changes that alter the figures ask for new summaries; a methodology note the user has not
    // edited is written again for the new period and profiles.
    let change = move |f: &dyn Fn(&mut ReportDefinition, &crate::domain::Workspace)| {
        let Some(mut def) = draft.with_untracked(|d| d.as_ref().map(|d| d.definition.clone()))
        else {
            return;
        };
        let lang = state.lang.get_untracked();
        state.workspace.with_untracked(|w| {
            if let Some(w) = w {
                let generated = crate::domain::report::methodology(w, &def, lang);
                f(&mut def, w);
                if def.methodology == generated {
                    def.methodology = crate::domain::report::methodology(w, &def, lang);
                }
            }
        });
        draft.update(|d| {
            if let Some(d) = d {
                d.definition = def.clone();
            }
        });
        refresh(state, def.audience, Some(def), draft, error);
    };
    let edit = move |f: &dyn Fn(&mut ReportDefinition)| {
        draft.update(|d| {
            if let Some(d) = d {
                f(&mut d.definition);
            }
        })
    };
    let definition = move || draft.with(|d| d.as_ref().map(|d| d.definition.clone()));
    let audience_options = Signal::derive(move || {
        let lang = state.lang.get();
        AUDIENCES
            .iter()
            .map(|a| {
                (
                    audience_slug(*a).to_owned(),
                    audience_name(*a).text(lang).to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let period_options = Signal::derive(move || {
        let lang = state.lang.get();
        PERIOD_DAYS
            .iter()
            .map(|d| {
                (
                    d.to_string(),
                    crate::i18n::fill(Msg::DaysN.text(lang), &[("n", &d.to_string())]),
                )
            })
            .collect::<Vec<_>>()
    });
    let cadence_options = Signal::derive(move || {
        let lang = state.lang.get();
        std::iter::once((String::new(), Msg::CadenceNone.text(lang).to_owned()))
            .chain(CADENCES.iter().map(|c| {
                let msg = match c {
                    Cadence::Weekly => Msg::CadenceWeeklyReport,
                    Cadence::Quarterly => Msg::CadenceQuarterlyReport,
                    _ => Msg::CadenceMonthlyReport,
                };
                (cadence_slug(*c).to_owned(), msg.text(lang).to_owned())
            }))
            .collect::<Vec<_>>()
    });
    // The personas of the latest snapshot: a report can be about one of them.
    let persona_options = Signal::derive(move || {
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.persona_snapshots.iter().max_by_key(|s| s.date))
                .map(|s| {
                    s.personas
                        .iter()
                        .map(|p| (p.id.0.clone(), p.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let export = move |output| {
        if let Some(def) = definition() {
            reports::export(state, def, output, busy);
        }
    };
    view! {
        <section class="lm-card" data-testid="report-builder">
            <div class="lm-actions">
                <SelectField label=Msg::ReportFor testid="report-audience" options=audience_options
                    selected=Signal::derive(move || audience_slug(audience.get()).to_owned())
                    on_change=Callback::new(move |v: String| {
                        if let Some(a) = AUDIENCES.iter().find(|a| audience_slug(**a) == v) {
                            audience.set(*a);
                        }
                    })/>
                <SelectField label=Msg::FilterPeriod testid="report-period" options=period_options
                    selected=Signal::derive(move || definition().map(|d| d.period.days().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| {
                        let days: i64 = v.parse().unwrap_or(30);
                        change(&|d, _| {
                            d.period = Period::ending(d.period.end, days);
                            d.comparison = Some(d.period.previous());
                        });
                    })/>
                <SelectField label=Msg::ReportCadence testid="report-cadence" options=cadence_options
                    selected=Signal::derive(move || definition().and_then(|d| d.cadence).map(cadence_slug).unwrap_or_default().to_owned())
                    on_change=Callback::new(move |v: String| {
                        let cadence = CADENCES.iter().find(|c| cadence_slug(**c) == v).copied();
                        let today = state.workspace.with_untracked(|w| w.as_ref().map(|w| crate::domain::tz::today(crate::app::browser::now_millis(), &w.info.time_zone)));
                        change(&|d, _| {
                            d.cadence = cadence;
                            // A schedule covers whole weeks, months or quarters: the last one now.
                            if let (Some(c), Some(today)) = (cadence, today)
                                && let Some(p) = crate::domain::report_cadence::last_whole_period(c, today)
                            {
                                *d = crate::domain::report_cadence::prepare(d, p);
                            }
                        });
                    })/>
                <Show when=move || !persona_options.get().is_empty()>
                    <SelectField label=Msg::ReportPersona testid="report-persona"
                        options=Signal::derive(move || {
                            std::iter::once((String::new(), state.t(Msg::ReportWholeAudience).to_owned()))
                                .chain(persona_options.get())
                                .collect::<Vec<_>>()
                        })
                        selected=Signal::derive(move || definition().and_then(|d| d.persona).map(|p| p.0).unwrap_or_default())
                        on_change=Callback::new(move |v: String| {
                            let persona = (!v.is_empty()).then(|| crate::domain::PersonaId::from(v.as_str()));
                            change(&|d, _| d.persona = persona.clone());
                        })/>
                </Show>
                <label class="lm-check">
                    <input type="checkbox" data-testid="report-competitors"
                        prop:checked=move || definition().is_some_and(|d| state.workspace.with_untracked(|w| w.as_ref().is_some_and(|w| d.profiles.iter().any(|p| w.profile(p).is_some_and(|p| p.competitor)))))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change(&|d, w| {
                                d.profiles = w.profiles.iter().filter(|p| on || !p.competitor).map(|p| p.id.clone()).collect();
                            });
                        }/>
                    <span>{move || state.t(Msg::ReportCompetitors)}</span>
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="lm-error" role="alert" data-testid="error">{e}</p> })}
            {move || draft.with(Option::is_none).then(|| view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> })}
            <Show when=move || draft.with(Option::is_some)>
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::ReportName)}</span>
                    <input class="lm-input" type="text" data-testid="report-name"
                        prop:value=move || definition().map(|d| d.name).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); edit(&|d| d.name = v.clone()); }/>
                </label>
                <fieldset class="lm-fieldset">
                    <legend>{move || state.t(Msg::ReportSections)}</legend>
                    {SECTIONS.iter().map(|&section| view! { <SectionToggle section=section draft=draft change=Callback::new(move |on: bool| change(&|d, _| {
                        d.sections.retain(|s| *s != section);
                        if on {
                            d.sections.push(section);
                            d.sections.sort_by_key(|s| SECTIONS.iter().position(|x| x == s));
                        }
                    }))/> }).collect_view()}
                </fieldset>
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::RepMethodologyTitle)}</span>
                    <textarea class="lm-input" rows="4" data-testid="report-methodology-input"
                        prop:value=move || definition().map(|d| d.methodology).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); edit(&|d| d.methodology = v.clone()); }></textarea>
                </label>
                <h2 class="lm-card__title">{move || state.t(Msg::RepSummaryTitle)}</h2>
                {move || definition().map(|d| d.sections.iter().map(|&s| view! { <SummaryField section=s draft=draft/> }).collect_view())}
            </Show>
        </section>
        <Branding/>
        <section class="lm-card">
            <div class="lm-actions">
                <button class="lm-button lm-button--primary" data-testid="export-report-html"
                    disabled=move || busy.get() || draft.with(Option::is_none) on:click=move |_| export(ReportOutput::Html)>
                    {move || state.t(Msg::ReportExportHtml)}
                </button>
                <button class="lm-button" data-testid="export-report-csv"
                    disabled=move || busy.get() || draft.with(Option::is_none) on:click=move |_| export(ReportOutput::Csv)>
                    {move || state.t(Msg::ReportExportCsv)}
                </button>
                <button class="lm-button" data-testid="export-report-xlsx"
                    disabled=move || busy.get() || draft.with(Option::is_none) on:click=move |_| export(ReportOutput::Xlsx)>
                    {move || state.t(Msg::ReportExportXlsx)}
                </button>
                <button class="lm-button" data-testid="save-report"
                    disabled=move || draft.with(Option::is_none)
                    on:click=move |_| if let Some(d) = definition() { reports::save(state, d) }>
                    {move || state.t(Msg::ReportSave)}
                </button>
            </div>
            {move || busy.get().then(|| view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::ReportWriting)}</p> })}
        </section>
        <SavedReports open=Callback::new(move |def: ReportDefinition| {
            let same = audience.get_untracked() == def.audience;
            let chosen = def.audience;
            pending.set_value(Some(def));
            if same {
                audience.notify();
            } else {
                audience.set(chosen);
            }
        })/>
    }
}

#[component]
fn SectionToggle(
    section: ReportSection,
    draft: RwSignal<Option<ReportDraft>>,
    change: Callback<bool>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="lm-check">
            <input type="checkbox" data-testid="report-section" data-section=section_key(section)
                prop:checked=move || draft.with(|d| d.as_ref().is_some_and(|d| d.definition.sections.contains(&section)))
                on:change=move |ev| change.run(event_target_checked(&ev))/>
            <span>{move || state.t(section_title(section))}</span>
        </label>
    }
}

/// The summary of one section: the user's text, else the generated sentence, editable.
#[component]
fn SummaryField(section: ReportSection, draft: RwSignal<Option<ReportDraft>>) -> impl IntoView {
    let state = use_app();
    let key = section_key(section);
    let value = move || {
        draft.with(|d| {
            d.as_ref()
                .and_then(|d| {
                    d.definition
                        .summaries
                        .get(key)
                        .or_else(|| d.generated.get(key))
                        .cloned()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <label class="lm-field">
            <span class="lm-field__label">{move || state.t(section_title(section))}</span>
            <textarea class="lm-input" rows="2" data-testid="report-summary" data-section=key
                prop:value=value
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    draft.update(|d| if let Some(d) = d { d.definition.summaries.insert(key.to_owned(), text); });
                }></textarea>
        </label>
    }
}

/// The name and colour reports carry (saved in the workspace).
#[component]
fn Branding() -> impl IntoView {
    let state = use_app();
    let branding = move || {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.info.branding.clone()))
            .unwrap_or_default()
    };
    // The logo travels inside reports as a data URL, so it must stay small.
    let on_logo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let lang = state.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let mime = file.type_();
            if !mime.starts_with("image/") {
                return state.error(Msg::ReportLogoNotImage.text(lang).into());
            }
            match crate::app::browser::read_file(&file).await {
                Ok(bytes) if bytes.len() > LOGO_MAX_BYTES => state.error(crate::i18n::fill(
                    Msg::ReportLogoTooLarge.text(lang),
                    &[
                        ("size", &lang.bytes(bytes.len() as f64)),
                        ("max", &lang.bytes(LOGO_MAX_BYTES as f64)),
                    ],
                )),
                Ok(bytes) => {
                    use base64::Engine;
                    let url = format!(
                        "data:{mime};base64,{}",
                        base64::engine::general_purpose::STANDARD.encode(bytes)
                    );
                    actions::update_info(state, move |i| i.branding.logo = Some(url));
                }
                Err(e) => state.error(e),
            }
        });
    };
    view! {
        <section class="lm-card" data-testid="report-branding">
            <h2 class="lm-card__title">{move || state.t(Msg::ReportBranding)}</h2>
            <div class="lm-actions">
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::ReportBrandName)}</span>
                    <input class="lm-input" type="text" data-testid="report-brand-name"
                        prop:value=move || branding().name
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            actions::update_info(state, move |i| i.branding.name = v);
                        }/>
                </label>
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::ReportBrandColour)}</span>
                    <input class="lm-input lm-input--colour" type="color" data-testid="report-brand-colour"
                        prop:value=move || branding().primary_color.unwrap_or_else(|| "#6b3e26".into())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            actions::update_info(state, move |i| i.branding.primary_color = Some(v));
                        }/>
                </label>
                <label class="lm-button lm-file">
                    {move || state.t(Msg::ReportLogo)}
                    <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" data-testid="report-brand-logo"
                        class="lm-file__input" on:change=on_logo/>
                </label>
                {move || branding().logo.map(|src| view! {
                    <img class="lm-logo-preview" src=src alt="" height="40" data-testid="report-brand-logo-preview"/>
                    <button class="lm-button lm-button--quiet" data-testid="report-brand-logo-remove"
                        on:click=move |_| actions::update_info(state, |i| i.branding.logo = None)>
                        {move || state.t(Msg::ReportLogoRemove)}
                    </button>
                })}
            </div>
        </section>
    }
}

/// Reports saved in the workspace (or brought back from a report file): open one to edit or
/// export it again.
#[component]
fn SavedReports(open: Callback<ReportDefinition>) -> impl IntoView {
    let state = use_app();
    let saved = move || {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.reports.clone()))
            .unwrap_or_default()
    };
    view! {
        <Show when=move || !saved().is_empty()>
            <section class="lm-card" data-testid="saved-reports">
                <h2 class="lm-card__title">{move || state.t(Msg::ReportSaved)}</h2>
                <ul>
                    {move || saved().into_iter().map(|r| {
                        let lang = state.lang.get();
                        let label = format!("{} · {} – {}", r.name, lang.date(r.period.start), lang.date(r.period.end));
                        view! {
                            <li data-testid="saved-report">{label}" "
                                <button class="lm-button lm-button--small" on:click=move |_| open.run(r.clone())>
                                    {state.t(Msg::PersonaShow)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

const CADENCES: [Cadence; 3] = [Cadence::Weekly, Cadence::Monthly, Cadence::Quarterly];

fn cadence_slug(c: Cadence) -> &'static str {
    match c {
        Cadence::Daily => "daily",
        Cadence::Weekly => "weekly",
        Cadence::Monthly => "monthly",
        Cadence::Quarterly => "quarterly",
    }
}

/// The largest logo a report carries (it is embedded in every report file).
const LOGO_MAX_BYTES: usize = 200 * 1024;
