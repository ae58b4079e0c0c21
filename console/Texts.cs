using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.OperatorConsole;

/// <summary>The console's words, one typed table per language (German first: BfArM's operators
/// read German; English for everyone else). A missing text is a compile error, not a blank.</summary>
public sealed class Texts
{
    public required string Lang { get; init; }

    public required string ConsoleTitle { get; init; }

    public required string SkipToContent { get; init; }

    public required string MainNavigation { get; init; }

    public required string SignOut { get; init; }

    public required string Overview { get; init; }

    public required string Nodes { get; init; }

    public required string Participants { get; init; }

    public required string CaseLookup { get; init; }

    public required string Tokens { get; init; }

    public required string Reports { get; init; }

    public required string Events { get; init; }

    public required string Audit { get; init; }

    public required string KeyFigures { get; init; }

    public required string CasesTotal { get; init; }

    public required string SubmissionsTotal { get; init; }

    public required string TestSubmissions { get; init; }

    public required string TokensIssued { get; init; }

    public required string ConfirmationP50 { get; init; }

    public required string ConfirmationP90 { get; init; }

    public required string OverdueReports { get; init; }

    public required string CasesByStatus { get; init; }

    public required string TokensPerDay { get; init; }

    public required string QcFailureRate { get; init; }

    public required string SubmissionsPerNode { get; init; }

    public required string SubmissionsPerNodePerWeek { get; init; }

    public required string PerNode { get; init; }

    public required string Table { get; init; }

    public required string Status { get; init; }

    public required string Count { get; init; }

    public required string Day { get; init; }

    public required string Node { get; init; }

    public required string Rate { get; init; }

    public required string NoData { get; init; }

    public required string OpenApplications { get; init; }

    public required string AllNodes { get; init; }

    public required string NodeId { get; init; }

