using GenomDE.Orleans.GrainInterfaces.Events;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>Durable mode only. A grain that stored a change and died before its outbox left (a
/// killed silo, a whole-cluster crash) republishes on its next activation, but nobody may activate
/// it for a long time. So when a silo is declared dead, and once when this silo starts, every grain
/// with an outbox that stored a non-empty one recently is called (<see cref="IOutboxGrain.FlushOutbox"/>):
/// on a surviving activation that is a no-op, on a fresh one it repeats the effects and events
/// (all idempotent). Grain state rows are plain JSON, so the query reads the outbox itself.</summary>
public sealed class OutboxSweeper(
    string connectionString,
    IGrainFactory grains,
    ISiloStatusOracle silos,
    IOptions<ClusterOptions> cluster,
    IOptions<SweeperOptions> options,
    ILogger<OutboxSweeper> logger) : BackgroundService, ISiloStatusListener
{
    /// <summary>The grain types whose state carries an <c>Outbox</c>.</summary>
    public static readonly string[] GrainTypes = ["case", "reimbursement", "token", "node", "provider", "payer"];

    private readonly SemaphoreSlim _wake = new(0);

    public void SiloStatusChangeNotification(SiloAddress updatedSilo, SiloStatus status)
    {
        if (status == SiloStatus.Dead)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        silos.SubscribeToSiloStatusEvents(this);
        try
        {
            await Task.Delay(options.Value.StartDelay, stoppingToken);
            await SweepAsync(sinceLastWrite: true, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _wake.WaitAsync(options.Value.Interval, stoppingToken);
                await SweepAsync(sinceLastWrite: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            silos.UnSubscribeFromSiloStatusEvents(this);
        }
    }

    /// <summary>Calls every grain whose stored outbox is non-empty and that was written within the
    /// window: before now, or (at start, after a full outage) before the newest write of any row.</summary>
    public async Task<int> SweepAsync(bool sinceLastWrite, CancellationToken cancellationToken)
    {
        try
        {
            var due = await DueGrainsAsync(sinceLastWrite, cancellationToken);
            var pending = due;
            for (var round = 1; pending.Count > 0 && round <= options.Value.Rounds; round++)
            {
                if (round > 1)
                {
                    await Task.Delay(options.Value.RetryDelay, cancellationToken);
                }

                // One grain that cannot be reached now (its silo not yet declared dead, a timeout)
                // must not stop the others: it is called again in the next round.
                var failed = new System.Collections.Concurrent.ConcurrentBag<(string Type, string Key)>();
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                    async (grain, _) =>
                    {
                        try
                        {
                            await grains.GetGrain(GrainId.Create(grain.Type, grain.Key)).AsReference<IOutboxGrain>().FlushOutbox();
                        }
                        catch (Exception failure) when (failure is not OperationCanceledException)
                        {
                            failed.Add(grain);
                        }
                    });
                pending = [.. failed];
            }

            if (due.Count > 0)
            {
                logger.LogInformation("Outbox sweep called {Count} grains; {Unreached} could not be reached", due.Count, pending.Count);
            }

            return due.Count;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Outbox sweep failed; the next one repeats it");
            return 0;
        }
    }

    private async Task<List<(string Type, string Key)>> DueGrainsAsync(bool sinceLastWrite, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT grain_type, grain_id_extension, grain_id_n1
              FROM genomde_grain_state
             WHERE service_id = @service
               AND grain_type = ANY(@types)
               AND payload IS NOT NULL
               AND modified_on >= (CASE WHEN @sinceLastWrite
                                        THEN (SELECT max(modified_on) FROM genomde_grain_state WHERE service_id = @service)
                                        ELSE now() END) - @window
               AND jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'Outbox' -> 'Pending') > 0
            """, connection);
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        command.Parameters.AddWithValue("types", GrainTypes);
        command.Parameters.AddWithValue("sinceLastWrite", sinceLastWrite);
        command.Parameters.AddWithValue("window", options.Value.Window);
        var due = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (KeyOf(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)) is { } key)
            {
                due.Add((reader.GetString(0), key));
            }
        }

        return due;
    }

    /// <summary>Orleans stores a string key that reads as a number (an IK) as an integer key, without
    /// the extension; IKs have nine digits, so the leading zeros come back with the format.</summary>
    private static string? KeyOf(string grainType, string? extension, long n1) =>
        extension ?? (grainType is "provider" or "payer" ? n1.ToString("D9", System.Globalization.CultureInfo.InvariantCulture) : null);
}

/// <summary>Section <c>Platform:OutboxSweep</c>.</summary>
public sealed class SweeperOptions
{
    public const string Section = "Platform:OutboxSweep";

    /// <summary>How far back a sweep looks: longer than it takes to declare a silo dead.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A sweep also runs this often without a death, as a safety net.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Grains that could not be reached are called again, this many rounds in all.</summary>
    public int Rounds { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
