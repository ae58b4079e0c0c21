namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A closed list of values for one metadata field and the rule code that refuses any
/// other value. Values are compared exactly: the schema is case-sensitive.</summary>
public sealed record GdcVocabulary(string Rule, IReadOnlyList<string> Values)
{
    public bool Allows(string value) => Values.Contains(value, StringComparer.Ordinal);

    public static readonly GdcVocabulary SubmissionType = new("submission_type_invalid", ["initial", "followup", "addition", "correction", "test"]);
    public static readonly GdcVocabulary CoverageType = new("coverage_type_invalid", ["GKV", "PKV", "BG", "SEL", "SOZ", "GPV", "PPV", "BEI", "SKT", "UNK"]);
    public static readonly GdcVocabulary DiseaseType = new("disease_type_invalid", ["oncological", "rare", "hereditary"]);
    public static readonly GdcVocabulary GenomicStudyType = new("genomic_study_type_invalid", ["single", "duo", "trio"]);
    public static readonly GdcVocabulary GenomicStudySubtype = new("genomic_study_subtype_invalid", ["tumor-only", "tumor+germline", "germline-only"]);
    public static readonly GdcVocabulary Gender = new("gender_invalid", ["male", "female", "other", "unknown"]);
    public static readonly GdcVocabulary Relation = new("relation_invalid", ["mother", "father", "brother", "sister", "child", "index", "other"]);
    public static readonly GdcVocabulary MvConsentType = new("mv_consent_type_invalid", ["permit", "deny"]);
    public static readonly GdcVocabulary MvConsentDomain = new("mv_consent_domain_invalid", ["mvSequencing", "reIdentification", "caseIdentification"]);
    public static readonly GdcVocabulary SampleConservation = new("sample_conservation_invalid", ["fresh-tissue", "cryo-frozen", "ffpe", "other", "unknown"]);
    public static readonly GdcVocabulary SequenceType = new("sequence_type_invalid", ["dna", "rna"]);
    public static readonly GdcVocabulary SequenceSubtype = new("sequence_subtype_invalid", ["germline", "somatic", "other", "unknown"]);
    public static readonly GdcVocabulary FragmentationMethod = new("fragmentation_method_invalid", ["sonication", "enzymatic", "none", "other", "unknown"]);
    public static readonly GdcVocabulary LibraryType = new("library_type_invalid", ["panel", "panel_lr", "wes", "wes_lr", "wgs", "wgs_lr", "wxs", "wxs_lr", "other", "unknown"]);
    public static readonly GdcVocabulary EnrichmentKitManufacturer = new("enrichment_kit_manufacturer_invalid", ["Illumina", "Agilent", "Twist", "NEB", "other", "unknown", "none"]);
    public static readonly GdcVocabulary SequencingLayout = new("sequencing_layout_invalid", ["single-end", "paired-end", "reverse", "other"]);
    public static readonly GdcVocabulary TumorCellCountMethod = new("tumor_cell_count_method_invalid", ["pathology", "bioinformatics", "other", "unknown"]);
    public static readonly GdcVocabulary ReferenceGenome = new("reference_genome_invalid", ["GRCh37", "GRCh38"]);
    public static readonly GdcVocabulary FileType = new("file_type_invalid", ["bam", "vcf", "bed", "fastq"]);
    public static readonly GdcVocabulary ChecksumType = new("checksum_type_invalid", ["sha256"]);
    public static readonly GdcVocabulary ReadOrder = new("read_order_invalid", ["R1", "R2"]);

    /// <summary>The MII consent package versions metadata 1.3 names (MII has not released 2026.0.1 yet).</summary>
    public static readonly GdcVocabulary ResearchConsentSchemaVersion = new("research_consent_schema_version_invalid", ["2025.0.1", "2025.0.2", "2025.0.3", "2025.0.4", "2026.0.0"]);

    public static readonly GdcVocabulary NoScopeJustification = new("no_scope_justification_invalid",
    [
        NoScopeJustifications.Unable,
        NoScopeJustifications.Refused,
        NoScopeJustifications.NotReturned,
        NoScopeJustifications.OtherPatientReason,
        NoScopeJustifications.TechnicalAtLe,
        NoScopeJustifications.OrganisationalAtLe,
    ]);
}
