//! The approval workflow of a planned post: idea → draft → in review → approved → scheduled →
//! published, or rejected with a reason. Who may do what follows the workspace's members and
//! approval rule: only editors and managers approve, nobody approves their own post, and each
//! step is passed by any one or all of its approvers. Every action appends to the post's history.

use chrono::{DateTime, FixedOffset};

use crate::domain::{
    Approval, ApprovalMode, ApprovalRule, ApprovalStep, Change, Comment, Member, MemberId,
    PlanItem, PlanStatus, Role,
};

/// What a member can do to a planned post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Turn an idea into a draft.
    Develop,
    /// Ask for review.
    Submit,
    /// Approve the current step.
    Approve,
    /// Send back with a reason.
    Reject(String),
    /// Put an approved post on the schedule.
    Schedule,
    /// Mark as published.
    Publish,
    /// Take a rejected or reviewed post back to draft for rework.
    Rework,
}

impl Action {
    pub fn slug(&self) -> &'static str {
        match self {
            Action::Develop => "develop",
            Action::Submit => "submit",
            Action::Approve => "approve",
            Action::Reject(_) => "reject",
            Action::Schedule => "schedule",
            Action::Publish => "publish",
            Action::Rework => "rework",
        }
    }
}

/// Why an action was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the action does not apply in this status")]
    WrongStatus,
    #[error("only content editors and managers approve or reject")]
    NotAnApprover,
    #[error("nobody approves their own post")]
    OwnPost,
    #[error("this member is not an approver of the current step")]
    NotInStep,
    #[error("this member already approved this step")]
    AlreadyApproved,
    #[error("a rejection needs a reason")]
    NoReason,
    #[error("a scheduled post needs a date and time")]
    NoTime,
    #[error("unknown member")]
    UnknownMember,
}

/// A member's role, if they belong to the workspace.
fn role_of(members: &[Member], id: &MemberId) -> Option<Role> {
    members.iter().find(|m| &m.id == id).map(|m| m.role)
}

/// The members who may approve `step` of a post written by `author`.
pub fn approvers<'a>(
    step: &'a ApprovalStep,
    members: &'a [Member],
    author: &'a MemberId,
) -> impl Iterator<Item = &'a Member> + 'a {
    members.iter().filter(move |m| {
        m.role.may_approve()
            && &m.id != author
            && (step.approvers.is_empty() || step.approvers.contains(&m.id))
    })
}

/// Whether `step` (by index) is passed by the approvals the post holds.
fn step_passed(item: &PlanItem, index: usize, step: &ApprovalStep, members: &[Member]) -> bool {
    let given = |id: &MemberId| {
        item.approvals
            .iter()
            .any(|a| a.step as usize == index && &a.member == id)
    };
    let mut eligible = approvers(step, members, &item.author).peekable();
    match step.mode {
        ApprovalMode::Any => item.approvals.iter().any(|a| a.step as usize == index),
        // "All" with nobody eligible would never pass; it falls back to any one approval.
        ApprovalMode::All if eligible.peek().is_none() => {
            item.approvals.iter().any(|a| a.step as usize == index)
        }
        ApprovalMode::All => eligible.all(|m| given(&m.id)),
    }
}

/// The index of the first step not yet passed, or `None` when every step is.
pub fn current_step(item: &PlanItem, rule: &ApprovalRule, members: &[Member]) -> Option<usize> {
    rule.steps
        .iter()
        .enumerate()
        .find(|(i, step)| !step_passed(item, *i, step, members))
        .map(|(i, _)| i)
}

/// Checks whether `member` may take `action` on `item`.
pub fn check(
    item: &PlanItem,
    action: &Action,
    member: &MemberId,
    rule: &ApprovalRule,
    members: &[Member],
) -> Result<(), Refusal> {
    let role = role_of(members, member).ok_or(Refusal::UnknownMember)?;
    use PlanStatus::*;
    match action {
        Action::Develop if item.status == Idea => Ok(()),
        Action::Submit if matches!(item.status, Draft | Idea | Rejected) => Ok(()),
        Action::Approve | Action::Reject(_) if item.status == InReview => {
            if !role.may_approve() {
                return Err(Refusal::NotAnApprover);
            }
            if &item.author == member {
                return Err(Refusal::OwnPost);
            }
            if let Action::Reject(reason) = action {
                return if reason.trim().is_empty() {
                    Err(Refusal::NoReason)
                } else {
                    Ok(())
                };
            }
            let Some(index) = current_step(item, rule, members) else {
                return Err(Refusal::WrongStatus);
            };
            let step = &rule.steps[index];
            if !approvers(step, members, &item.author).any(|m| &m.id == member) {
                return Err(Refusal::NotInStep);
            }
            if item
                .approvals
                .iter()
                .any(|a| a.step as usize == index && &a.member == member)
            {
                return Err(Refusal::AlreadyApproved);
            }
            Ok(())
        }
        Action::Schedule if item.status == Approved => {
            if item.scheduled.is_none() {
                Err(Refusal::NoTime)
            } else {
                Ok(())
            }
        }
        Action::Publish if matches!(item.status, Approved | Scheduled) => Ok(()),
        Action::Rework if matches!(item.status, Rejected | InReview | Approved | Scheduled) => {
            Ok(())
        }
        _ => Err(Refusal::WrongStatus),
    }
}

