using System.CommandLine;
using System.Text.Json;
using GenomDE.Cli.Hosting;
using GenomDE.Client;
using GenomDE.Client.Generated.Models;

namespace GenomDE.Cli.Commands;

/// <summary>The hospital's (LE's) cases.</summary>
public static class CaseCommands
{
    public static Command Create()
    {
        var localCaseId = new Argument<string>("localCaseId") { Description = "Your own ID of the case (1–64 printable characters)." };
        var register = new Command("register", "Register a new case under your local case ID (provider).") { localCaseId };
        register.Does(async (parse, client, ct) =>
        {
            var id = parse.GetValue(localCaseId)!;
            Show(parse, await client.SendAsync(client.V1.Cases.ToPostRequestInformation(new RegisterCaseRequest { LocalCaseId = id }), ct));
        });

        var show = new Command("show", "Show a case: its status, its submissions and their Meldebestätigungen, its history (provider).") { localCaseId };
        show.Does(async (parse, client, ct) =>
            Show(parse, await client.SendAsync(client.V1.Cases[parse.GetValue(localCaseId)!].ToGetRequestInformation(), ct)));

        return new Command("case", "Register a case and follow it (hospital).") { register, show };
    }

    public static void Show(ParseResult parse, JsonElement? view)
    {
        if (parse.GetValue(GlobalOptions.Json) || view is not { ValueKind: JsonValueKind.Object } caseView)
        {
            Output.Json(view);
            return;
        }

        Output.Line($"case {Output.Text(caseView, "localCaseId")} of {Output.Text(caseView, "submitterId")}: {Output.Text(caseView, "status")}");
        if (caseView.TryGetProperty("submissions", out var submissions) && submissions.GetArrayLength() > 0)
        {
            Output.Table(submissions, "tan", "dataCategory", "submissionType", "nodeId", "status", "confirmation.code", "confirmation.notIssued.message");
        }
    }
}
