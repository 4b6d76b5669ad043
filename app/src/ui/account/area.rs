use crate::domain::{HostRole, Role};
use crate::i18n::{Msg, fill};
use crate::ui::{page, response, tr};
use leptos::prelude::*;
use leptos_meta::Title;

pub fn role_label(role: Role) -> Msg {
    match role {
        Role::Admin => Msg::RoleAdmin,
        Role::Coordinator => Msg::RoleCoordinator,
        Role::Host {
            role: HostRole::Lead,
            ..
        } => Msg::RoleHostLead,
        Role::Host {
            role: HostRole::Mentor,
            ..
        } => Msg::RoleHostMentor,
        Role::Host {
            role: HostRole::Hr, ..
        } => Msg::RoleHostHr,
        Role::Reviewer { .. } => Msg::RoleReviewer,
    }
}

/// `/espace`: the home of whoever is signed in (anonymous visitors are
/// sent to sign in): the open calls for applications and the person's
/// dossiers with their state, the organisations they belong to with their
/// défis, their roles and what those let them open.
#[component]
pub fn AreaPage() -> impl IntoView {
    use crate::ui::Loaded;
    let Some(viewer) = page().viewer else {
        response::redirect("/connexion");
        return ().into_any();
    };
    let area = Resource::new_blocking(|| (), |_| crate::api::area::my_area());
    let can = page().can;
    let (admin, outbox) = (can.list_users, can.view_outbox);
    let roles = viewer.roles.clone();
    view! {
        <Title text=tr(Msg::AreaTitle)/>
        <h1>{fill(tr(Msg::Hello), &[("name", &viewer.name)])}</h1>
        <Loaded resource=area ok=|a| view! { <Calls calls=a.calls/> <Organisations organisations=a.organisations/> }/>
        <h2>{tr(Msg::YourRoles)}</h2>
        {if roles.is_empty() {
            view! { <p>{tr(Msg::NoRolesYet)}</p> }.into_any()
        } else {
            view! { <ul>{roles.into_iter().map(|r| view! { <li>{tr(role_label(r))}</li> }).collect_view()}</ul> }.into_any()
        }}
        <ul class="actions-list">
            <li><a href="/espace/entretiens">{tr(Msg::MyInterviewsLink)}</a></li>
            <li><a href="/espace/propositions">{tr(Msg::MyOffersTitle)}</a></li>
            <li><a href="/espace/donnees">{tr(Msg::AreaMyDataLink)}</a></li>
            {admin.then(|| view! { <li><a href="/admin/utilisateurs">{tr(Msg::AreaAdminLink)}</a></li> })}
            {outbox.then(|| view! { <li><a href="/coordination/courriels">{tr(Msg::AreaOutboxLink)}</a></li> })}
        </ul>
    }
    .into_any()
}

/// The open calls, each with the person's dossier and its state or the
/// way to start one; then their dossiers in calls that are closed.
#[component]
fn Calls(calls: Vec<crate::model::application::OpenCallView>) -> impl IntoView {
    let (open, closed): (Vec<_>, Vec<_>) = calls.into_iter().partition(|c| c.open);
    let line = |c: crate::model::application::OpenCallView| {
        let closes = fill(
            tr(if c.open {
                Msg::CallClosesAt
            } else {
                Msg::CallClosedAt
            }),
            &[("deadline", &c.closes)],
        );
        view! {
            <li>
                <strong>{c.promotion_name}</strong> " — " {closes}
                <br/>
                {match c.application {
                    Some((id, state)) => view! {
                        {tr(Msg::AreaYourDossier)} " " <strong>{tr(state.label())}</strong> " — "
                        <a href=format!("/candidature/{id}")>{tr(Msg::OpenMyApplication)}</a>
                    }.into_any(),
                    None => view! {
                        <a href="/candidature">{tr(Msg::StartApplicationButton)}</a>
                    }.into_any(),
                }}
            </li>
        }
    };
    view! {
        <h2>{tr(Msg::AreaCallsTitle)}</h2>
        {if open.is_empty() {
            view! { <p>{tr(Msg::AreaNoOpenCall)}</p> }.into_any()
        } else {
            view! { <ul class="area-list">{open.into_iter().map(line).collect_view()}</ul> }.into_any()
        }}
        {(!closed.is_empty()).then(|| view! {
            <h2>{tr(Msg::AreaPastApplications)}</h2>
            <ul class="area-list">{closed.into_iter().map(line).collect_view()}</ul>
        })}
    }
}

/// The person's organisations and their défis, or how to register one.
#[component]
fn Organisations(
    organisations: Vec<(
        crate::model::organisation::OrganisationView,
        Vec<crate::model::defi::DefiRow>,
    )>,
) -> impl IntoView {
    view! {
        <h2>{tr(Msg::AreaHostTitle)}</h2>
        {if organisations.is_empty() {
            view! { <p>{tr(Msg::AreaHostHint)} " " <a href="/organisation">{tr(Msg::AreaHostLink)}</a></p> }.into_any()
        } else {
            organisations.into_iter().map(|(o, defis)| view! {
                <h3><a href=format!("/organisation/{}", o.id)>{o.name}</a></h3>
                {if defis.is_empty() {
                    view! { <p>{tr(Msg::AreaNoDefiYet)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="area-list">
                            {defis.into_iter().map(|d| view! {
                                <li>
                                    <a href=format!("/organisation/defis/{}", d.id)>{d.title}</a>
                                    " — " {d.promotion_name} " — " <strong>{tr(d.state.label())}</strong>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }).collect_view().into_any()
        }}
    }
}
