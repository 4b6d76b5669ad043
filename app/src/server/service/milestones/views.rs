//! What the ten months' pages read: a team's follow-up, one milestone's
//! page, the coordinators' dashboard, the promotion's timeline, the
//! bulletins' CSV. Who sees what (`Seat`): the team's fellows and
//! coordinators see everything of the team, moods included; the host's
//! members everything but the moods; the rest of the promotion only
//! what is public within it (the bulletins, without moods).

use super::submit::{answers_of, is_fellow};
use super::{Stored, paris_time};
use crate::domain::milestones::answers::{self, Answer};
use crate::domain::milestones::bulletin::MOOD;
use crate::domain::milestones::status::Status;
use crate::domain::milestones::{AT_RISK, BLOCKED, FieldKind, Filler, REPORT_STATUS};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::milestones::*;
use crate::server::db::formation::placement;
use crate::server::db::milestones::{answer, instance, reply};
use crate::server::db::{application, defi, role_grant, user};
use crate::server::service::attachments;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Paris;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The viewer's place with regard to a team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    Coordinator,
    Fellow,
    Host,
    /// Of the promotion (a fellow or host of another team).
    Promotion,
}

impl Seat {
    pub fn sees_mood(self) -> bool {
        matches!(self, Seat::Coordinator | Seat::Fellow)
    }

    pub fn sees_private(self) -> bool {
        self != Seat::Promotion
    }
}

/// Where `user` sits with regard to the défi's team; `None`: nowhere.
pub async fn seat<C: ConnectionTrait>(
    db: &C,
    defi_id: i64,
    user: i64,
    coordinator: bool,
) -> Result<Option<Seat>, AppError> {
    if coordinator {
        return Ok(Some(Seat::Coordinator));
    }
    let Some(d) = defi::Entity::find_by_id(defi_id).one(db).await? else {
        return Ok(None);
    };
    if is_fellow(db, defi_id, user).await? {
        return Ok(Some(Seat::Fellow));
    }
    let orgs: Vec<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::Role.starts_with("host_"))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|g| g.scope_id)
        .collect();
    if orgs.contains(&d.organisation_id) {
        return Ok(Some(Seat::Host));
    }
    // Of another team of the promotion.
    let teams = super::teams(db, d.promotion_id).await?;
    let team_orgs: Vec<i64> = defi::Entity::find()
        .filter(defi::Column::Id.is_in(teams.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|x| x.organisation_id)
        .collect();
    if orgs.iter().any(|o| team_orgs.contains(o)) {
        return Ok(Some(Seat::Promotion));
    }
    let apps: Vec<i64> = application::Entity::find()
        .filter(application::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let fellow_elsewhere = placement::Entity::find()
        .filter(placement::Column::ApplicationId.is_in(apps))
        .filter(placement::Column::DefiId.is_in(teams))
        .filter(placement::Column::State.is_in(super::under_contract()))
        .one(db)
        .await?
        .is_some();
    Ok(fellow_elsewhere.then_some(Seat::Promotion))
}

/// Where a milestone's file is kept (`service::files`).
pub fn milestone_file_slot(instance: i64) -> attachments::Slot<'static> {
    attachments::Slot {
        owner_type: MILESTONE_OWNER,
        owner_id: instance,
        kind: crate::domain::milestones::FILE,
    }
}

/// The attachments' owner type of a milestone's file.
pub const MILESTONE_OWNER: &str = "milestone";

pub fn filler_label(f: Filler) -> Msg {
    match f {
        Filler::Team => Msg::FillerTeam,
        Filler::HostLead => Msg::FillerHostLead,
        Filler::Mentor => Msg::FillerMentor,
        Filler::Nobody => Msg::FillerNobody,
    }
}

fn line(t: &Stored, i: &instance::Model, now: DateTime<Utc>, l: Locale) -> MilestoneLine {
    let s = t.status(i, now);
    MilestoneLine {
        id: i.id,
        title: l.t(t.template.title).to_owned(),
        filler: l.t(filler_label(t.template.filler)).to_owned(),
        due: paris_time(i.due_at),
        status: l.t(s.label()).to_owned(),
        status_code: s.code().to_owned(),
        moved: i.moved_reason.clone(),
        waived: i.waived_reason.clone(),
    }
}

pub(super) async fn names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn text_of(a: &answers::Answers, k: &str) -> String {
    answers::one(a, k).unwrap_or_default().to_owned()
}

