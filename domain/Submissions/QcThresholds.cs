namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The official QC thresholds by genomic study subtype × library type × sequence subtype.
/// Kept as code, not read from a file at run time, so a change to the official table is a
/// reviewed change here (the conformance test compares both).</summary>
public static class QcThresholds
{
    private static readonly BaseQualityThreshold ShortReadQuality = new(30, 85);
    private static readonly BaseQualityThreshold LongReadQuality = new(20, 70);

    /// <summary>Oncomine panels (Ion Torrent) reach lower base qualities by design.</summary>
    public static readonly BaseQualityThreshold OncomineQuality = new(20, 70);

    private static readonly TargetCoverageThreshold Somatic100 = new(100, 0.8);
    private static readonly TargetCoverageThreshold Targets30 = new(30, 0.8);
    private static readonly TargetCoverageThreshold Germline20 = new(20, 0.8);

    public static readonly IReadOnlyList<QcThreshold> All =
    [
        new("tumor+germline", "panel", "somatic", 200, 70, ShortReadQuality, Somatic100),
        new("tumor-only", "panel", "somatic", 200, 70, ShortReadQuality, Somatic100),
        new("tumor+germline", "wes", "somatic", 200, 70, ShortReadQuality, Somatic100),
        new("tumor-only", "wes", "somatic", 200, 70, ShortReadQuality, Somatic100),
        new("tumor+germline", "wes", "germline", 100, 70, ShortReadQuality, Targets30),
        new("tumor+germline", "wgs", "somatic", 100, 70, ShortReadQuality, Targets30),
        new("tumor-only", "wgs", "somatic", 100, 70, ShortReadQuality, Targets30),
        new("tumor+germline", "wgs", "germline", 30, 70, ShortReadQuality, Germline20),
        new("germline-only", "wgs", "germline", 30, 70, ShortReadQuality, Germline20),
        new("tumor+germline", "panel_lr", "somatic", 200, null, LongReadQuality, Somatic100),
        new("tumor-only", "panel_lr", "somatic", 200, null, LongReadQuality, Somatic100),
        new("tumor+germline", "wes_lr", "somatic", 200, null, LongReadQuality, Somatic100),
        new("tumor-only", "wes_lr", "somatic", 200, null, LongReadQuality, Somatic100),
        new("tumor+germline", "wes_lr", "germline", 100, null, LongReadQuality, Targets30),
        new("tumor+germline", "wgs_lr", "somatic", 100, null, LongReadQuality, Targets30),
        new("tumor-only", "wgs_lr", "somatic", 100, null, LongReadQuality, Targets30),
        new("tumor+germline", "wgs_lr", "germline", 30, null, LongReadQuality, Germline20),
        new("germline-only", "wgs_lr", "germline", 30, null, LongReadQuality, Germline20),
    ];

    /// <summary>The thresholds for a set-up, or null when the official table has none (then the
    /// metrics cannot be judged). An Oncomine panel keeps its row but gets the Q20/70 % rule.</summary>
    public static QcThreshold? Find(string? genomicStudySubtype, string? libraryType, string? sequenceSubtype, bool isOncomine = false)
    {
        var row = All.FirstOrDefault(t =>
            t.GenomicStudySubtype == genomicStudySubtype && t.LibraryType == libraryType && t.SequenceSubtype == sequenceSubtype);
        return row is not null && isOncomine && libraryType == "panel"
            ? row with { PercentBasesAboveQualityThreshold = OncomineQuality }
            : row;
    }
}
