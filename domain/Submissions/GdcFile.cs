namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One file of a lab datum, as listed (the files themselves never reach the platform).</summary>
public sealed record GdcFile(
    string? FilePath,
    string? FileType,
    string? ChecksumType,
    string? FileChecksum,
    long? FileSizeInBytes,
    string? ReadOrder,
    long? ReadLength,
    string? FlowcellId,
    string? LaneId)
{
    /// <summary>FASTQ and BAM hold the reads; VCF and BED are derived or auxiliary.</summary>
    public bool IsReadFile => FileType is "fastq" or "bam";
}
