//! Host organisations: registration (the person becomes its lead),
//! invitations by email, members, coordinators' corrections.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, accounts::locale_of, admin::insert_grant, defis, tokens, users};
use crate::domain::organisation::{OrgKind, OrganisationDraft};
use crate::domain::promotion::paris_display;
use crate::domain::{Email, HostRole, Role};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::organisation::{
    InvitationPreview, InvitationView, MemberView, OpenCall, OrganisationPage, OrganisationView,
};
use crate::server::AppState;
use crate::server::db::{invitation, organisation, role_grant, user};
use crate::server::mail::MailTemplate;
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;

pub const INVITATION_DAYS: i64 = 7;

pub fn view(m: &organisation::Model) -> OrganisationView {
    OrganisationView {
        id: m.id,
        name: m.name.clone(),
        kind: OrgKind::from_code(&m.kind).unwrap_or(OrgKind::Other),
        city: m.city.clone(),
    }
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<organisation::Model, AppError> {
    crate::server::service::row::<organisation::Entity, _>(db, id).await
}

/// Inserts the organisation of `d`, audited as `action`.
async fn insert(
    txn: &Txn<'_>,
    d: &OrganisationDraft,
    action: AuditAction,
) -> Result<organisation::Model, AppError> {
    let now = Utc::now();
    let o = organisation::ActiveModel {
        name: Set(d.name.clone()),
        kind: Set(d.kind.code().to_owned()),
        city: Set(d.city.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    txn.audit(
        action,
        Target::Organisation(o.id),
        json!({ "name": d.name, "kind": d.kind.code(), "city": d.city }),
    )
    .await?;
    Ok(o)
}

/// Registers an organisation; `lead` becomes its lead.
pub async fn register(
    db: &DatabaseConnection,
    origin: &Origin,
    lead: i64,
    d: &OrganisationDraft,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    if super::taken::<organisation::Entity, _>(&txn, organisation::Column::Name, &d.name, None)
        .await?
    {
        return Err(AppError::field("name", Msg::OrgNameTaken));
    }
    let o = insert(&txn, d, AuditAction::OrganisationRegistered).await?;
    let role = Role::Host {
        organisation: o.id,
        role: HostRole::Lead,
    };
    insert_grant(&txn, origin, lead, role).await?;
    txn.commit().await?;
    Ok(o.id)
}

/// Coordinators correct an organisation's name, kind or city.
pub async fn update(
    db: &DatabaseConnection,
    origin: &Origin,
    id: i64,
    d: &OrganisationDraft,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let current = find(&txn, id).await?;
    if super::taken::<organisation::Entity, _>(&txn, organisation::Column::Name, &d.name, Some(id))
        .await?
    {
        return Err(AppError::field("name", Msg::OrgNameTaken));
    }
    let before = view(&current);
    let mut row: organisation::ActiveModel = current.into();
    row.name = Set(d.name.clone());
    row.kind = Set(d.kind.code().to_owned());
    row.city = Set(d.city.clone());
    row.updated_at = Set(Utc::now());
    row.update(&txn).await?;
    txn.finish(
        AuditAction::OrganisationUpdated,
        Target::Organisation(id),
        json!({
            "before": { "name": before.name, "kind": before.kind.code(), "city": before.city },
            "after": { "name": d.name, "kind": d.kind.code(), "city": d.city },
        }),
    )
    .await?;
    super::catalogue::changed();
    Ok(())
}

/// Every organisation, by name (coordinators).
pub async fn list_all<C: ConnectionTrait>(db: &C) -> Result<Vec<OrganisationView>, AppError> {
    by_name(db, organisation::Entity::find()).await
}

/// The organisations `query` finds, by name.
async fn by_name<C: ConnectionTrait>(
    db: &C,
    query: sea_orm::Select<organisation::Entity>,
) -> Result<Vec<OrganisationView>, AppError> {
    let found = query
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    Ok(found.iter().map(view).collect())
}

/// The organisations `roles` give access to, by name.
pub async fn of_roles<C: ConnectionTrait>(
    db: &C,
    roles: &[Role],
) -> Result<Vec<OrganisationView>, AppError> {
    let ids: Vec<i64> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Host { organisation, .. } => Some(*organisation),
            _ => None,
        })
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    by_name(
        db,
        organisation::Entity::find().filter(organisation::Column::Id.is_in(ids)),
    )
    .await
}

/// Members with their strongest role, by name.
pub async fn members<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Vec<(user::Model, HostRole)>, AppError> {
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::ScopeId.eq(id))
        .filter(role_grant::Column::Role.is_in(["host_lead", "host_mentor", "host_hr"]))
        .all(db)
        .await?;
    let ids: Vec<i64> = grants.iter().map(|g| g.user_id).collect();
    let mut people = super::by_ids::<user::Entity, _>(db, user::Column::Id, ids, |u| u.id).await?;
    let mut out: Vec<(user::Model, HostRole)> = Vec::new();
    for g in grants {
        let Some(Role::Host { role, .. }) = Role::from_parts(&g.role, g.scope_id) else {
            continue;
        };
        if let Some(existing) = out.iter_mut().find(|(u, _)| u.id == g.user_id) {
            if role == HostRole::Lead {
                existing.1 = role;
            }
            continue;
        }
        if let Some(u) = people.remove(&g.user_id) {
            out.push((u, role));
        }
    }
    out.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok(out)
}

