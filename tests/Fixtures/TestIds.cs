namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>Fresh, valid identifiers so tests sharing one cluster never touch each other's grains.</summary>
public static class TestIds
{
    private static int _counter = Random.Shared.Next(0, 500);
    private static readonly string Run = RandomLetters(2);

    /// <summary>A node ID of the right pattern: GRZ/KDK + 'T' + 2 random letters + 3 digits.</summary>
    public static string NodeId(string prefix) => $"{prefix}{Run[0]}{RandomLetters(2)}{Interlocked.Increment(ref _counter) % 1000:D3}";

    public static string Ik() => Random.Shared.NextInt64(300_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Key() => Guid.NewGuid().ToString("N");

    private static string RandomLetters(int count) =>
        new([.. Enumerable.Range(0, count).Select(_ => (char)('A' + Random.Shared.Next(26)))]);
}
