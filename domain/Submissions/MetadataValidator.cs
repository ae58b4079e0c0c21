namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Basic metadata QC of a GDC submission: parses metadata.json and runs every rule group,
/// reporting all findings at once. Accepted iff the report has no errors.</summary>
public sealed class MetadataValidator(IReadOnlyList<MetadataPolicy> policies)
{
    private static readonly IMetadataRule[] Rules =
    [
        new DonorRules(),
        new LabDatumRules(),
        new FileRules(),
        new ReadFileRules(),
        new ThresholdRules(),
        new ResearchConsentRules(),
        new StudyDesignRules(),
    ];

    /// <summary>The validator with the official date-effective policies.</summary>
    public static MetadataValidator Official { get; } = new(MetadataPolicies.Official);

    public MetadataValidationReport Validate(string json) => Check(json).Report;

    /// <summary>The report and, when the document could be read at all, what the parser understood.</summary>
    public (GdcMetadata? Metadata, MetadataValidationReport Report) Check(string json)
    {
        var findings = new MetadataFindings();
        var metadata = GdcMetadataParser.Parse(json, findings);
        if (metadata is not null)
        {
            var context = new MetadataValidationContext(metadata, findings, policies);
            foreach (var rule in Rules)
            {
                rule.Check(context);
            }
        }

        return (metadata, findings.ToReport());
    }
}
