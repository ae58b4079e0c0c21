using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Clinical;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Clinical.ClinicalDocument;

namespace GenomDE.Orleans.Tests.Clinical;

/// <summary>One failing example per CDN QC criterion that metaData can decide.</summary>
public sealed class ClinicalMetadataValidatorTests
{
    [Fact]
    public void The_valid_example_is_accepted_without_warnings()
    {
        var outcome = Load().Validate();

        Assert.True(outcome.IsAccepted, Describe(outcome));
        Assert.Empty(outcome.Report.Warnings);
        var m = outcome.Metadata!;
        Assert.Equal(("123456789", "KDKM00456", "GRZM00123"), (m.Submission.SubmitterId, m.Submission.ClinicalDataNodeId, m.Submission.GenomicDataCenterId));
        Assert.Equal(new BirthMonth(1968, 3), m.BirthDate);
        Assert.True(m.MvConsent.PermitsSequencing);
    }

    [Fact]
    public void The_valid_example_inside_a_full_data_set_is_accepted()
    {
        var outcome = Load().InDataSet(ClinicalDataSetKind.Oncology, "wgs").Validate();

        Assert.True(outcome.IsAccepted, Describe(outcome));
        Assert.Equal(new ClinicalCase(ClinicalDataSetKind.Oncology, "wgs"), outcome.Metadata!.Case);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"metaData\": 3}")]
    [InlineData("{\"metaData\": {\"submission\": []}}")]
    [InlineData("{\"tanC\": {}, \"mvConsent\": {\"scope\": [1, null, {\"date\": 5}]}, \"birthDate\": 1968}")]
    public void Garbage_is_refused_without_throwing(string json)
    {
        var outcome = ClinicalMetadataValidator.Official.Validate(json, ReceivingNode);

        Assert.False(outcome.IsAccepted);
        Assert.NotEmpty(outcome.Report.Errors);
    }

    [Theory]
    [InlineData("tanC")]
    [InlineData("submission")]
    [InlineData("coverageType")]
    [InlineData("mvConsent")]
    [InlineData("gender")]
    [InlineData("birthDate")]
    [InlineData("addressAGS")]
    [InlineData("decisionToInclude")]
    [InlineData("molecularBoardDecisionDate")]
    public void The_schema_s_required_fields_are_required(string field)
    {
        var doc = Load();
        doc.MetaData.Remove(field);

        AssertRefused(doc.Validate(), MetadataRuleCodes.FieldRequired, $"$.{field}");
    }

    [Theory]
    [InlineData("tanC", "4c2f", ClinicalRuleCodes.TanCFormat)]
    [InlineData("tanC", "0000000000000000000000000000000000000000000000000000000000000000", ClinicalRuleCodes.TanCRedacted)]
    [InlineData("birthDate", "1968-03-15", ClinicalRuleCodes.BirthDateFormat)]
    [InlineData("birthDate", "1968-13", ClinicalRuleCodes.BirthDateFormat)]
    [InlineData("addressAGS", "8416041", ClinicalRuleCodes.AddressAgsFormat)]
    [InlineData("rejectionJustification", "noReason", ClinicalRuleCodes.RejectionJustificationInvalid)]
    [InlineData("coverageType", "AOK", "coverage_type_invalid")]
    [InlineData("gender", "f", "gender_invalid")]
    public void Formats_and_value_lists_are_checked(string field, string value, string rule) =>
        AssertRefused(Load().Set(field, value).Validate(), rule, $"$.{field}");

    [Fact]
    public void Paths_inside_a_data_set_name_the_metadata_object()
    {
        var doc = Load().Set("tanC", "x").InDataSet(ClinicalDataSetKind.Oncology, "wgs");

        AssertRefused(doc.Validate(), ClinicalRuleCodes.TanCFormat, "$.metaData.tanC");
    }

    // Criterion: age 0–130 at submission (submitted 2024-10-28; the birth day is unknown, so the
    // youngest possible age counts).
    [Theory]
    [InlineData("1894-10", true)] // at most 130 (born 31.10.1894 → 129, born 1.10.1894 → 130)
    [InlineData("1894-09", true)] // 130
    [InlineData("1893-10", true)] // 130 if born 29–31.10.1893
    [InlineData("1893-09", false)] // at least 131
    [InlineData("2024-10", true)] // 0: born this month
    [InlineData("2024-11", false)] // born after the submission
    public void The_patient_is_0_to_130_years_old(string birthDate, bool accepted)
    {
        var doc = Load().Set("birthDate", birthDate);
        doc.MetaData["molecularBoardDecisionDate"] = "2024-10-28";
        doc.MvConsent["presentationDate"] = "2024-10-28";
        foreach (var module in doc.MvConsent["scope"]!.AsArray())
        {
            module!["date"] = "2024-10-28";
        }

        doc.ResearchConsent(0)["presentationDate"] = "2024-10-28";
        var outcome = doc.Validate();

        Assert.Equal(!accepted, outcome.Report.HasError(ClinicalRuleCodes.AgeOutOfRange));
        if (!accepted)
        {
            AssertRefused(outcome, ClinicalRuleCodes.AgeOutOfRange, "$.birthDate");
        }
    }

    // Criterion: no date before birth.
    [Fact]
    public void No_date_lies_before_the_birth_month()
    {
        var outcome = Load().Set("birthDate", "2023-07").Validate();

        AssertRefused(outcome, ClinicalRuleCodes.DateBeforeBirth, "$.mvConsent.presentationDate");
        AssertRefused(outcome, ClinicalRuleCodes.DateBeforeBirth, "$.mvConsent.scope[0].date");
        AssertRefused(outcome, ClinicalRuleCodes.DateBeforeBirth, "$.molecularBoardDecisionDate");
        AssertRefused(outcome, ClinicalRuleCodes.DateBeforeBirth, "$.researchConsents[0].presentationDate");
    }

    [Fact]
    public void A_date_within_the_birth_month_is_given_the_benefit_of_the_doubt() =>
        Assert.False(Load().Set("birthDate", "2023-06").Validate().Report.HasError(ClinicalRuleCodes.DateBeforeBirth));

    // Criterion: mvSequencing permit for the index patient.
    [Fact]
    public void An_initial_submission_needs_the_mv_sequencing_permit()
    {
        var doc = Load();
        doc.Scope(0)["type"] = "deny";

        AssertRefused(doc.Validate(), MetadataRuleCodes.MvSequencingPermitMissing, "$.mvConsent.scope");
    }

    [Fact]
    public void A_follow_up_may_carry_a_revocation()
    {
        var doc = Load();
        doc.Scope(0)["type"] = "deny";
        doc.Submission["type"] = "followup";

        Assert.True(doc.Validate().IsAccepted);
    }

    // Criterion: consent presented ≤ signed.
    [Fact]
    public void A_consent_module_is_not_signed_before_the_form_was_presented()
    {
        var doc = Load();
        doc.MvConsent["presentationDate"] = "2023-06-12";

        AssertRefused(doc.Validate(), ClinicalRuleCodes.ConsentSignedBeforePresentation, "$.mvConsent.scope[0].date");
    }

    // Criterion: board decision after consent.
    [Fact]
    public void The_board_decides_only_after_consent()
    {
        var outcome = Load().Set("molecularBoardDecisionDate", "2023-06-09").Validate();

        AssertRefused(outcome, ClinicalRuleCodes.BoardDecisionBeforeConsent, "$.molecularBoardDecisionDate");
    }

    [Fact]
    public void A_board_decision_on_the_day_of_consent_is_accepted() =>
        Assert.True(Load().Set("molecularBoardDecisionDate", "2023-06-10").Validate().IsAccepted);

    // Criterion: dates ordered relative to the board decision.
    [Fact]
    public void The_submission_does_not_precede_the_board_decision() =>
        AssertRefused(Load().Set("molecularBoardDecisionDate", "2024-10-29").Validate(), ClinicalRuleCodes.SubmissionBeforeBoardDecision, "$.submission.date");

    // Criterion: clinicalDataNodeId is the node's own ID.
    [Fact]
    public void The_data_set_names_the_node_that_received_it() =>
        AssertRefused(Load().Validate(receivingNode: "KDKTUE002"), ClinicalRuleCodes.ClinicalDataNodeNotReceiver, "$.submission.clinicalDataNodeId");

    // Criterion: rare → library wgs/wgs_lr/none (date-effective like metadata.json's WGS rule).
    [Theory]
    [InlineData("2026-05-31", false)]
    [InlineData("2026-06-01", true)]
    public void A_rare_disease_case_is_whole_genome_sequenced_from_1_june_2026(string date, bool refused)
    {
        var doc = Load();
        doc.Submission["diseaseType"] = "rare";
        doc.Submission["date"] = date;
        var outcome = doc.InDataSet(ClinicalDataSetKind.RareDiseases, "wes").Validate();

        if (refused)
        {
            AssertRefused(outcome, MetadataRuleCodes.RareDiseaseIndexNotWgs, "$.case.diagnosisRd.libraryType");
        }
        else
        {
            AssertWarnedOnly(outcome, MetadataRuleCodes.RareDiseaseIndexNotWgs, "$.case.diagnosisRd.libraryType");
        }
    }

    [Theory]
    [InlineData(LibraryType.Wgs)]
    [InlineData(LibraryType.WgsLr)]
    [InlineData(LibraryType.None)]
    public void A_rare_disease_case_with_wgs_or_without_sequencing_is_accepted(LibraryType libraryType)
    {
        var doc = Load();
        doc.Submission["diseaseType"] = "rare";
        doc.Submission["date"] = "2026-06-01";

        Assert.True(doc.Validate(knownLibraryType: libraryType).IsAccepted);
    }

    [Fact]
    public void The_library_type_can_come_from_the_caller_when_the_document_has_no_case_part()
    {
        var doc = Load();
        doc.Submission["diseaseType"] = "rare";
        doc.Submission["date"] = "2026-06-01";

        Assert.True(doc.Validate(knownLibraryType: LibraryType.Panel).Report.HasError(MetadataRuleCodes.RareDiseaseIndexNotWgs));
    }

    // Criterion: noScopeJustification patient-related only (from 1 June 2026).
    [Theory]
    [InlineData("2026-05-31", false)]
    [InlineData("2026-06-01", true)]
    public void A_missing_research_consent_needs_a_patient_related_reason_from_1_june_2026(string date, bool refused)
    {
        var doc = Load();
        doc.Submission["date"] = date;
        doc.MetaData["researchConsents"] = new JsonArray(new JsonObject
        {
            ["presentationDate"] = "2023-06-10",
            ["noScopeJustification"] = NoScopeJustifications.TechnicalAtLe,
        });
        var outcome = doc.Validate();

        if (refused)
        {
            AssertRefused(outcome, MetadataRuleCodes.NoScopeJustificationNotPatientRelated, "$.researchConsents[0].noScopeJustification");
        }
        else
        {
            AssertWarnedOnly(outcome, MetadataRuleCodes.NoScopeJustificationNotPatientRelated, "$.researchConsents[0].noScopeJustification");
        }
    }

    [Fact]
    public void A_patient_related_reason_is_accepted()
    {
        var doc = Load();
        doc.MetaData["researchConsents"] = new JsonArray(new JsonObject { ["noScopeJustification"] = NoScopeJustifications.Refused });

        Assert.True(doc.Validate().IsAccepted);
    }

    [Fact]
    public void A_research_consent_has_a_scope_or_a_reason_not_both()
    {
        var doc = Load();
        doc.ResearchConsent(0)["noScopeJustification"] = NoScopeJustifications.Refused;

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentScopeXorJustification, "$.researchConsents[0]");
    }

    [Fact]
    public void A_negative_board_decision_says_why() =>
        AssertRefused(Load().Set("decisionToInclude", false).Validate(), ClinicalRuleCodes.RejectionJustificationRequired, "$.rejectionJustification");

    [Fact]
    public void A_negative_board_decision_with_its_reason_is_accepted() =>
        Assert.True(Load().Set("decisionToInclude", false).Set("rejectionJustification", "probablyNoGeneticCause").Validate().IsAccepted);

    [Fact]
    public void A_positive_board_decision_has_no_rejection_reason() =>
        AssertRefused(Load().Set("rejectionJustification", "otherReason").Validate(), ClinicalRuleCodes.RejectionJustificationUnexpected, "$.rejectionJustification");

    [Fact]
    public void A_sequenced_case_names_its_genome_data_centre()
    {
        var doc = Load();
        doc.Submission.Remove("genomicDataCenterId");

        AssertRefused(doc.Validate(knownLibraryType: LibraryType.Wgs), ClinicalRuleCodes.GenomicDataCenterIdRequired, "$.submission.genomicDataCenterId");
        Assert.True(doc.Validate(knownLibraryType: LibraryType.None).IsAccepted);
    }

    [Theory]
    [InlineData(ClinicalDataSetKind.RareDiseases, "oncological")]
    [InlineData(ClinicalDataSetKind.Oncology, "rare")]
    public void The_data_set_variant_fits_the_disease_type(ClinicalDataSetKind kind, string diseaseType)
    {
        var doc = Load();
        doc.Submission["diseaseType"] = diseaseType;

        AssertRefused(doc.InDataSet(kind, "wgs").Validate(), ClinicalRuleCodes.DiseaseTypeDataSetMismatch, "$.metaData.submission.diseaseType");
    }
}
