using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>The one place that decides whether an accepted Prüfbericht gets a Meldebestätigung.
/// <see cref="BfArMToday"/> confirms only initial reports with QC passed; the format can carry every
/// report type and QC 0, so an operator may widen the policy without touching the format.</summary>
[GenerateSerializer, Immutable, Alias("genomde.issuance-policy")]
public sealed record IssuancePolicy(
    [property: Id(0)] IReadOnlyList<SubmissionType> ConfirmedReportTypes,
    [property: Id(1)] bool ConfirmFailedQc)
{
    public const string QcFailedCode = "qc_failed";
    public const string NoInitialReportCode = "no_initial_report";
    public const string ReportTypeNotConfirmedCode = "report_type_not_confirmed";

    public static IssuancePolicy BfArMToday { get; } = new([SubmissionType.Initial], false);

    /// <summary>Checks the report type before QC: a follow-up is not confirmed however its QC went, and
    /// telling the LE "QC failed" would suggest that resubmitting could help.</summary>
    public IssuanceDecision Decide(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!ConfirmedReportTypes.Contains(report.SubmissionType))
        {
            return ConfirmedReportTypes is [SubmissionType.Initial]
                ? IssuanceDecision.Withhold(NoInitialReportCode, "no initial report")
                : IssuanceDecision.Withhold(ReportTypeNotConfirmedCode,
                    $"no confirmation for {WireNames.SubmissionTypes.NameOf(report.SubmissionType)} reports");
        }

        return report.DataQualityCheckPassed || ConfirmFailedQc
            ? IssuanceDecision.Confirm
            : IssuanceDecision.Withhold(QcFailedCode, "QC failed");
    }

    /// <summary>Value equality including the list's contents (records compare lists by reference).</summary>
    public bool Equals(IssuancePolicy? other) =>
        other is not null && ConfirmFailedQc == other.ConfirmFailedQc && ConfirmedReportTypes.SequenceEqual(other.ConfirmedReportTypes);

    public override int GetHashCode() => HashCode.Combine(ConfirmFailedQc, ConfirmedReportTypes.Count);
}
