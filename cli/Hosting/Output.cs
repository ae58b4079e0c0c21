using System.Text.Encodings.Web;
using System.Text.Json;
using GenomDE.Client;
using Spectre.Console;

namespace GenomDE.Cli.Hosting;

/// <summary>Results go to standard output, diagnostics to standard error, so a script can pipe
/// <c>--json</c> output on.</summary>
public static class Output
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IAnsiConsole Out { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    static Output()
    {
        // Redirected output (a pipe, a file, a test) is read by programs: no wrapping of long TANs.
        if (Console.IsOutputRedirected)
        {
            Out.Profile.Width = 400;
        }

        if (Console.IsErrorRedirected)
        {
            Error.Profile.Width = 400;
        }
    }

    public static void Json(JsonElement? value) => Console.Out.WriteLine(value is { } v ? JsonSerializer.Serialize(v, Indented) : "null");

    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Indented));

    public static void Line(string text) => Console.Out.WriteLine(text);

    public static void Problem(GenomDeProblemException problem)
    {
        Console.Error.WriteLine($"error: {(int)problem.Status} {problem.Code}: {problem.Title}");
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            Console.Error.WriteLine($"  {problem.Detail}");
        }

        foreach (var finding in problem.Errors)
        {
            Console.Error.WriteLine($"  error    {finding.Rule}  {finding.Path}  {finding.Message}");
        }

        foreach (var finding in problem.Warnings)
        {
            Console.Error.WriteLine($"  warning  {finding.Rule}  {finding.Path}  {finding.Message}");
        }
    }

    /// <summary>A table of the named properties of a JSON array (nested ones by dotted path).</summary>
    public static void Table(JsonElement? rows, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var row in rows is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            table.AddRow([.. columns.Select(c => Markup.Escape(Text(row, c)))]);
        }

        Out.Write(table);
    }

    /// <summary>The value at a dotted path, as text ("" when absent).</summary>
    public static string Text(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return "";
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => element.GetRawText(),
        };
    }
}
