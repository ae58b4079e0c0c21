using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Submissions.MetadataDocument;

namespace GenomDE.Orleans.Tests.Submissions;

public sealed class DonorRuleTests
{
    [Fact]
    public void A_submission_without_an_index_donor_is_refused()
    {
        var doc = Load(Trio);
        doc.Donor(0)["relation"] = "brother";

        AssertRefused(doc.Validate(), MetadataRuleCodes.IndexDonorCount, "$.donors");
    }

    [Fact]
    public void A_submission_with_two_index_donors_is_refused()
    {
        var doc = Load(Trio);
        doc.Donor(2)["relation"] = "index";

        AssertRefused(doc.Validate(), MetadataRuleCodes.IndexDonorCount, "$.donors");
    }

    [Fact]
    public void Donor_pseudonyms_must_be_unique()
    {
        var doc = Load(Trio);
        doc.Donor(2)["donorPseudonym"] = doc.Donor(1)["donorPseudonym"]!.GetValue<string>();

        AssertRefused(doc.Validate(), MetadataRuleCodes.DonorPseudonymDuplicate, "$.donors[2].donorPseudonym");
    }

    [Theory]
    [InlineData("trio", 2)]
    [InlineData("duo", 1)]
    public void The_study_type_needs_enough_donors(string studyType, int donors)
    {
        var doc = Load(Trio);
        doc.Submission["genomicStudyType"] = studyType;
        while (doc.Donors.Count > donors)
        {
            doc.Donors.RemoveAt(doc.Donors.Count - 1);
        }

        AssertRefused(doc.Validate(), MetadataRuleCodes.DonorCountForStudyType, "$.donors");
    }

    [Fact]
    public void A_single_study_with_relatives_is_fine()
    {
        var doc = Load(Trio);
        doc.Submission["genomicStudyType"] = "single";

        Assert.True(doc.Validate().IsAccepted);
    }

    [Fact]
    public void An_initial_submission_needs_an_mv_sequencing_permit_from_every_donor()
    {
        var doc = Load(Trio);
        doc.Donor(2)["mvConsent"]!["scope"]![0]!["type"] = "deny";

        AssertRefused(doc.Validate(), MetadataRuleCodes.MvSequencingPermitMissing, "$.donors[2].mvConsent.scope");
    }

    [Fact]
    public void A_permit_of_another_module_is_not_an_mv_sequencing_permit()
    {
        var doc = Load(Trio);
        doc.Donor(0)["mvConsent"]!["scope"]![0]!["domain"] = "reIdentification";

        AssertRefused(doc.Validate(), MetadataRuleCodes.MvSequencingPermitMissing, "$.donors[0].mvConsent.scope");
    }

    [Fact]
    public void A_follow_up_does_not_need_the_permit_again()
    {
        var doc = Load(Trio);
        doc.Submission["submissionType"] = "followup";
        doc.Donor(2)["mvConsent"]!["scope"]![0]!["type"] = "deny";

        Assert.False(doc.Validate().HasError(MetadataRuleCodes.MvSequencingPermitMissing));
    }

    [Fact]
    public void A_parent_without_mv_modules_may_rely_on_an_early_broad_consent()
    {
        var doc = Load(Trio);
        doc.Donor(1)["mvConsent"]!["scope"] = new JsonArray();
        doc.Donor(1)["researchConsents"] = doc.Donor(0)["researchConsents"]!.DeepClone();

        Assert.False(doc.Validate().HasError(MetadataRuleCodes.MvSequencingPermitMissing));
    }

    [Fact]
    public void A_parent_without_mv_modules_or_broad_consent_is_refused()
    {
        var doc = Load(Trio);
        doc.Donor(1)["mvConsent"]!["scope"] = new JsonArray();

        AssertRefused(doc.Validate(), MetadataRuleCodes.MvSequencingPermitMissing, "$.donors[1].mvConsent.scope");
    }

    [Fact]
    public void The_index_needs_a_lab_datum_a_pruefbericht_can_report()
    {
        var doc = Load(WesTumorGermline);
        doc.LabDatum(0, 0)["libraryType"] = "wxs";
        doc.LabDatum(0, 0)["sequenceType"] = "rna";
        doc.LabDatum(0, 1)["libraryType"] = "other";

        AssertRefused(doc.Validate(), MetadataRuleCodes.IndexLibraryTypeMissing, "$.donors[0].labData");
    }
}
