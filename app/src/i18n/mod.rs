//! French and English texts. Every text the interface shows is a `Msg`; the
//! translations live in `fr.rs` and `en.rs`, each one exhaustive `match`, so a
//! text missing in one language does not compile. Chosen over a
//! runtime-loaded catalogue (fluent, leptos_i18n) to keep the browser bundle
//! small and every key checked at compile time; see the commit message.

mod en;
mod fr;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        match self {
            Locale::Fr => fr::text(msg),
            Locale::En => en::text(msg),
        }
    }
}

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// Every text of the interface, by meaning.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// All keys, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

messages! {
    // Shell
    AppName, Tagline, SkipToContent, MainNav, SignIn, SignUp, SignOut, MyArea,
    NavUsers, NavOutbox, SwitchLanguage, LanguageName, FooterAccessibility,
    FooterLegal, FooterPrivacy, FooterSource,
    // Generic errors
    ErrNotFoundTitle, ErrUnexpectedTitle, ErrNotFoundBody, ErrForbidden, ErrUnexpected, ErrRateLimited,
    ErrFormHasErrors, ErrConflict, BackHome,
    // Field validation
    EmailRequired, EmailInvalid, NameRequired, NameTooLong, NameInvalid,
    PasswordRequired, PasswordTooShort, PasswordTooLong, PasswordTooCommon,
    // Home
    HomeTitle, HomeIntro, HomeHowTitle, HomeHow1, HomeHow2, HomeHow3, HomeNoCall,
    HomeCtaSignUp,
    // Sign-up
    SignUpTitle, SignUpIntro, FieldEmail, FieldName, FieldPassword, FieldNewPassword,
    PasswordHint, PasswordCount, ShowPassword, HidePassword, SignUpSubmit,
    HaveAccount, SignUpSentTitle, SignUpSentBody,
    // Verification
    VerifyTitle, VerifyBody, VerifyNameHint, VerifySubmit, TokenInvalid, EmailNotVerified,
    // Sign-in
    SignInTitle, SignInSubmit, ForgotPassword, NoAccount, BadCredentials,
    AccountDisabled, MagicTitle, MagicIntro, MagicSubmit, MagicSent,
    MagicConfirmTitle, MagicConfirmBody, MagicConfirmSubmit, SignedOut, EmailVerified,
    PasswordChanged, SessionExpired,
    // Password reset
    ResetTitle, ResetIntro, ResetSubmit, ResetSent, NewPasswordTitle, NewPasswordSubmit,
    // Personal area
    AreaTitle, Hello, YourRoles, NoRolesYet, AreaApplicantHint, AreaAdminLink,
    AreaOutboxLink,
    // Roles
    RoleAdmin, RoleCoordinator, RoleHostLead, RoleHostMentor, RoleHostHr, RoleReviewer,
    // Admin users
    UsersTitle, UsersSearch, UsersSearchSubmit, ColName, ColEmail, ColStatus, ColRoles,
    ColActions, StatusActive, StatusUnverified, StatusDisabled, Grant, GrantRole,
    Revoke, Disable, Enable, UsersNone, UsersCount, CannotChangeSelf, RoleGranted,
    RoleRevoked, AccountDisabledDone, AccountEnabledDone,
    // Outbox
    OutboxTitle, OutboxIntro, ColCreated, ColRecipient, ColSubject, ColState,
    ColAttempts, ColLastError, ColNextAttempt, MailQueued, MailSending, MailSent,
    MailFailed, OutboxEmpty,
    // Promotions: dates, calendar, phases, profiles
    DateRequired, DateInvalid, DateSkippedByClockChange, WindowClosesBeforeOpen,
    ApplicationsCloseAfterStart, DurationInvalid, PhasePlanning, PhaseCallForDefis,
    PhaseDefiSelection, PhaseCallForApplications, PhaseCandidateSelection, PhaseMatching,
    PhaseRunning, PhaseClosing, PhaseAlumni, ProfileInvalid, ProfileDeveloper,
    ProfileDataScientist, ProfileDataEngineer, ProfileDesigner, ProfileDigitalLaw,
    ProfileGeomatician, PromotionNameRequired, PromotionNameTooLong, DescriptionTooLong,
    TeamSizeInvalid, TeamMaxBelowMin, PromotionNameTaken, MaxChoicesInvalid, ProfilesRequired,
    // Promotion pages
    NavPromotions, PromotionsTitle, PromotionsIntro, PromotionsNone, NewPromotion,
    NewPromotionTitle, EditPromotionTitle, FieldPromotionName, FieldDescription,
    DescriptionHint, CalendarLegend, FieldDefisOpen, FieldDefisClose,
    FieldApplicationsOpen, FieldApplicationsClose, DateTimeHint, FieldStartDate,
    FieldDuration, TeamLegend, FieldTeamMin, FieldTeamMax, FieldMaxChoices,
    ProfilesLegend, SavePromotion, PromotionCreated, PromotionSaved, ColPhase,
    ColStart, Edit, ViewPublicPage, PromotionCalendarTitle, CallForDefisLabel,
    CallForApplicationsLabel, StartLabel, DurationLabel, OpenNow, NothingOpenNow,
    ProfilesOffered, FromTo, MonthsCount, HomePromotionsTitle,
    // Organisations, défis, selection, catalogue
    KeptInputHint,
    KeptInputTitle,
    AutosaveSignedOut,
    AutosaveNotEditable,
    InvitationOtherEmail,
    PitchDeckSaved,
    NavDefis, NavMyOrganisation, NavOrganisations, Yes, No, Save, Filter, ChooseOption,
    NotFilled, FieldRequired, TextTooLong, TooManyLines, CharCount, MaxChars, Correct,
    AreaHostTitle, AreaHostHint, AreaHostLink, OrgKindState, OrgKindOperator,
    OrgKindLocal, OrgKindHealth, OrgKindOther, OrgNameRequired, OrgNameTooLong,
    OrgKindRequired, CityRequired, CityTooLong, OrgNameTaken, OrgRegistered, OrgSaved,
    FieldOrgName, FieldOrgKind, FieldCity, MyOrganisationsTitle, NoOrganisationYet,
    RegisterOrganisationTitle, RegisterOrganisationIntro, RegisterOrganisationSubmit,
    OrganisationsTitle, EditOrganisationTitle, HostOrganisation, MembersTitle, ColRole,
    PendingInvitations, InvitationLine, InviteTitle, InviteIntro, FieldHostRole,
    HostRoleRequired, InviteSubmit, AlreadyMember, InvitationSent, MemberRemoved,
    InvitationCancelled, PurgePreviewLine, PurgePostponed, PromotionIsClosed,
    PromotionNotClosed, ClosePromotion, PromotionClosed, ConfirmClose, ConfirmCloseRequired, DraftsOf, DraftsIntro, NoDraft, DraftsCount, ColLastSaved,
    ColCompleteness, CompletenessValue, ExtendFor, RemindFor, PersonalDeadlineShort,
    DraftReminderMessage, DraftReminded, DraftsLink, LastLead, RemoveMember, CancelInvitation, InvitationTitle,
    InvitationBody, InvitationAccept, InvitationSignInFirst, InvitationInvalid,
    InvitationAccepted, DefiStateDraft, DefiStateSubmitted, DefiStateInfoRequested,
    DefiStateShortlisted, DefiStateRejected, DefiStateSelected, DefiStateNotSelected,
    DefiStateWithdrawn, DecisionAskInfo, DecisionShortlist, DecisionReject,
    DecisionSelect, DecisionNotSelect, DecisionWithdraw, DecisionNotAllowed,
    DecisionRequired, TemplateAskInfo, TemplateShortlist, TemplateReject, TemplateSelect,
    TemplateNotSelect, TemplateWithdraw, MessageRequired, MessageTooLong,
    DefiCallNotOpen, DefiCallClosed, DefiAlreadySubmitted, DefiNotEditable,
    PublishOnlySelected, AlreadyPublished, DefiPublishedState, DefiPublishedMessage,
    SlotProfileUnknown, SlotProfileRequired, SlotMissionRequired, SlotCountInvalid,
    SlotMandatoryRequired, FileRequired, FileTooLarge, FileNotPdf, OrgDefisTitle,
    NoOpenCallForDefis, ProposeDefi, NoDefiYet, ColTitle, ColPromotion, UntitledDefi,
    Published, DefiCreated, DefiForPromotion, SeePublicSheet, SubmittedAtLine,
    InfoRequestedTitle, DefiDeadline, DefiLegend, FieldDefiTitle, TitleHint,
    FieldSummary, SummaryHint, NeedLegend, FieldContext, ContextHint, FieldUseCases,
    UseCasesHint, FieldImpact, DataLegend, FieldDataAvailable, DataHint,
    FieldDataAccessible, AttentionLegend, FieldObstacles, FieldLegalEthics,
    LegalEthicsHint, OpennessLegend, FieldOpenCode, FieldOpenData, FieldOffSite,
    HostTeamLegend, FieldLeads, LeadsHint, FieldMentor, MentorHint, SlotsLegend,
    SlotsHint, SlotN, NoSlotOption, FieldSlotProfile, FieldSlotMission,
    FieldSlotMandatory, MandatoryHint, ColSlot, SaveDraft, SubmitDefi, ResubmitDefi,
    SubmitHint, DraftSaved, DefiSubmitted, LastSavedAt, AutosaveSavedAt, AutosaveSaving,
    AutosaveFailed, AutosaveConflict, AutosaveInvalid, PitchDeckTitle, FieldPitchDeck,
    PitchDeckHint, UploadSubmit, UploadedAt, DownloadFile, FileSizeKb, NoPitchDeck,
    DossierTitle, HistoryTitle, EventSubmitted, EventPublished, EventOther, DefisOf,
    PromotionDefisTitle, CountsTitle, AllStates, AllKinds, AllProfiles, AllPromotions,
    FilterState, FilterKind, FilterProfile, FilterPromotion, NoDefiMatches, DefisShown,
    ColChoose, ColOrganisation, ColProfiles, ColSubmitted, ChooseDefi, BatchLegend,
    FieldDecision, FieldMessage, MessageHint, TemplatesTitle, TemplatesHint,
    PreviewBatch, PublishSelected, PublishOne, DefisPublished, BatchPreviewTitle,
    BackToList, BatchSummary, BatchSkipped, Recipients, NoRecipient, ConfirmBatch,
    NoDefiChosen, BatchRecorded, DecisionTitle, SendDecision, DecisionRecorded,
    CatalogTitle, CatalogIntro, CatalogEmpty, ProfilesSought, TeamSought, SlotMandatory,
    SlotOptional, PromotionDefis, NoPublishedDefi,
    // Applications
    KeptApplicationHint,
    AreaMyDataLink,
    RetentionHint,
    FieldRetention,
    RetentionTitle,
    DeleteAccountButton,
    DeleteAccountConfirm,
    DeleteAccountTitle,
    RetentionLine,
    RetentionExplained,
    DownloadMyData,
    MyDataIntro,
    MyDataTitle,
    RetentionSaved,
    RetentionInvalid,
    AccountDeleted,
    ConfirmDeleteRequired,
    ExtendSubmit,
    FieldUntil,
    ExtendTitle,
    ApplicationBatchSummary,
    ReviewMessageHint,
    ApplicationBatchLegend,
    Pagination,
    ApplicationsShown,
    NoApplicationMatches,
    ExportCvZip,
    ExportCsv,
    FilterName,
    FilterDefi,
    AllAnswers,
    AllDefis,
    ApplicationsOf,
    ApplicationSubmittedAtLine,
    NoApplicationChosen,
    DeadlineExtended,
    TemplateMarkIncomplete,
    TemplateMarkIneligible,
    TemplateRequestCorrection,
    ReviewMarkIncomplete,
    ReviewMarkIneligible,
    ReviewRequestCorrection,
    ChoiceN,
    DeadlineExtendedMessage,
    ExtensionTooEarly,
    CountdownClosed,
    CountdownLeft,
    ApplicationSubmittedNotice,
    ApplicationWithdrawn,
    ConfirmWithdrawRequired,
    ApplicationNotEditable,
    AppStateDraft, AppStateSubmitted, AppStateCorrectionRequested, AppStateInReview,
    AppStateShortlisted, AppStateNotShortlisted, AppStateInvitedToInterview,
    AppStateInterviewed, AppStateRanked, AppStateOffered, AppStateAccepted,
    AppStateDeclined, AppStatePlaced, AppStateActive, AppStateCompleted,
    AppStateWithdrawn, AppStateIneligible, AppStateIncomplete, ApplicationsNotOpen,
    ApplicationsClosed, ApplicationAlreadySubmitted, WithdrawNotAllowed, CivilityMme,
    CivilityM, CivilityOther, ExperienceLt2, Experience2to5, Experience5to10,
    ExperienceGt10, ChoiceInvalid, ChoiceTwice, TooManyChoices, UrlInvalid, PhoneInvalid,
    ProfileRequired, ChoicesRequired, ChoiceWithoutProfile, CvRequired,
    DeclarationRequired, ConsentRequired, RanksInvalid,
    ApplicationsTitle, NoOpenCallForApplications, CallClosesAt, OpenMyApplication,
    StartApplicationButton, ApplicationTitle, CorrectionRequestedTitle, WithdrawTitle,
    WithdrawConfirm, WithdrawButton, TimelineTitle, SummaryTitle, FieldProfile,
    FieldSkills, FieldMotivation, ChoicesLegend, ChoicesHint, NotChosen, RankOf, ColRank,
    ApplicationDeadlineLine, PersonalDeadlineLine, IdentityLegend, FieldCivility,
    NotSaid, FieldGender, GenderHint, GenderWoman, GenderMan, GenderOther, FieldFirstName, FieldLastName, FieldPhone, ProfileLegend, FieldExperience,
    FieldExperienceText, FieldPortfolioUrl, FieldCodeUrl, MobilityLegend, FieldMobility,
    MobilityHint, FieldRemote, FieldSupportRole, SupportRoleHint, DeclarationsLegend,
    DeclCivilServant, DeclStudent, DeclJury, ConsentLabel, PrivacyLink,
    SubmitApplication, ResubmitApplication, FilesTitle, FieldCv, FieldPortfolio, PdfHint,
    UploadLabelled, FileSaved,
    // Team formation: the explanations of `cohorte match`
    MatchTooSmall, MatchMandatoryUnfilled, MatchResultChoice, MatchResultOpen,
    MatchResultNone, MatchChoiceLine, MatchNoSeat, MatchNotListed, MatchWithdrawn,
    MatchOutranked, MatchNoChoice, FieldMessageToApplicant, RecipientsLine,
    // Static pages
    AccessibilityTitle, AccessibilityBody, LegalTitle, LegalBody, PrivacyTitle,
    PrivacyBody,
}

