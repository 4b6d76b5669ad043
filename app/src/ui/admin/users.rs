//! `/admin/utilisateurs`: find a person, grant or revoke instance roles,
//! disable or re-enable the account. Each action is its own small form.

use crate::api::admin::{GrantRole, RevokeRole, SetAccountDisabled, list_users};
use crate::domain::role::GRANTABLE_BY_ADMIN;
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::user::{AccountStatus, UserRow};
use crate::ui::Heading;
use crate::ui::Loaded;
use crate::ui::account::area::role_label;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{page, tr};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn status_label(s: AccountStatus) -> Msg {
    match s {
        AccountStatus::Active => Msg::StatusActive,
        AccountStatus::Unverified => Msg::StatusUnverified,
        AccountStatus::Disabled => Msg::StatusDisabled,
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let q = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    let users = Resource::new_blocking(move || q.clone(), list_users);
    let grant = ServerAction::<GrantRole>::new();
    let revoke = ServerAction::<RevokeRole>::new();
    let disable = ServerAction::<SetAccountDisabled>::new();
    let error = action_error(grant)
        .or_else(|| action_error(revoke))
        .or_else(|| action_error(disable));
    let self_id = page().viewer.map(|v| v.id);
    let query = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    view! {
        <Loaded resource=users ok=move |rows| view! {
            <UsersTable rows query=query.clone() error=error.clone() self_id grant revoke disable/>
        }/>
    }
}

#[component]
fn UsersTable(
    rows: Vec<UserRow>,
    query: String,
    error: Option<AppError>,
    self_id: Option<i64>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeRole>,
    disable: ServerAction<SetAccountDisabled>,
) -> impl IntoView {
    let count = rows.len().to_string();
    view! {
        <Heading msg=Msg::UsersTitle/>
        <ErrorSummary error=error/>
        <form method="get" action="/admin/utilisateurs" class="search-form" role="search">
            <label for="recherche">{tr(Msg::UsersSearch)}</label>
            <input id="recherche" name="q" type="search" value=query/>
            <button type="submit" class="secondary">{tr(Msg::UsersSearchSubmit)}</button>
        </form>
        <p>{crate::ui::say(Msg::UsersCount, &[("count", &count)])}</p>
        {if rows.is_empty() {
            view! { <p>{tr(Msg::UsersNone)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(Msg::UsersTitle).to_owned()
                    columns=vec![Msg::ColName, Msg::ColEmail, Msg::ColStatus, Msg::ColRoles, Msg::ColActions]>
                        {rows.into_iter().map(|u| view! {
                    <UserRowView user=u self_id grant revoke disable/>
                        }).collect_view()}
                    </DataTable>
            }.into_any()
        }}
    }
}

#[component]
fn UserRowView(
    user: UserRow,
    self_id: Option<i64>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeRole>,
    disable: ServerAction<SetAccountDisabled>,
) -> impl IntoView {
    let is_self = self_id == Some(user.id);
    let id = user.id.to_string();
    let name = user.name.clone();
    let missing: Vec<_> = GRANTABLE_BY_ADMIN
        .iter()
        .copied()
        .filter(|r| !user.roles.contains(r))
        .collect();
    let select_id = format!("role-{}", user.id);
    let disabled = user.status == AccountStatus::Disabled;
    view! {
        <tr>
            <th scope="row">{user.name.clone()}</th>
            <td>{user.email.clone()}</td>
            <td>{tr(status_label(user.status))}</td>
            <td>
                <ul class="role-list">
                    {user.roles.iter().copied().map(|r| {
                        let id = id.clone();
                        let name = name.clone();
                        let revocable = !is_self && GRANTABLE_BY_ADMIN.contains(&r);
                        let label = tr(role_label(r));
                        view! {
                            <li>
                                {label}
                                {revocable.then(|| view! {
                                    <ActionForm action=revoke>
                                        <input type="hidden" name="user_id" value=id.clone()/>
                                        <input type="hidden" name="role" value=r.code()/>
                                        <button type="submit" class="link-button small"
                                            aria-label=fill(tr(Msg::Revoke), &[("role", label), ("name", &name)])>"✕"</button>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </td>
            <td>
                {(!is_self && !missing.is_empty()).then(|| { let id = id.clone(); let name = name.clone(); view! {
                    <ActionForm action=grant>
                        <input type="hidden" name="user_id" value=id.clone()/>
                        <label for=select_id.clone() class="visually-hidden">{fill(tr(Msg::GrantRole), &[("name", &name)])}</label>
                        <select id=select_id.clone() name="role">
                            {missing.iter().map(|r| view! { <option value=r.code()>{tr(role_label(*r))}</option> }).collect_view()}
                        </select>
                        <button type="submit" class="secondary small">{tr(Msg::Grant)}</button>
                    </ActionForm>
                }})}
                {(!is_self).then(|| view! {
                    <ActionForm action=disable>
                        <input type="hidden" name="user_id" value=id.clone()/>
                        <input type="hidden" name="disabled" value=if disabled { "0" } else { "1" }/>
                        <button type="submit" class="secondary small">
                            {fill(tr(if disabled { Msg::Enable } else { Msg::Disable }), &[("name", &name)])}
                        </button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
