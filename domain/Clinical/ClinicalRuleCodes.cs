namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>Stable codes of the clinical metaData rules. Where a rule is the same as in metadata.json
/// its code is reused from <see cref="Submissions.MetadataRuleCodes"/> (field_required, field_type,
/// date_format, json_malformed, vocabulary codes, mv_sequencing_permit_missing,
/// research_consent_scope_xor_justification, rare_disease_index_not_wgs,
/// no_scope_justification_not_patient_related), so both date-effective policies govern both
/// documents alike. Never rename or reuse a code.</summary>
public static class ClinicalRuleCodes
{
    // Formats.
    public const string TanCFormat = "tan_c_format";
    public const string TanCRedacted = "tan_c_redacted";
    public const string BirthDateFormat = "birth_date_format";
    public const string AddressAgsFormat = "address_ags_format";
    public const string RejectionJustificationInvalid = "rejection_justification_invalid";

    // CDN QC criteria that metaData alone can judge (BfArM KDK QC criteria v01.2).
    public const string AgeOutOfRange = "age_out_of_range";
    public const string DateBeforeBirth = "date_before_birth";
    public const string ConsentSignedBeforePresentation = "consent_signed_before_presentation";
    public const string BoardDecisionBeforeConsent = "board_decision_before_consent";
    public const string SubmissionBeforeBoardDecision = "submission_before_board_decision";
    public const string ClinicalDataNodeNotReceiver = "clinical_data_node_not_receiver";

    // Internal consistency.
    public const string RejectionJustificationRequired = "rejection_justification_required";
    public const string RejectionJustificationUnexpected = "rejection_justification_unexpected";
    public const string GenomicDataCenterIdRequired = "genomic_data_center_id_required";
    public const string DiseaseTypeDataSetMismatch = "disease_type_data_set_mismatch";
}
