//! `/equipes/{défi}`: a défi's team — its fellows with their profiles and
//! contacts, the host's people, the mission's dates. For its fellows, the
//! members of its organisation and coordinators.

use crate::api::formation::get_team_page;
use crate::i18n::Msg;
use crate::model::formation::TeamPage;
use crate::ui::table::DataTable;
use crate::ui::{Heading, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn TeamPage() -> impl IntoView {
    view! {
        <Heading msg=Msg::TeamTitle/>
        {loaded_row(page().viewer.is_some(), get_team_page, |t| view! { <Team t/> })}
    }
}

#[component]
fn Team(t: TeamPage) -> impl IntoView {
    let follow = view! { <super::follow::FollowUpSection defi=t.defi_id f=t.follow.clone()/> };
    let public_only = t.follow.public_only;
    let fellows = t
        .fellows
        .iter()
        .map(|(name, profile, email, state)| view! {
            <tr><td>{name.clone()}</td><td>{profile.clone()}</td><td>{(!email.is_empty()).then(|| view! { <a href=format!("mailto:{email}")>{email.clone()}</a> })}</td><td>{state.clone()}</td></tr>
        })
        .collect_view();
    view! {
        <p class="lead">{t.title.clone()}</p>
        <p>{say(Msg::TeamMeta, &[("organisation", &t.organisation), ("promotion", &t.promotion), ("start", &t.starts_on), ("end", &t.ends_on)])}</p>
        <p>{if t.complete { tr(Msg::TeamComplete).to_owned() } else { say(Msg::TeamIncomplete, &[("held", &t.fellows.len().to_string()), ("seats", &t.seats.to_string())]) }}</p>
        <h2>{tr(Msg::FellowsTitle)}</h2>
        {if t.fellows.is_empty() {
            view! { <p>{tr(Msg::NoFellowYet)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(Msg::FellowsTitle).to_owned() focusable=true columns=vec![Msg::ColName, Msg::ColProfile, Msg::ColEmail, Msg::ColState]>
                    {fellows}
                </DataTable>
            }.into_any()
        }}
        {(!public_only).then(|| view! { <HostPeople t=t.clone()/> })}
        {follow}
    }
}

#[component]
fn HostPeople(t: TeamPage) -> impl IntoView {
    let hosts = t
        .hosts
        .iter()
        .map(|(name, role, email)| view! {
            <tr><td>{name.clone()}</td><td>{role.clone()}</td><td><a href=format!("mailto:{email}")>{email.clone()}</a></td></tr>
        })
        .collect_view();
    view! {
        <h2>{tr(Msg::HostPeopleTitle)}</h2>
        <p>{say(Msg::LeadsAndMentor, &[("leads", &t.leads), ("mentor", &t.mentor)])}</p>
        {if t.hosts.is_empty() {
            view! { <p>{tr(Msg::NoHostMemberYet)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(Msg::HostPeopleTitle).to_owned() focusable=true columns=vec![Msg::ColName, Msg::ColRole, Msg::ColEmail]>
                    {hosts}
                </DataTable>
            }.into_any()
        }}
    }
}
