using System.Collections.Concurrent;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>What the patient clients of one test met on the way: every failed attempt by kind, and
/// every answer a participant must never see (a 500, a 503 that is not problem+json).</summary>
public sealed class RetryLog
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _forbidden = new();

    /// <summary>Failed attempts by kind, e.g. "503 storage_unavailable" → 12.</summary>
    public IReadOnlyDictionary<string, int> Failures => new Dictionary<string, int>(_failures, StringComparer.Ordinal);

    /// <summary>Answers that break the API's promise (never a 500; a 503 is always problem+json).</summary>
    public IReadOnlyCollection<string> Forbidden => [.. _forbidden];

    public int Retries => _failures.Values.Sum();

    public void Failed(string kind) => _failures.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Forbid(string what) => _forbidden.Enqueue(what);

    public override string ToString() => string.Join(", ", Failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}"));
}
