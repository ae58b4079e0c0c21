using GenomDE.Orleans.Domain.Reporting;

namespace GenomDE.Orleans.GrainInterfaces.Reporting;

/// <summary>What one case write means for reporting, carried inside the first event of that write
/// (never shown to participants): the submission rows to keep, each with the bucket it belongs in,
/// and the change of the platform counters. Both follow from the case before and after the write,
/// so the reporting projector applies each write exactly once by reading the log in order.</summary>
[GenerateSerializer, Immutable, Alias("genomde.reporting-change")]
public sealed record ReportingChange(
    [property: Id(0)] IReadOnlyList<PlacedFact> Rows,
    [property: Id(1)] IReadOnlyDictionary<string, long> Counters)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Rows.Count == 0 && Counters.Count == 0;
}

/// <summary>A row and the bucket (<see cref="ReportKeys.Bucket"/>) that keeps it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.placed-fact")]
public sealed record PlacedFact(
    [property: Id(0)] string Bucket,
    [property: Id(1)] ReportFact Fact);
