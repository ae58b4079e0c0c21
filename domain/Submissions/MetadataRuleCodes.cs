namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The stable codes of every metadata rule. Submitters, GDC staff and the Prüfbericht
/// trail refer to these, so a code is never renamed or reused for a different rule.</summary>
public static class MetadataRuleCodes
{
    // Document shape.
    public const string JsonMalformed = "json_malformed";
    public const string FieldRequired = "field_required";
    public const string FieldType = "field_type";
    public const string DateFormat = "date_format";
    public const string ValueOutOfRange = "value_out_of_range";
    public const string SchemaVersionUnsupported = "schema_version_unsupported";

    // Identifier formats.
    public const string TanGFormat = "tan_g_format";
    public const string SubmitterIdFormat = "submitter_id_format";
    public const string GenomicDataCenterIdFormat = "genomic_data_center_id_format";
    public const string ClinicalDataNodeIdFormat = "clinical_data_node_id_format";
    public const string FileChecksumFormat = "file_checksum_format";

    // Donors and consent.
    public const string IndexDonorCount = "index_donor_count";
    public const string DonorPseudonymDuplicate = "donor_pseudonym_duplicate";
    public const string DonorCountForStudyType = "donor_count_for_study_type";
    public const string MvSequencingPermitMissing = "mv_sequencing_permit_missing";
    public const string IndexLibraryTypeMissing = "index_library_type_missing";

    // Lab data.
    public const string SequenceDataMissing = "sequence_data_missing";
    public const string LabDataNameDuplicate = "lab_data_name_duplicate";
    public const string WxsRequiresRna = "wxs_requires_rna";
    public const string LongReadPairedEnd = "long_read_paired_end";
    public const string ReadFilesMissing = "read_files_missing";
    public const string ShortReadBam = "short_read_bam";
    public const string TumorCellCountMissing = "tumor_cell_count_missing";

    // Files.
    public const string FilePathInvalid = "file_path_invalid";
    public const string FileExtensionMismatch = "file_extension_mismatch";
    public const string ReadLengthMissing = "read_length_missing";
    public const string ReadOrderMissing = "read_order_missing";
    public const string PairedEndReadsUnpaired = "paired_end_reads_unpaired";
    public const string RunIdDuplicate = "run_id_duplicate";
    public const string ReadFileChecksumDuplicate = "read_file_checksum_duplicate";
    public const string VcfChecksumDuplicate = "vcf_checksum_duplicate";
    public const string FilePathDuplicate = "file_path_duplicate";
    public const string TargetRegionsMissing = "target_regions_missing";
    public const string VcfMissing = "vcf_missing";
    public const string ReferenceGenomeMixed = "reference_genome_mixed";

    // QC thresholds.
    public const string ThresholdsUnknown = "thresholds_unknown";
    public const string MinimumQualityNotOfficial = "minimum_quality_not_official";
    public const string MinCoverageNotOfficial = "min_coverage_not_official";
    public const string MeanDepthBelowThreshold = "mean_depth_below_threshold";
    public const string QualityPercentBelowThreshold = "quality_percent_below_threshold";
    public const string TargetedRegionsBelowThreshold = "targeted_regions_below_threshold";

    // Research consent.
    public const string ResearchConsentRequired = "research_consent_required";
    public const string ResearchConsentPresentationDateRequired = "research_consent_presentation_date_required";
    public const string ResearchConsentScopeXorJustification = "research_consent_scope_xor_justification";
    public const string ResearchConsentScopeNotBroadConsent = "research_consent_scope_not_broad_consent";
    public const string ResearchConsentRootProvisionNotDeny = "research_consent_root_provision_not_deny";
    public const string ResearchConsentSchemaVersionRequired = "research_consent_schema_version_required";
    public const string ResearchConsentPeriodEndRequired = "research_consent_period_end_required";
    public const string ResearchConsentNotInForce = "research_consent_not_in_force";

    // Date-effective rules: their severity comes from MetadataPolicies.
    public const string LabDataStudySubtypeMismatch = "lab_data_study_subtype_mismatch";
    public const string RareDiseaseIndexNotWgs = "rare_disease_index_not_wgs";
    public const string NoScopeJustificationNotPatientRelated = "no_scope_justification_not_patient_related";
}
