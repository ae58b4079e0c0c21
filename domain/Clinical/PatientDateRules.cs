namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>CDN QC criteria on the patient's age and the order of dates: age 0–130 at submission,
/// no date before birth, and the submission not before the board decision it reports. The birth
/// date has no day, so each rule gives the patient the benefit of the doubt within the month.</summary>
public sealed class PatientDateRules : IClinicalRule
{
    public const int MaximumAge = 130;

    public void Check(ClinicalValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Metadata;
        var paths = context.Paths;
        if (m.BirthDate is { } birth)
        {
            if (m.Submission.Date is { } submitted)
            {
                var age = birth.MinimumAgeAt(submitted);
                if (age is < 0 or > MaximumAge)
                {
                    context.Error(ClinicalRuleCodes.AgeOutOfRange, paths.Field("birthDate"),
                        $"Born {birth}, the patient would be {age} on the submission date {submitted:yyyy-MM-dd}; the age must be 0–{MaximumAge}.");
                }
            }

            foreach (var (date, path) in Dates(context))
            {
                if (date < birth.FirstDay)
                {
                    context.Error(ClinicalRuleCodes.DateBeforeBirth, path, $"{date:yyyy-MM-dd} lies before the birth month {birth}.");
                }
            }
        }

        if (m.Submission.Date is { } date2 && m.MolecularBoardDecisionDate is { } board && date2 < board)
        {
            context.Error(ClinicalRuleCodes.SubmissionBeforeBoardDecision, paths.Submission("date"),
                $"The submission ({date2:yyyy-MM-dd}) cannot precede the case board decision it reports ({board:yyyy-MM-dd}).");
        }
    }

    private static IEnumerable<(DateOnly Date, string Path)> Dates(ClinicalValidationContext context)
    {
        var m = context.Metadata;
        var paths = context.Paths;
        if (m.Submission.Date is { } submitted)
        {
            yield return (submitted, paths.Submission("date"));
        }

        if (m.MolecularBoardDecisionDate is { } board)
        {
            yield return (board, paths.Field("molecularBoardDecisionDate"));
        }

        if (m.MvConsent.PresentationDate is { } presented)
        {
            yield return (presented, paths.Field("mvConsent.presentationDate"));
        }

        for (var i = 0; i < m.MvConsent.Scope.Count; i++)
        {
            if (m.MvConsent.Scope[i].Date is { } signed)
            {
                yield return (signed, $"{paths.MvConsentScope(i)}.date");
            }
        }

        for (var i = 0; i < m.ResearchConsents.Count; i++)
        {
            if (m.ResearchConsents[i].PresentationDate is { } presented2)
            {
                yield return (presented2, $"{paths.ResearchConsent(i)}.presentationDate");
            }
        }
    }
}
