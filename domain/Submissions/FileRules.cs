using System.Text.RegularExpressions;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The file list: names the QC pipeline accepts, the files each library type needs, no
/// sequencing file twice, and one reference genome for the whole submission.</summary>
public sealed partial class FileRules : IMetadataRule
{
    /// <summary>Targeted libraries are only interpretable with their target regions.</summary>
    private static readonly string[] TargetedLibraryTypes = ["panel", "panel_lr", "wes", "wes_lr", "wxs", "wxs_lr"];

    [GeneratedRegex(@"^\S+\.bam$")]
    private static partial Regex BamName();

    [GeneratedRegex(@"^\S+\.bed(\.gz)?$")]
    private static partial Regex BedName();

    [GeneratedRegex(@"^\S+\.f(ast)?q\.gz$")]
    private static partial Regex FastqName();

    public void Check(MetadataValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checksums = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var genomes = new List<(string Genome, string Path)>();

        foreach (var entry in LabDatumEntry.All(context.Metadata))
        {
            if (entry.LabDatum.SequenceData?.ReferenceGenome is { } genome)
            {
                genomes.Add((genome, GdcPaths.Field(entry.SequenceDataPath, "referenceGenome")));
            }

            CheckRequiredFiles(context, entry);
            for (var f = 0; f < entry.Files.Count; f++)
            {
                var file = entry.Files[f];
                var path = entry.FilePath(f);
                CheckFile(context, file, path);
                if (file.FileChecksum is { } checksum && !checksums.Add(checksum))
                {
                    ReportDuplicateChecksum(context, file, path);
                }

                if (file.FilePath is { } filePath && !paths.Add(filePath))
                {
                    context.Warning(MetadataRuleCodes.FilePathDuplicate, GdcPaths.Field(path, "filePath"),
                        $"File path '{filePath}' is listed more than once; is that intended?");
                }
            }
        }

        var distinct = genomes.Select(g => g.Genome).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            var first = genomes[0].Genome;
            var offending = genomes.First(g => g.Genome != first);
            context.Error(MetadataRuleCodes.ReferenceGenomeMixed, offending.Path,
                $"All lab data must use one reference genome; this submission mixes {string.Join(" and ", distinct)}.");
        }
    }

    private static void CheckRequiredFiles(MetadataValidationContext context, LabDatumEntry entry)
    {
        if (entry.LabDatum.SequenceData is null)
        {
            return;
        }

        var filesPath = GdcPaths.Field(entry.SequenceDataPath, "files");
        if (TargetedLibraryTypes.Contains(entry.LabDatum.LibraryType) && !entry.Files.Any(f => f.FileType == "bed"))
        {
            context.Error(MetadataRuleCodes.TargetRegionsMissing, filesPath,
                $"Library type '{entry.LabDatum.LibraryType}' needs a BED file of its target regions.");
        }

        if (!entry.Files.Any(f => f.FileType == "vcf"))
        {
            context.Warning(MetadataRuleCodes.VcfMissing, filesPath, "No VCF file: variant calls are recommended, though not required.");
        }
    }

    private static void CheckFile(MetadataValidationContext context, GdcFile file, string path)
    {
        if (file.FilePath is { } filePath && !IsRelativeAndNormalised(filePath))
        {
            context.Error(MetadataRuleCodes.FilePathInvalid, GdcPaths.Field(path, "filePath"),
                $"'{filePath}' must be a normalised path relative to files/ (no leading '/', no '.', '..' or empty segments).");
        }

        var name = file.FilePath?.Split('/')[^1];
        var pattern = file.FileType switch
        {
            "bam" => BamName(),
            "bed" => BedName(),
            "fastq" => FastqName(),
            _ => null,
        };
        if (name is not null && pattern is not null && !pattern.IsMatch(name))
        {
            context.Error(MetadataRuleCodes.FileExtensionMismatch, GdcPaths.Field(path, "filePath"),
                $"'{name}' does not fit file type '{file.FileType}': no spaces, extension {ExpectedExtension(file.FileType)}.");
        }

        if (file.IsReadFile && file.ReadLength is null)
        {
            context.Error(MetadataRuleCodes.ReadLengthMissing, GdcPaths.Field(path, "readLength"),
                $"A {file.FileType} file needs its read length (for long reads: the rounded mean).");
        }
    }

    private static void ReportDuplicateChecksum(MetadataValidationContext context, GdcFile file, string path)
    {
        var at = GdcPaths.Field(path, "fileChecksum");
        if (file.IsReadFile)
        {
            context.Error(MetadataRuleCodes.ReadFileChecksumDuplicate, at,
                $"Checksum {file.FileChecksum} occurs twice: the same sequencing file must not be submitted twice.");
        }
        else if (file.FileType == "vcf")
        {
            context.Warning(MetadataRuleCodes.VcfChecksumDuplicate, at,
                $"Checksum {file.FileChecksum} occurs twice; please make sure no VCF is listed twice by mistake.");
        }
    }

    private static bool IsRelativeAndNormalised(string path) =>
        path.Length > 0 && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    private static string ExpectedExtension(string? fileType) => fileType switch
    {
        "bam" => ".bam",
        "bed" => ".bed or .bed.gz",
        _ => ".fastq.gz or .fq.gz",
    };
}
