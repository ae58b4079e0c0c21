namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One sample and its sequencing run(s).</summary>
public sealed record GdcLabDatum(
    string? LabDataName,
    GdcTissueOntology? TissueOntology,
    string? TissueTypeId,
    string? TissueTypeName,
    DateOnly? SampleDate,
    string? SampleConservation,
    string? SequenceType,
    string? SequenceSubtype,
    string? FragmentationMethod,
    string? LibraryType,
    string? LibraryPrepKit,
    string? LibraryPrepKitManufacturer,
    string? SequencerModel,
    string? SequencerManufacturer,
    string? KitName,
    string? KitManufacturer,
    string? EnrichmentKitManufacturer,
    string? EnrichmentKitDescription,
    string? Barcode,
    string? SequencingLayout,
    IReadOnlyList<GdcTumorCellCount>? TumorCellCount,
    GdcSequenceData? SequenceData)
{
    public bool IsLongRead => LibraryType?.EndsWith("_lr", StringComparison.Ordinal) == true;

    public bool IsPairedEnd => SequencingLayout == "paired-end";

    /// <summary>Oncomine panels have their own base-quality threshold (Q20, not Q30); the official
    /// tooling recognises them by the sequencing kit's name.</summary>
    public bool IsOncomine => KitName?.Contains("oncomine", StringComparison.OrdinalIgnoreCase) == true;
}

public sealed record GdcTissueOntology(string? Name, string? Version);

public sealed record GdcTumorCellCount(double? Count, string? Method);
