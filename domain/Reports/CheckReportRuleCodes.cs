namespace GenomDE.Orleans.Domain.Reports;

/// <summary>Stable codes of the Prüfbericht rules. Document-shape problems reuse the metadata codes
/// (<c>json_malformed</c>, <c>field_required</c>, <c>field_type</c>, <c>date_format</c>) so a node
/// sees one vocabulary across all documents. Never rename or reuse a code.</summary>
public static class CheckReportRuleCodes
{
    // Shape and formats.
    public const string FieldUnknown = "field_unknown";
    public const string TanFormat = "tan_format";
    public const string TanRedacted = "tan_redacted";
    public const string SubmitterIdFormat = "submitter_id_format";
    public const string DataNodeIdFormat = "data_node_id_format";

    // Vocabularies.
    public const string SubmissionTypeInvalid = "submission_type_invalid";
    public const string DiseaseTypeInvalid = "disease_type_invalid";
    public const string DataCategoryInvalid = "data_category_invalid";
    public const string LibraryTypeInvalid = "library_type_invalid";
    public const string CoverageTypeInvalid = "coverage_type_invalid";

    // Consistency within the report.
    public const string DataNodeKindMismatch = "data_node_kind_mismatch";
    public const string GenomicLibraryTypeNone = "genomic_library_type_none";

    // Cross-check against the submission the platform knows.
    public const string TanMismatch = "tan_mismatch";
    public const string SubmitterIdMismatch = "submitter_id_mismatch";
    public const string DataNodeIdMismatch = "data_node_id_mismatch";
    public const string DiseaseTypeMismatch = "disease_type_mismatch";
    public const string DataCategoryMismatch = "data_category_mismatch";
    public const string SubmissionTypeMismatch = "submission_type_mismatch";
    public const string LibraryTypeMismatch = "library_type_mismatch";
    public const string CoverageTypeMismatch = "coverage_type_mismatch";
}
