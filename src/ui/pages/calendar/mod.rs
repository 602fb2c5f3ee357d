//! The calendar page: month, week and list views of the plan, the idea board, what waits for
//! the current member, and the team's members, approval rule and frequency plan. The view, the
//! date shown and the filters live in the URL.

mod editor;
mod grid;
mod lists;
mod team;

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

use crate::app::browser;
use crate::app::calendar as act;
use crate::app::state::{AppState, use_app};
use crate::domain::calendar::{self as cal, holidays, holidays::Holiday};
use crate::domain::{PlanItem, PlanStatus, Workspace, tz};
use crate::i18n::{Lang, Msg};
use crate::ui::components::SelectField;

pub use editor::Editor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Month,
    Week,
    List,
    Board,
    Mine,
    Team,
}

impl View {
    const ALL: [View; 6] = [
        View::Month,
        View::Week,
        View::List,
        View::Board,
        View::Mine,
        View::Team,
    ];

    fn slug(self) -> &'static str {
        match self {
            View::Month => "month",
            View::Week => "week",
            View::List => "list",
            View::Board => "board",
            View::Mine => "mine",
            View::Team => "team",
        }
    }

    fn label(self) -> Msg {
        match self {
            View::Month => Msg::CalViewMonth,
            View::Week => Msg::CalViewWeek,
            View::List => Msg::CalViewList,
            View::Board => Msg::CalViewBoard,
            View::Mine => Msg::CalViewMine,
            View::Team => Msg::CalViewTeam,
        }
    }
}

/// What every view of the page shares: the plan as filtered, holidays, today, and the editor.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: AppState,
    /// The planned posts passing the filters.
    pub items: Memo<Vec<PlanItem>>,
    pub today: Memo<NaiveDate>,
    /// The holiday countries chosen (empty: none shown).
    pub countries: Memo<Vec<&'static str>>,
    /// The post open in the editor.
    pub editing: RwSignal<Option<PlanItem>>,
}

impl Ctx {
    pub fn zone(&self) -> String {
        self.state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.info.time_zone.clone())
                .unwrap_or_default()
        })
    }

    pub fn holidays(&self, from: NaiveDate, to: NaiveDate) -> Vec<Holiday> {
        let countries = self.countries.get();
        if countries.is_empty() {
            return Vec::new();
        }
        holidays::between(&countries, from, to)
    }
}

/// The local date of a post's schedule.
pub fn item_date(item: &PlanItem, zone: &str) -> Option<NaiveDate> {
    item.scheduled.as_ref().map(|s| tz::local_date(s, zone))
}

