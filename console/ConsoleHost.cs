using System.Security.Claims;
using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.OperatorConsole;

/// <summary>What the console takes from the API host that maps it, so that both read the caller,
/// scope idempotency keys and hand out an admitted participant's client the same way: the console
/// has no rules of its own, only the grains'.</summary>
public sealed record ConsoleHost(
    Func<ClaimsPrincipal, Caller?> CallerOf,
    Func<Caller, string, string> ScopedKey,
    Func<IServiceProvider, Caller, AdmittedClient?> ClientOf,
    string OperatorPolicy,
    string LogoutPath);

/// <summary>The client credentials of a participant the operator just admitted (embedded issuer only).</summary>
public sealed record AdmittedClient(string ClientId, string ClientSecret, string TokenEndpoint);
