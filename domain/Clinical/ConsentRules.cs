using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>CDN QC criteria on consent: an initial submission needs the index patient's
/// mvSequencing permit; a module cannot be signed before the form was presented; the case board
/// decides only after consent; and a missing research consent must have a patient-related reason
/// (date-effective, the same policy as in metadata.json).</summary>
public sealed class ConsentRules : IClinicalRule
{
    public void Check(ClinicalValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Metadata;
        var paths = context.Paths;
        var consent = m.MvConsent;

        // Follow-ups may carry a revocation (a deny), which is exactly how consent changes travel.
        if (m.Submission.Type == "initial" && !consent.PermitsSequencing)
        {
            context.Error(MetadataRuleCodes.MvSequencingPermitMissing, $"{paths.MvConsent}.scope",
                "An initial submission needs the patient's mvSequencing permit.");
        }

        for (var i = 0; i < consent.Scope.Count; i++)
        {
            if (consent.PresentationDate is { } presented && consent.Scope[i].Date is { } signed && signed < presented)
            {
                context.Error(ClinicalRuleCodes.ConsentSignedBeforePresentation, $"{paths.MvConsentScope(i)}.date",
                    $"The module was signed ({signed:yyyy-MM-dd}) before the declaration was presented ({presented:yyyy-MM-dd}).");
            }
        }

        var permitted = consent.Scope
            .Where(s => s is { Type: "permit", Domain: "mvSequencing", Date: not null })
            .Select(s => s.Date!.Value)
            .DefaultIfEmpty()
            .Min();
        if (m.MolecularBoardDecisionDate is { } board && permitted != default && board < permitted)
        {
            context.Error(ClinicalRuleCodes.BoardDecisionBeforeConsent, paths.Field("molecularBoardDecisionDate"),
                $"The case board decided ({board:yyyy-MM-dd}) before the patient consented to sequencing ({permitted:yyyy-MM-dd}).");
        }

        for (var i = 0; i < m.ResearchConsents.Count; i++)
        {
            CheckResearchConsent(context, m.ResearchConsents[i], paths.ResearchConsent(i));
        }
    }

    private static void CheckResearchConsent(ClinicalValidationContext context, GdcResearchConsent consent, string path)
    {
        if ((consent.Scope is null) == (consent.NoScopeJustification is null))
        {
            context.Error(MetadataRuleCodes.ResearchConsentScopeXorJustification, path,
                "A research consent needs either a scope or a noScopeJustification, not both and not neither.");
        }

        if (consent.NoScopeJustification is { } justification
            && GdcVocabulary.NoScopeJustification.Allows(justification)
            && !NoScopeJustifications.IsPatientRelated(justification))
        {
            context.DateEffective(MetadataRuleCodes.NoScopeJustificationNotPatientRelated, $"{path}.noScopeJustification",
                $"noScopeJustification '{justification}' is a reason on the LE's side, not the patient's; only patient-related reasons remain acceptable.");
        }
    }
}
