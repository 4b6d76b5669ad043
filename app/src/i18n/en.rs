//! English texts.

use super::Msg::{self, *};

pub(super) fn text(m: Msg) -> &'static str {
    match m {
        AppName => "Cohorte",
        Tagline => "Public-interest programmes for digital talent",
        SkipToContent => "Skip to content",
        MainNav => "Main navigation",
        SignIn => "Sign in",
        SignUp => "Create an account",
        SignOut => "Sign out",
        MyArea => "My area",
        NavUsers => "Users",
        NavOutbox => "Sent emails",
        SwitchLanguage => "Change language",
        LanguageName => "English",
        FooterAccessibility => "Accessibility: partially compliant",
        FooterLegal => "Legal notice",
        FooterPrivacy => "Personal data",
        FooterSource => "Source code (free software)",
        ErrNotFoundTitle => "Page not found",
        ErrNotFoundBody => {
            "This page does not exist or you do not have access to it. Check the address or go back to the home page."
        }
        ErrForbidden => "You do not have the rights needed for this action.",
        ErrUnexpectedTitle => "Something went wrong",
        ErrUnexpected => {
            "An unexpected error occurred. Nothing was changed; please try again in a moment."
        }
        ErrRateLimited => {
            "Too many attempts in a short time. Please wait a few minutes before trying again."
        }
        ErrFormHasErrors => "The form has errors. Please correct the fields marked below.",
        ErrConflict => {
            "This action is no longer possible: things changed in the meantime. Please reload the page."
        }
        BackHome => "Back to the home page",
        EmailRequired => "Enter your email address.",
        EmailInvalid => "This email address is not valid. Example: camille.dupont@example.org",
        NameRequired => "Enter your first and last name.",
        NameTooLong => "The name must not exceed 120 characters.",
        NameInvalid => "The name contains characters that are not allowed.",
        PasswordRequired => "Enter a password.",
        PasswordTooShort => "The password must have at least 12 characters.",
        PasswordTooLong => "The password must not exceed 128 characters.",
        PasswordTooCommon => {
            "This password is too common or too easy to guess. Choose another one, for instance a sentence of several words."
        }
        HomeTitle => "Cohorte",
        HomeIntro => {
            "Cohorte runs programmes that place digital talent (developers, data scientists, designers, lawyers…) in teams of 2 or 3 inside public administrations, for 10 months, to take on public-interest challenges."
        }
        HomeHowTitle => "How it works",
        HomeHow1 => {
            "Administrations propose challenges; the programme selects about fifteen of them."
        }
        HomeHow2 => {
            "A call for applications recruits the talent, who rank the challenges they care about."
        }
        HomeHow3 => "Teams are formed transparently, then followed for 10 months.",
        HomeNoCall => {
            "No call is open at the moment. Create an account to be ready for the next one."
        }
        HomeCtaSignUp => "Create my account",
        SignUpTitle => "Create an account",
        SignUpIntro => {
            "An account lets you apply, propose a challenge for your administration or sit on a jury. You will choose your password when you open the link we send you."
        }
        FieldEmail => "Email address",
        FieldName => "First and last name",
        FieldPassword => "Password",
        FieldNewPassword => "New password",
        PasswordHint => {
            "At least 12 characters. A sentence of several words is easy to remember and hard to guess."
        }
        PasswordCount => "{count} characters of 12 minimum",
        ShowPassword => "Show password",
        HidePassword => "Hide password",
        SignUpSubmit => "Create my account",
        HaveAccount => "Already have an account? Sign in",
        SignUpSentTitle => "Check your mailbox",
        SignUpSentBody => {
            "We sent a link to the address you gave: open it to choose your password and confirm your account. The link is valid for 48 hours. Remember to look in your spam folder."
        }
        VerifyTitle => "Confirm your email address",
        VerifyBody => {
            "Check your name and choose your password to confirm your address and open your area. Only this password will let you sign in."
        }
        VerifyNameHint => {
            "The name given when the account was opened: correct it if it is not yours."
        }
        VerifySubmit => "Confirm my address",
        TokenInvalid => {
            "This link is no longer valid: it has already been used or it has expired. Please ask for a new one."
        }
        EmailNotVerified => {
            "Your email address is not confirmed yet. We have just sent you the confirmation link again."
        }
        SignInTitle => "Sign in",
        SignInSubmit => "Sign in",
        ForgotPassword => "Forgot your password?",
        NoAccount => "No account yet? Create one",
        BadCredentials => "Wrong email address or password.",
        AccountDisabled => "This account is disabled. Please contact the programme team.",
        MagicTitle => "Sign in without a password",
        MagicIntro => "Receive by email a sign-in link valid for 10 minutes.",
        MagicSubmit => "Email me a sign-in link",
        MagicSent => {
            "If an account exists for this address, a sign-in link has just been sent to it. It is valid for 10 minutes."
        }
        MagicConfirmTitle => "Sign in with this link",
        MagicConfirmBody => "Click the button to open your session.",
        MagicConfirmSubmit => "Open my session",
        SignedOut => "You are signed out.",
        EmailVerified => "Your email address is confirmed.",
        PasswordChanged => "Your password has been changed. Sign in with the new password.",
        SessionExpired => "Your session has expired. Please sign in again.",
        ResetTitle => "Forgot your password",
        ResetIntro => {
            "Enter your account's email address: we will send you a link to choose a new password, valid for 1 hour."
        }
        ResetSubmit => "Send the link",
        ResetSent => {
            "If an account exists for this address, a link to choose a new password has just been sent to it. It is valid for 1 hour."
        }
        NewPasswordTitle => "Choose a new password",
        NewPasswordSubmit => "Save the password",
        AreaTitle => "My area",
        Hello => "Hello {name}",
        YourRoles => "Your roles",
        NoRolesYet => {
            "You do not have a particular role yet. You will be able to apply as soon as a call opens."
        }
        AreaApplicantHint => "Open calls for applications will appear here.",
        AreaAdminLink => "Manage users and their roles",
        AreaOutboxLink => "See the emails sent by the platform",
        RoleAdmin => "Administrator",
        RoleCoordinator => "Programme coordinator",
        RoleHostLead => "Challenge lead",
        RoleHostMentor => "Mentor",
        RoleHostHr => "Human resources contact",
        RoleReviewer => "Jury member",
        UsersTitle => "Users",
        UsersSearch => "Search by name or email address",
        UsersSearchSubmit => "Search",
        ColName => "Name",
        ColEmail => "Email address",
        ColStatus => "Account status",
        ColRoles => "Roles",
        ColActions => "Actions",
        StatusActive => "Active",
        StatusUnverified => "Address not confirmed",
        StatusDisabled => "Disabled",
        Grant => "Grant",
        GrantRole => "Role to grant to {name}",
        Revoke => "Remove the role {role} from {name}",
        Disable => "Disable the account of {name}",
        Enable => "Re-enable the account of {name}",
        UsersNone => "No user matches this search.",
        UsersCount => "{count} user(s)",
        CannotChangeSelf => {
            "You cannot disable your own account or remove your own administrator role."
        }
        RoleGranted => "The role has been granted.",
        RoleRevoked => "The role has been removed.",
        AccountDisabledDone => "The account is disabled; its sessions have been closed.",
        AccountEnabledDone => "The account is enabled again.",
        OutboxTitle => "Emails sent by the platform",
        OutboxIntro => {
            "Every email is queued and then sent; if sending fails, it is retried automatically."
        }
        ColCreated => "Created",
        ColRecipient => "Recipient",
        ColSubject => "Subject",
        ColState => "State",
        ColAttempts => "Attempts",
        ColLastError => "Last error",
        ColNextAttempt => "Next attempt",
        MailQueued => "Queued",
        MailSending => "Sending",
        MailSent => "Sent",
        MailFailed => "Failed for good",
        OutboxEmpty => "No email yet.",
        DateRequired => "Enter a date.",
        DateInvalid => "This date is not valid. Expected format: dd/mm/yyyy and time hh:mm.",
        DateSkippedByClockChange => {
            "This time does not exist on that day in Paris (clocks go forward). Choose another time."
        }
        WindowClosesBeforeOpen => "The closing must come after the opening.",
        ApplicationsCloseAfterStart => {
            "The call for applications must close before the promotion's start date."
        }
        DurationInvalid => "The duration must be between 1 and 36 months.",
        PhasePlanning => "Being prepared",
        PhaseCallForDefis => "Call for challenges open",
        PhaseDefiSelection => "Challenge selection",
        PhaseCallForApplications => "Call for applications open",
        PhaseCandidateSelection => "Candidate selection",
        PhaseMatching => "Team formation",
        PhaseRunning => "Programme running",
        PhaseClosing => "Closing",
        PhaseAlumni => "Promotion completed",
        ProfileInvalid => {
            "Invalid profile code: lower-case letters, digits and \"_\", 2 to 40 characters."
        }
        ProfileDeveloper => "Developer",
        ProfileDataScientist => "Data scientist",
        ProfileDataEngineer => "Data engineer",
        ProfileDesigner => "Designer",
        ProfileDigitalLaw => "Digital-law specialist",
        ProfileGeomatician => "Geomatician",
        PromotionNameRequired => "Enter the promotion's name.",
        PromotionNameTooLong => "The name must not exceed 120 characters.",
        DescriptionTooLong => "The description must not exceed 600 characters.",
        TeamSizeInvalid => "Enter a whole number between 1 and 10.",
        TeamMaxBelowMin => "The maximum size must be at least the minimum size.",
        MaxChoicesInvalid => "Enter a number of challenges between 1 and 10.",
        ProfilesRequired => "Tick at least one profile.",
        NavPromotions => "Promotions",
        PromotionsTitle => "Promotions",
        PromotionsIntro => {
            "Each promotion has its calendar: call for challenges, call for applications, then 10 months of programme."
        }
        PromotionsNone => "No promotion yet.",
        NewPromotion => "Create a promotion",
        NewPromotionTitle => "New promotion",
        EditPromotionTitle => "Edit the promotion",
        FieldPromotionName => "Promotion name",
        FieldDescription => "Public description",
        DescriptionHint => "Two or three sentences, 600 characters at most.",
        CalendarLegend => "Calendar (Paris time)",
        FieldDefisOpen => "Call for challenges opens",
        FieldDefisClose => "Call for challenges closes",
        FieldApplicationsOpen => "Call for applications opens",
        FieldApplicationsClose => "Call for applications closes",
        DateTimeHint => "Date and time, for instance 07/05/2027 23:59.",
        FieldStartDate => "Programme start date",
        FieldDuration => "Duration (months)",
        TeamLegend => "Teams and applications",
        FieldTeamMin => "Minimum team size",
        FieldTeamMax => "Maximum team size",
        FieldMaxChoices => "Maximum number of challenges an applicant may rank",
        ProfilesLegend => "Profiles sought",
        SavePromotion => "Save the promotion",
        PromotionCreated => "The promotion has been created.",
        PromotionSaved => "The changes have been saved.",
        ColPhase => "Stage",
        ColStart => "Start",
        Edit => "Edit {name}",
        ViewPublicPage => "See the public page",
        PromotionCalendarTitle => "Calendar",
        CallForDefisLabel => "Call for challenges",
        CallForApplicationsLabel => "Call for applications",
        StartLabel => "Programme start",
        DurationLabel => "Duration",
        OpenNow => "Open now",
        NothingOpenNow => "No call is open at the moment.",
        ProfilesOffered => "Profiles sought",
        FromTo => "from {from} to {to}",
        MonthsCount => "{count} months",
        HomePromotionsTitle => "Promotions",
        PromotionNameTaken => "A promotion already has this name.",
        MatchTooSmall => "it could not form a team of {min} (seats filled: {filled})",
        MatchMandatoryUnfilled => "its mandatory {profile} seat could not be filled",
        MatchResultChoice => "Result: you join défi \"{defi}\" as {profile} (your {rank} choice).",
        MatchResultOpen => {
            "Result: you join défi \"{defi}\" as {profile}. You accepted it by saying you were open to other défis; its jury ranked you {rank}."
        }
        MatchResultNone => "Result: you are not placed in any défi.",
        MatchChoiceLine => "- Défi \"{defi}\" (your {rank} choice): {why}",
        MatchNoSeat => "this défi has no {profile} seat.",
        MatchNotListed => "you were not on this défi's jury list for the {profile} profile.",
        MatchWithdrawn => "this défi was withdrawn: {reason}.",
        MatchOutranked => {
            "the {profile} seat went to candidates the jury ranked higher (you were {rank} of {of}; seats: {seats})."
        }
        MatchNoChoice => "You had not ranked any défi.",
        AccessibilityTitle => "Accessibility statement",
        AccessibilityBody => {
            "Cohorte aims to comply with RGAA 4.1 (WCAG 2.1 level AA). Every page is checked automatically with axe-core on every code change; a full audit has not been carried out yet, hence the status \"partially compliant\". If you meet a difficulty, write to the programme team: we will answer and provide the information in another form."
        }
        LegalTitle => "Legal notice",
        LegalBody => {
            "Cohorte is free software published under the EUPL 1.2 licence. The publisher of the service is the organisation that runs this instance; the programme team gives its contact details."
        }
        PrivacyTitle => "Personal data",
        PrivacyBody => {
            "Cohorte only processes the data the programme needs: your account (email address, name), your applications or challenge proposals, and a log of actions for security. No advertising tracker is used; the only cookies keep your session and your choice of language."
        }
        NavDefis => "Défis",
        NavMyOrganisation => "My organisation",
        NavOrganisations => "Organisations",
        Yes => "yes",
        No => "no",
        Save => "Save",
        Filter => "Filter",
        ChooseOption => "— Choose —",
        NotFilled => "Not filled in.",
        FieldRequired => "This field is required to submit the défi.",
        TextTooLong => "This text is longer than allowed: shorten it.",
        TooManyLines => "The title fits on one line and the summary on two lines at most.",
        CharCount => "{count} characters of {max}",
        MaxChars => "{max} characters at most.",
        Correct => "Correct {field}",
        AreaHostTitle => "Host administrations",
        AreaHostHint => "Do you represent an administration that wants to propose a défi?",
        AreaHostLink => "Register or find your organisation",
        OrgKindState => "State (central administration or devolved services)",
        OrgKindOperator => "State operator",
        OrgKindLocal => "Local authority",
        OrgKindHealth => "Health institution",
        OrgKindOther => "Other",
        OrgNameRequired => "Enter the organisation's name.",
        OrgNameTooLong => "The name is too long (160 characters at most).",
        OrgKindRequired => "Choose the kind of organisation.",
        CityRequired => "Enter the city.",
        CityTooLong => "The city name is too long (80 characters at most).",
        OrgNameTaken => "An organisation already has this name: ask its lead to invite you.",
        OrgRegistered => "Organisation registered: you are its lead.",
        OrgSaved => "Organisation corrected.",
        FieldOrgName => "Organisation name",
        FieldOrgKind => "Kind of organisation",
        FieldCity => "City",
        MyOrganisationsTitle => "My organisations",
        NoOrganisationYet => "No organisation yet.",
        RegisterOrganisationTitle => "Register an organisation",
        RegisterOrganisationIntro => {
            "You will become its lead and can invite your colleagues. If your organisation is already registered, ask its lead to invite you instead."
        }
        RegisterOrganisationSubmit => "Register the organisation",
        OrganisationsTitle => "Host organisations",
        EditOrganisationTitle => "Correct an organisation",
        HostOrganisation => "Host administration",
        MembersTitle => "Members",
        ColRole => "Role",
        PendingInvitations => "Pending invitations",
        InvitationLine => "{email} ({role}), valid until {until}",
        InviteTitle => "Invite a member",
        InviteIntro => {
            "The person receives a link valid for 7 days; they can sign in or create their account before accepting."
        }
        FieldHostRole => "Role in the organisation",
        HostRoleRequired => "Choose a role.",
        InviteSubmit => "Send the invitation",
        AlreadyMember => "This person is already a member of the organisation.",
        InvitationSent => "Invitation sent.",
        PurgePreviewLine => {
            "Erasure planned on {date}: {dossiers} dossier(s) and {files} file(s) of this promotion will be erased."
        }
        PurgePostponed => {
            "A change of dates brought the erasure forward: it will not happen before {date}, to leave time to correct a mistake."
        }
        PromotionIsClosed => {
            "The promotion is closed: the erasure will happen on the planned date."
        }
        PromotionNotClosed => "The promotion is not closed: nothing will be erased until it is.",
        ClosePromotion => "Close the promotion and allow the erasure",
        ConfirmClose => {
            "I confirm: the dossiers of this promotion will be erased on the date shown."
        }
        ConfirmCloseRequired => "Tick the box to confirm the closing.",
        PromotionClosed => "Promotion closed: its dossiers will be erased on the planned date.",
        DraftsOf => "Drafts — {promotion}",
        DraftsIntro => {
            "People who started an application without submitting it. Its content stays private: you see who, when it was last saved and what is filled in. The call closes on {deadline} (Paris time)."
        }
        NoDraft => "No draft in progress.",
        DraftsCount => "{count} draft(s), most recently saved first",
        ColLastSaved => "Last saved",
        ColCompleteness => "Filled in",
        CompletenessValue => "{done} of {total}",
        ExtendFor => "New deadline for {name}",
        RemindFor => "Send a reminder to {name}",
        PersonalDeadlineShort => "Personal deadline: {deadline}",
        DraftReminderMessage => {
            "Your application to {promotion} is not submitted yet. You can complete and submit it until {deadline} (Paris time)."
        }
        DraftReminded => "Reminder sent.",
        DraftsLink => "See the drafts in progress",
        MemberRemoved => "The member was removed from the organisation and no longer has access.",
        InvitationCancelled => "Invitation cancelled: its link no longer works.",
        LastLead => {
            "An organisation keeps at least one lead: appoint another one before removing this one."
        }
        RemoveMember => "Remove {name} from the organisation",
        CancelInvitation => "Cancel the invitation of {email}",
        InvitationTitle => "Invitation",
        InvitationBody => {
            "You are invited to join {organisation} as {role} (invitation sent to {email})."
        }
        InvitationAccept => "Join the organisation",
        InvitationSignInFirst => {
            "Sign in or create your account, then open the emailed link again to accept."
        }
        InvitationInvalid => {
            "This invitation link is no longer valid (already used or expired). Ask for a new invitation."
        }
        InvitationAccepted => "You joined the organisation.",
        DefiStateDraft => "Draft",
        DefiStateSubmitted => "Submitted",
        DefiStateInfoRequested => "Information requested",
        DefiStateShortlisted => "Shortlisted",
        DefiStateRejected => "Rejected",
        DefiStateSelected => "Selected",
        DefiStateNotSelected => "Not selected",
        DefiStateWithdrawn => "Withdrawn",
        DecisionAskInfo => "Ask for information",
        DecisionShortlist => "Shortlist",
        DecisionReject => "Reject",
        DecisionSelect => "Select",
        DecisionNotSelect => "Do not select",
        DecisionWithdraw => "Withdraw",
        DecisionNotAllowed => "This decision is not possible in the défi's current state.",
        DecisionRequired => "Choose a decision.",
        TemplateAskInfo => {
            "Hello,\n\nThank you for the défi “{titre}”. Before we go on, we need more details: [say here what to complete].\n\nThe dossier can be edited again: complete it, then submit it again.\n\nThe programme team"
        }
        TemplateShortlist => {
            "Hello,\n\nThe défi “{titre}” from {organisation} is shortlisted. We will come back to you for the next steps of the selection.\n\nThe programme team"
        }
        TemplateReject => {
            "Hello,\n\nThank you for the défi “{titre}”. After review, it was not accepted for this promotion: [reason].\n\nWe would be glad to receive a new proposal in a future call.\n\nThe programme team"
        }
        TemplateSelect => {
            "Hello,\n\nGood news: the défi “{titre}” from {organisation} is selected. Its public sheet will soon be online and the call for applications will offer it.\n\nThe programme team"
        }
        TemplateNotSelect => {
            "Hello,\n\nThe défi “{titre}” was shortlisted, but it was not selected by the jury: [reason].\n\nThank you for your commitment.\n\nThe programme team"
        }
        TemplateWithdraw => {
            "Hello,\n\nThe défi “{titre}” is withdrawn from the promotion: [reason].\n\nThe programme team"
        }
        MessageRequired => "Write the message to send to the organisation.",
        MessageTooLong => "The message is too long (4,000 characters at most).",
        DefiCallNotOpen => "The call for défis is not open yet.",
        DefiCallClosed => {
            "The call for défis is closed: submission is no longer possible (see the closing time above). Your draft is kept."
        }
        DefiAlreadySubmitted => "This défi has already been submitted.",
        DefiNotEditable => "This défi cannot be changed in its current state.",
        PublishOnlySelected => "Only selected défis can be published.",
        AlreadyPublished => "This défi is already published.",
        DefiPublishedState => "published",
        DefiPublishedMessage => {
            "The défi's public sheet is online: applicants can now read it and choose it."
        }
        SlotProfileUnknown => "Choose a profile the promotion offers.",
        SlotProfileRequired => "Choose this position's profile.",
        SlotMissionRequired => "Describe this position's mission.",
        SlotCountInvalid => {
            "The number of positions must fit the promotion's team size (shown above the positions)."
        }
        SlotMandatoryRequired => "At least one position must be essential.",
        FileRequired => "Choose a PDF file.",
        FileTooLarge => "The file is too large (10 MB at most).",
        FileNotPdf => {
            "This file is not a valid PDF. Save your presentation as PDF, then try again."
        }
        OrgDefisTitle => "Défis",
        NoOpenCallForDefis => "No call for défis is open at the moment.",
        ProposeDefi => "Propose a défi for {promotion} (closes on {deadline})",
        NoDefiYet => "No défi yet.",
        ColTitle => "Title",
        ColPromotion => "Promotion",
        UntitledDefi => "Untitled défi",
        Published => "published",
        DefiCreated => "Draft created: fill in the dossier, it is saved as you go.",
        DefiForPromotion => "Promotion {promotion}",
        SeePublicSheet => "See the public sheet",
        SubmittedAtLine => "Submitted on {date} (Paris time).",
        InfoRequestedTitle => "The programme team asks for information",
        DefiDeadline => {
            "Submission possible until {deadline} (Paris time; the server's clock decides)."
        }
        DefiLegend => "The défi",
        FieldDefiTitle => "Title of the défi",
        TitleHint => "One line, 120 characters at most.",
        FieldSummary => "Summary",
        SummaryHint => "Two lines at most: what applicants will see first.",
        NeedLegend => "Context and need",
        FieldContext => "Context",
        ContextHint => "The service, its users, what happens today.",
        FieldUseCases => "What the team will build (use cases)",
        UseCasesHint => "One use case per paragraph.",
        FieldImpact => "Expected impact",
        DataLegend => "Data",
        FieldDataAvailable => "Available data",
        DataHint => "Which data, where, in what form.",
        FieldDataAccessible => "This data is accessible to the team today",
        AttentionLegend => "Points of attention",
        FieldObstacles => "Known obstacles",
        FieldLegalEthics => "Legal and ethical questions",
        LegalEthicsHint => "Personal data, automated decisions, security…",
        OpennessLegend => "Openness commitments",
        FieldOpenCode => "The code produced will be published under an open licence",
        FieldOpenData => "Data will be released as open data where possible",
        FieldOffSite => "The team may work off-site",
        HostTeamLegend => "Host team",
        FieldLeads => "Défi leads",
        LeadsHint => "Names and positions.",
        FieldMentor => "Mentor",
        MentorHint => "The person who will support the team day to day.",
        SlotsLegend => "Team positions",
        SlotsHint => {
            "From {min} to {max} positions: a profile and its mission for each. Leave a position empty if it is not needed."
        }
        SlotN => "Position {n}",
        NoSlotOption => "— None —",
        FieldSlotProfile => "Profile",
        FieldSlotMission => "Mission",
        FieldSlotMandatory => "Essential position",
        MandatoryHint => "Without this position, the team cannot carry out the défi.",
        ColSlot => "Position",
        SaveDraft => "Save the draft",
        SubmitDefi => "Submit the défi",
        ResubmitDefi => "Send the completed défi back",
        SubmitHint => {
            "Submitting first saves your changes. After submission the dossier can no longer be changed, unless the programme team asks you for information."
        }
        DraftSaved => "Draft saved.",
        DefiSubmitted => "Défi submitted. A receipt was emailed to you.",
        LastSavedAt => "Last saved: {time}",
        AutosaveSavedAt => "Saved automatically at {time}",
        AutosaveSaving => "Saving…",
        AutosaveFailed => {
            "Automatic saving failed (connection?). Trying again in a few seconds; you can also click “Save the draft”."
        }
        AutosaveConflict => {
            "This dossier was changed elsewhere (another tab or person). Automatic saving is paused: reload the page to see the latest version, after copying what you just wrote."
        }
        AutosaveInvalid => {
            "A field is over its limit: fix it, then save the draft to see the details."
        }
        PitchDeckTitle => "Presentation (PDF)",
        FieldPitchDeck => "Presentation file",
        PitchDeckHint => "One PDF file, {max} MB at most. Save your draft before sending the file.",
        UploadSubmit => "Upload the presentation",
        UploadedAt => "uploaded on {date}",
        DownloadFile => "Download {file}",
        FileSizeKb => "{size} KB",
        NoPitchDeck => "No presentation attached.",
        DossierTitle => "Dossier",
        HistoryTitle => "History",
        EventSubmitted => "Submitted",
        EventPublished => "Sheet published",
        EventOther => "Event",
        DefisOf => "Défis of {promotion}",
        PromotionDefisTitle => "Défis — {promotion}",
        CountsTitle => "By state",
        AllStates => "All states",
        AllKinds => "All kinds",
        AllProfiles => "All profiles",
        AllPromotions => "All promotions",
        FilterState => "State",
        FilterKind => "Kind of organisation",
        FilterProfile => "Profile sought",
        FilterPromotion => "Promotion",
        NoDefiMatches => "No défi matches these filters.",
        DefisShown => "{count} défi(s)",
        ColChoose => "Choose",
        ColOrganisation => "Organisation",
        ColProfiles => "Profiles",
        ColSubmitted => "Submitted on",
        ChooseDefi => "Choose “{title}”",
        BatchLegend => "Batch decision on the ticked défis",
        FieldDecision => "Decision",
        FieldMessage => "Message to the organisation",
        FieldMessageToApplicant => "Message to the applicant",
        MessageHint => {
            "Leave empty to send the decision's template. {titre} and {organisation} are replaced for each défi."
        }
        TemplatesTitle => "Message templates",
        TemplatesHint => "Copy a template into the message to adapt it.",
        PreviewBatch => "Preview the messages",
        PublishSelected => "Publish the {count} selected, unpublished défi(s)",
        PublishOne => "Publish this défi's sheet",
        DefisPublished => "Sheets published.",
        BatchPreviewTitle => "Preview of the messages",
        BackToList => "Back to the list",
        BatchSummary => {
            "Decision “{action}”: {applies} défi(s) concerned out of {total}. Nothing is sent before you confirm."
        }
        BatchSkipped => "Skipped:",
        Recipients => "Recipients",
        RecipientsLine => "Recipients: {recipients}",
        NoRecipient => "no member",
        ConfirmBatch => "Confirm and send",
        NoDefiChosen => "No défi was chosen.",
        BatchRecorded => "Decisions recorded; the messages are on their way.",
        DecisionTitle => "Decision",
        SendDecision => "Record the decision and send the message",
        DecisionRecorded => "Decision recorded; the message is on its way.",
        CatalogTitle => "The défis",
        CatalogIntro => {
            "The selected défis: administrations looking for digital talents for 10 months, as a team."
        }
        CatalogEmpty => "No published défi matches your search.",
        ProfilesSought => "Profiles sought",
        TeamSought => "The team sought",
        SlotMandatory => "essential",
        SlotOptional => "desirable",
        PromotionDefis => "The promotion's défis",
        NoPublishedDefi => "This promotion's défis are not published yet.",
        PitchDeckSaved => "Presentation saved.",
        InvitationOtherEmail => {
            "This invitation was sent to another email address: sign in with the invited address's account, or ask for an invitation to your address."
        }
        AutosaveNotEditable => {
            "This défi can no longer be changed (its state changed meanwhile): automatic saving has stopped. Copy what you just wrote, then reload the page."
        }
        AutosaveSignedOut => {
            "Your session has expired: automatic saving has stopped. Copy what you just wrote, sign in again in another tab, then save the draft."
        }
        KeptInputTitle => "Your last input was not saved",
        KeptInputHint => {
            "The défi can no longer be changed. Here is what you had typed, to copy it if needed."
        }
        AppStateDraft => "Draft",
        AppStateSubmitted => "Submitted",
        AppStateCorrectionRequested => "Correction requested",
        AppStateInReview => "In review",
        AppStateShortlisted => "Shortlisted",
        AppStateNotShortlisted => "Not shortlisted",
        AppStateInvitedToInterview => "Invited to an interview",
        AppStateInterviewed => "Interviewed",
        AppStateRanked => "Ranked",
        AppStateOffered => "Offer received",
        AppStateAccepted => "Offer accepted",
        AppStateDeclined => "Offer declined",
        AppStatePlaced => "Placed",
        AppStateActive => "In the programme",
        AppStateCompleted => "Programme completed",
        AppStateWithdrawn => "Withdrawn",
        AppStateIneligible => "Ineligible",
        AppStateIncomplete => "Incomplete",
        ApplicationsNotOpen => "The call for applications is not open yet.",
        ApplicationsClosed => {
            "The call for applications is closed: submission is no longer possible (see the closing time above). Your draft is kept."
        }
        ApplicationAlreadySubmitted => "This application has already been submitted.",
        WithdrawNotAllowed => "This application can no longer be withdrawn.",
        CivilityMme => "Ms",
        CivilityM => "Mr",
        CivilityOther => "Other or prefer not to say",
        ExperienceLt2 => "Less than 2 years",
        Experience2to5 => "2 to 5 years",
        Experience5to10 => "5 to 10 years",
        ExperienceGt10 => "More than 10 years",
        ChoiceInvalid => "Choose one of the options offered.",
        ChoiceTwice => "Each challenge can be ranked only once.",
        TooManyChoices => "You chose too many défis for this promotion.",
        UrlInvalid => "Enter a full web address, starting with https:// (or http://).",
        PhoneInvalid => "Enter a phone number (digits, spaces, +, dots or dashes).",
        ProfileRequired => "Choose your profile.",
        ChoicesRequired => "Rank at least one défi.",
        ChoiceWithoutProfile => {
            "A chosen défi does not seek your profile: choose défis that seek it."
        }
        CvRequired => "Attach your CV as a PDF.",
        DeclarationRequired => "This declaration is required to apply.",
        ConsentRequired => "Your consent to the processing of your data is required to apply.",
        RanksInvalid => "Number your choices 1, 2, 3… without repeating or skipping a number.",
        ApplicationNotEditable => "This application cannot be changed in its current state.",
        ConfirmWithdrawRequired => "Tick the box to confirm the withdrawal.",
        ApplicationWithdrawn => "Your application has been withdrawn.",
        ApplicationSubmittedNotice => "Application submitted. A receipt was emailed to you.",
        ApplicationsTitle => "My application",
        NoOpenCallForApplications => "No call for applications is open at the moment.",
        CallClosesAt => "Closes on {deadline} (Paris time).",
        OpenMyApplication => "Open my application",
        StartApplicationButton => "Start my application",
        ApplicationTitle => "Application — {promotion}",
        CorrectionRequestedTitle => "The programme team asks you for a correction",
        WithdrawTitle => "Withdraw my application",
        WithdrawConfirm => "I confirm that I am withdrawing my application (this cannot be undone)",
        WithdrawButton => "Withdraw my application",
        TimelineTitle => "Where my application stands",
        SummaryTitle => "What you submitted",
        FieldProfile => "Profile",
        FieldSkills => "Skills",
        FieldMotivation => "Motivation",
        ChoicesLegend => "Your choice of défis",
        ChoicesHint => {
            "Rank the défis you are interested in from 1 to {max}, 1 being your first choice. Choose défis that seek your profile."
        }
        NotChosen => "— Not chosen —",
        RankOf => "Rank of “{title}”",
        ColRank => "Rank",
        ApplicationDeadlineLine => {
            "Submission possible until {deadline} (Paris time; the server's clock decides)."
        }
        PersonalDeadlineLine => {
            "Personal extension granted: submission possible until {deadline} (Paris time)."
        }
        IdentityLegend => "Identity",
        FieldCivility => "Title (optional)",
        NotSaid => "— Not given —",
        FieldGender => "Gender (optional)",
        GenderHint => "Only used to form balanced teams; you may leave it unanswered.",
        GenderWoman => "Woman",
        GenderMan => "Man",
        GenderOther => "Other",
        FieldFirstName => "First name",
        FieldLastName => "Last name",
        FieldPhone => "Phone (optional)",
        ProfileLegend => "Profile and background",
        FieldExperience => "Years of experience",
        FieldExperienceText => "Experience",
        FieldPortfolioUrl => "Link to a portfolio (optional)",
        FieldCodeUrl => "Link to your code (optional)",
        MobilityLegend => "Mobility and role",
        FieldMobility => "Cities or regions you accept",
        MobilityHint => "For example: Paris, Lyon, anywhere in Brittany.",
        FieldRemote => "I accept a mostly remote position",
        FieldSupportRole => "Interested in a programme-support role?",
        SupportRoleHint => "A few fellows also support the programme team.",
        DeclarationsLegend => "Declarations",
        DeclCivilServant => "I will not be a civil servant in post at the programme's start date",
        DeclStudent => "I will not be a student at the programme's start date",
        DeclJury => "I am not a member of a jury of this programme",
        ConsentLabel => {
            "I agree that my data is processed for the selection, as the notice explains"
        }
        PrivacyLink => "Read the personal data notice",
        SubmitApplication => "Submit my application",
        ResubmitApplication => "Send my corrected application back",
        FilesTitle => "Attachments",
        FieldCv => "CV (required)",
        FieldPortfolio => "Portfolio (optional)",
        PdfHint => "One PDF file, {max} MB at most. You can replace it until you submit.",
        UploadLabelled => "Upload: {file}",
        FileSaved => "File saved.",
        CountdownLeft => "{days} day(s), {hours} h {minutes} min left.",
        CountdownClosed => "The call is closed.",
        ExtensionTooEarly => {
            "The personal deadline must be after the call's closing time and after now."
        }
        DeadlineExtendedMessage => {
            "Your personal submission deadline is extended to {deadline} (Paris time)."
        }
        ChoiceN => "Choice {n}",
        ReviewRequestCorrection => "Request a correction",
        ReviewMarkIneligible => "Mark ineligible",
        ReviewMarkIncomplete => "Mark incomplete",
        TemplateRequestCorrection => {
            "Hello,\n\nYour application needs a correction: [say here what to correct].\n\nIt can be edited again: correct it, then submit it again.\n\nThe programme team"
        }
        TemplateMarkIneligible => {
            "Hello,\n\nYour application does not meet the programme's conditions: [reason].\n\nThe programme team"
        }
        TemplateMarkIncomplete => {
            "Hello,\n\nYour application is incomplete: [missing documents or information].\n\nThe programme team"
        }
        DeadlineExtended => "Personal deadline granted; the person is told.",
        NoApplicationChosen => "No application was chosen.",
        ApplicationSubmittedAtLine => "Submitted on {date} (Paris time).",
        ApplicationsOf => "Applications — {promotion}",
        AllDefis => "All défis",
        AllAnswers => "All answers",
        FilterDefi => "Chosen défi",
        FilterName => "Name or email address",
        ExportCsv => "Export the selection (CSV)",
        ExportCvZip => "Download the selection's CVs (ZIP)",
        NoApplicationMatches => "No application matches these filters.",
        ApplicationsShown => "{count} application(s) — page {page} of {pages}",
        Pagination => "Pages",
        ApplicationBatchLegend => "Batch action on every filtered application",
        ReviewMessageHint => "Leave empty to send the action's template.",
        ApplicationBatchSummary => {
            "Action “{action}”: {applies} application(s) concerned out of {total}. Nothing is sent before you confirm."
        }
        ExtendTitle => "Grant a personal deadline",
        FieldUntil => "New deadline for this person",
        ExtendSubmit => "Grant the deadline",
        ConfirmDeleteRequired => "Tick the box to confirm the deletion.",
        AccountDeleted => "Your account has been deleted. Thank you for using Cohorte.",
        RetentionInvalid => "Enter a number of months between 1 and 120.",
        RetentionSaved => "Retention period saved.",
        MyDataTitle => "My personal data",
        MyDataIntro => {
            "You can download everything Cohorte keeps about you, and delete your account."
        }
        DownloadMyData => "Download my data (ZIP file)",
        RetentionExplained => {
            "If you delete your account, your drafts are erased at once. A submitted dossier is anonymised (name, contact details, texts and attachments erased) and what remains is kept only for the programme's statistics until the date below, then deleted."
        }
        RetentionLine => "{what}: kept until {until}",
        DeleteAccountTitle => "Delete my account",
        DeleteAccountConfirm => "I understand that this deletion is final",
        DeleteAccountButton => "Delete my account for good",
        RetentionTitle => "Retention of dossiers",
        FieldRetention => "Retention after the end of the programme (months)",
        RetentionHint => "After this period, the promotion's dossiers are deleted automatically.",
        AreaMyDataLink => "My personal data: download it or delete my account",
        KeptApplicationHint => {
            "Your application can no longer be changed. Here is what you had typed, to copy it if needed."
        }
    }
}
