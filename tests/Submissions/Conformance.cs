namespace GenomDE.Orleans.Tests.Submissions;

/// <summary>Finds the shared conformance data (real grz-tools artefacts) next to the repository.
/// Locally the repo is <c>/work/main</c> with <c>/work/shared</c> beside it; CI clones it to
/// <c>&lt;parent&gt;/main-clone</c> with <c>&lt;parent&gt;/shared</c>. Walking up from the test binaries until
/// some ancestor holds <c>shared/conformance</c> works for both without configuration.</summary>
internal static class Conformance
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string MetadataFile(string kind, string name) => Path.Combine(Directory, "grz-metadata", kind, name);

    public static IReadOnlyList<string> MetadataFileNames(string kind) =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "grz-metadata", kind), "*.json")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    public static string ReadMetadata(string kind, string name) => File.ReadAllText(MetadataFile(kind, name));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/conformance' folder in any ancestor of {AppContext.BaseDirectory}; clone the shared folder beside the repository.");
    }
}
