using System.CommandLine;
using System.Text.Json;
using GenomDE.Cli.Hosting;
using GenomDE.Client;
using GenomDE.Client.Generated.Models;

namespace GenomDE.Cli.Commands;

/// <summary>A data node's (GDC or KDK) daily work: the inbox, receipt, basic QC, the Prüfbericht.</summary>
public static class NodeWorkCommands
{
    public static IEnumerable<Command> Create()
    {
        var inbox = new Command("inbox", "List the submissions routed to your node that have no check report yet (gdc, cdn).");
        inbox.Does(async (parse, client, ct) =>
        {
            var entries = await client.SendAsync(client.V1.Inbox.ToGetRequestInformation().WithQuery("limit", "1000"), ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(entries);
                return;
            }

            Output.Table(entries, "tan", "dataCategory", "submissionType", "submissionDate", "status");
        });

        var tan = new Argument<string>("tan") { Description = "The submission's TAN (64 hexadecimal characters)." };
        var receipt = new Command("receipt", "Confirm that the submission's data arrived at your node (gdc, cdn).") { tan };
        receipt.Does(async (parse, client, ct) =>
            ShowSubmission(parse, await client.SendAsync(client.V1.Inbox[parse.GetValue(tan)!].Receipt.ToPostRequestInformation(), ct)));

        var qcTan = new Argument<string>("tan") { Description = "The submission's TAN." };
        var failed = new Option<string?>("--failed")
        {
            Description = "The basic QC failed for this reason: duplicate_tan_g, incomplete_submission, decryption_error, network_error, "
                + "validation_error, file_not_found, encryption_error, upload_error. Without it the QC passed.",
        };
        var detail = new Option<string?>("--detail") { Description = "Free text for the submitter (at most 2000 characters)." };
        var qc = new Command("qc", "Record the basic QC of a received submission: passed, or --failed <reason> (gdc, cdn).") { qcTan, failed, detail };
        qc.Does(async (parse, client, ct) =>
        {
            var reason = parse.GetValue(failed);
            var body = new System.Text.Json.Nodes.JsonObject { ["passed"] = reason is null };
            if (reason is not null)
            {
                body["failureReason"] = reason;
            }

            if (parse.GetValue(detail) is { } text)
            {
                body["detail"] = text;
            }

            ShowSubmission(parse, await client.SendAsync(client.V1.Inbox[parse.GetValue(qcTan)!].BasicQc.ToPostRequestInformation(new BasicQcRequest()).WithJson(body.ToJsonString()), ct));
        });

        var file = new Argument<FileInfo>("pruefbericht.json") { Description = "The check report, {\"SubmittedCase\": …}, as grzctl writes it." };
        var report = new Command("report", """
            Send a check report (Prüfbericht) for a submission that passed or failed QC (gdc, cdn).
            The answer says whether the platform issued a Meldebestätigung for it.
            With the subcommand quarterly: the quarterly report tables (see genomde report quarterly --help).
            """) { file };
        report.Does(async (parse, client, ct) =>
        {
            var text = ApiCommand.ReadFile(parse.GetValue(file)!);
            var key = "genomde-cli-report-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..48];
            using var answer = JsonDocument.Parse(await client.PostJsonAsync("/api/v1/reports", text, key, ct));
            ShowSubmission(parse, answer.RootElement.Clone());
        });
        report.Subcommands.Add(OperatorCommands.Quarterly());
        return [inbox, receipt, qc, report];
    }

    private static void ShowSubmission(ParseResult parse, JsonElement? submission)
    {
        if (parse.GetValue(GlobalOptions.Json) || submission is not { ValueKind: JsonValueKind.Object } view)
        {
            Output.Json(submission);
            return;
        }

        var confirmation = Output.Text(view, "confirmation.code") is { Length: > 0 } code ? $", Meldebestätigung {code} issued"
            : Output.Text(view, "confirmation.notIssued.message") is { Length: > 0 } why ? $", no Meldebestätigung: {why}" : "";
        Output.Line($"{Output.Text(view, "tan")}: {Output.Text(view, "status")}{confirmation}");
    }
}
