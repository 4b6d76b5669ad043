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

/// `/espace`: the home of whoever is signed in; anonymous visitors are sent
/// to sign in.
#[component]
pub fn AreaPage() -> impl IntoView {
    let Some(viewer) = page().viewer else {
        response::redirect("/connexion");
        return ().into_any();
    };
    let can = page().can;
    let (admin, outbox) = (can.list_users, can.view_outbox);
    let roles = viewer.roles.clone();
    view! {
        <Title text=tr(Msg::AreaTitle)/>
        <h1>{fill(tr(Msg::Hello), &[("name", &viewer.name)])}</h1>
        <h2>{tr(Msg::YourRoles)}</h2>
        {if roles.is_empty() {
            view! { <p>{tr(Msg::NoRolesYet)}</p> }.into_any()
        } else {
            view! { <ul>{roles.into_iter().map(|r| view! { <li>{tr(role_label(r))}</li> }).collect_view()}</ul> }.into_any()
        }}
        <p>{tr(Msg::AreaApplicantHint)}</p>
        <p><a href="/espace/donnees">{tr(Msg::AreaMyDataLink)}</a></p>
        <h2>{tr(Msg::AreaHostTitle)}</h2>
        <p>{tr(Msg::AreaHostHint)} " " <a href="/organisation">{tr(Msg::AreaHostLink)}</a></p>
        {(admin || outbox).then(|| view! {
            <ul class="actions-list">
                {admin.then(|| view! { <li><a href="/admin/utilisateurs">{tr(Msg::AreaAdminLink)}</a></li> })}
                {outbox.then(|| view! { <li><a href="/coordination/courriels">{tr(Msg::AreaOutboxLink)}</a></li> })}
            </ul>
        })}
    }
    .into_any()
}
