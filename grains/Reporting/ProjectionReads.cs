using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Reporting;

/// <summary>Reads of reporting (report tables, statistics) first let the projector apply what the
/// log holds, so a report read right after a lifecycle counts it.</summary>
internal static class ProjectionReads
{
    /// <summary>A failure here (the database, a timeout) is already logged by the call filter, which
    /// also dropped the projector's activation; the read then serves what is stored, and the
    /// projector's next run completes it. A read is never refused for being a batch behind.</summary>
    public static async Task CatchUp(IGrainFactory grains)
    {
        try
        {
            await grains.GetGrain<IReportingProjectorGrain>(IReportingProjectorGrain.Key).CatchUp();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
        }
    }
}
