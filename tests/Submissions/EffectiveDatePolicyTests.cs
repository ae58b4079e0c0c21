using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Submissions.MetadataDocument;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>The same document, judged on the day before and on the day a policy takes effect.</summary>
public sealed class EffectiveDatePolicyTests
{
    [Theory]
    [InlineData("2025-12-03", false)]
    [InlineData("2025-12-04", true)]
    public void Index_lab_data_must_fit_the_study_subtype_from_4_december_2025(string date, bool refused)
    {
        var doc = Load(WgsTumorGermline).WithSubmissionDate(date);
        doc.LabData(0).RemoveAt(1); // the somatic sample of a tumor+germline study

        Assert.Equal(refused, Judge(doc, MetadataRuleCodes.LabDataStudySubtypeMismatch, "$.donors[0].labData"));
    }

    [Theory]
    [InlineData("2026-05-31", false)]
    [InlineData("2026-06-01", true)]
    public void Rare_disease_needs_wgs_for_the_index_from_1_june_2026(string date, bool refused)
    {
        var doc = Load(Trio).WithSubmissionDate(date);
        doc.LabDatum(0, 0)["libraryType"] = "wes";
        doc.Files(0, 0).Add(new JsonObject
        {
            ["filePath"] = "donor_index/targets.bed",
            ["fileType"] = "bed",
            ["checksumType"] = "sha256",
            ["fileChecksum"] = new string('c', 64),
            ["fileSizeInBytes"] = 1000,
        });

        Assert.Equal(refused, Judge(doc, MetadataRuleCodes.RareDiseaseIndexNotWgs, "$.donors[0].labData"));
    }

    [Theory]
    [InlineData(NoScopeJustifications.TechnicalAtLe, "2026-05-31", false)]
    [InlineData(NoScopeJustifications.TechnicalAtLe, "2026-06-01", true)]
    [InlineData(NoScopeJustifications.OrganisationalAtLe, "2026-05-31", false)]
    [InlineData(NoScopeJustifications.OrganisationalAtLe, "2026-06-01", true)]
    public void Le_side_justifications_end_on_1_june_2026(string justification, string date, bool refused)
    {
        var doc = Load(Trio).WithSubmissionDate(date);
        doc.ResearchConsent(1, 0)["noScopeJustification"] = justification;

        Assert.Equal(refused, Judge(doc, MetadataRuleCodes.NoScopeJustificationNotPatientRelated, "$.donors[1].researchConsents[0].noScopeJustification"));
    }

    [Fact]
    public void Patient_related_justifications_stay_acceptable()
    {
        var report = Load(Trio).WithSubmissionDate("2027-01-01").Validate();

        Assert.True(report.IsAccepted, Describe(report));
        Assert.DoesNotContain(report.Warnings, w => w.Rule == MetadataRuleCodes.NoScopeJustificationNotPatientRelated);
    }

    [Fact]
    public void Without_a_readable_submission_date_the_strictest_policies_apply()
    {
        var doc = Load(Trio).WithSubmissionDate("soon");
        doc.ResearchConsent(1, 0)["noScopeJustification"] = NoScopeJustifications.TechnicalAtLe;

        Assert.True(doc.Validate().HasError(MetadataRuleCodes.NoScopeJustificationNotPatientRelated));
    }

    [Fact]
    public void The_warning_announces_the_effective_date()
    {
        var doc = Load(Trio).WithSubmissionDate("2026-01-15");
        doc.ResearchConsent(2, 0)["noScopeJustification"] = NoScopeJustifications.OrganisationalAtLe;

        var warning = Assert.Single(doc.Validate().Warnings, w => w.Rule == MetadataRuleCodes.NoScopeJustificationNotPatientRelated);
        Assert.Contains("2026-06-01", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_are_data_and_can_be_replaced()
    {
        var doc = Load(Trio).WithSubmissionDate("2026-06-01");
        doc.ResearchConsent(1, 0)["noScopeJustification"] = NoScopeJustifications.TechnicalAtLe;
        var postponed = new MetadataPolicy(new DateOnly(2027, 1, 1), "postponed", [MetadataRuleCodes.NoScopeJustificationNotPatientRelated]);

        var report = new MetadataValidator([postponed]).Validate(doc.Root.ToJsonString());

        Assert.True(report.IsAccepted, Describe(report));
        Assert.True(report.HasWarning(MetadataRuleCodes.NoScopeJustificationNotPatientRelated));
    }

    [Fact]
    public void Each_official_policy_has_its_own_effective_date()
    {
        Assert.Equal(
            [new DateOnly(2025, 12, 4), new DateOnly(2026, 6, 1)],
            MetadataPolicies.Official.Select(p => p.EffectiveFrom));
        Assert.Equal(
            MetadataPolicies.Official.SelectMany(p => p.Rules).Count(),
            MetadataPolicies.Official.SelectMany(p => p.Rules).Distinct().Count());
    }

    /// <summary>True when refused by <paramref name="rule"/>; false when the same finding was only a
    /// warning and the document otherwise accepted.</summary>
    private static bool Judge(MetadataDocument doc, string rule, string path)
    {
        var report = doc.Validate();
        if (report.Errors.Any(e => e.Rule == rule && e.Path == path))
        {
            return true;
        }

        AssertWarnedOnly(report, rule, path);
        return false;
    }
}
