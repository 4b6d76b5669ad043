//! The people tests play, each signed up, verified and signed in with
//! [`PASSWORD`] in a browser of their own:
//!
//! - [`TestApp::user`]: Marie Curie, marie@example.fr, no role;
//! - [`TestApp::applicant`]: Ada Lovelace, ada@example.fr, no role;
//! - [`TestApp::coordinator`]: Claire Coordination, claire@example.fr;
//! - [`TestApp::admin`]: Alice Admin, alice@example.fr;
//! - [`TestApp::host`]: Hugo Hôte, hugo@ville.fr, lead of the organisation
//!   Ville de Belleforêt he registered.

use super::app::TestApp;
use super::browser::{Browser, location, token_in};
use super::fixtures::PASSWORD;
use app::domain::Role;

impl TestApp {
    /// Signs `email` up with `b` (no password is asked) and returns the
    /// verification token emailed to it.
    pub async fn sign_up_token(&self, b: &Browser, email: &str, name: &str) -> String {
        let res = b
            .post(
                "/inscription",
                "/api/inscription",
                &[("email", email), ("name", name)],
            )
            .await;
        assert_eq!(location(&res), "/inscription/envoye", "sign-up of {email}");
        let mails = self.mail().await;
        let mail = mails
            .iter()
            .find(|m| m.to == email)
            .expect("verification mail");
        token_in(&mail.text, "/verification?jeton=")
    }

    /// Signs up and verifies `email`, choosing `password` on the
    /// verification page; returns a browser signed in as them.
    pub async fn verified_user(&self, email: &str, name: &str, password: &str) -> Browser {
        let b = self.browser();
        let token = self.sign_up_token(&b, email, name).await;
        let res = b
            .post(
                &format!("/verification?jeton={token}"),
                "/api/verification",
                &[("jeton", &token), ("name", name), ("password", password)],
            )
            .await;
        assert_eq!(location(&res), "/espace");
        b
    }

    /// The id of the account of `email`, which must exist.
    pub async fn user_id(&self, email: &str) -> i64 {
        app::server::service::users::by_email(&self.state.db, email)
            .await
            .unwrap()
            .unwrap()
            .id
    }

    /// A verified person granted `role`.
    async fn with_role(&self, email: &str, name: &str, role: Role) -> Browser {
        let b = self.verified_user(email, name, PASSWORD).await;
        let id = self.user_id(email).await;
        app::server::service::admin::grant_role(&self.state.db, &Default::default(), id, role)
            .await
            .unwrap();
        b
    }

    /// Marie Curie (marie@example.fr), signed up, no role.
    pub async fn user(&self) -> Browser {
        self.verified_user("marie@example.fr", "Marie Curie", PASSWORD)
            .await
    }

    /// Ada Lovelace (ada@example.fr), signed up, no role.
    pub async fn applicant(&self) -> Browser {
        self.verified_user("ada@example.fr", "Ada Lovelace", PASSWORD)
            .await
    }

    /// Claire Coordination (claire@example.fr), a coordinator.
    pub async fn coordinator(&self) -> Browser {
        self.with_role(
            "claire@example.fr",
            "Claire Coordination",
            Role::Coordinator,
        )
        .await
    }

    /// Alice Admin (alice@example.fr), an administrator.
    pub async fn admin(&self) -> Browser {
        self.with_role("alice@example.fr", "Alice Admin", Role::Admin)
            .await
    }

    /// Hugo Hôte (hugo@ville.fr), lead of the organisation Ville de
    /// Belleforêt he registered; its id.
    pub async fn host(&self) -> (Browser, i64) {
        self.host_of("Ville de Belleforêt").await
    }

    /// Hugo Hôte (hugo@ville.fr), lead of the organisation `name` he
    /// registered; its id.
    pub async fn host_of(&self, name: &str) -> (Browser, i64) {
        let hugo = self
            .verified_user("hugo@ville.fr", "Hugo Hôte", PASSWORD)
            .await;
        let org = register(&hugo, name).await;
        (hugo, org)
    }
}

/// Registers an organisation as `b` (who becomes its lead); returns its id.
pub async fn register(b: &Browser, name: &str) -> i64 {
    let res = b
        .post(
            "/organisation",
            "/api/enregistrer-organisation",
            &[("name", name), ("kind", "etat"), ("city", "Paris")],
        )
        .await;
    let to = location(&res);
    assert!(to.starts_with("/organisation/"), "{to}");
    to.rsplit('/').next().unwrap().parse().unwrap()
}
