namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Each lab datum must describe a sequencing set-up that the GDC's QC pipeline can run.</summary>
public sealed class LabDatumRules : IMetadataRule
{
    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var donor in context.Metadata.Donors.Select((d, i) => (Donor: d, Index: i)))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var l = 0; l < donor.Donor.LabData.Count; l++)
            {
                if (donor.Donor.LabData[l].LabDataName is { } name && !names.Add(name))
                {
                    context.Error(MetadataRuleCodes.LabDataNameDuplicate, GdcPaths.Field(GdcPaths.LabDatum(donor.Index, l), "labDataName"),
                        $"Lab datum name '{name}' occurs more than once for this donor.");
                }
            }
        }

        foreach (var entry in LabDatumEntry.All(context.Metadata))
        {
            Check(context, entry);
        }
    }

    private static void Check(MetadataValidationContext context, LabDatumEntry entry)
    {
        var lab = entry.LabDatum;
        if (lab.LibraryType is "wxs" or "wxs_lr" && lab.SequenceType is { } sequenceType && sequenceType != "rna")
        {
            context.Error(MetadataRuleCodes.WxsRequiresRna, GdcPaths.Field(entry.Path, "sequenceType"),
                $"Library type '{lab.LibraryType}' (whole transcriptome) requires sequence type 'rna', not '{sequenceType}'.");
        }

        if (lab.IsLongRead && lab.IsPairedEnd)
        {
            context.Error(MetadataRuleCodes.LongReadPairedEnd, GdcPaths.Field(entry.Path, "sequencingLayout"),
                $"Long-read library '{lab.LibraryType}' cannot be paired-end.");
        }

        if (lab.SequenceSubtype == "somatic" && lab.TumorCellCount is null)
        {
            context.Error(MetadataRuleCodes.TumorCellCountMissing, GdcPaths.Field(entry.Path, "tumorCellCount"),
                "A somatic lab datum needs its tumor cell count.");
        }

        if (lab.SequenceData is null)
        {
            context.Error(MetadataRuleCodes.SequenceDataMissing, GdcPaths.Field(entry.Path, "sequenceData"),
                "No sequence data: a case without sequencing goes to the clinical data node only.");
            return;
        }

        CheckReadFiles(context, entry);
    }

    private static void CheckReadFiles(MetadataValidationContext context, LabDatumEntry entry)
    {
        var fastq = entry.Files.Count(f => f.FileType == "fastq");
        var bam = entry.Files.Count(f => f.FileType == "bam");
        var filesPath = GdcPaths.Field(entry.SequenceDataPath, "files");
        if (entry.LabDatum.LibraryType is null)
        {
            return;
        }

        if (entry.LabDatum.IsLongRead)
        {
            if (fastq + bam == 0)
            {
                context.Error(MetadataRuleCodes.ReadFilesMissing, filesPath, "A long-read lab datum needs at least one BAM or FASTQ file.");
            }

            return;
        }

        if (bam > 0)
        {
            context.Error(MetadataRuleCodes.ShortReadBam, filesPath, "Short-read data must be submitted as FASTQ, not BAM.");
        }

        if (fastq == 0)
        {
            context.Error(MetadataRuleCodes.ReadFilesMissing, filesPath, "A short-read lab datum needs at least one FASTQ file.");
        }
    }
}
