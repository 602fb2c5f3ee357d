//! The month and week views, and moving posts between days: dragging with a mouse or a finger
//! (pointer events), or Alt+arrow keys on a focused post.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Ctx, ItemChip, editor, holiday_labels, item_date};
use crate::app::calendar as act;
use crate::domain::calendar::{self as cal, frequency, workflow};
use crate::domain::{PlanItem, PlanStatus, tz};
use crate::i18n::{Lang, Msg, fill};

/// A drag in progress on one chip.
#[derive(Clone, Copy)]
pub struct DragState {
    start: StoredValue<Option<(f64, f64)>>,
    pub active: RwSignal<bool>,
    pub offset: RwSignal<Option<(f64, f64)>>,
    /// Set when a drag ended, so the click that follows does not open the editor.
    dragged: StoredValue<bool>,
}

impl DragState {
    pub fn new() -> Self {
        Self {
            start: StoredValue::new(None),
            active: RwSignal::new(false),
            offset: RwSignal::new(None),
            dragged: StoredValue::new(false),
        }
    }

    /// Ends a drag the browser took over (`pointercancel`): the chip goes back to its place.
    pub fn cancel(&self) {
        self.start.set_value(None);
        self.active.set(false);
        self.offset.set(None);
    }
}

/// Pixels a pointer must travel before a press becomes a drag.
const DRAG_THRESHOLD: f64 = 6.0;

/// The day under a point, ignoring the dragged chip itself.
fn day_at(x: f64, y: f64, chip: &web_sys::Element) -> Option<NaiveDate> {
    let document = web_sys::window()?.document()?;
    let stack = document.elements_from_point(x as f32, y as f32);
    stack
        .iter()
        .filter_map(|e| e.dyn_into::<web_sys::Element>().ok())
        .find(|e| !chip.contains(Some(e)))
        .and_then(|e| e.closest("[data-day]").ok().flatten())
        .and_then(|day| day.get_attribute("data-day"))
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
}

type Handler<E> = Box<dyn Fn(E)>;

/// Pointer down, move and up handlers for a chip, and the click handler that opens it unless
/// it was just dragged.
pub fn drag_handlers(
    ctx: Ctx,
    item: PlanItem,
    drag: DragState,
    open: impl Fn() + Clone + 'static,
) -> (
    Handler<leptos::ev::PointerEvent>,
    Handler<leptos::ev::PointerEvent>,
    Handler<leptos::ev::PointerEvent>,
    Handler<leptos::ev::MouseEvent>,
) {
    let down = Box::new(move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        drag.dragged.set_value(false);
        drag.start
            .set_value(Some((f64::from(ev.client_x()), f64::from(ev.client_y()))));
        if let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
    });
    let moved = Box::new(move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0)) = drag.start.get_value() else {
            return;
        };
        let (dx, dy) = (f64::from(ev.client_x()) - x0, f64::from(ev.client_y()) - y0);
        if drag.active.get_untracked() || dx.abs() + dy.abs() > DRAG_THRESHOLD {
            drag.active.set(true);
            drag.offset.set(Some((dx, dy)));
        }
    });
    let up = Box::new(move |ev: leptos::ev::PointerEvent| {
        let was_dragging = drag.active.get_untracked();
        drag.start.set_value(None);
        drag.active.set(false);
        drag.offset.set(None);
        if !was_dragging {
            return;
        }
        drag.dragged.set_value(true);
        let chip = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let target =
            chip.and_then(|c| day_at(f64::from(ev.client_x()), f64::from(ev.client_y()), &c));
        if let Some(day) = target
            && item_date(&item, &ctx.zone()) != Some(day)
        {
            move_to(ctx, item.clone(), day);
        }
    });
    let click = Box::new(move |_: leptos::ev::MouseEvent| {
        if drag.dragged.get_value() {
            drag.dragged.set_value(false);
        } else {
            open();
        }
    });
    (down, moved, up, click)
}

/// Reschedules a post to `day`, keeping its time of day (09:00 if it had none); the notice
/// offers to undo.
pub fn move_to(ctx: Ctx, item: PlanItem, day: NaiveDate) {
    let state = ctx.state;
    let lang = state.lang.get_untracked();
    let zone = ctx.zone();
    let time = item
        .scheduled
        .map(|s| tz::in_zone(&s, &zone).time())
        .unwrap_or_else(|| NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default());
    let (tz, _) = tz::zone(&zone);
    let Some(at) = tz.from_local_datetime(&day.and_time(time)).earliest() else {
        return;
    };
    let Some(member) = act::current_member(&state) else {
        state.error(Msg::RefUnknownMember.text(lang).into());
        return;
    };
    let before = item.clone();
    let mut moved = item;
    moved.scheduled = Some(at.fixed_offset());
    if moved.status == PlanStatus::Idea {
        moved.status = PlanStatus::Draft;
    }
    workflow::record(&mut moved, &member, act::now(&state), "moved".into());
    let when = format!("{} {}", lang.date(day), time.format("%H:%M"));
    let text = fill(
        Msg::CalMoved.text(lang),
        &[("title", &moved.title), ("when", &when)],
    );
    act::save(state, vec![moved], Vec::new(), move |s| {
        s.undoable(text, move || {
            act::save(state, vec![before.clone()], Vec::new(), |_| {})
        });
    });
}

