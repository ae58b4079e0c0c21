using System.CommandLine;
using System.Text.Json;
using GenomDE.Cli.Hosting;
using GenomDE.Client;
using GenomDE.Client.Generated.Models;
using Spectre.Console;

namespace GenomDE.Cli.Commands;

/// <summary>The hospital sends data: a metadata.json to the GDC, clinical metaData to the KDK, or a
/// whole folder of them.</summary>
public static class SubmitCommands
{
    public static Command Create()
    {
        var submit = new Command("submit", """
            Submit documents of registered cases (provider).
              genomde submit genomic metadata.json     the metadata.json grz-cli wrote, to the GDC it names
              genomde submit clinical metaData.json    the clinical data set's metaData, to the KDK it names
              genomde submit --dir <folder>            every *.json in the folder: genomic first, then clinical;
                                                       cases are registered as needed; resumable: accepted files
                                                       are noted in <folder>/.genomde-submitted.json and skipped
                                                       when run again (a changed file is sent again).
            Each document is sent with an Idempotency-Key derived from its bytes: sending the same file
            twice is answered with the first answer, never a second submission.
            """);
        var dir = new Option<DirectoryInfo?>("--dir") { Description = "Submit every *.json document of this folder (many cases)." };
        submit.Options.Add(dir);
        submit.Subcommands.Add(Single(SubmissionKind.Genomic, "genomic", "Submit a GRZ metadata.json (provider → GDC)."));
        submit.Subcommands.Add(Single(SubmissionKind.Clinical, "clinical", "Submit a clinical data set's metaData (provider → KDK)."));
        submit.Does(async (parse, client, ct) =>
            parse.GetValue(dir) is { } folder
                ? await Folder(parse, client, folder, ct)
                : throw new UsageException("Say what to submit: genomic <file>, clinical <file> or --dir <folder> (genomde submit --help)."));
        return submit;
    }

    private static Command Single(SubmissionKind kind, string name, string description)
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSON document, sent byte for byte." };
        var caseId = new Option<string?>("--case") { Description = "The local case ID (default: the one the document names)." };
        var command = new Command(name, description) { file, caseId };
        command.Does(async (parse, client, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"{path.FullName} does not exist.");
            }

            var document = SubmissionDocument.Read(path.FullName, kind, parse.GetValue(caseId));
            var answer = await Send(client, document, ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(answer);
                return;
            }

            Output.Line($"accepted: {kind.ToString().ToLowerInvariant()} submission {Output.Text(answer, "tan")} of case {document.LocalCaseId}, case now {Output.Text(answer, "case.status")}");
            PrintWarnings(answer);
        });
        return command;
    }

    private static async Task<JsonElement> Send(GenomDeClient client, SubmissionDocument document, CancellationToken ct)
    {
        var body = await client.PostJsonAsync(document.Path, document.Text, document.IdempotencyKey, ct);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static void PrintWarnings(JsonElement answer)
    {
        if (answer.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array)
        {
            foreach (var warning in warnings.EnumerateArray())
            {
                Output.Line($"warning  {Output.Text(warning, "rule")}  {Output.Text(warning, "path")}  {Output.Text(warning, "message")}");
            }
        }
    }

    private static async Task<int> Folder(ParseResult parse, GenomDeClient client, DirectoryInfo folder, CancellationToken ct)
    {
        if (!folder.Exists)
        {
            throw new UsageException($"{folder.FullName} does not exist.");
        }

        var documents = folder.GetFiles("*.json").Where(f => f.Name != SubmitState.FileName)
            .Select(f => SubmissionDocument.Read(f.FullName, null, null))
            .OrderBy(d => d.Kind).ThenBy(d => d.File, StringComparer.Ordinal)
            .ToList();
        var state = SubmitState.Load(folder.FullName);
        var results = new List<(SubmissionDocument Document, string Outcome, string Detail)>();
        var registered = new HashSet<string>(StringComparer.Ordinal);

        await Output.Error.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var task = progress.AddTask($"Submitting {documents.Count} document(s)", maxValue: Math.Max(1, documents.Count));
            foreach (var document in documents)
            {
                results.Add(await SubmitOne(client, state, registered, document, ct));
                task.Increment(1);
            }
        });

        if (parse.GetValue(GlobalOptions.Json))
        {
            Output.Json(results.Select(r => new { file = Path.GetFileName(r.Document.File), kind = r.Document.Kind.ToString().ToLowerInvariant(), r.Document.LocalCaseId, r.Document.Tan, outcome = r.Outcome, detail = r.Detail }));
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("file", "kind", "case", "outcome", "detail");
            foreach (var (document, outcome, detail) in results)
            {
                table.AddRow(Markup.Escape(Path.GetFileName(document.File)), document.Kind.ToString().ToLowerInvariant(), Markup.Escape(document.LocalCaseId), outcome, Markup.Escape(detail));
            }

            Output.Out.Write(table);
            Output.Line($"{results.Count(r => r.Outcome == "accepted")} accepted, {results.Count(r => r.Outcome == "skipped")} skipped (accepted before), {results.Count(r => r.Outcome == "refused")} refused");
        }

        return results.Any(r => r.Outcome == "refused") ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private static async Task<(SubmissionDocument, string, string)> SubmitOne(GenomDeClient client, SubmitState state, HashSet<string> registered, SubmissionDocument document, CancellationToken ct)
    {
        if (state.IsAccepted(document))
        {
            return (document, "skipped", "accepted in an earlier run");
        }

        try
        {
            if (registered.Add(document.LocalCaseId))
            {
                await Register(client, document.LocalCaseId, ct);
            }

            var answer = await Send(client, document, ct);
            state.Record(document);
            return (document, "accepted", $"case {Output.Text(answer, "case.status")}");
        }
        catch (GenomDeProblemException problem)
        {
            var findings = string.Join("; ", problem.Errors.Select(e => $"{e.Rule} at {e.Path}"));
            return (document, "refused", $"{problem.Code}: {(findings.Length > 0 ? findings : problem.Detail)}");
        }
    }

    /// <summary>A case registered before (by an earlier run or by hand) is fine.</summary>
    private static async Task Register(GenomDeClient client, string localCaseId, CancellationToken ct)
    {
        try
        {
            await client.SendAsync(client.V1.Cases.ToPostRequestInformation(new RegisterCaseRequest { LocalCaseId = localCaseId }), ct);
        }
        catch (GenomDeProblemException problem) when (problem.Code == "case_exists")
        {
        }
    }
}
