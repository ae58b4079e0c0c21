using System.Text.Json;
using GenomDE.Client;

namespace GenomDE.Cli.Hosting;

/// <summary>Where the API is and who we are, from (first wins) flags, the environment
/// (GENOMDE_URL, GENOMDE_CLIENT_ID, GENOMDE_CLIENT_SECRET, GENOMDE_TOKEN_URL) and a profile in
/// ~/.config/genomde/profiles.json (GENOMDE_PROFILES names another file).</summary>
public sealed record Connection(string? Url, string? ClientId, string? ClientSecret, string? TokenUrl)
{
    public static string ProfilesFile =>
        Environment.GetEnvironmentVariable("GENOMDE_PROFILES") is { Length: > 0 } file
            ? file
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "genomde", "profiles.json");

    public static Connection Resolve(Connection flags, string? profileName)
    {
        var env = new Connection(
            Environment.GetEnvironmentVariable("GENOMDE_URL"),
            Environment.GetEnvironmentVariable("GENOMDE_CLIENT_ID"),
            Environment.GetEnvironmentVariable("GENOMDE_CLIENT_SECRET"),
            Environment.GetEnvironmentVariable("GENOMDE_TOKEN_URL"));
        var profile = Profile(profileName ?? Environment.GetEnvironmentVariable("GENOMDE_PROFILE"));
        return new(
            flags.Url ?? env.Url ?? profile?.Url,
            flags.ClientId ?? env.ClientId ?? profile?.ClientId,
            flags.ClientSecret ?? env.ClientSecret ?? profile?.ClientSecret,
            flags.TokenUrl ?? env.TokenUrl ?? profile?.TokenUrl);
    }

    public GenomDeClientOptions ToOptions()
    {
        if (string.IsNullOrEmpty(Url) || string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret))
        {
            throw new UsageException("No connection: give --url, --client-id and --client-secret, set GENOMDE_URL, "
                + $"GENOMDE_CLIENT_ID and GENOMDE_CLIENT_SECRET, or write a profile to {ProfilesFile} (see genomde --help).");
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var baseUrl))
        {
            throw new UsageException($"--url '{Url}' is not an absolute URL.");
        }

        return new GenomDeClientOptions
        {
            BaseUrl = baseUrl,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            TokenEndpoint = TokenUrl is { Length: > 0 } token ? new Uri(token) : null,
        };
    }

    /// <summary>A missing file or an unnamed, missing "default" profile is no error: flags or the environment may do.</summary>
    private static Connection? Profile(string? name)
    {
        var file = ProfilesFile;
        if (!File.Exists(file))
        {
            return name is null ? null : throw new UsageException($"Profile '{name}' asked for, but {file} does not exist.");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        if (!json.RootElement.TryGetProperty(name ?? "default", out var profile))
        {
            return name is null ? null : throw new UsageException($"{file} has no profile '{name}'.");
        }

        string? Text(string property) => profile.TryGetProperty(property, out var value) ? value.GetString() : null;
        return new(Text("url"), Text("clientId"), Text("clientSecret"), Text("tokenUrl"));
    }
}

/// <summary>The command line cannot work as given (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("Usage error.")
    {
    }

    public UsageException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
