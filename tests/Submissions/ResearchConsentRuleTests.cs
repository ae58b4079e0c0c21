using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Submissions.MetadataDocument;

namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>Research consent rules of schema 1.3 and their relaxed pre-1.3 forms.</summary>
public sealed class ResearchConsentRuleTests
{
    private const string V121 = "https://raw.githubusercontent.com/BfArM-MVH/MVGenomseq/refs/tags/v1.2.1/GRZ/grz-schema.json";
    private const string IndexConsent = "$.donors[0].researchConsents[0]";

    [Fact]
    public void From_1_3_every_donor_states_research_consent()
    {
        var doc = Load(Trio);
        doc.Donor(1)["researchConsents"] = new JsonArray();

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentRequired, "$.donors[1].researchConsents");
    }

    [Fact]
    public void Before_1_3_research_consent_was_optional()
    {
        var doc = Load(Trio);
        doc.Root["$schema"] = V121;
        doc.Donor(1)["researchConsents"] = new JsonArray();
        doc.Donor(2)["researchConsents"] = new JsonArray();
        doc.ResearchConsent(0, 0)["schemaVersion"] = "2025.0.1";

        var report = doc.Validate();

        Assert.True(report.IsAccepted, Describe(report));
    }

    [Fact]
    public void From_1_3_a_research_consent_has_a_presentation_date()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(2, 0).Remove("presentationDate");

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentPresentationDateRequired, "$.donors[2].researchConsents[0].presentationDate");
    }

    [Fact]
    public void Before_1_3_a_research_consent_names_its_package_version()
    {
        var doc = Load(Trio);
        doc.Root["$schema"] = V121;
        doc.ResearchConsent(0, 0).Remove("schemaVersion");

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentSchemaVersionRequired, $"{IndexConsent}.schemaVersion");
    }

    [Fact]
    public void The_package_version_must_be_a_known_one()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["schemaVersion"] = "2024.0.1";

        AssertRefused(doc.Validate(), "research_consent_schema_version_invalid", $"{IndexConsent}.schemaVersion");
    }

    [Fact]
    public void Scope_and_justification_exclude_each_other()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["noScopeJustification"] = NoScopeJustifications.Refused;

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentScopeXorJustification, IndexConsent);
    }

    [Fact]
    public void A_research_consent_needs_scope_or_justification()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(1, 0).Remove("noScopeJustification");

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentScopeXorJustification, "$.donors[1].researchConsents[0]");
    }

    [Fact]
    public void Justifications_come_from_the_official_list()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(1, 0)["noScopeJustification"] = "forgot to ask";

        AssertRefused(doc.Validate(), "no_scope_justification_invalid", "$.donors[1].researchConsents[0].noScopeJustification");
    }

    [Fact]
    public void From_1_3_the_scope_must_be_an_mii_broad_consent()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"] = new JsonObject { ["FOO"] = "BAR" };

        Assert.True(doc.Validate().HasError(MetadataRuleCodes.ResearchConsentScopeNotBroadConsent));
    }

    [Fact]
    public void Before_1_3_a_non_fhir_scope_is_only_a_warning()
    {
        var doc = Load(Trio);
        doc.Root["$schema"] = V121;
        doc.ResearchConsent(0, 0)["scope"] = new JsonObject { ["FOO"] = "BAR" };
        doc.ResearchConsent(1, 0)["schemaVersion"] = "2025.0.1";
        doc.ResearchConsent(2, 0)["schemaVersion"] = "2025.0.1";

        var report = doc.Validate();

        Assert.True(report.IsAccepted, Describe(report));
        Assert.True(report.HasWarning(MetadataRuleCodes.ResearchConsentScopeNotBroadConsent));
    }

    [Fact]
    public void A_broad_consent_without_the_research_scope_coding_is_refused()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"]!["scope"]!["coding"]![0]!["code"] = "treatment";

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentScopeNotBroadConsent, $"{IndexConsent}.scope.scope.coding");
    }

    [Fact]
    public void The_root_provision_denies()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"]!["provision"]!["type"] = "permit";

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentRootProvisionNotDeny, $"{IndexConsent}.scope.provision.type");
    }

    [Fact]
    public void Profile_1_0_8_requires_period_ends()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"]!["provision"]!["provision"]![0]!["period"]!.AsObject().Remove("end");

        AssertRefused(doc.Validate(), MetadataRuleCodes.ResearchConsentPeriodEndRequired, $"{IndexConsent}.scope.provision.provision[0].period.end");
    }

    [Fact]
    public void Profile_1_0_9_allows_open_periods()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["schemaVersion"] = "2026.0.0";
        doc.ResearchConsent(0, 0)["scope"]!["provision"]!["provision"]![0]!["period"]!.AsObject().Remove("end");

        var report = doc.Validate();

        Assert.True(report.IsAccepted, Describe(report));
    }

    [Fact]
    public void An_inactive_consent_is_reported_as_not_in_force()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"]!["status"] = "inactive";

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.ResearchConsentNotInForce, $"{IndexConsent}.scope");
    }

    [Fact]
    public void A_consent_that_expired_before_the_submission_is_reported_as_not_in_force()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"]!["provision"]!["period"]!["end"] = "2025-09-14";

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.ResearchConsentNotInForce, $"{IndexConsent}.scope");
    }

    [Fact]
    public void A_consent_ending_on_the_submission_date_is_still_in_force()
    {
        var doc = Load(Trio);
        doc.ResearchConsent(0, 0)["scope"]!["provision"]!["period"]!["end"] = "2025-09-15";

        Assert.False(doc.Validate().HasWarning(MetadataRuleCodes.ResearchConsentNotInForce));
    }
}
