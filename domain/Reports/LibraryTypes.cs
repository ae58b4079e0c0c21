using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Reports;

/// <summary>From metadata.json library types to the one a genomic Prüfbericht reports.</summary>
public static class LibraryTypes
{
    /// <summary>The Prüfbericht library type a metadata.json library type counts as, or null when it
    /// counts as none. As in grzctl, only the exact names panel, wes, wgs, wgs_lr count: panel_lr,
    /// wes_lr, wxs, wxs_lr, other and unknown are ignored rather than mapped to their short-read
    /// cousins, because the flat rate pays for what the schema names and BfArM publishes no mapping.
    /// metadata.json has no "none"; that value exists only in clinical reports.</summary>
    public static LibraryType? FromMetadata(string? libraryType) => libraryType switch
    {
        "panel" => LibraryType.Panel,
        "wes" => LibraryType.Wes,
        "wgs" => LibraryType.Wgs,
        "wgs_lr" => LibraryType.WgsLr,
        _ => null,
    };

    /// <summary>The most expensive reportable library type among the index donor's lab data
    /// (none &lt; panel &lt; wes &lt; wgs &lt; wgs_lr), as grzctl puts it into the Prüfbericht. Null when
    /// there is not exactly one index donor or none of its lab data is reportable; basic QC refuses
    /// such submissions (index_donor_count, index_library_type_missing), so for an accepted
    /// submission it is never null.</summary>
    public static LibraryType? MostExpensiveOfIndex(GdcMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var index = metadata.Donors.Where(d => d.IsIndex).ToList();
        if (index.Count != 1)
        {
            return null;
        }

        var reportable = index[0].LabData.Select(l => FromMetadata(l.LibraryType)).OfType<LibraryType>().ToList();
        return reportable.Count == 0 ? null : reportable.Max();
    }
}