pub(super) fn report_status(a: &answers::Answers, l: Locale) -> (String, bool) {
    match answers::one(a, REPORT_STATUS) {
        Some(AT_RISK) => (l.t(Msg::ReportAtRisk).to_owned(), true),
        Some(BLOCKED) => (l.t(Msg::ReportBlocked).to_owned(), true),
        Some(_) => (l.t(Msg::ReportOnTrack).to_owned(), false),
        None => (String::new(), false),
    }
}

/// A team's follow-up as `seat` sees it.
pub async fn follow_up<C: ConnectionTrait>(
    db: &C,
    defi_id: i64,
    seat: Seat,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<FollowUp, AppError> {
    let d = defi::Entity::find_by_id(defi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let templates: HashMap<i64, Stored> = super::templates(db, d.promotion_id)
        .await?
        .into_iter()
        .map(|t| (t.row.id, t))
        .collect();
    let rows = instance::Entity::find()
        .filter(instance::Column::DefiId.eq(defi_id))
        .order_by_asc(instance::Column::DueAt)
        .all(db)
        .await?;
    let who = names(db, rows.iter().filter_map(|r| r.updated_by)).await?;
    let replies = reply::Entity::find()
        .filter(reply::Column::InstanceId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let mut f = FollowUp {
        public_only: !seat.sees_private(),
        promotion_id: d.promotion_id,
        manage: seat == Seat::Coordinator,
        ..Default::default()
    };
    let horizon = now + Duration::days(35);
    for r in &rows {
        let Some(t) = templates.get(&r.template_id) else {
            continue;
        };
        if !seat.sees_private() && !t.template.public {
            continue;
        }
        let s = t.status(r, now);
        let a = answers_of(r);
        if t.template.is_bulletin() {
            if s == Status::Scheduled {
                continue;
            }
            if seat == Seat::Fellow
                && !s.done()
                && r.due_at >= now - Duration::days(3)
                && f.bulletin_now.is_none()
            {
                f.bulletin_now = Some(r.id);
            }
            f.bulletins.push(BulletinLine {
                id: r.id,
                due: paris_time(r.due_at),
                filled: r.submitted_at.is_some(),
                status: l.t(s.label()).to_owned(),
                mood: seat
                    .sees_mood()
                    .then(|| text_of(&a, MOOD))
                    .filter(|m| !m.is_empty()),
                priority: text_of(&a, "priorite"),
                ups_downs: text_of(&a, "hauts_bas"),
                help: text_of(&a, "aide"),
                author: r
                    .updated_by
                    .and_then(|u| who.get(&u).cloned())
                    .unwrap_or_default(),
                at: r.updated_at.map(paris_time).unwrap_or_default(),
            });
        } else if t.template.is_report() {
            if s == Status::Scheduled {
                continue;
            }
            let (status, alarming) = report_status(&a, l);
            f.reports.push(ReportLine {
                id: r.id,
                due: paris_time(r.due_at),
                status: if r.submitted_at.is_some() {
                    status
                } else {
                    l.t(s.label()).to_owned()
                },
                code: if alarming {
                    "late".to_owned()
                } else {
                    s.code().to_owned()
                },
                filled: r.submitted_at.is_some(),
                alarming,
                report: l.t(t.template.title).to_owned(),
                progress: text_of(&a, "avancement"),
                replies: replies.iter().filter(|x| x.instance_id == r.id).count() as u32,
            });
        } else if seat.sees_private() && (r.due_at <= horizon || s.done()) {
            f.milestones.push(line(t, r, now, l));
        }
    }
    f.bulletins.reverse();
    f.reports.reverse();
    Ok(f)
}

fn form_fields(t: &Stored, a: &answers::Answers, l: Locale, mood: bool) -> Vec<FormField> {
    t.template
        .fields
        .iter()
        .filter(|f| (mood || f.name != MOOD) && f.kind != FieldKind::File)
        .map(|f| {
            let pairs = |v: &Vec<(&'static str, Msg)>| {
                v.iter()
                    .map(|(c, m)| ((*c).to_owned(), l.t(*m).to_owned()))
                    .collect()
            };
            FormField {
                name: f.name.to_owned(),
                label: l.t(f.label).to_owned(),
                view: match &f.kind {
                    FieldKind::Text { max } => FieldView::Text { max: *max as u32 },
                    FieldKind::Choice { options } => FieldView::Choice {
                        options: pairs(options),
                    },
                    FieldKind::Checklist { items } => FieldView::Checklist {
                        items: pairs(items),
                    },
                    FieldKind::Number => FieldView::Number,
                    FieldKind::Link | FieldKind::File => FieldView::Link,
                },
                required: f.required,
                value: answers::one(a, f.name).unwrap_or_default().to_owned(),
                ticked: match a.get(f.name) {
                    Some(Answer::Many(v)) => v.clone(),
                    _ => Vec::new(),
                },
            }
        })
        .collect()
}

/// A milestone's page as `seat` sees it; `filler`: the viewer fills it.
pub async fn instance_page<C: ConnectionTrait>(
    db: &C,
    id: i64,
    seat: Seat,
    filler: bool,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<InstancePage, AppError> {
    let x = super::submit::load(db, id).await?;
    if !seat.sees_private() && !x.stored.template.public {
        return Err(AppError::NotFound);
    }
    let i = &x.instance;
    let t = &x.stored;
    let s = t.status(i, now);
    let mood = seat.sees_mood();
    let mut history = answer::Entity::find()
        .filter(answer::Column::InstanceId.eq(id))
        .order_by_desc(answer::Column::At)
        .order_by_desc(answer::Column::Id)
        .all(db)
        .await?;
    // Answers stored without their history (imported): shown as the one
    // version.
    if history.is_empty()
        && let (Some(text), Some(at)) = (&i.answers, i.updated_at.or(i.submitted_at))
    {
        history.push(answer::Model {
            id: 0,
            instance_id: id,
            author_id: i.updated_by,
            at,
            answers: text.clone(),
        });
    }
    let thread = reply::Entity::find()
        .filter(reply::Column::InstanceId.eq(id))
        .order_by_asc(reply::Column::At)
        .order_by_asc(reply::Column::Id)
        .all(db)
        .await?;
    let who = names(
        db,
        history
            .iter()
            .filter_map(|h| h.author_id)
            .chain(thread.iter().filter_map(|r| r.author_id)),
    )
    .await?;
    let versions = history
        .iter()
        .map(|h| {
            let a: answers::Answers = serde_json::from_str(&h.answers).unwrap_or_default();
            Version {
                author: h
                    .author_id
                    .and_then(|u| who.get(&u).cloned())
                    .unwrap_or_default(),
                at: paris_time(h.at),
                lines: t
                    .template
                    .fields
                    .iter()
                    .filter(|f| (mood || f.name != MOOD) && f.kind != FieldKind::File)
                    .map(|f| {
                        (
                            l.t(f.label).to_owned(),
                            answers::shown(f, a.get(f.name), |m| l.t(m).to_owned()),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let may_fill = filler && i.waived_at.is_none() && s != Status::Scheduled;
    let file = match t.template.file_field() {
        Some(f) => {
            let current = attachments::current(db, milestone_file_slot(id)).await?;
            Some(MilestoneFile {
                label: l.t(f.label).to_owned(),
                name: current.as_ref().map(|a| a.original_name.clone()),
                uploaded: current.map(|a| paris_time(a.created_at)),
                may_upload: may_fill,
            })
        }
        None => None,
    };
    let local = i.due_at.with_timezone(&Paris);
    Ok(InstancePage {
        id,
        defi_id: x.defi.id,
        team: x.defi.title.clone(),
        promotion_id: x.promotion.id,
        title: l.t(t.template.title).to_owned(),
        filler: l.t(filler_label(t.template.filler)).to_owned(),
        due: paris_time(i.due_at),
        status: l.t(s.label()).to_owned(),
        status_code: s.code().to_owned(),
        // Reasons may be personal: for the team, its host, coordinators.
        moved: i.moved_reason.clone().filter(|_| seat.sees_private()),
        waived: i.waived_reason.clone().filter(|_| seat.sees_private()),
        fields: form_fields(t, &answers_of(i), l, mood || filler),
        may_fill,
        file,
        manage: seat == Seat::Coordinator,
        report: t.template.is_report(),
        may_reply: t.template.is_report() && seat != Seat::Promotion,
        versions,
        replies: thread
            .iter()
            .map(|r| {
                (
                    r.author_id
                        .and_then(|u| who.get(&u).cloned())
                        .unwrap_or_default(),
                    paris_time(r.at),
                    r.body.clone(),
                )
            })
            .collect(),
        due_day: local.format("%Y-%m-%d").to_string(),
        due_time: local.format("%H:%M").to_string(),
    })
}
