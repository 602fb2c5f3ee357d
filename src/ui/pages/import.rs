//! The Import page: a drop zone and file picker for several export files at once, progress with
//! cancel while the worker runs, one result per file (what was recognised, the counts, the
//! diagnostics in the UI language), the workspace's import history, and profiles whose data can
//! move onto another profile of their platform.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::app::{actions, importer};
use crate::domain::import::generic;
use crate::domain::model::{ColumnMapping, Diagnostic, Platform, ProfileId, Workspace};
use crate::i18n::{Lang, Msg, fill};
use crate::worker::protocol::FileReport;

#[component]
pub fn ImportPage() -> impl IntoView {
    let state = use_app();
    // The next import's worker starts now, while the user picks files.
    importer::prepare();
    on_cleanup(importer::release);
    view! {
        <section class="lm-page" data-testid="import">
            <h1 class="lm-page__title">{move || state.t(Msg::NavImport)}</h1>
            <p class="lm-page__lead">{move || state.t(Msg::ImportWhat)}</p>
            <DropZone/>
            <Progress/>
            <Results/>
            <History/>
            <Profiles/>
            <CompetitorMarks/>
            <p class="lm-page__aside">
                <button class="lm-button" data-testid="load-demo" on:click=move |_| actions::load_demo(state)>
                    {move || state.t(Msg::LoadDemo)}
                </button>
            </p>
        </section>
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
fn DropZone() -> impl IntoView {
    let state = use_app();
    let over = RwSignal::new(false);
    let busy = move || state.import.with(|r| r.as_ref().is_some_and(|r| !r.done));
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        importer::import_files(state, files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        importer::import_files(state, files);
    };
    view! {
        <div class="lm-drop" class:lm-drop--over=move || over.get() data-testid="import-drop"
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop>
            <p class="lm-drop__text">{move || state.t(Msg::ImportDrop)}</p>
            <label class="lm-button lm-button--primary lm-file">
                {move || state.t(Msg::ImportChoose)}
                <input class="lm-file__input" type="file" multiple data-testid="import-input"
                    accept=".csv,.tsv,.txt,.xls,.xlsx,text/csv,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    prop:disabled=busy
                    on:change=on_change/>
            </label>
            <p class="lm-drop__hint">{move || state.t(Msg::ImportFormats)}</p>
        </div>
    }
}

#[component]
fn Progress() -> impl IntoView {
    let state = use_app();
    let running = move || {
        state.import.with(|r| {
            r.as_ref().filter(|r| !r.done).map(|r| {
                let (index, stage) = r.current.clone().unwrap_or((0, "read".into()));
                (index, stage, r.files.clone())
            })
        })
    };
    move || {
        running().map(|(index, stage, files)| {
            let lang = state.lang.get();
            let stage_text = match stage.as_str() {
                "decode" => Msg::StageDecode,
                "parse" => Msg::StageParse,
                "store" => Msg::StageStore,
                _ => Msg::StageRead,
            }
            .text(lang);
            let total = files.len().max(1);
            // Each file has three stages; storing happens once at the end.
            let step = match stage.as_str() {
                "decode" => 1,
                "parse" => 2,
                "store" => 3,
                _ => 0,
            };
            let value = if stage == "store" { 3 * total } else { 3 * index + step };
            let text = fill(
                Msg::ImportProgress.text(lang),
                &[
                    ("n", &(index + 1).to_string()),
                    ("total", &total.to_string()),
                    ("file", files.get(index).map_or("", String::as_str)),
                    ("stage", stage_text),
                ],
            );
            view! {
                <div class="lm-card lm-progress" data-testid="import-progress" role="status">
                    <p>{text}</p>
                    <progress class="lm-progress__bar" max=(3 * total + 1).to_string() value=value.to_string()></progress>
                    <button class="lm-button" data-testid="import-cancel" on:click=move |_| importer::cancel(state)>
                        {Msg::Cancel.text(lang)}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn Results() -> impl IntoView {
    let state = use_app();
    move || {
        let run = state.import.get().filter(|r| r.done)?;
        let lang = state.lang.get();
        if run.cancelled {
            return Some(
                view! { <p class="lm-notice lm-notice--info" data-testid="import-done">{Msg::ImportCancelled.text(lang)}</p> }
                    .into_any(),
            );
        }
        let ok = run.reports.iter().filter(|r| r.status != "error").count();
        let summary = fill(
            Msg::ImportDone.text(lang),
            &[
                ("ok", &ok.to_string()),
                ("total", &run.reports.len().to_string()),
            ],
        );
        let items = run
            .reports
            .into_iter()
            .enumerate()
            .map(|(index, report)| view! { <ResultCard report=report index=index lang=lang/> })
            .collect_view();
        Some(
            view! {
                <section class="lm-card" aria-live="polite">
                    <h2 class="lm-card__title">{Msg::ImportResults.text(lang)}</h2>
                    <ul class="lm-results">{items}</ul>
                    <p data-testid="import-done">{summary}</p>
                </section>
            }
            .into_any(),
        )
    }
}

fn platform_name(slug: &str) -> String {
    Platform::SOCIAL
        .iter()
        .chain(&[Platform::Web])
        .find(|p| p.slug() == slug)
        .map_or_else(|| slug.to_owned(), |p| p.name().to_owned())
}

#[component]
fn ResultCard(report: FileReport, index: usize, lang: Lang) -> impl IntoView {
    let status_class = format!("lm-result lm-result--{}", report.status);
    let body = match &report.error {
        Some(error) if error.code == "needs-mapping" => view! {
            <p class="lm-result__error" data-testid="error">
                {format!("{}: {}", report.name, Msg::ErrNeedsMapping.text(lang))}
            </p>
            <MappingForm index=index detail=error.detail.clone() lang=lang/>
        }
        .into_any(),
        Some(error) => {
            let mut text = error_text(lang, &error.code, &error.detail);
            if let Some(row) = error.row {
                text = format!(
                    "{} ({})",
                    text,
                    fill(Msg::ImportRowAt.text(lang), &[("row", &row.to_string())])
                );
            }
            view! {
                <p class="lm-result__error" data-testid="error">
                    {format!("{}: {}", report.name, text)}
                </p>
                <p>{Msg::ImportFailed.text(lang)}</p>
            }
            .into_any()
        }
        None => {
            let recognised = fill(
                Msg::ImportRecognised.text(lang),
                &[
                    ("platform", &platform_name(&report.platform)),
                    ("kind", &report.kind),
                    ("family", &report.family),
                ],
            );
            let mapped = report.columns.iter().filter(|(_, m)| m.is_some()).count();
            let columns = fill(
                Msg::ImportColumns.text(lang),
                &[
                    ("mapped", &mapped.to_string()),
                    ("total", &report.columns.len().to_string()),
                ],
            );
            let period = report.period.map(|(from, to)| {
                fill(
                    Msg::ImportPeriod.text(lang),
                    &[("from", &lang.date(from)), ("to", &lang.date(to))],
                )
            });
            let counts = fill(
                Msg::ImportCounts.text(lang),
                &[
                    ("rows", &lang.count(report.rows as f64)),
                    ("inserted", &lang.count(report.counts.inserted as f64)),
                    ("updated", &lang.count(report.counts.updated as f64)),
                    ("unchanged", &lang.count(report.counts.unchanged as f64)),
                    ("skipped", &lang.count(report.skipped as f64)),
                ],
            );
            let profile = fill(
                Msg::ImportProfile.text(lang),
                &[("profile", &report.profile)],
            );
            let diagnostics = report
                .diagnostics
                .iter()
                .map(
                    |d| view! { <li class="lm-result__diagnostic">{diagnostic_text(lang, d)}</li> },
                )
                .collect_view();
            let column_list = report
                .columns
                .iter()
                .map(|(h, m)| view! { <li class:lm-result__unmapped=m.is_none()>{h.clone()}</li> })
                .collect_view();
            view! {
                <p class="lm-result__what">{recognised}</p>
                <p>{profile}{period.map(|p| format!(" · {p}"))}</p>
                <p>{counts}</p>
                <details class="lm-result__columns">
                    <summary>{columns}</summary>
                    <ul>{column_list}</ul>
                </details>
                <ul class="lm-result__diagnostics">{diagnostics}</ul>
            }
            .into_any()
        }
    };
    view! {
        <li class=status_class data-testid="import-result" data-file=report.name.clone()
            data-status=report.status.clone() data-platform=report.platform.clone()
            data-kind=report.kind.clone() data-rows=report.rows.to_string()
            data-skipped=report.skipped.to_string()>
            <h3 class="lm-result__file">{report.name.clone()}</h3>
            {body}
        </li>
    }
}

/// A field's name in the mapping form.
fn field_label(field: &str) -> Msg {
    match field {
        "post-id" => Msg::MapPostId,
        "published" => Msg::MapPublished,
        "date" => Msg::MapDate,
        "title" => Msg::MapTitle,
        "text" => Msg::MapText,
        "permalink" => Msg::MapPermalink,
        "format" => Msg::MapFormat,
        "impressions" => Msg::MapImpressions,
        "views" => Msg::MapViews,
        "reach" => Msg::MapReach,
        "reactions" => Msg::MapReactions,
        "comments" => Msg::MapComments,
        "shares" => Msg::MapShares,
        "saves" => Msg::MapSaves,
        "clicks" => Msg::MapClicks,
        "followers" => Msg::MapFollowers,
        "spend" => Msg::MapSpend,
        _ => Msg::MapIgnore,
    }
}

/// The column-mapping step of a file no family recognises: each column with an example cell and
/// a field (suggested from its name), the platform and the profile; importing saves the mapping.
#[component]
fn MappingForm(index: usize, detail: String, lang: Lang) -> impl IntoView {
    let state = use_app();
    let question = generic::mapping_question(&detail);
    let names: Vec<String> = question.iter().map(|(n, _)| n.clone()).collect();
    let chosen: Vec<RwSignal<String>> = question
        .iter()
        .map(|(n, _)| RwSignal::new(generic::suggest(n).unwrap_or_default().to_owned()))
        .collect();
    let platform = RwSignal::new(Platform::Instagram.slug().to_owned());
    let profile = RwSignal::new(String::new());
    let rows = question
        .into_iter()
        .zip(chosen.iter().copied())
        .map(|((name, example), field)| {
            let options = std::iter::once("")
                .chain(generic::FIELDS.iter().map(|(f, _)| *f))
                .map(|f| {
                    view! {
                        <option value=f selected=move || field.get() == f>{field_label(f).text(lang)}</option>
                    }
                })
                .collect_view();
            let label = format!("{}: {name}", Msg::MappingField.text(lang));
            view! {
                <tr data-testid="mapping-row" data-column=name.clone()>
                    <th scope="row">{name.clone()}</th>
                    <td class="lm-post-text">{example}</td>
                    <td>
                        <select data-testid="mapping-field" aria-label=label
                            on:change=move |ev| field.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let platforms = Platform::SOCIAL
        .iter()
        .map(|p| view! { <option value=p.slug() selected=*p == Platform::Instagram>{p.name()}</option> })
        .collect_view();
    let apply = move |_| {
        let columns: std::collections::BTreeMap<String, String> = names
            .iter()
            .zip(&chosen)
            .filter_map(|(n, f)| {
                let f = f.get_untracked();
                (!f.is_empty()).then(|| (n.clone(), f))
            })
            .collect();
        // Said before the file is read again, so that the form stays for another choice.
        if !generic::is_complete(&columns) {
            state.error(Msg::ErrMappingIncomplete.text(lang).into());
            return;
        }
        let mapping = ColumnMapping {
            header_signature: generic::signature(names.iter().map(String::as_str)),
            columns,
            platform: Platform::from_slug(&platform.get_untracked()),
            profile: profile.get_untracked(),
        };
        importer::import_with_mapping(state, index, mapping);
    };
    view! {
        <div class="lm-mapping" data-testid="mapping">
            <h4>{Msg::MappingTitle.text(lang)}</h4>
            <div class="lm-table-wrap">
                <table class="lm-table">
                    <thead><tr>
                        <th scope="col">{Msg::MappingColumn.text(lang)}</th>
                        <th scope="col">{Msg::MappingExample.text(lang)}</th>
                        <th scope="col">{Msg::MappingField.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="lm-form-row">
                <label>{Msg::MappingPlatform.text(lang)}" "
                    <select data-testid="mapping-platform" on:change=move |ev| platform.set(event_target_value(&ev))>
                        {platforms}
                    </select>
                </label>
                " "
                <label>{Msg::MappingProfile.text(lang)}" "
                    <input type="text" data-testid="mapping-profile" required
                        prop:value=move || profile.get()
                        on:input=move |ev| profile.set(event_target_value(&ev))/>
                </label>
            </p>
            <button class="lm-button lm-button--primary" data-testid="mapping-apply" on:click=apply>
                {Msg::MappingApply.text(lang)}
            </button>
        </div>
    }
}

/// A refused file's message, in the UI language, with what to do.
fn error_text(lang: Lang, code: &str, detail: &str) -> String {
    let msg = match code {
        "empty-file" => Msg::ErrEmptyFile,
        "unknown-format" => Msg::ErrUnknownFormat,
        "mapping-incomplete" => Msg::ErrMappingIncomplete,
        "unreadable-workbook" => Msg::ErrUnreadableWorkbook,
        "unreadable-file" => Msg::ErrUnreadableFile,
        "no-records" => Msg::ErrNoRecords,
        "dates-contradictory" => Msg::ErrDatesContradictory,
        "unknown-series" => Msg::ErrUnknownSeries,
        "quota" => Msg::ErrImportQuota,
        "worker" | "bad-request" => Msg::ErrImportWorker,
        _ => Msg::ErrImportStorage,
    };
    fill(msg.text(lang), &[("detail", detail)])
}

/// A diagnostic in the UI language, with its row and column when it has them.
fn diagnostic_text(lang: Lang, d: &Diagnostic) -> String {
    let msg = match d.code.as_str() {
        "new-columns" => Msg::DiagNewColumns,
        "date-order-assumed" => Msg::DiagDateOrder,
        "year-inferred" => Msg::DiagYearInferred,
        "total-row-skipped" => Msg::DiagTotalRow,
        "missing-columns" => Msg::DiagMissingColumns,
        "description-row-skipped" => Msg::DiagDescriptionRow,
        "duplicate-in-file" => Msg::DiagDuplicate,
        "missing-id" => Msg::DiagMissingId,
        "bad-date" => Msg::DiagBadDate,
        "invalid-bytes-replaced" => Msg::DiagInvalidBytes,
        "already-imported" => Msg::DiagAlreadyImported,
        "bad-scope" => Msg::DiagBadScope,
        "bad-platform" => Msg::DiagBadPlatform,
        "bad-metric" => Msg::DiagBadMetric,
        "bad-number" => Msg::DiagBadNumber,
        "missing-value" => Msg::DiagMissingValue,
        "benchmark-scope-assumed" => Msg::DiagScopeAssumed,
        "benchmark-period-assumed" => Msg::DiagPeriodAssumed,
        "competitor-period-assumed" => Msg::DiagCompetitorPeriod,
        "own-page-not-found" => Msg::DiagOwnPageNotFound,
        "own-page-unknown" => Msg::DiagOwnPageUnknown,
        other => return format!("{other}: {}", d.detail),
    };
    let mut text = fill(msg.text(lang), &[("detail", &d.detail)]);
    let mut place = Vec::new();
    if let Some(row) = d.row {
        place.push(fill(
            Msg::ImportRowAt.text(lang),
            &[("row", &row.to_string())],
        ));
    }
    if let Some(column) = d.column.as_deref().filter(|c| !c.is_empty()) {
        place.push(fill(Msg::ImportColumnAt.text(lang), &[("column", column)]));
    }
    if !place.is_empty() {
        text = format!("{} ({})", text, place.join(", "));
    }
    text
}

/// Profiles that share a platform (and being own or a competitor's) with another, each with a way
/// to move its data onto one of them: a renamed page, or an export without IDs, can make an
/// import create a second profile for a page already known.
#[component]
fn Profiles() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let rows = state
            .workspace
            .with(|w| w.as_ref().map(reassignable).unwrap_or_default());
        if rows.is_empty() {
            return ().into_any();
        }
        let items = rows
            .into_iter()
            .map(|(id, name, posts, targets)| {
                let chosen = RwSignal::new(targets[0].0.clone());
                let options = targets
                    .into_iter()
                    .map(|(target, label)| view! { <option value=target.0>{label}</option> })
                    .collect_view();
                let from = id.clone();
                let posts = fill(
                    Msg::ProfilePosts.text(lang),
                    &[("n", &lang.count(posts as f64))],
                );
                view! {
                    <tr data-testid="reassign-row" data-profile=id.0>
                        <th scope="row">{name.clone()}</th>
                        <td class="lm-num">{posts}</td>
                        <td>
                            <label>
                                {Msg::ReassignTo.text(lang)}" "
                                <select data-testid="reassign-select"
                                    on:change=move |ev| chosen.set(ProfileId::from(event_target_value(&ev)))>
                                    {options}
                                </select>
                            </label>
                            " "
                            <button class="lm-button lm-button--small" data-testid="reassign-button"
                                aria-label=fill(Msg::ReassignButtonLabel.text(lang), &[("name", &name)])
                                on:click=move |_| actions::reassign_profile(state, from.clone(), chosen.get_untracked())>
                                {Msg::ReassignButton.text(lang)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="lm-card" data-testid="import-profiles">
                <h2 class="lm-card__title">{Msg::ImportProfiles.text(lang)}</h2>
                <p class="lm-hint">{Msg::ImportProfilesHint.text(lang)}</p>
                <div class="lm-table-wrap"><table class="lm-table"><tbody>{items}</tbody></table></div>
            </section>
        }
        .into_any()
    }
}

/// Each profile that another profile shares a platform with: its ID, name, post count and the
/// profiles its data could move to.
type Reassignable = (ProfileId, String, usize, Vec<(ProfileId, String)>);

fn reassignable(ws: &Workspace) -> Vec<Reassignable> {
    let mut posts: HashMap<&ProfileId, usize> = HashMap::new();
    for post in &ws.posts {
        *posts.entry(&post.profile).or_default() += 1;
    }
    ws.profiles
        .iter()
        .filter_map(|p| {
            let targets: Vec<(ProfileId, String)> = ws
                .profiles
                .iter()
                .filter(|o| {
                    o.platform == p.platform && o.competitor == p.competitor && o.id != p.id
                })
                .map(|o| (o.id.clone(), o.display_name()))
                .collect();
            (!targets.is_empty()).then(|| {
                let name = format!("{} · {}", p.display_name(), p.platform.name());
                (
                    p.id.clone(),
                    name,
                    posts.get(&p.id).copied().unwrap_or(0),
                    targets,
                )
            })
        })
        .collect()
}

/// What a batch changed on posts already stored, metric by metric (`+400 impressions`); empty
/// when it changed none.
fn changes_text(changes: &crate::domain::Metrics, lang: Lang) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = changes
        .iter()
        .map(|(m, delta)| {
            let sign = if *delta > 0.0 { "+" } else { "−" };
            let amount = lang.number(delta.abs(), if delta.fract() == 0.0 { 0 } else { 2 });
            format!(
                "{sign}{amount} {}",
                crate::domain::audit::text::metric(*m, lang)
            )
        })
        .collect();
    fill(
        Msg::ImportChanges.text(lang),
        &[("changes", &parts.join(", "))],
    )
}

/// Every imported profile with a box saying whether it is a competitor's: an export of a
/// competitor's page (a LinkedIn competitor file, a tool's export of another brand) is marked
/// here, and the audit then compares it with the client's own profiles.
#[component]
fn CompetitorMarks() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let rows: Vec<(ProfileId, String, &'static str, bool)> = state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.profiles
                        .iter()
                        .filter(|p| p.platform != Platform::Web)
                        .map(|p| {
                            (
                                p.id.clone(),
                                p.display_name(),
                                p.platform.name(),
                                p.competitor,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        });
        if rows.is_empty() {
            return ().into_any();
        }
        let items = rows
            .into_iter()
            .map(|(id, name, platform, competitor)| {
                let label = fill(Msg::CompetitorMarkLabel.text(lang), &[("name", &name)]);
                let profile = id.clone();
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td>{platform}</td>
                        <td>
                            <label>
                                <input type="checkbox" data-testid="competitor-mark" data-profile=id.0
                                    aria-label=label prop:checked=competitor
                                    on:change=move |ev| actions::set_competitor(state, profile.clone(), event_target_checked(&ev))/>
                                " "{Msg::Competitor.text(lang)}
                            </label>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="lm-card" data-testid="competitor-marks">
                <h2 class="lm-card__title">{Msg::CompetitorMarksTitle.text(lang)}</h2>
                <p class="lm-hint">{Msg::CompetitorMarksHint.text(lang)}</p>
                <div class="lm-table-wrap"><table class="lm-table"><tbody>{items}</tbody></table></div>
            </section>
        }
        .into_any()
    }
}

#[component]
fn History() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let rows = state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.batches
                        .iter()
                        .rev()
                        .take(50)
                        .map(|b| {
                            (
                                b.file_name.clone(),
                                b.platform.map_or("—", |p| p.name()).to_owned(),
                                b.kind.clone(),
                                lang.date(b.imported_at.date_naive()),
                                fill(
                                    Msg::ImportCounts.text(lang),
                                    &[
                                        (
                                            "rows",
                                            &lang.count(
                                                (b.counts.inserted
                                                    + b.counts.updated
                                                    + b.counts.unchanged)
                                                    as f64,
                                            ),
                                        ),
                                        ("inserted", &lang.count(b.counts.inserted as f64)),
                                        ("updated", &lang.count(b.counts.updated as f64)),
                                        ("unchanged", &lang.count(b.counts.unchanged as f64)),
                                        ("skipped", &lang.count(b.counts.skipped as f64)),
                                    ],
                                ),
                                changes_text(&b.changes, lang),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        let body = if rows.is_empty() {
            view! { <p>{Msg::ImportHistoryEmpty.text(lang)}</p> }.into_any()
        } else {
            let items = rows
                .into_iter()
                .map(|(file, platform, kind, date, counts, changes)| {
                    view! {
                        <tr data-testid="import-batch">
                            <td>{file}</td><td>{platform}</td><td>{kind}</td><td>{date}</td>
                            <td>{counts}<br/><span data-testid="import-batch-changes">{changes}</span></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="lm-table-wrap"><table class="lm-table"><tbody>{items}</tbody></table></div>
            }
            .into_any()
        };
        view! {
            <section class="lm-card">
                <h2 class="lm-card__title">{Msg::ImportHistory.text(lang)}</h2>
                {body}
            </section>
        }
    }
}
