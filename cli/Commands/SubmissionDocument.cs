using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenomDE.Cli.Hosting;

namespace GenomDE.Cli.Commands;

public enum SubmissionKind
{
    Genomic,
    Clinical,
}

/// <summary>A document to submit, as read from disk: its kind, the case it names and a key derived
/// from its bytes. Sending the same bytes again (a rerun, a retry after a crash) carries the same
/// Idempotency-Key, so the platform answers with the first answer instead of a duplicate-TAN error.</summary>
public sealed record SubmissionDocument(string File, string Text, SubmissionKind Kind, string LocalCaseId, string Tan)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    public string IdempotencyKey => $"genomde-cli-{Kind.ToString().ToLowerInvariant()}-{Sha256[..48]}";

    public string Path => $"/api/v1/cases/{Uri.EscapeDataString(LocalCaseId)}/{(Kind == SubmissionKind.Genomic ? "genomic" : "clinical")}-submissions";

    /// <summary>Genomic: a metadata.json (submission.tanG); clinical: a metaData object (tanC).</summary>
    public static SubmissionDocument Read(string file, SubmissionKind? expected, string? localCaseId)
    {
        var text = System.IO.File.ReadAllText(file);
        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(text);
            root = json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UsageException($"{file} is not JSON: {e.Message}");
        }

        var kind = expected ?? (Output.Text(root, "submission.tanG").Length > 0 ? SubmissionKind.Genomic
            : Output.Text(root, "tanC").Length > 0 ? SubmissionKind.Clinical
            : throw new UsageException($"{file} is neither a metadata.json (submission.tanG) nor a clinical metaData (tanC)."));
        var caseId = localCaseId ?? (kind == SubmissionKind.Genomic ? Output.Text(root, "submission.localCaseId") : Output.Text(root, "localCaseId"));
        if (caseId.Length == 0)
        {
            throw new UsageException($"{file} names no local case ID; give --case.");
        }

        var tan = kind == SubmissionKind.Genomic ? Output.Text(root, "submission.tanG") : Output.Text(root, "tanC");
        return new(file, text, kind, caseId, tan);
    }
}
