using System.CommandLine;

namespace GenomDE.Cli.Hosting;

/// <summary>Options every command understands (they may stand anywhere on the line).</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Url = new("--url")
    {
        Description = "The platform's base URL, e.g. http://localhost:5080 (or GENOMDE_URL).",
        Recursive = true,
    };

    public static readonly Option<string?> ClientId = new("--client-id")
    {
        Description = "Your OAuth client ID, {role}.{participantId}, e.g. provider.123456789 (or GENOMDE_CLIENT_ID).",
        Recursive = true,
    };

    public static readonly Option<string?> ClientSecret = new("--client-secret")
    {
        Description = "Your client secret (or GENOMDE_CLIENT_SECRET; prefer the environment or a profile: flags show in the process list).",
        Recursive = true,
    };

    public static readonly Option<string?> TokenUrl = new("--token-url")
    {
        Description = "The issuer's token endpoint (or GENOMDE_TOKEN_URL); default: the platform's own, {url}/connect/token.",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "A profile of ~/.config/genomde/profiles.json (default: the one named \"default\", if any).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the API's JSON answer (or the findings as JSON) instead of tables, for scripts.",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Url, ClientId, ClientSecret, TokenUrl, Profile, Json })
        {
            root.Options.Add(option);
        }
    }

    public static Connection Connection(ParseResult parse) => Hosting.Connection.Resolve(
        new(parse.GetValue(Url), parse.GetValue(ClientId), parse.GetValue(ClientSecret), parse.GetValue(TokenUrl)),
        parse.GetValue(Profile));
}