/// Fills the named placeholders of `template` (`{deadline}`) with
/// `values`, so that a translation may put them in any order. A
/// placeholder without a value stays as written (a visible mistake rather
/// than a silent blank); a lone `{` is kept.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // Char patterns only: the islands fill texts too, and a `&str` pattern
    // would bring the two-way string searcher into the browser bundle.
    while let Some(i) = rest.find('{') {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let named = from[1..]
            .find('}')
            .map(|end| (&from[1..1 + end], &from[end + 2..]))
            .filter(|(name, _)| is_name(name));
        match named.and_then(|(name, after)| {
            let v = values.iter().find(|(n, _)| *n == name)?;
            Some((v.1, after))
        }) {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A placeholder's name: lowercase letters, digits and `_`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The placeholder names of a text, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        match after.split_once('}') {
            Some((name, tail)) if is_name(name) => {
                names.push(name);
                rest = tail;
            }
            _ => rest = after,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for &m in Msg::ALL {
            assert!(!Locale::Fr.t(m).is_empty(), "{m:?} fr");
            assert!(!Locale::En.t(m).is_empty(), "{m:?} en");
        }
    }

    /// Both languages use the same names (in any order), and no text
    /// keeps a nameless `{}`.
    #[test]
    fn placeholders_match_between_languages() {
        for &m in Msg::ALL {
            let (fr, en) = (Locale::Fr.t(m), Locale::En.t(m));
            assert!(!fr.contains("{}") && !en.contains("{}"), "{m:?}");
            let mut a = placeholders(fr);
            let mut b = placeholders(en);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{m:?}");
        }
    }

    #[test]
    fn fill_replaces_by_name() {
        let v = [("n", "3"), ("total", "12")];
        assert_eq!(fill("{n} sur {total}", &v), "3 sur 12");
        assert_eq!(fill("{total}, dont {n}", &v), "12, dont 3");
        assert_eq!(fill("rien", &v), "rien");
        assert_eq!(fill("{autre} {n} {", &v), "{autre} 3 {");
        assert_eq!(fill("{N} {} {n}{n}", &v), "{N} {} 33");
        assert_eq!(placeholders("a {x} {} {Y} {y_2}"), ["x", "y_2"]);
    }

    #[test]
    fn locale_codes() {
        assert_eq!(Locale::from_code("EN"), Some(Locale::En));
        assert_eq!(Locale::from_code("de"), None);
        assert_eq!(Locale::Fr.other(), Locale::En);
    }
}
