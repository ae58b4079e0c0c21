using System.Text.Json;
using GenomDE.Orleans.Tests.Client;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Cli;

/// <summary>A whole case from registration to reimbursement with nothing but the genomde CLI: the
/// hospital, the GDC, the KDK and the payer each run it with their own credentials.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class CliCaseTests(PlatformFixture platform) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("genomde-cli-");

    [Fact]
    public async Task A_case_runs_from_registration_to_reimbursement_with_the_cli()
    {
        await ClientWorld.ApproveExampleNodes(platform);
        var hospital = new Genomde(platform, ClientWorld.ProviderClient, _folder.FullName);
        var gdc = new Genomde(platform, ClientWorld.GdcClient, _folder.FullName);
        var cdn = new Genomde(platform, ClientWorld.CdnClient, _folder.FullName);
        var payer = new Genomde(platform, ClientWorld.PayerClient, _folder.FullName);
        var localCaseId = ClientWorld.NewCaseId();
        var (genomic, tanG) = ClientWorld.Genomic(localCaseId);
        var (clinical, tanC) = ClientWorld.Clinical(localCaseId);
        File.WriteAllText(Path.Combine(_folder.FullName, "metadata.json"), genomic);
        File.WriteAllText(Path.Combine(_folder.FullName, "clinical.json"), clinical);

        Assert.Contains($"case {localCaseId} of 123456789: registered", (await hospital.Run("case", "register", localCaseId)).Expect(0).Out, StringComparison.Ordinal);
        Assert.Contains($"accepted: genomic submission {tanG}", (await hospital.Run("submit", "genomic", "metadata.json")).Expect(0).Out, StringComparison.Ordinal);
        Assert.Contains($"accepted: clinical submission {tanC}", (await hospital.Run("submit", "clinical", "clinical.json")).Expect(0).Out, StringComparison.Ordinal);
        // The same file again is answered with the first answer (its key comes from its bytes), not a duplicate TAN.
        (await hospital.Run("submit", "genomic", "metadata.json")).Expect(0);

        foreach (var (node, tan) in new[] { (gdc, tanG), (cdn, tanC) })
        {
            Assert.Contains(tan, (await node.Run("inbox")).Expect(0).Out, StringComparison.Ordinal);
            Assert.Contains($"{tan}: received", (await node.Run("receipt", tan)).Expect(0).Out, StringComparison.Ordinal);
            (await node.Run("qc", tan)).Expect(0);
            var caseJson = (await hospital.Run("case", "show", localCaseId, "--json")).Expect(0).Out;
            File.WriteAllText(Path.Combine(_folder.FullName, $"pruefbericht-{tan[..8]}.json"), ClientWorld.Report(caseJson, tan));
            Assert.Contains("Meldebestätigung", (await node.Run("report", $"pruefbericht-{tan[..8]}.json")).Expect(0).Out, StringComparison.Ordinal);
        }

        var shown = (await hospital.Run("case", "show", localCaseId)).Expect(0).Out;
        Assert.Contains($"case {localCaseId} of 123456789: confirmed", shown, StringComparison.Ordinal);

        var tokens = (await hospital.Run("tokens", "list", "--json", "--from", ClientWorld.RecentFrom, "--to", ClientWorld.RecentTo)).Expect(0).Json
            .EnumerateArray().Where(t => t.GetProperty("tan").GetString() is { } tan && (tan == tanG || tan == tanC)).ToList();
        Assert.Equal(2, tokens.Count);
        var delivered = tokens.Select(t => t.GetProperty("record").GetProperty("token").GetProperty("delivered").GetString()!).ToArray();
        var code = tokens[0].GetProperty("code").GetString()!;

        (await hospital.Run("tokens", "qr", code, "-o", "token.png")).Expect(0);
        var png = File.ReadAllBytes(Path.Combine(_folder.FullName, "token.png"));
        Assert.Equal(ClientApi.Apis.TokenQrCode.Png(delivered[0]), png);
        var csv = (await hospital.Run("tokens", "csv", "--code", code)).Expect(0).Out;
        Assert.Contains(delivered[0], csv, StringComparison.Ordinal);

        foreach (var token in delivered)
        {
            Assert.Contains("billable true", (await payer.Run("verify", token)).Expect(0).Out, StringComparison.Ordinal);
        }

        Assert.Contains("accepted: true", (await payer.Run("claim", delivered[0], delivered[1])).Expect(0).Out, StringComparison.Ordinal);
        var again = (await payer.Run("claim", delivered[0], delivered[1])).Expect(1);
        Assert.Contains("error: 409 case_already_reimbursed", again.Error, StringComparison.Ordinal);
        Assert.Contains("billable false", (await payer.Run("verify", delivered[0])).Expect(1).Out, StringComparison.Ordinal);
        Assert.Contains($"case {localCaseId} of 123456789: reimbursed", (await hospital.Run("case", "show", localCaseId)).Expect(0).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_a_folder_is_resumable_and_names_what_was_refused()
    {
        await ClientWorld.ApproveExampleNodes(platform);
        var hospital = new Genomde(platform, ClientWorld.ProviderClient, _folder.FullName);
        var first = ClientWorld.Genomic(ClientWorld.NewCaseId());
        var second = ClientWorld.Genomic(ClientWorld.NewCaseId(), Submissions.MetadataDocument.Panel);
        var broken = JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(ClientWorld.Genomic(ClientWorld.NewCaseId()).Json)!;
        broken["donors"]!.AsArray().Clear();
        File.WriteAllText(Path.Combine(_folder.FullName, "a.json"), first.Json);
        File.WriteAllText(Path.Combine(_folder.FullName, "b.json"), second.Json);
        File.WriteAllText(Path.Combine(_folder.FullName, "c.json"), broken.ToJsonString());

        var run = (await hospital.Run("submit", "--dir", ".")).Expect(1);
        Assert.Contains("2 accepted, 0 skipped (accepted before), 1 refused", run.Out, StringComparison.Ordinal);
        Assert.Contains("metadata_invalid", run.Out, StringComparison.Ordinal);

        var rerun = (await hospital.Run("submit", "--dir", ".", "--json")).Expect(1).Json.EnumerateArray()
            .ToDictionary(r => r.GetProperty("file").GetString()!, r => r.GetProperty("outcome").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["a.json"] = "skipped", ["b.json"] = "skipped", ["c.json"] = "refused" }, rerun);

        var again = await new Genomde(platform, ClientWorld.ProviderClient).Run("case", "show", JsonDocument.Parse(first.Json).RootElement.GetProperty("submission").GetProperty("localCaseId").GetString()!, "--json");
        Assert.Single(again.Expect(0).Json.GetProperty("submissions").EnumerateArray());
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_missing_connection_settings_say_what_to_set()
    {
        var nobody = new Genomde(platform, null, _folder.FullName);

        (await nobody.Run("validate")).Expect(2);
        (await nobody.Run("no-such-command")).Expect(2);
        (await nobody.Run("validate", "missing.json")).Expect(2);
        var unconfigured = (await nobody.Run("nodes", "list")).Expect(2);
        Assert.Contains("GENOMDE_URL", unconfigured.Error, StringComparison.Ordinal);
        Assert.Contains("submit", (await nobody.Run("--help")).Expect(0).Out, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
