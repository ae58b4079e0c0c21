using System.Threading.Channels;
using GenomDE.Orleans.GrainInterfaces.Audit;

namespace GenomDE.Orleans.ClientApi.Audit;

/// <summary>Hands entries to the audit log grain. A request waits for its entry to be stored before
/// its answer leaves; when the audit log cannot be reached the answer is not held back or turned
/// into an error (the command already happened), and the entry is retried from here until stored.</summary>
public sealed partial class AuditWriter(IGrainFactory grains, ILogger<AuditWriter> logger) : BackgroundService
{
    private readonly Channel<AuditDraft> _backlog = Channel.CreateUnbounded<AuditDraft>();

    /// <summary>The entry's sequence number, or null when it was deferred to the retry backlog.</summary>
    public async Task<long?> RecordAsync(AuditDraft draft)
    {
        try
        {
            return await grains.GetGrain<IAuditLogGrain>(0).Append([draft]);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogDeferred(logger, failure, draft.Action, draft.RequestId);
            _backlog.Writer.TryWrite(draft);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var draft in _backlog.Reader.ReadAllAsync(stoppingToken))
        {
            for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks)))
            {
                try
                {
                    await grains.GetGrain<IAuditLogGrain>(0).Append([draft]);
                    break;
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    LogDeferred(logger, failure, draft.Action, draft.RequestId);
                    await Task.Delay(delay, stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry for {Action} (request {RequestId}) not stored yet; retrying")]
    private static partial void LogDeferred(ILogger logger, Exception failure, string action, string requestId);
}