fn filtered(
    ws: &Workspace,
    status: &str,
    around: bool,
    countries: &[&'static str],
) -> Vec<PlanItem> {
    let zone = &ws.info.time_zone;
    let mut items: Vec<PlanItem> = ws
        .plan
        .iter()
        .filter(|i| status.is_empty() || i.status.slug() == status)
        .cloned()
        .collect();
    if around {
        let dates: Vec<NaiveDate> = items.iter().filter_map(|i| item_date(i, zone)).collect();
        if let (Some(from), Some(to)) = (dates.iter().min(), dates.iter().max()) {
            let days: Vec<NaiveDate> = holidays::between(
                countries,
                *from - Duration::days(1),
                *to + Duration::days(1),
            )
            .into_iter()
            .map(|h| h.date)
            .collect();
            items.retain(|i| {
                item_date(i, zone)
                    .is_some_and(|d| days.iter().any(|h| (*h - d).num_days().abs() <= 1))
            });
        } else {
            items.clear();
        }
    }
    items.sort_by(|a, b| {
        (a.scheduled.is_none(), a.scheduled, &a.id).cmp(&(
            b.scheduled.is_none(),
            b.scheduled,
            &b.id,
        ))
    });
    items
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let state = use_app();
    let (view_q, set_view) = query_signal::<String>("view");
    let (date_q, set_date) = query_signal::<String>("date");
    let (status_q, set_status) = query_signal::<String>("status");
    let (country_q, set_country) = query_signal::<String>("holidays");
    let (around_q, set_around) = query_signal::<bool>("around");
    let view = Memo::new(move |_| {
        let v = view_q.get().unwrap_or_default();
        View::ALL
            .into_iter()
            .find(|x| x.slug() == v)
            .unwrap_or(View::Month)
    });
    let today = Memo::new(move |_| {
        let zone = state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.info.time_zone.clone())
                .unwrap_or_default()
        });
        tz::today(browser::now_millis(), &zone)
    });
    let anchor = Memo::new(move |_| {
        date_q
            .get()
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .unwrap_or_else(|| today.get())
    });
    let countries = Memo::new(move |_| {
        let chosen = country_q.get().unwrap_or_else(|| "ID".into());
        holidays::COUNTRIES
            .into_iter()
            .filter(|c| *c == chosen)
            .collect::<Vec<_>>()
    });
    let items = Memo::new(move |_| {
        let status = status_q.get().unwrap_or_default();
        let around = around_q.get().unwrap_or(false);
        let countries = countries.get();
        state.workspace.with(|w| {
            w.as_ref()
                .map(|ws| filtered(ws, &status, around, &countries))
                .unwrap_or_default()
        })
    });
    // Views wait for the workspace, so nothing can be planned before its members are known.
    let loaded = Memo::new(move |_| state.workspace.with(Option::is_some));
    let ctx = Ctx {
        state,
        items,
        today,
        countries,
        editing: RwSignal::new(None),
    };
    let step = move |direction: i32| {
        let a = anchor.get_untracked();
        let next = match view.get_untracked() {
            View::Week => a + Duration::days(7 * i64::from(direction)),
            _ => cal::shift_month(a, direction),
        };
        set_date.set(Some(next.format("%Y-%m-%d").to_string()));
    };
    let title = move || {
        let lang = state.lang.get();
        let a = anchor.get();
        match view.get() {
            View::Month => lang.month_year(a),
            View::Week => {
                let w = cal::week(a);
                format!("{} – {}", lang.date(w[0]), lang.date(w[6]))
            }
            _ => String::new(),
        }
    };
    let dated = move || matches!(view.get(), View::Month | View::Week);
    // The posts an export covers: those shown.
    let shown = move || -> Vec<PlanItem> {
        let zone = ctx.zone();
        let a = anchor.get_untracked();
        let range = match view.get_untracked() {
            View::Month => {
                let weeks =
                    cal::month_weeks(chrono::Datelike::year(&a), chrono::Datelike::month(&a));
                weeks.first().zip(weeks.last()).map(|(f, l)| (f[0], l[6]))
            }
            View::Week => {
                let w = cal::week(a);
                Some((w[0], w[6]))
            }
            _ => None,
        };
        items
            .get_untracked()
            .into_iter()
            .filter(|i| match range {
                Some((from, to)) => item_date(i, &zone).is_some_and(|d| d >= from && d <= to),
                None => true,
            })
            .collect()
    };
    let ics_holidays = RwSignal::new(true);
    let export_ics = move |_| {
        let countries = if ics_holidays.get_untracked() {
            countries.get_untracked()
        } else {
            Vec::new()
        };
        act::export_ics(state, shown(), countries);
    };
    let export_csv = move |_| act::export_csv(state, shown());
    let on_csv = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            act::import_csv(state, file);
        }
        input.set_value("");
    };
    let new_post = move |status: PlanStatus| {
        let date = match view.get_untracked() {
            View::Month | View::Week => anchor.get_untracked().max(today.get_untracked()),
            _ => today.get_untracked(),
        };
        ctx.editing.set(editor::blank(&ctx, status, Some(date)));
    };
    let members = Signal::derive(move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.info
                        .members
                        .iter()
                        .map(|m| {
                            (
                                m.id.0.clone(),
                                format!(
                                    "{} · {}",
                                    m.name,
                                    team::role_msg(m.role).text(state.lang.get())
                                ),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let member_version = RwSignal::new(0u32);
    let member = Signal::derive(move || {
        member_version.track();
        act::current_member(&state).map(|m| m.0).unwrap_or_default()
    });
    let country_options = Signal::derive(move || {
        let lang = state.lang.get();
        std::iter::once(("none".to_owned(), Msg::CalNoHolidays.text(lang).to_owned()))
            .chain(
                holidays::COUNTRIES
                    .iter()
                    .map(|c| ((*c).to_owned(), country_name(c, lang).to_owned())),
            )
            .collect()
    });
    let status_options = Signal::derive(move || {
        let lang = state.lang.get();
        std::iter::once((String::new(), Msg::CalAll.text(lang).to_owned()))
            .chain(PlanStatus::ALL.iter().map(|s| {
                (
                    s.slug().to_owned(),
                    cal::status_msg(*s).text(lang).to_owned(),
                )
            }))
            .collect()
    });
    view! {
        <section class="lm-page lm-calendar" data-testid="calendar">
            <h1 class="lm-page__title">{move || state.t(Msg::NavCalendar)}</h1>
            <nav class="lm-tabs" aria-label=move || state.t(Msg::CalViews)>
                {View::ALL.into_iter().map(|v| view! {
                    <button class="lm-tab" data-testid=format!("view-{}", v.slug())
                        aria-pressed=move || (view.get() == v).to_string()
                        on:click=move |_| set_view.set(Some(v.slug().to_owned()))>
                        {move || state.t(v.label())}
                    </button>
                }).collect_view()}
            </nav>
            <div class="lm-filters lm-calendar__tools">
                <SelectField label=Msg::CalActingAs testid="member-select" options=members selected=member
                    on_change=Callback::new(move |m: String| { act::set_member(&state, &m); member_version.update(|v| *v += 1); })/>
                <SelectField label=Msg::CalHolidayCountry testid="holiday-country" options=country_options
                    selected=Signal::derive(move || country_q.get().unwrap_or_else(|| "ID".into()))
                    on_change=Callback::new(move |c: String| set_country.set(Some(c)))/>
                <SelectField label=Msg::CalStatusFilter testid="status-filter" options=status_options
                    selected=Signal::derive(move || status_q.get().unwrap_or_default())
                    on_change=Callback::new(move |s: String| set_status.set((!s.is_empty()).then_some(s)))/>
                <label class="lm-check">
                    <input type="checkbox" data-testid="around-holidays" prop:checked=move || around_q.get().unwrap_or(false)
                        on:change=move |ev| set_around.set(event_target_checked(&ev).then_some(true))/>
                    {move || state.t(Msg::CalAroundHolidays)}
                </label>
            </div>
            <div class="lm-actions lm-calendar__bar">
                <button class="lm-button lm-button--primary" data-testid="new-post" on:click=move |_| new_post(PlanStatus::Draft)>
                    {move || state.t(Msg::CalNew)}
                </button>
                <button class="lm-button" data-testid="new-idea" on:click=move |_| new_post(PlanStatus::Idea)>
                    {move || state.t(Msg::CalNewIdea)}
                </button>
                <Show when=dated>
                    <button class="lm-button" data-testid="cal-prev" aria-label=move || state.t(Msg::CalPrev) on:click=move |_| step(-1)>"‹"</button>
                    <button class="lm-button" data-testid="cal-today" on:click=move |_| set_date.set(None)>{move || state.t(Msg::CalToday)}</button>
                    <button class="lm-button" data-testid="cal-next" aria-label=move || state.t(Msg::CalNext) on:click=move |_| step(1)>"›"</button>
                    <h2 class="lm-calendar__title" data-testid="cal-title">{title}</h2>
                </Show>
            </div>
            {move || if !loaded.get() {
                view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> }.into_any()
            } else { match view.get() {
                View::Month => view! { <grid::MonthView ctx=ctx anchor=anchor/> }.into_any(),
                View::Week => view! { <grid::WeekView ctx=ctx anchor=anchor/> }.into_any(),
                View::List => view! { <lists::ListView ctx=ctx/> }.into_any(),
                View::Board => view! { <lists::BoardView ctx=ctx/> }.into_any(),
                View::Mine => view! { <lists::MineView ctx=ctx member=member/> }.into_any(),
                View::Team => view! { <team::TeamView/> }.into_any(),
            }}}
            <div class="lm-actions lm-calendar__files">
                <label class="lm-check">
                    <input type="checkbox" data-testid="ics-holidays" prop:checked=move || ics_holidays.get()
                        on:change=move |ev| ics_holidays.set(event_target_checked(&ev))/>
                    {move || state.t(Msg::CalIcsHolidays)}
                </label>
                <button class="lm-button" data-testid="export-ics" on:click=export_ics>{move || state.t(Msg::CalExportIcs)}</button>
                <button class="lm-button" data-testid="export-plan-csv" on:click=export_csv>{move || state.t(Msg::CalExportCsv)}</button>
                <label class="lm-button lm-file">
                    {move || state.t(Msg::CalImportCsv)}
                    <input type="file" accept=".csv,text/csv" data-testid="import-plan-csv" class="lm-file__input" on:change=on_csv/>
                </label>
            </div>
            <Editor ctx=ctx member=member/>
        </section>
    }
}

fn country_name(code: &str, lang: Lang) -> &'static str {
    let (id, en) = match code {
        "ID" => ("Indonesia", "Indonesia"),
        "MY" => ("Malaysia", "Malaysia"),
        "SG" => ("Singapura", "Singapore"),
        "PH" => ("Filipina", "Philippines"),
        "TH" => ("Thailand", "Thailand"),
        "VN" => ("Vietnam", "Vietnam"),
        "JP" => ("Jepang", "Japan"),
        "AU" => ("Australia", "Australia"),
        "US" => ("Amerika Serikat", "United States"),
        "GB" => ("Inggris", "United Kingdom"),
        _ => ("", ""),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A post as a chip: time, title, platforms and status; opens the editor; can be dragged to
/// another day (mouse or touch) or moved with Alt+arrow keys.
#[component]
pub fn ItemChip(ctx: Ctx, item: PlanItem, #[prop(optional)] draggable: bool) -> impl IntoView {
    let state = ctx.state;
    let zone = ctx.zone();
    let local = item.scheduled.map(|s| tz::in_zone(&s, &zone));
    let date = local
        .map(|l| l.date_naive().to_string())
        .unwrap_or_default();
    let time = local.map(|l| l.format("%H:%M").to_string());
    let platforms = item
        .variants
        .iter()
        .map(|v| v.platform.name())
        .collect::<Vec<_>>()
        .join(" · ");
    let status = item.status;
    let open = {
        let item = item.clone();
        move || ctx.editing.set(Some(item.clone()))
    };
    let drag = grid::DragState::new();
    let (down, moved, up, click) = grid::drag_handlers(ctx, item.clone(), drag, open);
    let cancel = move |_: leptos::ev::PointerEvent| drag.cancel();
    let keys = {
        let item = item.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if !ev.alt_key() || item.scheduled.is_none() {
                return;
            }
            let days = match ev.key().as_str() {
                "ArrowLeft" => -1,
                "ArrowRight" => 1,
                "ArrowUp" => -7,
                "ArrowDown" => 7,
                _ => return,
            };
            ev.prevent_default();
            if let Some(d) = item_date(&item, &ctx.zone()) {
                grid::move_to(ctx, item.clone(), d + Duration::days(days));
            }
        }
    };
    let id = item.id.0.clone();
    // The draggable class is in the class text: a `class:` directive beside a computed class text
    // is overwritten when the text is set, and without it (`touch-action: none`) a finger's drag
    // pans the page or swipes back in history.
    let class = format!(
        "lm-chip lm-chip--{}{}",
        status.slug(),
        if draggable { " lm-chip--draggable" } else { "" }
    );
    view! {
        <button class=class data-testid="calendar-item"
            data-status=status.slug() data-date=date data-id=id
            class:lm-chip--dragging=move || drag.active.get()
            style=move || drag.offset.get().map(|(x, y)| format!("transform: translate({x}px, {y}px)")).unwrap_or_default()
            on:pointerdown=move |ev| if draggable { down(ev) }
            on:pointermove=moved
            on:pointerup=up
            on:pointercancel=cancel
            on:click=click
            on:keydown=keys>
            {time.map(|t| view! { <span class="lm-chip__time">{t}</span> })}
            <span class="lm-chip__title">{item.title.clone()}</span>
            <span class="lm-chip__meta">{platforms}" · "{move || cal::status_msg(status).text(state.lang.get())}</span>
        </button>
    }
}

/// The holidays of a day as small labels.
pub fn holiday_labels(days: &[Holiday], lang: Lang) -> impl IntoView + use<> {
    days.iter()
        .map(|h| {
            let mut name = h.name(lang).to_owned();
            if h.provisional {
                name.push('*');
            }
            let title = match (h.provisional, h.idea(lang)) {
                (true, Some(idea)) => format!("{} · {}", Msg::CalProvisional.text(lang), idea),
                (true, None) => Msg::CalProvisional.text(lang).to_owned(),
                (false, Some(idea)) => idea.to_owned(),
                (false, None) => String::new(),
            };
            view! {
                <span class=format!("lm-holiday lm-holiday--{}", h.kind.slug()) data-testid="holiday"
                    data-date=h.date.to_string() data-provisional=h.provisional.to_string() title=title>{name}</span>
            }
        })
        .collect_view()
}
