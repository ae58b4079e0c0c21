using GenomDE.Orleans.Grains.Events;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Silo.Events;

/// <summary>Deletes events older than <c>Events:Retention</c> from the PostgreSQL log, periodically
/// on every silo (the delete is idempotent, so silos need not agree who runs it).</summary>
public sealed partial class EventRetention(PostgresEventLog log, IOptions<EventLogOptions> options, TimeProvider clock, ILogger<EventRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        do
        {
            try
            {
                var deleted = await log.DeleteOlderThanAsync(clock.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event retention deleted {Count} events")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event retention sweep failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
