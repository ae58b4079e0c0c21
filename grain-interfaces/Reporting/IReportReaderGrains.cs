using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>The three tables of the GDC quarterly report (domain.md §9).</summary>
[GenerateSerializer, Alias("genomde.quarterly-table")]
public enum QuarterlyTable
{
    /// <summary>1: overview per LE.</summary>
    Overview = 1,

    /// <summary>2: one row per submission.</summary>
    Submissions = 2,

    /// <summary>3: failed detailed-QC metrics with their deviation.</summary>
    DetailedQc = 3,
}

/// <summary>Assembles a node's quarterly report from its buckets (stateless; key 0).</summary>
[Alias("genomde.IQuarterlyReportGrain")]
public interface IQuarterlyReportGrain : IGrainWithIntegerKey
{
    /// <summary>The table as TSV; a node may read its own report only, the operator any.</summary>
    [Alias("Table")]
    Task<Result<string>> Table(Caller caller, string nodeId, ReportQuarter quarter, QuarterlyTable table);
}

/// <summary>Platform statistics from the reporting projector's counters (stateless; key 0).</summary>
[Alias("genomde.IStatisticsGrain")]
public interface IStatisticsGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<Result<PlatformStatistics>> Get(Caller caller);
}
