using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

public sealed class IssuancePolicyTests
{
    private static readonly CheckReport Report = new(new DateOnly(2025, 12, 1), SubmissionType.Initial, new string('a', 64),
        "260320597", "KDKTUE002", Indication.Rare, DataCategory.Clinical, LibraryType.Wgs, CoverageType.Gkv, true);

    [Fact]
    public void Bfarm_confirms_an_initial_report_with_qc_passed()
    {
        var decision = IssuancePolicy.BfArMToday.Decide(Report);

        Assert.True(decision.Issue);
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void Bfarm_withholds_when_qc_failed()
    {
        var decision = IssuancePolicy.BfArMToday.Decide(Report with { DataQualityCheckPassed = false });

        Assert.False(decision.Issue);
        Assert.Equal(("qc_failed", "QC failed"), (decision.Reason!.Code, decision.Reason.Message));
    }

    [Theory]
    [InlineData(SubmissionType.Followup, true)]
    [InlineData(SubmissionType.Addition, true)]
    [InlineData(SubmissionType.Correction, true)]
    [InlineData(SubmissionType.Test, true)]
    [InlineData(SubmissionType.Followup, false)]
    public void Bfarm_withholds_for_any_other_report_type(SubmissionType type, bool qcPassed)
    {
        var decision = IssuancePolicy.BfArMToday.Decide(Report with { SubmissionType = type, DataQualityCheckPassed = qcPassed });

        Assert.False(decision.Issue);
        Assert.Equal(("no_initial_report", "no initial report"), (decision.Reason!.Code, decision.Reason.Message));
    }

    [Theory]
    [InlineData(SubmissionType.Initial)]
    [InlineData(SubmissionType.Followup)]
    [InlineData(SubmissionType.Addition)]
    [InlineData(SubmissionType.Correction)]
    [InlineData(SubmissionType.Test)]
    public void An_operator_can_confirm_every_type_and_failed_qc(SubmissionType type)
    {
        var everything = new IssuancePolicy(Enum.GetValues<SubmissionType>(), ConfirmFailedQc: true);

        Assert.True(everything.Decide(Report with { SubmissionType = type, DataQualityCheckPassed = false }).Issue);
    }

    [Fact]
    public void A_wider_policy_still_withholds_failed_qc_unless_told()
    {
        var withTests = new IssuancePolicy([SubmissionType.Initial, SubmissionType.Test], ConfirmFailedQc: false);

        Assert.True(withTests.Decide(Report with { SubmissionType = SubmissionType.Test }).Issue);
        Assert.Equal("qc_failed", withTests.Decide(Report with { SubmissionType = SubmissionType.Test, DataQualityCheckPassed = false }).Reason!.Code);
        var followup = withTests.Decide(Report with { SubmissionType = SubmissionType.Followup });
        Assert.Equal(("report_type_not_confirmed", "no confirmation for followup reports"), (followup.Reason!.Code, followup.Reason.Message));
    }

    [Fact]
    public void Policies_compare_by_content() =>
        Assert.Equal(IssuancePolicy.BfArMToday, new IssuancePolicy([SubmissionType.Initial], false));
}