/// The actions `member` may take on `item`, in the order the UI offers them (a rejection's
/// reason is left empty).
pub fn available(
    item: &PlanItem,
    member: &MemberId,
    rule: &ApprovalRule,
    members: &[Member],
) -> Vec<Action> {
    [
        Action::Develop,
        Action::Submit,
        Action::Approve,
        Action::Reject("-".into()),
        Action::Schedule,
        Action::Publish,
        Action::Rework,
    ]
    .into_iter()
    .filter(|a| check(item, a, member, rule, members).is_ok())
    .map(|a| match a {
        Action::Reject(_) => Action::Reject(String::new()),
        a => a,
    })
    .collect()
}

/// Applies `action` by `member` at `now`: the new status, approvals and history.
pub fn apply(
    item: &mut PlanItem,
    action: Action,
    member: &MemberId,
    rule: &ApprovalRule,
    members: &[Member],
    now: DateTime<FixedOffset>,
) -> Result<(), Refusal> {
    check(item, &action, member, rule, members)?;
    let what = match &action {
        Action::Develop => {
            item.status = PlanStatus::Draft;
            "status:draft".to_owned()
        }
        Action::Submit => {
            item.status = PlanStatus::InReview;
            item.approvals.clear();
            item.rejection = None;
            "status:in-review".to_owned()
        }
        Action::Approve => {
            let step = current_step(item, rule, members).unwrap_or(0);
            item.approvals.push(Approval {
                member: member.clone(),
                step: step as u8,
                at: now,
            });
            if current_step(item, rule, members).is_none() {
                item.status = PlanStatus::Approved;
            }
            format!("approved:{}", step + 1)
        }
        Action::Reject(reason) => {
            item.status = PlanStatus::Rejected;
            item.rejection = Some(reason.trim().to_owned());
            item.approvals.clear();
            "status:rejected".to_owned()
        }
        Action::Schedule => {
            item.status = PlanStatus::Scheduled;
            "status:scheduled".to_owned()
        }
        Action::Publish => {
            item.status = PlanStatus::Published;
            "status:published".to_owned()
        }
        Action::Rework => {
            item.status = PlanStatus::Draft;
            item.approvals.clear();
            "status:draft".to_owned()
        }
    };
    record(item, member, now, what);
    Ok(())
}

/// Appends to the history and bumps the revision.
pub fn record(item: &mut PlanItem, member: &MemberId, now: DateTime<FixedOffset>, what: String) {
    item.history.push(Change {
        member: member.clone(),
        at: now,
        what,
    });
    item.revision += 1;
}

/// Content was edited. A post already approved or scheduled goes back to review, since what
/// was approved is no longer what will be published.
pub fn edited(item: &mut PlanItem, member: &MemberId, now: DateTime<FixedOffset>) {
    if matches!(item.status, PlanStatus::Approved | PlanStatus::Scheduled) {
        item.status = PlanStatus::InReview;
        item.approvals.clear();
        record(item, member, now, "edited:review-again".into());
    } else {
        record(item, member, now, "edited".into());
    }
}

/// Adds a comment to the thread.
pub fn comment(item: &mut PlanItem, member: &MemberId, now: DateTime<FixedOffset>, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    item.comments.push(Comment {
        member: member.clone(),
        at: now,
        text: text.to_owned(),
    });
    item.revision += 1;
}

