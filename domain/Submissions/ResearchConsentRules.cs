namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Research consent: from schema 1.3 on, every donor states one — an MII Broad Consent or
/// a patient-related reason why there is none. Earlier schemas tolerated any object as scope but
/// required the consent package version. A consent counts only while active and in force at the
/// submission date; one that does not is reported, since it silently grants nothing.</summary>
public sealed class ResearchConsentRules : IMetadataRule
{
    /// <summary>The MII packages that ship consent profile 1.0.8, which requires every provision
    /// period to end (1.0.9, in package 2026.0.0, made the end optional).</summary>
    private static readonly string[] PackagesRequiringPeriodEnd = ["2025.0.1", "2025.0.2", "2025.0.3", "2025.0.4"];

    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var v13 = context.Metadata.IsAtLeast(GdcMetadata.ResearchConsentSchemaVersion);
        for (var d = 0; d < context.Metadata.Donors.Count; d++)
        {
            var consents = context.Metadata.Donors[d].ResearchConsents;
            if (v13 && consents.Count == 0)
            {
                context.Error(MetadataRuleCodes.ResearchConsentRequired, GdcPaths.Field(GdcPaths.Donor(d), "researchConsents"),
                    "From metadata schema 1.3 on, every donor needs a research consent or a noScopeJustification.");
            }

            for (var c = 0; c < consents.Count; c++)
            {
                Check(context, consents[c], GdcPaths.ResearchConsent(d, c), v13);
            }
        }
    }

    private static void Check(MetadataValidationContext context, GdcResearchConsent consent, string path, bool v13)
    {
        if (v13 && consent.PresentationDate is null)
        {
            context.Error(MetadataRuleCodes.ResearchConsentPresentationDateRequired, GdcPaths.Field(path, "presentationDate"),
                "From metadata schema 1.3 on, a research consent needs its presentationDate.");
        }

        if (!v13 && consent.SchemaVersion is null)
        {
            context.Error(MetadataRuleCodes.ResearchConsentSchemaVersionRequired, GdcPaths.Field(path, "schemaVersion"),
                "Before metadata schema 1.3, a research consent needs the schemaVersion of its MII consent package.");
        }

        if ((consent.Scope is null) == (consent.NoScopeJustification is null))
        {
            context.Error(MetadataRuleCodes.ResearchConsentScopeXorJustification, path,
                "A research consent needs either a scope or a noScopeJustification, not both and not neither.");
        }

        if (consent.NoScopeJustification is { } justification && !NoScopeJustifications.IsPatientRelated(justification)
            && GdcVocabulary.NoScopeJustification.Allows(justification))
        {
            context.DateEffective(MetadataRuleCodes.NoScopeJustificationNotPatientRelated, GdcPaths.Field(path, "noScopeJustification"),
                $"noScopeJustification '{justification}' is a reason on the LE's side, not the patient's; only patient-related reasons remain acceptable.");
        }

        if (consent.Scope is { } scope)
        {
            CheckScope(context, consent, MiiBroadConsent.Read(scope, ProblemsInto(out var problems)), problems, GdcPaths.Field(path, "scope"), v13);
        }
    }

    private static void CheckScope(
        MetadataValidationContext context,
        GdcResearchConsent consent,
        MiiBroadConsent broadConsent,
        List<(string Path, string Message)> problems,
        string path,
        bool v13)
    {
        if (problems.Count > 0 || !consent.HasScope)
        {
            var severity = v13 ? FindingSeverity.Error : FindingSeverity.Warning;
            var detail = problems.Count > 0 ? string.Join(" ", problems.Select(p => p.Message)) : "The scope is empty.";
            context.Findings.Add(severity, MetadataRuleCodes.ResearchConsentScopeNotBroadConsent, problems.Count == 1 ? path + problems[0].Path : path,
                $"The scope is not a valid MII Broad Consent (FHIR Consent), so research consent cannot be confirmed. {detail}");
            return;
        }

        if (broadConsent.RootType is { } rootType && rootType != "deny")
        {
            context.Error(MetadataRuleCodes.ResearchConsentRootProvisionNotDeny, GdcPaths.Field(path, "provision.type"),
                $"The root provision must be 'deny', not '{rootType}': the broad consent is opt-in, permits go in nested provisions.");
        }

        if (PackagesRequiringPeriodEnd.Contains(consent.SchemaVersion))
        {
            foreach (var open in broadConsent.OpenEndedPeriods())
            {
                context.Error(MetadataRuleCodes.ResearchConsentPeriodEndRequired, path + open + ".end",
                    $"MII consent package {consent.SchemaVersion} (profile 1.0.8) requires an end on every provision period.");
            }
        }

        if (!broadConsent.IsInForceAt(context.JudgedAt))
        {
            context.Warning(MetadataRuleCodes.ResearchConsentNotInForce, path,
                $"The research consent (status '{broadConsent.Status}') is not in force on the submission date {context.JudgedAt:yyyy-MM-dd}, so it grants no research use.");
        }
    }

    private static List<(string Path, string Message)> ProblemsInto(out List<(string Path, string Message)> problems) => problems = [];
}