/// The plan loads of a span that are off plan, as labels; `short` ones ("Facebook 0/2–4 ↓")
/// carry the sentence as their title.
fn load_labels(
    loads: &[frequency::PlatformLoad],
    lang: Lang,
    short: bool,
) -> impl IntoView + use<> {
    loads
        .iter()
        .filter(|l| l.load != frequency::Load::Within)
        .map(|l| {
            let text = fill(
                Msg::CalLoad.text(lang),
                &[
                    ("platform", l.platform.name()),
                    ("n", &l.planned.to_string()),
                    (
                        "min",
                        &lang.number(l.min, if l.min.fract() == 0.0 { 0 } else { 1 }),
                    ),
                    (
                        "max",
                        &lang.number(l.max, if l.max.fract() == 0.0 { 0 } else { 1 }),
                    ),
                ],
            );
            let verdict = match l.load {
                frequency::Load::Under => Msg::CalUnder,
                _ => Msg::CalOver,
            };
            let sentence = format!("{text} · {}", verdict.text(lang));
            let shown = if short {
                let arrow = if l.load == frequency::Load::Under {
                    "↓"
                } else {
                    "↑"
                };
                format!(
                    "{} {}/{}–{} {arrow}",
                    l.platform.name(),
                    l.planned,
                    lang.number(l.min, 0),
                    lang.number(l.max, 0)
                )
            } else {
                sentence.clone()
            };
            view! {
                <span class=format!("lm-load lm-load--{}", l.load.slug()) data-testid="plan-load"
                    data-load=l.load.slug() data-platform=l.platform.slug() title=sentence>
                    {shown}
                </span>
            }
        })
        .collect_view()
}

fn loads_of(ctx: &Ctx, from: NaiveDate, to: NaiveDate) -> Vec<frequency::PlatformLoad> {
    ctx.items.with(|items| {
        ctx.state.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    frequency::loads(items, &ws.info.time_zone, &ws.info.frequency_plan, from, to)
                })
                .unwrap_or_default()
        })
    })
}

/// The planned posts of one day (only they are copied out of the plan).
fn of_day(ctx: &Ctx, day: NaiveDate) -> Vec<PlanItem> {
    let zone = ctx.zone();
    ctx.items.with(|items| {
        items
            .iter()
            .filter(|i| item_date(i, &zone) == Some(day))
            .cloned()
            .collect()
    })
}

/// One day: its number, holidays, the posts of the day, and a button to plan on it.
#[component]
fn Day(
    ctx: Ctx,
    day: NaiveDate,
    #[prop(optional)] outside: bool,
    #[prop(optional)] wide: bool,
    /// Where the day's number opens the day sheet (the month view).
    #[prop(optional)]
    sheet: Option<RwSignal<Option<NaiveDate>>>,
) -> impl IntoView {
    let state = ctx.state;
    let items = move || {
        of_day(&ctx, day)
            .into_iter()
            .map(|item| view! { <ItemChip ctx=ctx item=item draggable=true/> })
            .collect_view()
    };
    let holidays = move || holiday_labels(&ctx.holidays(day, day), state.lang.get());
    let day_loads = move || {
        if !wide {
            return ().into_any();
        }
        load_labels(&loads_of(&ctx, day, day), state.lang.get(), true).into_any()
    };
    let off_plan = move || {
        loads_of(&ctx, day, day)
            .iter()
            .any(|l| l.load == frequency::Load::Over)
    };
    let add = move |_| {
        ctx.editing
            .set(editor::blank(&ctx, PlanStatus::Draft, Some(day)))
    };
    view! {
        <div class="lm-day" data-day=day.to_string() data-testid="calendar-day"
            class:lm-day--outside=outside class:lm-day--today=move || ctx.today.get() == day
            class:lm-day--over=off_plan>
            <div class="lm-day__head">
                {match sheet {
                    Some(sheet) => view! {
                        <button class="lm-day__number lm-day__open" data-testid="open-day"
                            aria-label=move || fill(state.t(Msg::CalOpenDay), &[("date", &state.lang.get().date(day))])
                            on:click=move |_| sheet.set(Some(day))>
                            {day.day()}
                        </button>
                    }.into_any(),
                    None => view! {
                        <span class="lm-day__number">
                            {move || if wide { format!("{} {}", state.lang.get().weekday_short(day.weekday().num_days_from_monday() as usize), day.day()) } else { day.day().to_string() }}
                        </span>
                    }.into_any(),
                }}
                <button class="lm-day__add" data-testid="add-on-day" aria-label=move || format!("{} · {}", state.t(Msg::CalNew), state.lang.get().date(day))
                    on:click=add>"+"</button>
            </div>
            <div class="lm-day__holidays">{holidays}</div>
            {day_loads}
            <div class="lm-day__items">{items}</div>
        </div>
    }
}