/// Whether the post waits for `member`: a review step they can approve, or their own post
/// sent back to them.
pub fn waits_for(
    item: &PlanItem,
    member: &MemberId,
    rule: &ApprovalRule,
    members: &[Member],
) -> bool {
    match item.status {
        PlanStatus::InReview => check(item, &Action::Approve, member, rule, members).is_ok(),
        PlanStatus::Rejected | PlanStatus::Draft => &item.author == member,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PlanItemId;
    use chrono::TimeZone;

    fn member(id: &str, role: Role) -> Member {
        Member {
            id: MemberId::from(id),
            name: id.into(),
            role,
        }
    }

    fn team() -> Vec<Member> {
        vec![
            member("creator", Role::ContentCreator),
            member("editor", Role::ContentEditor),
            member("editor2", Role::ContentEditor),
            member("manager", Role::ContentManager),
        ]
    }

    fn now() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
            .unwrap()
    }

    fn post(author: &str, status: PlanStatus) -> PlanItem {
        PlanItem::new(
            PlanItemId("p".into()),
            MemberId::from(author),
            status,
            Some(now()),
        )
    }

    fn id(s: &str) -> MemberId {
        MemberId::from(s)
    }

    #[test]
    fn one_step_any_approver() {
        let rule = ApprovalRule::default();
        let team = team();
        let mut p = post("creator", PlanStatus::Draft);
        apply(&mut p, Action::Submit, &id("creator"), &rule, &team, now()).unwrap();
        assert_eq!(p.status, PlanStatus::InReview);
        assert_eq!(
            check(&p, &Action::Approve, &id("creator"), &rule, &team),
            Err(Refusal::NotAnApprover)
        );
        apply(&mut p, Action::Approve, &id("editor"), &rule, &team, now()).unwrap();
        assert_eq!(p.status, PlanStatus::Approved);
        assert_eq!(p.history.len(), 2);
        apply(
            &mut p,
            Action::Schedule,
            &id("creator"),
            &rule,
            &team,
            now(),
        )
        .unwrap();
        assert_eq!(p.status, PlanStatus::Scheduled);
    }

    #[test]
    fn nobody_approves_their_own_post() {
        let rule = ApprovalRule::default();
        let team = team();
        let mut p = post("editor", PlanStatus::InReview);
        assert_eq!(
            apply(&mut p, Action::Approve, &id("editor"), &rule, &team, now()),
            Err(Refusal::OwnPost)
        );
        assert_eq!(p.status, PlanStatus::InReview);
        assert!(p.history.is_empty());
    }

    #[test]
    fn two_steps_second_needs_all() {
        let rule = ApprovalRule {
            steps: vec![
                ApprovalStep {
                    approvers: vec![id("editor"), id("editor2")],
                    mode: ApprovalMode::Any,
                },
                ApprovalStep {
                    approvers: vec![id("editor2"), id("manager")],
                    mode: ApprovalMode::All,
                },
            ],
        };
        let team = team();
        let mut p = post("creator", PlanStatus::InReview);
        assert_eq!(
            check(&p, &Action::Approve, &id("manager"), &rule, &team),
            Err(Refusal::NotInStep)
        );
        apply(&mut p, Action::Approve, &id("editor"), &rule, &team, now()).unwrap();
        assert_eq!(current_step(&p, &rule, &team), Some(1));
        assert_eq!(p.status, PlanStatus::InReview);
        apply(&mut p, Action::Approve, &id("manager"), &rule, &team, now()).unwrap();
        assert_eq!(p.status, PlanStatus::InReview, "step 2 needs both");
        assert_eq!(
            check(&p, &Action::Approve, &id("manager"), &rule, &team),
            Err(Refusal::AlreadyApproved)
        );
        assert!(waits_for(&p, &id("editor2"), &rule, &team));
        assert!(!waits_for(&p, &id("editor"), &rule, &team));
        apply(&mut p, Action::Approve, &id("editor2"), &rule, &team, now()).unwrap();
        assert_eq!(p.status, PlanStatus::Approved);
        assert_eq!(p.approvals.len(), 3);
    }

    #[test]
    fn rejection_needs_a_reason_and_returns_to_the_author() {
        let rule = ApprovalRule::default();
        let team = team();
        let mut p = post("creator", PlanStatus::InReview);
        assert_eq!(
            check(
                &p,
                &Action::Reject("  ".into()),
                &id("editor"),
                &rule,
                &team
            ),
            Err(Refusal::NoReason)
        );
        apply(
            &mut p,
            Action::Reject("Logo terpotong".into()),
            &id("editor"),
            &rule,
            &team,
            now(),
        )
        .unwrap();
        assert_eq!(p.status, PlanStatus::Rejected);
        assert_eq!(p.rejection.as_deref(), Some("Logo terpotong"));
        assert!(waits_for(&p, &id("creator"), &rule, &team));
        apply(&mut p, Action::Submit, &id("creator"), &rule, &team, now()).unwrap();
        assert_eq!(p.rejection, None);
    }

    #[test]
    fn editing_an_approved_post_sends_it_back_to_review() {
        let rule = ApprovalRule::default();
        let team = team();
        let mut p = post("creator", PlanStatus::InReview);
        apply(&mut p, Action::Approve, &id("manager"), &rule, &team, now()).unwrap();
        edited(&mut p, &id("creator"), now());
        assert_eq!(p.status, PlanStatus::InReview);
        assert!(p.approvals.is_empty());
        assert_eq!(p.history.last().unwrap().what, "edited:review-again");
    }

    #[test]
    fn available_actions_follow_role_and_status() {
        let rule = ApprovalRule::default();
        let team = team();
        let p = post("creator", PlanStatus::InReview);
        let slugs = |m: &str| {
            available(&p, &id(m), &rule, &team)
                .iter()
                .map(Action::slug)
                .collect::<Vec<_>>()
        };
        assert_eq!(slugs("editor"), ["approve", "reject", "rework"]);
        assert_eq!(slugs("creator"), ["rework"]);
        assert_eq!(slugs("stranger"), Vec::<&str>::new());
    }
}
