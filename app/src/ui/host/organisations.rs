//! `/organisation` (my organisations, register one), `/organisation/{id}`
//! (défis, members, invitations) and `/invitation?jeton=…`.

use crate::api::defis::CreateDefi;
use crate::api::organisations::{
    AcceptInvitation, CancelInvitation, InviteMember, RegisterOrganisation, RemoveMember,
    get_invitation_preview, get_organisation_page, my_organisations,
};
use crate::domain::HostRole;
use crate::domain::organisation::{OrgKind, OrganisationForm};
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::defi::DefiRow;
use crate::model::organisation::OrganisationPage;
use crate::ui::Heading;
use crate::ui::Loaded;
use crate::ui::form::{ErrorSummary, Field, SelectField, action_error, declared_sections};
use crate::ui::gated;
use crate::ui::loaded_row;
use crate::ui::table::DataTable;
use crate::ui::{kept, page, query, say, tr};
use leptos::prelude::*;
use leptos_meta::Title;

pub fn kind_options() -> Vec<(String, String)> {
    crate::ui::form::choose_options(OrgKind::ALL.into_iter().map(|k| (k.code(), k.label())))
}

/// The organisation fields, shared with the coordinators' correction form.
#[component]
pub fn OrganisationFields(form: OrganisationForm, error: Option<AppError>) -> impl IntoView {
    declared_sections(&form, error.as_ref(), &|_| Vec::new(), &|_| None)
}

