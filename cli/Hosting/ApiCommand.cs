using System.CommandLine;
using GenomDE.Client;

namespace GenomDE.Cli.Hosting;

/// <summary>Runs a command that talks to the API: one client for the call, problems printed, exit
/// codes mapped (0 done, 1 refused by the API, 2 cannot run as given).</summary>
public static class ApiCommand
{
    public static void Does(this Command command, Func<ParseResult, GenomDeClient, CancellationToken, Task> work) =>
        command.Does(async (parse, client, cancellationToken) =>
        {
            await work(parse, client, cancellationToken);
            return ExitCodes.Ok;
        });

    public static void Does(this Command command, Func<ParseResult, GenomDeClient, CancellationToken, Task<int>> work) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var client = new GenomDeClient(GlobalOptions.Connection(parse).ToOptions());
                return await work(parse, client, cancellationToken);
            }
            catch (UsageException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (GenomDeProblemException problem)
            {
                Output.Problem(problem);
                return ExitCodes.Refused;
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"error: cannot reach the platform: {e.Message}");
                return ExitCodes.Refused;
            }
        });

    /// <summary>A file the user named; missing is a usage error.</summary>
    public static string ReadFile(FileInfo file) =>
        file.Exists ? File.ReadAllText(file.FullName) : throw new UsageException($"{file.FullName} does not exist.");
}