/// Promotions whose call for défis is open now.
pub async fn open_calls<C: ConnectionTrait>(db: &C) -> Result<Vec<OpenCall>, AppError> {
    use super::promotions::{Call, open_now};
    Ok(open_now(db, Call::Defis)
        .await?
        .into_iter()
        .map(|p| OpenCall {
            promotion_id: p.id,
            promotion_name: p.name,
            closes: paris_display(p.defis_close_at),
        })
        .collect())
}

/// The organisation's page; `member` says whether the viewer belongs to it
/// (coordinators do not see its drafts).
pub async fn page<C: ConnectionTrait>(
    db: &C,
    id: i64,
    member: bool,
    may_invite: bool,
) -> Result<OrganisationPage, AppError> {
    let o = find(db, id).await?;
    let members = members(db, id).await?;
    let leads = members.iter().filter(|(_, r)| *r == HostRole::Lead).count();
    let members = members
        .into_iter()
        .map(|(u, role)| MemberView {
            removable: role != HostRole::Lead || leads > 1,
            user_id: u.id,
            name: u.name,
            email: u.email,
            role,
        })
        .collect();
    let now = Utc::now();
    let invitations = invitation::Entity::find()
        .filter(invitation::Column::OrganisationId.eq(id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .order_by_asc(invitation::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|i| InvitationView {
            id: i.id,
            email: i.email,
            role: HostRole::from_code(&i.role).unwrap_or(HostRole::Mentor),
            expires: paris_display(i.expires_at),
        })
        .collect();
    let rows = defis::rows_of_organisation(db, id, member).await?;
    Ok(OrganisationPage {
        organisation: view(&o),
        members,
        invitations,
        interest: if member {
            Some(defis::interest(db, &rows).await?)
        } else {
            None
        },
        defis: rows,
        open_calls: if member {
            open_calls(db).await?
        } else {
            Vec::new()
        },
        teams: if member {
            super::milestones::teams_of_organisation(db, id).await?
        } else {
            Vec::new()
        },
        may_invite,
    })
}

/// Invites `email` to join with `role`; a new invitation to the same address
/// replaces a pending one.
pub async fn invite(
    state: &AppState,
    origin: &Origin,
    id: i64,
    email: &Email,
    role: HostRole,
    inviter: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let o = find(&txn, id).await?;
    if members(&txn, id)
        .await?
        .iter()
        .any(|(u, _)| u.email == email.as_str())
    {
        return Err(AppError::field("email", Msg::AlreadyMember));
    }
    send_invitation(
        state,
        &txn,
        Joins::Organisation {
            id,
            name: &o.name,
            role,
        },
        email,
        inviter,
        locale,
    )
    .await?;
    txn.finish(
        AuditAction::OrganisationMemberInvited,
        Target::Organisation(id),
        json!({ "email": email.as_str(), "role": role.code() }),
    )
    .await?;
    Ok(())
}

/// Where an invitation leads.
pub(crate) enum Joins<'a> {
    /// An organisation, with a host role.
    Organisation {
        id: i64,
        name: &'a str,
        role: HostRole,
    },
    /// A promotion's jury (role `reviewer`).
    Jury { promotion: i64, name: &'a str },
}

/// Invites `email` (a new invitation to the same place replaces a pending
/// one) and queues the email with its single-use link, in the invitee's
/// language when they have an account, else the inviter's.
pub(crate) async fn send_invitation(
    state: &AppState,
    txn: &Txn<'_>,
    joins: Joins<'_>,
    email: &Email,
    inviter: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let (organisation, promotion, role) = match &joins {
        Joins::Organisation { id, role, .. } => (*id, None, role.code()),
        // A juror's invitation has no organisation (0).
        Joins::Jury { promotion, .. } => (0, Some(*promotion), "reviewer"),
    };
    let mut pending = invitation::Entity::delete_many()
        .filter(invitation::Column::Email.eq(email.as_str()))
        .filter(invitation::Column::AcceptedAt.is_null());
    pending = match promotion {
        Some(p) => pending.filter(invitation::Column::PromotionId.eq(p)),
        None => pending.filter(invitation::Column::OrganisationId.eq(organisation)),
    };
    pending.exec(txn).await?;
    let token = tokens::random_secret(32);
    let now = Utc::now();
    invitation::ActiveModel {
        organisation_id: Set(organisation),
        promotion_id: Set(promotion),
        email: Set(email.as_str().to_owned()),
        role: Set(role.to_owned()),
        token_hash: Set(tokens::digest(&token)),
        invited_by: Set(txn.origin().actor_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(INVITATION_DAYS)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let locale = users::by_email(txn, email.as_str())
        .await?
        .map(|u| locale_of(&u))
        .unwrap_or(locale);
    let (place, role) = match joins {
        Joins::Organisation { name, role, .. } => (name.to_owned(), locale.t(role.label())),
        Joins::Jury { name, .. } => (
            locale.fill(locale.t(Msg::JuryOf), &[("promotion", name)]),
            locale.t(Msg::RoleReviewer),
        ),
    };
    txn.queue(
        MailTemplate::Invitation,
        locale,
        email.as_str(),
        json!({
            "inviter": inviter,
            "organisation": place,
            "role": role,
            "link": state.link(&format!("/invitation?jeton={token}")),
        }),
    )
    .await
}

async fn pending<C: ConnectionTrait>(db: &C, token: &str) -> Result<invitation::Model, AppError> {
    invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(tokens::digest(token.trim())))
        .one(db)
        .await?
        .filter(|i| i.accepted_at.is_none() && i.expires_at > Utc::now())
        .ok_or(AppError::Refused(Msg::InvitationInvalid))
}

pub async fn preview<C: ConnectionTrait>(
    db: &C,
    token: &str,
    locale: Locale,
) -> Result<InvitationPreview, AppError> {
    let i = pending(db, token).await?;
    if let Some(p) = i.promotion_id {
        let p = crate::server::db::promotion::Entity::find_by_id(p)
            .one(db)
            .await?
            .ok_or(AppError::Refused(Msg::InvitationInvalid))?;
        return Ok(InvitationPreview {
            organisation: locale.fill(locale.t(Msg::JuryOf), &[("promotion", &p.name)]),
            role: HostRole::Mentor,
            juror: true,
            email: i.email,
        });
    }
    let o = find(db, i.organisation_id).await?;
    Ok(InvitationPreview {
        organisation: o.name,
        role: HostRole::from_code(&i.role).unwrap_or(HostRole::Mentor),
        juror: false,
        email: i.email,
    })
}

/// The signed-in person joins with the invitation's role (an
/// organisation's, or a promotion's jury). The link must be opened by the
/// account of the invited address (a forwarded link does not let someone
/// else in); it works once. Returns the page to go to.
pub async fn accept(
    db: &DatabaseConnection,
    origin: &Origin,
    token: &str,
    user: &crate::model::user::Viewer,
) -> Result<String, AppError> {
    let txn = Txn::begin(db, origin).await?;
    let i = pending(&txn, token).await?;
    if !i.email.eq_ignore_ascii_case(&user.email) {
        return Err(AppError::Refused(Msg::InvitationOtherEmail));
    }
    if let Some(promotion) = i.promotion_id {
        spend(&txn, &i, user.id).await?;
        super::review::jurors::join(&txn, promotion, user.id).await?;
        txn.commit().await?;
        return Ok("/jury".to_owned());
    }
    let role = Role::Host {
        organisation: i.organisation_id,
        role: HostRole::from_code(&i.role).unwrap_or(HostRole::Mentor),
    };
    let org = i.organisation_id;
    spend(&txn, &i, user.id).await?;
    if !users::roles_of(&txn, user.id).await?.contains(&role) {
        insert_grant(&txn, origin, user.id, role).await?;
    }
    txn.finish(
        AuditAction::OrganisationInvitationAccepted,
        Target::Organisation(org),
        json!({ "invited": i.email, "user": user.id }),
    )
    .await?;
    Ok(format!("/organisation/{org}"))
}

/// Spends an invitation, at most once even under two simultaneous
/// requests.
async fn spend(txn: &Txn<'_>, i: &invitation::Model, user: i64) -> Result<(), AppError> {
    let spent = invitation::Entity::update_many()
        .col_expr(invitation::Column::AcceptedAt, Expr::value(Utc::now()))
        .col_expr(invitation::Column::AcceptedBy, Expr::value(user))
        .filter(invitation::Column::Id.eq(i.id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(txn)
        .await?;
    if spent.rows_affected != 1 {
        return Err(AppError::Refused(Msg::InvitationInvalid));
    }
    Ok(())
}

/// Finds an organisation by name or creates it without members (demo seed);
/// returns its id.
pub async fn ensure(
    db: &DatabaseConnection,
    origin: &Origin,
    d: &OrganisationDraft,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    if let Some(o) = organisation::Entity::find()
        .filter(organisation::Column::Name.eq(&d.name))
        .one(&txn)
        .await?
    {
        return Ok(o.id);
    }
    let o = insert(&txn, d, AuditAction::OrganisationCreated).await?;
    txn.commit().await?;
    Ok(o.id)
}
