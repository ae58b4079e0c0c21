using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>The CDN's QC of a clinical data set's metaData: parses it and runs every criterion that
/// metaData (plus the case part's library type, when given) can decide. The criteria that need
/// more — the LE's admission for the disease type, resolvable codes, TNM — belong to whoever holds
/// the registry or the case data. Accepted iff the report has no errors.</summary>
public sealed class ClinicalMetadataValidator(IReadOnlyList<MetadataPolicy> policies)
{
    private static readonly IClinicalRule[] Rules =
    [
        new PatientDateRules(),
        new ConsentRules(),
        new CaseRules(),
    ];

    /// <summary>The validator with the official date-effective policies (shared with metadata.json).</summary>
    public static ClinicalMetadataValidator Official { get; } = new(MetadataPolicies.Official);

    /// <param name="json">The metaData object alone, or a full clinical data set containing it.</param>
    /// <param name="receivingNodeId">The KDK the data set was sent to; null when it goes to the KDK it names itself.</param>
    /// <param name="knownLibraryType">The sequencing, when the caller knows it and the document has
    /// no case part naming it; null leaves the library-type criteria unjudged.</param>
    public ClinicalValidationOutcome Validate(string json, string? receivingNodeId, LibraryType? knownLibraryType = null)
    {
        var findings = new MetadataFindings();
        var metadata = ClinicalMetadataParser.Parse(json, findings);
        if (metadata is not null)
        {
            var context = new ClinicalValidationContext(metadata, receivingNodeId, knownLibraryType, findings, policies);
            foreach (var rule in Rules)
            {
                rule.Check(context);
            }
        }

        return new ClinicalValidationOutcome(metadata, findings.ToReport().ToSubmissionReport());
    }
}
