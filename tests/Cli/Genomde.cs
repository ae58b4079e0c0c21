using System.Diagnostics;
using System.Reflection;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Cli;

/// <summary>Runs the built <c>genomde</c> CLI as its own process (<c>dotnet genomde.dll …</c>), as
/// one participant of the test API, configured through the environment like a user's shell.</summary>
internal sealed class Genomde(PlatformFixture platform, string? clientId, string? workingDirectory = null)
{
    public static string Dll { get; } = typeof(Genomde).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GenomdeCli").Value!;

    public async Task<Result> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GENOMDE_PROFILES"] = Path.Combine(Path.GetTempPath(), "genomde-tests-no-profiles.json");
        start.Environment.Remove("GENOMDE_PROFILE");
        start.Environment.Remove("GENOMDE_TOKEN_URL");
        if (clientId is not null)
        {
            start.Environment["GENOMDE_URL"] = platform.BaseAddress.AbsoluteUri;
            start.Environment["GENOMDE_CLIENT_ID"] = clientId;
            start.Environment["GENOMDE_CLIENT_SECRET"] = platform.Issuer.SecretFor(clientId);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await stdout, await stderr, string.Join(' ', args));
    }

    public sealed record Result(int ExitCode, string Out, string Error, string Command)
    {
        /// <summary>Fails with everything the CLI said.</summary>
        public Result Expect(int exitCode)
        {
            Assert.True(exitCode == ExitCode, $"genomde {Command}: exit {ExitCode}, expected {exitCode}\n{Out}\n{Error}");
            return this;
        }

        public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Out).RootElement;
    }
}
