using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Persistence;
using GenomDE.Orleans.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace GenomDE.Orleans.Bench;

/// <summary>Grain state writes through Orleans' real ADO.NET grain storage provider with our SQL, registered
/// by the platform's own <see cref="SiloConfiguration.AddPlatformGrainStorage"/>, in a silo hosted in this
/// process — the same PostgreSQL, concurrency, payload size and key count as <see cref="UpsertRoof"/>, so
/// "writes/s ÷ roof" compares the storage path with the database's own limit and nothing else.</summary>
internal static class StorageProbe
{
    /// <summary>Its own service id: the probe's rows are told apart from the platform's by it.</summary>
    public const string ServiceId = "genomde-bench-probe";

    private static readonly TimeSpan WarmupDuration = TimeSpan.FromSeconds(6);

    public sealed record Result(long Warmup, long Count, long Errors, string? FirstError, double Seconds, double P50, double P99,
        long VersionDelta, long Rows, long AvgBytes, long AvgStored, string Cpu)
    {
        public double PerSecond => Count / Seconds;
    }

    public static async Task<Result> Run(string connectionString, int concurrency, TimeSpan duration, int payloadBytes,
        Func<CpuMeter> meter, Action<string> say)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            // Localhost clustering on free ports: the probe must not join the platform's cluster.
            silo.UseLocalhostClustering(SiloProcess.FreePort(), SiloProcess.FreePort(), serviceId: ServiceId, clusterId: ServiceId);
            SiloConfiguration.AddPlatformGrainStorage(silo, OrleansConnectionString.Tune(connectionString));
            silo.Services.AddSingleton(new ProbeShape(EventsFor(payloadBytes)));
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();

            // Not measured: every key activated once (an activation reads its state, a write does not),
            // then writes until tiered JIT has settled on the write path (this silo's code is new to the
            // process; a perf profile with only 2 s of warm-up still showed ~17 % of the process's CPU in
            // the JIT during the measurement) and Npgsql has auto-prepared on every pooled connection.
            var activate = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, UpsertRoof.Keys), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                async (k, _) => await grains.GetGrain<IStateWriterGrain>(Key(k)).Touch());
            say(string.Create(CultureInfo.InvariantCulture,
                $"storage probe: {UpsertRoof.Keys} grains activated in {Stopwatch.GetElapsedTime(activate).TotalSeconds:F1} s (not measured)"));
            var warmup = await Workers(grains, concurrency, WarmupDuration, seed: 1000);

            var before = await Versions(connectionString);
            var cpu = meter();
            var (count, errors, firstError, seconds, latencies) = await Workers(grains, concurrency, duration, seed: 0);
            var cpuText = cpu.Report();
            var after = await Versions(connectionString);
            return new Result(warmup.Count, count, errors + warmup.Errors, firstError, seconds, Recorder.Percentile(latencies, 0.5), Recorder.Percentile(latencies, 0.99),
                after.VersionSum - before.VersionSum, after.Rows, after.AvgBytes, after.AvgStored, cpuText);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Random texts, like the roof's payload, so both compress alike under TOAST.</summary>
    public static IEnumerable<ProbeEvent> Events(int count) => Enumerable.Range(0, count).Select(_ => Event(Random.Shared.Next()));

    /// <summary>Like the roof's payload items: a timestamp, a varying text, an actor.</summary>
    public static ProbeEvent Event(int n) =>
        new(new DateTimeOffset(2026, 1, 1, 0, 0, n % 60, TimeSpan.Zero), string.Create(CultureInfo.InvariantCulture, $"event {n:x8}"), "GRZM00123");

    /// <summary>Smallest event count whose serialized state (the storage serializer's JSON settings) reaches the payload size.</summary>
    private static int EventsFor(int payloadBytes)
    {
        var json = new JsonSerializerOptions();
        SiloConfiguration.ConfigureStorageJson(json);
        var state = new ProbeState();
        while (JsonSerializer.SerializeToUtf8Bytes(state, json).Length < payloadBytes)
        {
            state.History.Add(Event(state.History.Count));
        }

        return Math.Max(1, state.History.Count);
    }

    private static string Key(int k) => string.Create(CultureInfo.InvariantCulture, $"123456789:PROBE-{k:D6}");

    private static async Task<(long Count, long Errors, string? FirstError, double Seconds, double[] Latencies)> Workers(
        IGrainFactory grains, int concurrency, TimeSpan duration, int seed)
    {
        var latencies = new List<double>[concurrency];
        long count = 0;
        long errors = 0;
        string? firstError = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            var random = new Random(seed + w);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var grain = grains.GetGrain<IStateWriterGrain>(Key(random.Next(UpsertRoof.Keys)));
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    await grain.Write(random.Next());
                    latencies[w].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    Interlocked.Increment(ref count);
                }
                catch (Exception e) when (e is OrleansException or TimeoutException or NpgsqlException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                }
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (count, errors, firstError, seconds, latencies.SelectMany(l => l).Order().ToArray());
    }

    private static async Task<(long VersionSum, long Rows, long AvgBytes, long AvgStored)> Versions(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(version), 0)::bigint, count(*), coalesce(avg(octet_length(payload)), 0)::bigint, coalesce(avg(pg_column_size(payload)), 0)::bigint
              FROM genomde_grain_state WHERE service_id = $1
            """, connection);
        command.Parameters.AddWithValue(ServiceId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