    public required string ApplicationId { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string Site { get; init; }

    public required string NodeClient { get; init; }

    public required string NodeClientHint { get; init; }

    public required string ParticipantClient { get; init; }

    public required string StartReview { get; init; }

    public required string Reason { get; init; }

    public required string Approve { get; init; }

    public required string OfficialNodeId { get; init; }

    public required string Refuse { get; init; }

    public required string Suspend { get; init; }

    public required string Reinstate { get; init; }

    public required string RevokeNode { get; init; }

    public required string History { get; init; }

    public required string Time { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string By { get; init; }

    public required string Saved { get; init; }

    public required string NewProvider { get; init; }

    public required string EditProvider { get; init; }

    public required string NewPayer { get; init; }

    public required string EditPayer { get; init; }

    public required string Indications { get; init; }

    public required string ParticipationStart { get; init; }

    public required string PayerKind { get; init; }

    public required string Save { get; init; }

    public required string Providers { get; init; }

    public required string Payers { get; init; }

    public required string Edit { get; init; }

    public required string InvalidDate { get; init; }

    public required string InvalidDateDetail { get; init; }

    public required string ProviderIk { get; init; }

    public required string LocalCaseId { get; init; }

    public required string Find { get; init; }

    public required string Case { get; init; }

    public required string Submissions { get; init; }

    public required string Category { get; init; }

    public required string Type { get; init; }

    public required string BasicQc { get; init; }

    public required string CheckReport { get; init; }

    public required string Token { get; init; }

    public required string Consent { get; init; }

    public required string Passed { get; init; }

    public required string Failed { get; init; }

    public required string NotIssued { get; init; }

    public required string Timeline { get; init; }

    public required string InvalidCaseId { get; init; }

    public required string InvalidCaseIdDetail { get; init; }

    public required string FindByCode { get; init; }

    public required string FindByCase { get; init; }

    public required string Code { get; init; }

    public required string TokensOfCase { get; init; }

    public required string IssuedAt { get; init; }

    public required string RevocationReason { get; init; }

    public required string Delivered { get; init; }

    public required string Verify { get; init; }

    public required string VerifyHint { get; init; }

    public required string RevokeToken { get; init; }

    public required string TokenRevoked { get; init; }

    public required string Verification { get; init; }

    public required string WellFormed { get; init; }

    public required string HashCheck { get; init; }

    public required string IssuedByPlatform { get; init; }

    public required string Billable { get; init; }

    public required string Yes { get; init; }

    public required string No { get; init; }

    public required string NoTokens { get; init; }

    public required string NoTokensDetail { get; init; }

    public required string InvalidCode { get; init; }

    public required string InvalidCodeDetail { get; init; }

    public required string UnknownToken { get; init; }

    public required string UnknownTokenDetail { get; init; }

    public required string Year { get; init; }

    public required string Quarter { get; init; }

    public required string Show { get; init; }

    public required string DownloadTsv { get; init; }

    public required string InvalidQuarter { get; init; }

    public required string InvalidQuarterDetail { get; init; }

    public required string InvalidNodeId { get; init; }

    public required string InvalidNodeIdDetail { get; init; }

    public required string InvalidReportRequest { get; init; }

    public required string LatestEvents { get; init; }

    public required string EventType { get; init; }

    public required string Filter { get; init; }

    public required string Subject { get; init; }

    public required string Audience { get; init; }

    public required string FailingWebhooks { get; init; }

    public required string NoFailingWebhooks { get; init; }

    public required string Owner { get; init; }

    public required string FailingSince { get; init; }

    public required string DisabledAt { get; init; }

    public required string UnknownEventType { get; init; }

    public required string UnknownEventTypeDetail { get; init; }

    public required string AuditVerification { get; init; }

    public required string Intact { get; init; }

    public required string Entries { get; init; }

    public required string Checkpoints { get; init; }

    public required string FirstBroken { get; init; }

    public required string LatestCheckpoint { get; init; }

    public required string KeyId { get; init; }

    public required string SignCheckpoint { get; init; }

    public required string CheckpointSigned { get; init; }

    public required string EntrySearch { get; init; }

    public required string SearchText { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string Target { get; init; }

    public required string Outcome { get; init; }

    public required string FormExpired { get; init; }

    public required string FormExpiredDetail { get; init; }

    public required string TextTooLong { get; init; }

    public required string TextTooLongDetail { get; init; }

    public required IReadOnlyDictionary<NodeStatus, string> NodeStatuses { get; init; }

    public required IReadOnlyDictionary<Indication, string> IndicationNames { get; init; }

    public required IReadOnlyDictionary<QuarterlyTable, string> ReportTables { get; init; }

    public required string ConsentFormat { get; init; }

    public string StatusName(NodeStatus status) => NodeStatuses[status];

    public string IndicationName(Indication indication) => IndicationNames[indication];

    public string TableName(QuarterlyTable table) => ReportTables[table];

    public string ConsentText(bool mvSequencing, bool research) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConsentFormat, mvSequencing ? Yes : No, research ? Yes : No);

    public static readonly Texts De = new()
    {
        Lang = "de",
        ConsoleTitle = "Betreiberkonsole",
        SkipToContent = "Zum Inhalt springen",
        MainNavigation = "Hauptnavigation",
        SignOut = "Abmelden",
        Overview = "Übersicht",
        Nodes = "Knoten",
        Participants = "Teilnehmer",
        CaseLookup = "Fallsuche",
        Tokens = "Meldebestätigungen",
        Reports = "Berichte",
        Events = "Ereignisse und Webhooks",
        Audit = "Audit",
        KeyFigures = "Kennzahlen",
        CasesTotal = "Fälle",
        SubmissionsTotal = "Einreichungen",
        TestSubmissions = "Testeinreichungen",
        TokensIssued = "Ausgestellte Meldebestätigungen",
        ConfirmationP50 = "Einreichung bis Bestätigung (p50)",
        ConfirmationP90 = "Einreichung bis Bestätigung (p90)",
        OverdueReports = "Überfällige Prüfberichte",
        CasesByStatus = "Fälle nach Status",
        TokensPerDay = "Meldebestätigungen pro Tag",
        QcFailureRate = "QC-Fehlerquote",
        SubmissionsPerNode = "Einreichungen pro Knoten",
        SubmissionsPerNodePerWeek = "Einreichungen pro Knoten und Woche",
        PerNode = "Je Knoten",
        Table = "Tabelle",
        Status = "Status",
        Count = "Anzahl",
        Day = "Tag",
        Node = "Knoten",
        Rate = "Quote",
        NoData = "Keine Daten.",
        OpenApplications = "Offene Anträge",
        AllNodes = "Zugelassene und frühere Knoten",
        NodeId = "Knoten-ID",
        ApplicationId = "Antrags-ID",
        Kind = "Art",
        Name = "Name",
        Site = "Standort",
        NodeClient = "Zugang des Knotens",
        NodeClientHint = "Nur jetzt angezeigt: dem Knoten sicher übergeben.",
        ParticipantClient = "Zugang des Teilnehmers (nur jetzt angezeigt)",
        StartReview = "Prüfung beginnen",
        Reason = "Begründung",
        Approve = "Zulassen",
        OfficialNodeId = "Offizielle Knoten-ID",
        Refuse = "Ablehnen",
        Suspend = "Aussetzen",
        Reinstate = "Wieder zulassen",
        RevokeNode = "Zulassung widerrufen",
        History = "Verlauf",
        Time = "Zeit",
        From = "Von",
        To = "Nach",
        By = "durch",
        Saved = "Gespeichert.",
        NewProvider = "Leistungserbringer anlegen",
        EditProvider = "Leistungserbringer bearbeiten",
        NewPayer = "Kostenträger anlegen",
        EditPayer = "Kostenträger bearbeiten",
        Indications = "Zugelassene Indikationen",
        ParticipationStart = "Teilnahme seit",
        PayerKind = "Art des Kostenträgers",
        Save = "Speichern",
        Providers = "Leistungserbringer",
        Payers = "Kostenträger",
        Edit = "Bearbeiten",
        InvalidDate = "Ungültiges Datum",
        InvalidDateDetail = "Das Datum hat die Form JJJJ-MM-TT.",
        ProviderIk = "IK des Leistungserbringers",
        LocalCaseId = "Lokale Fall-ID",
        Find = "Suchen",
        Case = "Fall",
        Submissions = "Einreichungen",
        Category = "Kategorie",
        Type = "Typ",
        BasicQc = "Basis-QC",
        CheckReport = "Prüfbericht",
        Token = "Meldebestätigung",
        Consent = "Einwilligung",
        Passed = "bestanden",
        Failed = "nicht bestanden",
        NotIssued = "nicht ausgestellt",
        Timeline = "Zeitleiste",
        InvalidCaseId = "Ungültige Fall-ID",
        InvalidCaseIdDetail = "Die lokale Fall-ID ist 1–128 sichtbare Zeichen lang.",
        FindByCode = "Nach Vorgangscode",
        FindByCase = "Nach Fall",
        Code = "Code",
        TokensOfCase = "Meldebestätigungen des Falls",
        IssuedAt = "Ausgestellt",
        RevocationReason = "Widerrufsgrund",
        Delivered = "Wie zugestellt",
        Verify = "Prüfen",
        VerifyHint = "Dieselbe Prüfung, die ein Kostenträger erhält.",
        RevokeToken = "Meldebestätigung widerrufen",
        TokenRevoked = "Meldebestätigung widerrufen.",
        Verification = "Prüfergebnis",
        WellFormed = "Wohlgeformt",
        HashCheck = "Hash",
        IssuedByPlatform = "Von der Plattform ausgestellt",
        Billable = "Abrechenbar",
        Yes = "ja",
        No = "nein",
        NoTokens = "Keine Meldebestätigung",
        NoTokensDetail = "Für diesen Fall wurde keine Meldebestätigung ausgestellt.",
        InvalidCode = "Ungültiger Code",
        InvalidCodeDetail = "Das ist kein Vorgangscode einer Meldebestätigung.",
        UnknownToken = "Unbekannte Meldebestätigung",
        UnknownTokenDetail = "Die Plattform hat keine Meldebestätigung mit diesem Code ausgestellt.",
        Year = "Jahr",
        Quarter = "Quartal",
        Show = "Anzeigen",
        DownloadTsv = "TSV herunterladen",
        InvalidQuarter = "Ungültiges Quartal",
        InvalidQuarterDetail = "Jahr 2020–2100 und Q1–Q4.",
        InvalidNodeId = "Ungültige Knoten-ID",
        InvalidNodeIdDetail = "Eine Knoten-ID beginnt mit GRZ oder KDK, z. B. GRZDD0004.",
        InvalidReportRequest = "Ungültige Berichtsanfrage: Jahr, Quartal (Q1–Q4), Tabelle und Knoten-ID prüfen.",
        LatestEvents = "Neueste Ereignisse",
        EventType = "Ereignistyp",
        Filter = "Filtern",
        Subject = "Betreff",
        Audience = "Empfänger",
        FailingWebhooks = "Fehlschlagende Webhook-Endpunkte",
        NoFailingWebhooks = "Alle Webhook-Endpunkte liefern erfolgreich.",
        Owner = "Teilnehmer",
        FailingSince = "Fehlschlagend seit",
        DisabledAt = "Abgeschaltet",
        UnknownEventType = "Unbekannter Ereignistyp",
        UnknownEventTypeDetail = "Weder ein bekannter Ereignistyp noch dessen Anfang (de.genomde.…).",
        AuditVerification = "Prüfung der Hash-Kette",
        Intact = "Unversehrt",
        Entries = "Einträge",
        Checkpoints = "Checkpoints",
        FirstBroken = "Erster fehlerhafter Eintrag",
        LatestCheckpoint = "Letzter signierter Checkpoint",
        KeyId = "Schlüssel",
        SignCheckpoint = "Checkpoint jetzt signieren",
        CheckpointSigned = "Checkpoint signiert.",
        EntrySearch = "Einträge suchen",
        SearchText = "Suchtext (Aktion, Ziel, Akteur, Request-ID)",
        Actor = "Akteur",
        Action = "Aktion",
        Target = "Ziel",
        Outcome = "Ergebnis",
        FormExpired = "Formular ungültig",
        FormExpiredDetail = "Das Formular trug keinen gültigen Idempotenzschlüssel; bitte die Seite neu laden.",
        TextTooLong = "Text zu lang",
        TextTooLongDetail = "Höchstens {0} Zeichen.",
        NodeStatuses = new Dictionary<NodeStatus, string>
        {
            [NodeStatus.Applied] = "beantragt",
            [NodeStatus.UnderReview] = "in Prüfung",
            [NodeStatus.Approved] = "zugelassen",
            [NodeStatus.Suspended] = "ausgesetzt",
            [NodeStatus.Revoked] = "widerrufen",
        },
        IndicationNames = new Dictionary<Indication, string>
        {
            [Indication.Rare] = "Seltene Erkrankungen",
            [Indication.Oncological] = "Onkologie",
            [Indication.Hereditary] = "Erbliche Tumorerkrankungen",
        },
        ReportTables = new Dictionary<QuarterlyTable, string>
        {
            [QuarterlyTable.Overview] = "1 – Gesamtübersicht",
            [QuarterlyTable.Submissions] = "2 – Infos zu Datensätzen",
            [QuarterlyTable.DetailedQc] = "3 – Detailprüfung",
        },
        ConsentFormat = "MV: {0}, Forschung: {1}",
    };

    public static readonly Texts En = new()
    {
        Lang = "en",
        ConsoleTitle = "Operator console",
        SkipToContent = "Skip to content",
        MainNavigation = "Main navigation",
        SignOut = "Sign out",
        Overview = "Overview",
        Nodes = "Nodes",
        Participants = "Participants",
        CaseLookup = "Case lookup",
        Tokens = "Confirmations",
        Reports = "Reports",
        Events = "Events and webhooks",
        Audit = "Audit",
        KeyFigures = "Key figures",
        CasesTotal = "Cases",
        SubmissionsTotal = "Submissions",
        TestSubmissions = "Test submissions",
        TokensIssued = "Confirmations issued",
        ConfirmationP50 = "Submission to confirmation (p50)",
        ConfirmationP90 = "Submission to confirmation (p90)",
        OverdueReports = "Overdue check reports",
        CasesByStatus = "Cases by status",
        TokensPerDay = "Confirmations per day",
        QcFailureRate = "QC failure rate",
        SubmissionsPerNode = "Submissions per node",
        SubmissionsPerNodePerWeek = "Submissions per node and week",
        PerNode = "Per node",
        Table = "Table",
        Status = "Status",
        Count = "Count",
        Day = "Day",
        Node = "Node",
        Rate = "Rate",
        NoData = "No data.",
        OpenApplications = "Open applications",
        AllNodes = "Approved and former nodes",
        NodeId = "Node ID",
        ApplicationId = "Application ID",
        Kind = "Kind",
        Name = "Name",
        Site = "Site",
        NodeClient = "The node's client",
        NodeClientHint = "Shown only now: hand it to the node securely.",
        ParticipantClient = "The participant's client (shown only now)",
        StartReview = "Start review",
        Reason = "Reason",
        Approve = "Approve",
        OfficialNodeId = "Official node ID",
        Refuse = "Refuse",
        Suspend = "Suspend",
        Reinstate = "Reinstate",
        RevokeNode = "Revoke approval",
        History = "History",
        Time = "Time",
        From = "From",
        To = "To",
        By = "by",
        Saved = "Saved.",
        NewProvider = "Register provider",
        EditProvider = "Edit provider",
        NewPayer = "Register payer",
        EditPayer = "Edit payer",
        Indications = "Admitted indications",
        ParticipationStart = "Participation start",
        PayerKind = "Payer kind",
        Save = "Save",
        Providers = "Providers",
        Payers = "Payers",
        Edit = "Edit",
        InvalidDate = "Invalid date",
        InvalidDateDetail = "The date has the form YYYY-MM-DD.",
        ProviderIk = "Provider IK",
        LocalCaseId = "Local case ID",
        Find = "Find",
        Case = "Case",
        Submissions = "Submissions",
        Category = "Category",
        Type = "Type",
        BasicQc = "Basic QC",
        CheckReport = "Check report",
        Token = "Confirmation",
        Consent = "Consent",
        Passed = "passed",
        Failed = "failed",
        NotIssued = "not issued",
        Timeline = "Timeline",
        InvalidCaseId = "Invalid local case ID",
        InvalidCaseIdDetail = "A local case ID is 1–128 visible characters.",
        FindByCode = "By code",
        FindByCase = "By case",
        Code = "Code",
        TokensOfCase = "The case's confirmations",
        IssuedAt = "Issued",
        RevocationReason = "Revocation reason",
        Delivered = "As delivered",
        Verify = "Verify",
        VerifyHint = "The same check a payer gets.",
        RevokeToken = "Revoke confirmation",
        TokenRevoked = "Confirmation revoked.",
        Verification = "Verification",
        WellFormed = "Well-formed",
        HashCheck = "Hash",
        IssuedByPlatform = "Issued by the platform",
        Billable = "Billable",
        Yes = "yes",
        No = "no",
        NoTokens = "No confirmation",
        NoTokensDetail = "No confirmation was issued for this case.",
        InvalidCode = "Invalid code",
        InvalidCodeDetail = "That is not a confirmation code.",
        UnknownToken = "Unknown confirmation",
        UnknownTokenDetail = "The platform issued no confirmation with this code.",
        Year = "Year",
        Quarter = "Quarter",
        Show = "Show",
        DownloadTsv = "Download TSV",
        InvalidQuarter = "Invalid quarter",
        InvalidQuarterDetail = "A year 2020–2100 and Q1–Q4.",
        InvalidNodeId = "Invalid node ID",
        InvalidNodeIdDetail = "A node ID starts with GRZ or KDK, e.g. GRZDD0004.",
        InvalidReportRequest = "Invalid report request: check year, quarter (Q1–Q4), table and node ID.",
        LatestEvents = "Latest events",
        EventType = "Event type",
        Filter = "Filter",
        Subject = "Subject",
        Audience = "Audience",
        FailingWebhooks = "Failing webhook endpoints",
        NoFailingWebhooks = "Every webhook endpoint delivers successfully.",
        Owner = "Owner",
        FailingSince = "Failing since",
        DisabledAt = "Disabled",
        UnknownEventType = "Unknown event type",
        UnknownEventTypeDetail = "Neither a known event type nor a prefix of one (de.genomde.…).",
        AuditVerification = "Hash chain verification",
        Intact = "Intact",
        Entries = "Entries",
        Checkpoints = "Checkpoints",
        FirstBroken = "First broken entry",
        LatestCheckpoint = "Latest signed checkpoint",
        KeyId = "Key",
        SignCheckpoint = "Sign a checkpoint now",
        CheckpointSigned = "Checkpoint signed.",
        EntrySearch = "Search entries",
        SearchText = "Search text (action, target, actor, request ID)",
        Actor = "Actor",
        Action = "Action",
        Target = "Target",
        Outcome = "Outcome",
        FormExpired = "Form not valid",
        FormExpiredDetail = "The form carried no valid idempotency key; reload the page.",
        TextTooLong = "Text too long",
        TextTooLongDetail = "At most {0} characters.",
        NodeStatuses = new Dictionary<NodeStatus, string>
        {
            [NodeStatus.Applied] = "applied",
            [NodeStatus.UnderReview] = "under review",
            [NodeStatus.Approved] = "approved",
            [NodeStatus.Suspended] = "suspended",
            [NodeStatus.Revoked] = "revoked",
        },
        IndicationNames = new Dictionary<Indication, string>
        {
            [Indication.Rare] = "Rare diseases",
            [Indication.Oncological] = "Oncology",
            [Indication.Hereditary] = "Hereditary cancer",
        },
        ReportTables = new Dictionary<QuarterlyTable, string>
        {
            [QuarterlyTable.Overview] = "1 – Overview",
            [QuarterlyTable.Submissions] = "2 – Submissions",
            [QuarterlyTable.DetailedQc] = "3 – Detailed QC",
        },
        ConsentFormat = "MV: {0}, research: {1}",
    };
}