#[component]
pub fn MonthView(ctx: Ctx, anchor: Memo<NaiveDate>) -> impl IntoView {
    let state = ctx.state;
    let weeks = move || {
        let a = anchor.get();
        cal::month_weeks(a.year(), a.month())
    };
    let sheet = RwSignal::new(None::<NaiveDate>);
    // Another month closes the sheet of a day no longer shown.
    Effect::new(move || {
        anchor.track();
        sheet.set(None);
    });
    view! {
        <p class="lm-hint">{move || state.t(Msg::CalDragHint)}</p>
        <div class="lm-month" data-testid="month-view">
            <div class="lm-month__weekdays" aria-hidden="true">
                {move || (0..7).map(|i| view! { <span>{state.lang.get().weekday_short(i)}</span> }).collect_view()}
            </div>
            {move || {
                let month = anchor.get().month();
                weeks().into_iter().map(|week| view! {
                    <div class="lm-month__week">
                        {week.into_iter().map(|day| view! { <Day ctx=ctx day=day outside=day.month() != month sheet=sheet/> }).collect_view()}
                    </div>
                    <div class="lm-month__load" data-testid="week-load">
                        {move || load_labels(&loads_of(&ctx, week[0], week[6]), state.lang.get(), false)}
                    </div>
                }).collect_view()
            }}
        </div>
        <DaySheet ctx=ctx day=sheet/>
    }
}

/// One day of the month in full, over the page's bottom: its holidays and every post with its
/// title (a phone's month cells only have room for times), a new post on that day, and a way
/// out (the close button, which takes the focus, or Escape).
#[component]
fn DaySheet(ctx: Ctx, day: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let state = ctx.state;
    let close_button = NodeRef::<leptos::html::Button>::new();
    // The focus moves to Close when a day opens (not when the open sheet is redrawn), and back
    // to the day's number when the sheet closes.
    let focused_for = StoredValue::new(None::<NaiveDate>);
    Effect::new(move || match (day.get(), close_button.get()) {
        (Some(d), Some(button)) if focused_for.get_value() != Some(d) => {
            focused_for.set_value(Some(d));
            let _ = button.focus();
        }
        (None, _) => {
            if let Some(d) = focused_for.get_value() {
                focused_for.set_value(None);
                crate::app::browser::focus_selector(&format!(
                    "[data-day=\"{d}\"] [data-testid=\"open-day\"]"
                ));
            }
        }
        _ => {}
    });
    move || {
        let d = day.get()?;
        let lang = state.lang.get();
        let items = of_day(&ctx, d);
        let empty = items
            .is_empty()
            .then(|| view! { <p class="lm-hint">{Msg::CalDayEmpty.text(lang)}</p> });
        let add = move |_| {
            ctx.editing
                .set(editor::blank(&ctx, PlanStatus::Draft, Some(d)))
        };
        Some(view! {
            <section class="lm-day-sheet" data-testid="day-sheet" data-date=d.to_string()
                aria-label=lang.date(d)
                on:keydown=move |ev| if ev.key() == "Escape" { day.set(None) }>
                <div class="lm-day-sheet__head">
                    <h3>{lang.date(d)}</h3>
                    <button class="lm-button lm-button--small" data-testid="day-sheet-new" on:click=add>
                        {Msg::CalNew.text(lang)}
                    </button>
                    <button class="lm-button lm-button--small" data-testid="day-sheet-close" node_ref=close_button
                        on:click=move |_| day.set(None)>
                        {Msg::CalCloseDay.text(lang)}
                    </button>
                </div>
                <div class="lm-day__holidays">{holiday_labels(&ctx.holidays(d, d), lang)}</div>
                {empty}
                <div class="lm-day-sheet__items">
                    {items.into_iter().map(|item| view! { <ItemChip ctx=ctx item=item/> }).collect_view()}
                </div>
            </section>
        })
    }
}

#[component]
pub fn WeekView(ctx: Ctx, anchor: Memo<NaiveDate>) -> impl IntoView {
    let state = ctx.state;
    let week = move || cal::week(anchor.get());
    view! {
        <p class="lm-hint">{move || state.t(Msg::CalDragHint)}</p>
        <div class="lm-month__load" data-testid="week-load">
            {move || { let w = week(); load_labels(&loads_of(&ctx, w[0], w[6]), state.lang.get(), false) }}
        </div>
        <div class="lm-week" data-testid="week-view">
            {move || week().into_iter().map(|day| view! { <Day ctx=ctx day=day wide=true/> }).collect_view()}
        </div>
    }
}
