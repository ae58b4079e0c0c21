using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>The four confirmation samples of the shared conformance data (hash string, SHA-256, source).</summary>
internal static class MeldebestaetigungSamples
{
    public const string File = "meldebestaetigung-samples.tsv";

    public static IReadOnlyList<(string HashString, string Sha256, string Source)> All { get; } = Load();

    /// <summary>For theories: the hash strings, so each sample is a test case of its own.</summary>
    public static TheoryData<string> HashStrings => [.. All.Select(s => s.HashString)];

    public static string Sha256Of(string hashString) => All.Single(s => s.HashString == hashString).Sha256;

    private static List<(string, string, string)> Load() =>
        [.. System.IO.File.ReadAllLines(Path.Combine(Conformance.Directory, File))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(cells => (cells[0], cells[1], cells[2]))];
}
