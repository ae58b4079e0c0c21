using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenomDE.Cli.Hosting;
using GenomDE.Client;
using GenomDE.Client.Generated.Models;

namespace GenomDE.Cli.Commands;

/// <summary>Meldebestätigungen: the hospital fetches them, the payer verifies and claims them.</summary>
public static class TokenCommands
{
    public static IEnumerable<Command> Create() => [Tokens(), Verify(), Claim()];

    private static Command Tokens()
    {
        var date = new Option<string?>("--date") { Description = "One service date, YYYY-MM-DD." };
        var from = new Option<string?>("--from") { Description = "First service date of a range (at most 31 days), YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Last service date of the range, YYYY-MM-DD." };
        var list = new Command("list", "Your Meldebestätigungen of a service date or range; default: the last four weeks (provider).") { date, from, to };
        list.Does(async (parse, client, ct) =>
        {
            var (first, last) = Range(parse.GetValue(date), parse.GetValue(from), parse.GetValue(to));
            var tokens = await client.SendAsync(client.V1.Tokens.ToGetRequestInformation().WithQuery("from", first).WithQuery("to", last), ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(tokens);
                return;
            }

            Output.Table(tokens, "code", "tan", "record.token.serviceDate", "record.token.dataCategory", "record.status", "record.token.delivered");
        });

        var csvDate = new Option<string?>("--date") { Description = "All tokens of this service date, YYYY-MM-DD (default: today)." };
        var code = new Option<string?>("--code") { Description = "Only this token (its confirmation code)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the CSV to this file instead of standard output." };
        var csv = new Command("csv", "The CSV for the § 301 exchange (Vorgangsnummer,Meldebestaetigung) of a day or one token (provider).") { csvDate, code, output };
        csv.Does(async (parse, client, ct) =>
        {
            var request = parse.GetValue(code) is { } one
                ? client.V1.Tokens[one].Csv.ToGetRequestInformation()
                : client.V1.Tokens.Csv.ToGetRequestInformation().WithQuery("date", parse.GetValue(csvDate) ?? Today(0));
            await Write(await client.SendForBytesAsync(request, ct), parse.GetValue(output));
        });

        var qrCode = new Argument<string>("code") { Description = "The token's confirmation code." };
        var png = new Option<FileInfo?>("--output", "-o") { Description = "The PNG file to write (default: Meldebestaetigung_<code>.png)." };
        var qr = new Command("qr", "Write a Meldebestätigung as a QR code PNG, e.g. for the paper file (provider).") { qrCode, png };
        qr.Does(async (parse, client, ct) =>
        {
            var tokenCode = parse.GetValue(qrCode)!;
            var target = parse.GetValue(png) ?? new FileInfo($"Meldebestaetigung_{tokenCode}.png");
            var bytes = await client.SendForBytesAsync(client.V1.Tokens[tokenCode].QrPng.ToGetRequestInformation(), ct);
            await File.WriteAllBytesAsync(target.FullName, bytes, ct);
            Output.Line($"wrote {target.FullName} ({bytes.Length} bytes)");
        });

        return new Command("tokens", "The hospital's Meldebestätigungen: list, CSV, QR code.") { list, csv, qr };
    }

    private static Command Verify()
    {
        var token = new Argument<string>("token") { Description = "The whole Meldebestätigung, IBE+…" };
        var verify = new Command("verify", """
            Check a Meldebestätigung before paying (payer): well-formed, hash matches, issued by the
            platform, its status, whether it bills. Exit code 0 when it bills, 1 when not.
            """) { token };
        verify.Does(async (parse, client, ct) =>
        {
            var check = await client.SendAsync(client.V1.Tokens.Verify.ToPostRequestInformation(new VerifyTokenRequest { Token = parse.GetValue(token)! }), ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.Json(check);
            }
            else if (check is { } c)
            {
                Output.Line($"{Output.Text(c, "code")}: well-formed {Output.Text(c, "wellFormed")}, hash {Output.Text(c, "hash")}, issued {Output.Text(c, "issued")}, status {Output.Text(c, "status")}, billable {Output.Text(c, "billable")}");
                foreach (var problem in c.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array ? problems.EnumerateArray() : [])
                {
                    Output.Line($"  {Output.Text(problem, "code")}: {Output.Text(problem, "message")}");
                }
            }

            return check is { } result && Output.Text(result, "billable") == "true" ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return verify;
    }

    private static Command Claim()
    {
        var tokens = new Argument<string[]>("token") { Description = "The case's Meldebestätigungen (all of one case).", Arity = ArgumentArity.OneOrMore };
        var key = new Option<string?>("--idempotency-key") { Description = "Reuse the key of an earlier claim whose answer was lost: its answer is repeated, nothing is paid twice." };
        var claim = new Command("claim", "Claim the flat rate for one case with its Meldebestätigungen (payer); each is redeemed once.") { tokens, key };
        claim.Does(async (parse, client, ct) =>
        {
            var request = client.V1.Claims.ToPostRequestInformation(new ClaimRequest { Tokens = [.. parse.GetValue(tokens)!] });
            if (parse.GetValue(key) is { } chosen)
            {
                request.WithIdempotencyKey(chosen);
            }

            var answer = await client.SendAsync(request, ct);
            if (parse.GetValue(GlobalOptions.Json) || answer is null)
            {
                Output.Json(answer);
                return;
            }

            Output.Line($"claim {Output.Text(answer.Value, "claimId")} accepted: {Output.Text(answer.Value, "accepted")}; redeemed {Output.Text(answer.Value, "redeemed")}");
        });
        return claim;
    }

    private static (string From, string To) Range(string? date, string? from, string? to) =>
        date is not null ? (date, date) : (from ?? Today(-28), to ?? Today(1));

    /// <summary>UTC days: the platform's German service day lies within a day of them.</summary>
    private static string Today(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task Write(byte[] bytes, FileInfo? file)
    {
        if (file is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes);
            return;
        }

        await File.WriteAllBytesAsync(file.FullName, bytes);
        Output.Line($"wrote {file.FullName} ({bytes.Length} bytes)");
    }
}
