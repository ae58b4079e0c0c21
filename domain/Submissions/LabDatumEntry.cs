namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A lab datum with its donor and position, so rules can name paths without nested loops.</summary>
public sealed record LabDatumEntry(int DonorIndex, GdcDonor Donor, int LabDatumIndex, GdcLabDatum LabDatum)
{
    public string Path => GdcPaths.LabDatum(DonorIndex, LabDatumIndex);

    public string SequenceDataPath => GdcPaths.SequenceData(DonorIndex, LabDatumIndex);

    public string FilePath(int file) => GdcPaths.File(DonorIndex, LabDatumIndex, file);

    public IReadOnlyList<GdcFile> Files => LabDatum.SequenceData?.Files ?? [];

    public static IEnumerable<LabDatumEntry> All(GdcMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        for (var d = 0; d < metadata.Donors.Count; d++)
        {
            var donor = metadata.Donors[d];
            for (var l = 0; l < donor.LabData.Count; l++)
            {
                yield return new LabDatumEntry(d, donor, l, donor.LabData[l]);
            }
        }
    }
}
