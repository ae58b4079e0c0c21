using System.Security.Claims;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>Who the caller is, inside the API. Issuers name their claims differently (configured in
/// <see cref="AuthOptions"/>); after validation the API copies them into one identity with these
/// fixed claim types, so every rule reads the same names.</summary>
public static class ParticipantClaims
{
    public const string Role = "genomde:role";
    public const string Participant = "genomde:participant";
    public const string Client = "genomde:client";
    public const string AuthenticationType = "genomde";

    public static string RoleName(ParticipantRole role) => JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());

    public static ParticipantRole? ParseRole(string? value) =>
        Enum.GetValues<ParticipantRole>().Cast<ParticipantRole?>().FirstOrDefault(r => RoleName(r!.Value) == value);

    /// <summary>The caller the grains see; null when the token lacks a known role or a participant ID.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal user)
    {
        var role = ParseRole(user.FindFirstValue(Role));
        var id = user.FindFirstValue(Participant);
        return role is null || string.IsNullOrEmpty(id) ? null : new Caller(role.Value, id);
    }

    public static string? ClientId(this ClaimsPrincipal user) => user.FindFirstValue(Client);

    /// <summary>The platform identity for a validated token: the configured claims under fixed
    /// names. Null when the token does not name a known role and a participant.</summary>
    public static ClaimsIdentity? FromToken(ClaimsPrincipal token, AuthOptions options)
    {
        var role = ParseRole(token.FindFirstValue(options.RoleClaim));
        var id = token.FindFirstValue(options.ParticipantClaim);
        if (role is null || string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var identity = new ClaimsIdentity(AuthenticationType, Participant, Role);
        identity.AddClaim(new Claim(Role, RoleName(role.Value)));
        identity.AddClaim(new Claim(Participant, id));
        if ((token.FindFirstValue(options.ClientIdClaim) ?? token.FindFirstValue("azp")) is { Length: > 0 } client)
        {
            identity.AddClaim(new Claim(Client, client));
        }

        return identity;
    }
}
