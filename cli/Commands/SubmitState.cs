using System.Text.Json;

namespace GenomDE.Cli.Commands;

/// <summary>What <c>submit --dir</c> already got accepted, kept beside the documents so a rerun
/// skips them: file name → the SHA-256 of the bytes accepted (a changed file is sent again).</summary>
public sealed class SubmitState
{
    public const string FileName = ".genomde-submitted.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _path;

    private SubmitState(string path, Dictionary<string, Accepted> accepted)
    {
        _path = path;
        Accepted = accepted;
    }

    public Dictionary<string, Accepted> Accepted { get; }

    public static SubmitState Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var accepted = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, Accepted>>(File.ReadAllText(path), Json) ?? []
            : [];
        return new(path, accepted);
    }

    public bool IsAccepted(SubmissionDocument document) =>
        Accepted.TryGetValue(System.IO.Path.GetFileName(document.File), out var accepted) && accepted.Sha256 == document.Sha256;

    /// <summary>Written after every acceptance (through a temporary file), so an interrupted run loses nothing.</summary>
    public void Record(SubmissionDocument document)
    {
        Accepted[System.IO.Path.GetFileName(document.File)] = new(document.Sha256, document.LocalCaseId, document.Tan, DateTimeOffset.UtcNow);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(Accepted, Json));
        File.Move(temporary, _path, overwrite: true);
    }
}

public sealed record Accepted(string Sha256, string LocalCaseId, string Tan, DateTimeOffset At);
