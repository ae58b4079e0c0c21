namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Read files of one lab datum must be identifiable per run: paired-end FASTQ comes as
/// exactly one R1 and one R2 per flowcell and lane, and no (flowcell, lane, read order) appears
/// twice — otherwise the GDC cannot tell which files belong together.</summary>
public sealed class ReadFileRules : IMetadataRule
{
    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in LabDatumEntry.All(context.Metadata))
        {
            var reads = entry.Files
                .Select((file, index) => (File: file, Path: entry.FilePath(index)))
                .Where(f => f.File.IsReadFile)
                .ToList();

            if (entry.LabDatum.IsPairedEnd)
            {
                CheckPairs(context, entry, reads.Where(r => r.File.FileType == "fastq").ToList());
            }

            foreach (var run in reads.GroupBy(r => (r.File.FlowcellId, r.File.LaneId, r.File.ReadOrder)).Where(g => g.Count() > 1))
            {
                context.Error(MetadataRuleCodes.RunIdDuplicate, run.ElementAt(1).Path,
                    $"{run.Count()} read files share flowcell {Show(run.Key.FlowcellId)}, lane {Show(run.Key.LaneId)} and read order {Show(run.Key.ReadOrder)}: {string.Join(", ", run.Select(r => r.File.FilePath))}. Each run needs its own flowcellId/laneId/readOrder.");
            }
        }
    }

    private static void CheckPairs(MetadataValidationContext context, LabDatumEntry entry, List<(GdcFile File, string Path)> fastq)
    {
        var unordered = fastq.Where(f => f.File.ReadOrder is null).ToList();
        foreach (var file in unordered)
        {
            context.Error(MetadataRuleCodes.ReadOrderMissing, GdcPaths.Field(file.Path, "readOrder"),
                $"Paired-end FASTQ '{file.File.FilePath}' needs readOrder R1 or R2.");
        }

        if (unordered.Count > 0)
        {
            // Pairing without read orders would only repeat the same problem.
            return;
        }

        foreach (var run in fastq.GroupBy(f => (f.File.FlowcellId, f.File.LaneId)))
        {
            var r1 = run.Count(f => f.File.ReadOrder == "R1");
            var r2 = run.Count(f => f.File.ReadOrder == "R2");
            if (r1 != 1 || r2 != 1)
            {
                context.Error(MetadataRuleCodes.PairedEndReadsUnpaired, GdcPaths.Field(entry.SequenceDataPath, "files"),
                    $"Paired-end run (flowcell {Show(run.Key.FlowcellId)}, lane {Show(run.Key.LaneId)}) needs exactly one R1 and one R2 FASTQ; found {r1} R1 and {r2} R2.");
            }
        }
    }

    private static string Show(string? value) => value is null ? "(none)" : $"'{value}'";
}
