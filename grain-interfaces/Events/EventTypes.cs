namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>The event catalogue: <c>de.genomde.&lt;thing&gt;.&lt;what&gt;.v1</c>.</summary>
public static class EventTypes
{
    public const string Prefix = "de.genomde.";

    public static string Of(string thing, string what) => $"{Prefix}{thing}.{what}.v1";

    /// <summary>Every type the platform emits (a subscription must name known types or prefixes of them).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Of("case", "registered"),
        Of("case", "submission_accepted"),
        Of("case", "data_received"),
        Of("case", "basic_qc_reported"),
        Of("case", "detailed_qc_selected"),
        Of("case", "detailed_qc_reported"),
        Of("case", "check_report_accepted"),
        Of("case", "confirmation_changed"),
        Of("case", "check_report_mismatched"),
        Of("case", "consent_revoked"),
        Of("case", "report_overdue"),
        Of("case", "billed"),
        Of("case", "reimbursed"),
        Of("case", "updated"),
        Of("claim", "accepted"),
        Of("claim", "refused"),
        Of("token", "issued"),
        Of("token", "presented"),
        Of("token", "redeemed"),
        Of("token", "refused"),
        Of("token", "revoked"),
        Of("token", "released"),
        Of("node", "applied"),
        Of("node", "under_review"),
        Of("node", "approved"),
        Of("node", "suspended"),
        Of("node", "reinstated"),
        Of("node", "revoked"),
        Of("node", "refused"),
        Of("provider", "registered"),
        Of("payer", "registered"),
        Of("webhook", "endpoint_disabled"),
    ];

    /// <summary>True when <paramref name="filter"/> is a known type or a prefix of at least one.</summary>
    public static bool IsKnownFilter(string filter) =>
        filter.StartsWith(Prefix, StringComparison.Ordinal) && All.Any(t => t.StartsWith(filter, StringComparison.Ordinal));
}
