using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.OperatorConsole;

/// <summary>The command envelope of a console form, shaped like the API's: the form's idempotency
/// key (generated when the form was rendered, sent back in a hidden field) scoped per participant as
/// the API scopes its header, and a digest of what the form asks, so a double submit is one effect
/// and the same key with other input is refused by the grain (<c>idempotency_key_reused</c>).</summary>
public static class ConsoleCommands
{
    /// <summary>Console keys live beside API keys without ever meeting one.</summary>
    public const string KeyPrefix = "console:";

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A key is 32 hex digits, as <see cref="NewKey"/> makes them.</summary>
    public static bool IsKey(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);

    public static CommandContext Context(ConsoleHost host, Caller caller, string key, string action, params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(host);
        var request = new StringBuilder("console ").Append(action);
        foreach (var field in fields)
        {
            // Length-prefixed, so no two field lists write the same text.
            request.Append('\n').Append(field?.Length ?? -1).Append(':').Append(field);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.ToString())));
        return new CommandContext(caller, host.ScopedKey(caller, KeyPrefix + key), hash);
    }
}