#[component]
pub fn MyOrganisationsPage() -> impl IntoView {
    gated(page().viewer.is_some(), || {
        let mine = Resource::new_blocking(|| (), |_| my_organisations());
        let action = ServerAction::<RegisterOrganisation>::new();
        let error = action_error(action);
        let form = OrganisationForm::from_fields(kept);
        view! {
            <Heading msg=Msg::MyOrganisationsTitle/>
            <Loaded resource=mine ok=|list| if list.is_empty() {
                view! { <p>{tr(Msg::NoOrganisationYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list">
                        {list.into_iter().map(|o| view! {
                            <li><a href=format!("/organisation/{}", o.id)>{o.name.clone()}</a>
                                " — " {tr(o.kind.label())} ", " {o.city.clone()}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }/>
            <h2>{tr(Msg::RegisterOrganisationTitle)}</h2>
            <p>{tr(Msg::RegisterOrganisationIntro)}</p>
            <ErrorSummary error=error.clone() labels={<OrganisationForm as crate::domain::form::Declared>::label_of}/>
            <ActionForm action=action>
                <OrganisationFields form error/>
                <button type="submit">{tr(Msg::RegisterOrganisationSubmit)}</button>
            </ActionForm>
        }
        .into_any()
    })
}

#[component]
pub fn OrganisationHomePage() -> impl IntoView {
    loaded_row(
        page().viewer.is_some(),
        get_organisation_page,
        |p| view! { <OrganisationView p/> },
    )
}

#[component]
fn OrganisationView(p: OrganisationPage) -> impl IntoView {
    let o = p.organisation.clone();
    let invite = ServerAction::<InviteMember>::new();
    let invite_error = action_error(invite);
    let remove = ServerAction::<RemoveMember>::new();
    let remove_error = action_error(remove);
    let cancel = ServerAction::<CancelInvitation>::new();
    let may_manage = p.may_invite;
    let create = ServerAction::<CreateDefi>::new();
    let create_error = action_error(create);
    let email_error = invite_error.as_ref().and_then(|e| e.for_field("email"));
    let role_error = invite_error.as_ref().and_then(|e| e.for_field("role"));
    let org_id = o.id;
    let role_options =
        crate::ui::form::choose_options(HostRole::ALL.into_iter().map(|r| (r.code(), r.label())));
    view! {
        <Title text=o.name.clone()/>
        <h1>{o.name.clone()}</h1>
        <p class="lead">{tr(o.kind.label())} " — " {o.city.clone()}</p>

        <h2>{tr(Msg::OrgDefisTitle)}</h2>
        <ErrorSummary error=create_error prefix="defi-"/>
        {if p.open_calls.is_empty() {
            view! { <p>{tr(Msg::NoOpenCallForDefis)}</p> }.into_any()
        } else {
            p.open_calls.clone().into_iter().map(|c| {
                let label = fill(tr(Msg::ProposeDefi), &[("promotion", &c.promotion_name), ("deadline", &c.closes)]);
                let promotion = c.promotion_id.to_string();
                view! {
                    <ActionForm action=create attr:class="inline-form">
                        <input type="hidden" name="organisation" value=org_id.to_string()/>
                        <input type="hidden" name="promotion" value=promotion/>
                        <button type="submit">{label}</button>
                    </ActionForm>
                }
            }).collect_view().into_any()
        }}
        <DefiRows rows=p.defis.clone() href_prefix="/organisation/defis/" interest=p.interest.clone()/>
        {(!p.teams.is_empty()).then(|| view! {
            <h2>{tr(Msg::OrgTeamsTitle)}</h2>
            <ul>
                {p.teams.iter().map(|(id, title, promotion)| view! {
                    <li><a href=format!("/equipes/{id}")>{say(Msg::TeamOf, &[("defi", title), ("promotion", promotion)])}</a></li>
                }).collect_view()}
            </ul>
        })}

        <h2>{tr(Msg::MembersTitle)}</h2>
        <ErrorSummary error=remove_error prefix="membre-"/>
        <DataTable caption=tr(Msg::MembersTitle).to_owned()
            columns=[Msg::ColName, Msg::ColEmail, Msg::ColRole].into_iter().chain(may_manage.then_some(Msg::ColActions)).collect()>
            {p.members.clone().into_iter().map(|m| {
                let user = m.user_id.to_string();
                let label = fill(tr(Msg::RemoveMember), &[("name", &m.name)]);
                view! {
                    <tr>
                        <th scope="row">{m.name}</th><td>{m.email}</td><td>{tr(m.role.label())}</td>
                        {may_manage.then(move || view! {
                            <td>
                                {m.removable.then(|| view! {
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="organisation" value=org_id.to_string()/>
                                    <input type="hidden" name="user" value=user/>
                                    <button type="submit" class="secondary">{label}</button>
                                </ActionForm>
                                })}
                            </td>
                        })}
                    </tr>
                }
            }).collect_view()}
        </DataTable>
        {(!p.invitations.is_empty()).then(|| view! {
            <h3>{tr(Msg::PendingInvitations)}</h3>
            <ul>
                {p.invitations.clone().into_iter().map(|i| {
                    let line = fill(tr(Msg::InvitationLine), &[("email", &i.email), ("role", tr(i.role.label())), ("until", &i.expires)]);
                    let label = fill(tr(Msg::CancelInvitation), &[("email", &i.email)]);
                    let id = i.id.to_string();
                    view! {
                        <li>
                            {line}
                            {may_manage.then(move || view! {
                                " "
                                <ActionForm action=cancel attr:class="inline-form">
                                    <input type="hidden" name="organisation" value=org_id.to_string()/>
                                    <input type="hidden" name="invitation" value=id/>
                                    <button type="submit" class="secondary">{label}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        {p.may_invite.then(|| view! {
            <h3>{tr(Msg::InviteTitle)}</h3>
            <p>{tr(Msg::InviteIntro)}</p>
            <ErrorSummary error=invite_error.clone()/>
            <ActionForm action=invite>
                <input type="hidden" name="organisation" value=org_id.to_string()/>
                <Field name="email" label=Msg::FieldEmail kind="email" required=true
                    value=kept("email").unwrap_or_default() error=email_error autocomplete="off"/>
                <SelectField name="role" label=Msg::FieldHostRole options=role_options.clone()
                    value=kept("role").unwrap_or_default() required=true error=role_error/>
                <button type="submit">{tr(Msg::InviteSubmit)}</button>
            </ActionForm>
        })}
    }
}

/// A table of défis with their state, linking to `href_prefix{id}`; with
/// `interest`, how many submitted dossiers ranked each published one.
#[component]
pub fn DefiRows(
    rows: Vec<DefiRow>,
    href_prefix: &'static str,
    #[prop(optional_no_strip)] interest: Option<Vec<(i64, u32)>>,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{tr(Msg::NoDefiYet)}</p> }.into_any();
    }
    let mut columns = vec![Msg::ColTitle, Msg::ColPromotion, Msg::ColState];
    if interest.is_some() {
        columns.push(Msg::ColInterest);
    }
    view! {
        <DataTable caption=tr(Msg::OrgDefisTitle).to_owned() columns>
            {rows.into_iter().map(|r| {
                let title = if r.title.is_empty() { tr(Msg::UntitledDefi).to_owned() } else { r.title.clone() };
                let count = interest.as_ref().map(|counts| {
                    counts.iter().find(|(id, _)| *id == r.id).map_or_else(
                        || tr(Msg::NotPublishedYet).to_owned(),
                        |(_, n)| crate::ui::say(Msg::InterestCount, &[("count", &n.to_string())]),
                    )
                });
                view! {
                    <tr>
                        <th scope="row"><a href=format!("{href_prefix}{}", r.id)>{title}</a></th>
                        <td>{r.promotion_name.clone()}</td>
                        <td>{tr(r.state.label())}{r.published.then(|| format!(" · {}", tr(Msg::Published)))}</td>
                        {count.map(|c| view! { <td>{c}</td> })}
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// `/invitation?jeton=…`: who invites, to what; sign in first if needed.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = query("jeton").unwrap_or_default();
    let signed_in = page().viewer.is_some();
    let preview = Resource::new_blocking(
        {
            let token = token.clone();
            move || token.clone()
        },
        get_invitation_preview,
    );
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = action_error(accept);
    view! {
        <Heading msg=Msg::InvitationTitle/>
        <ErrorSummary error=error/>
        <Suspense fallback=|| ()>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match preview.await {
                        Ok(p) => {
                            let role = if p.juror { tr(Msg::RoleReviewer) } else { tr(p.role.label()) };
                            let what = fill(tr(Msg::InvitationBody), &[("organisation", &p.organisation), ("role", role), ("email", &p.email)]);
                            if signed_in {
                                view! {
                                    <p>{what}</p>
                                    <ActionForm action=accept>
                                        <input type="hidden" name="token" value=token/>
                                        <button type="submit">{tr(if p.juror { Msg::JoinJury } else { Msg::InvitationAccept })}</button>
                                    </ActionForm>
                                }.into_any()
                            } else {
                                // Back to this invitation after signing in or up.
                                let back = crate::domain::next::query(Some(&page().path));
                                view! {
                                    <p>{what}</p>
                                    <p>{tr(Msg::InvitationSignInFirst)}</p>
                                    <p>
                                        <a class="button" href=format!("/connexion{back}")>{tr(Msg::SignIn)}</a>
                                        " "
                                        <a class="button secondary" href=format!("/inscription{back}")>{tr(Msg::SignUp)}</a>
                                    </p>
                                }.into_any()
                            }
                        }
                        Err(_) => view! { <p>{tr(Msg::InvitationInvalid)}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
