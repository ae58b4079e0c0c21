using System.CommandLine;
using GenomDE.Cli.Hosting;
using GenomDE.Cli.Validation;

namespace GenomDE.Cli.Commands;

/// <summary>Offline checks with the platform's own rules: no connection needed.</summary>
public static class ValidateCommands
{
    public static IEnumerable<Command> Create()
    {
        var metadata = new Argument<FileInfo>("metadata.json") { Description = "A GRZ metadata.json as grz-cli writes it." };
        var validate = new Command("validate", """
            Check a metadata.json offline against the rules the platform applies when it is submitted.
            Prints one line per finding: severity, rule code, JSON path, message.
            Exit code 0: valid (warnings allowed); 1: invalid; 2: the file cannot be read.
            """) { metadata };
        validate.SetAction(parse => Report(parse, metadata, text => OfflineValidators.Metadata(text)));

        var clinical = new Argument<FileInfo>("file") { Description = "The clinical data set's metaData (or the whole data set containing it)." };
        var node = new Option<string?>("--node") { Description = "The KDK it will be sent to, when not the one it names (e.g. KDKTUE002)." };
        var validateClinical = new Command("validate-clinical", """
            Check a clinical metaData offline against the KDK's rules (those metaData alone can decide).
            Output and exit codes as for validate.
            """) { clinical, node };
        validateClinical.SetAction(parse => Report(parse, clinical, text => OfflineValidators.Clinical(text, parse.GetValue(node))));
        return [validate, validateClinical];
    }

    private static int Report(ParseResult parse, Argument<FileInfo> file, Func<string, ValidationVerdict> check)
    {
        var path = parse.GetValue(file)!;
        if (!path.Exists)
        {
            Console.Error.WriteLine($"error: {path.FullName} does not exist.");
            return ExitCodes.Usage;
        }

        var verdict = check(File.ReadAllText(path.FullName));
        if (parse.GetValue(GlobalOptions.Json))
        {
            Output.Json(new { file = path.Name, verdict.Valid, verdict.Errors, verdict.Warnings });
        }
        else
        {
            foreach (var finding in verdict.Errors.Concat(verdict.Warnings))
            {
                Output.Line($"{finding.Severity,-8} {finding.Rule}  {finding.Path}  {finding.Message}");
            }

            Output.Line(verdict.Valid
                ? $"{path.Name}: valid ({verdict.Warnings.Count} warning(s))"
                : $"{path.Name}: invalid ({verdict.Errors.Count} error(s), {verdict.Warnings.Count} warning(s))");
        }

        return verdict.Valid ? ExitCodes.Ok : ExitCodes.Refused;
    }
}
