using System.Security.Claims;
using System.Text.Json;
using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>How a participant is written into, and read from, a token: <c>role</c> is the
/// participant kind, <c>sub</c> its ID (IK, node ID or "BfArM").</summary>
public static class ParticipantClaims
{
    public const string Role = "role";
    public const string Subject = "sub";

    public static string RoleName(ParticipantRole role) => JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());

    public static ParticipantRole? ParseRole(string? value) =>
        Enum.GetValues<ParticipantRole>().Cast<ParticipantRole?>().FirstOrDefault(r => RoleName(r!.Value) == value);

    /// <summary>The caller the grains see; null when the token lacks a known role or a subject.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal user)
    {
        var role = ParseRole(user.FindFirstValue(Role));
        var id = user.FindFirstValue(Subject);
        return role is null || string.IsNullOrEmpty(id) ? null : new Caller(role.Value, id);
    }
}
