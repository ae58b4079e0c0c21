using System.Net;
using System.Text.Json;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>The answer a request finally got, with every failed attempt before it
/// ("503 storage_unavailable", "connection: …"), in order.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, IReadOnlyList<string> FailedAttempts)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, Http.Json)!;
}
