using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>OAuth client IDs of participants: <c>{role}.{participantId}</c>, e.g.
/// <c>provider.123456789</c>, <c>gdc.GRZDD0004</c>, <c>operator.BfArM</c>. The same convention names
/// the clients in the Keycloak realm of <c>deploy/keycloak</c>.</summary>
public static class ParticipantClientId
{
    public static string For(Caller participant) => $"{ParticipantClaims.RoleName(participant.Role)}.{participant.ParticipantId}";

    /// <summary>The participant a client ID names, when it is well-formed for its role.</summary>
    public static Caller? Parse(string? clientId)
    {
        var dot = clientId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || ParticipantClaims.ParseRole(clientId![..dot]) is not { } role)
        {
            return null;
        }

        var id = clientId[(dot + 1)..];
        var wellFormed = role switch
        {
            ParticipantRole.Operator => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit),
            ParticipantRole.Provider or ParticipantRole.Payer => Identifiers.ValidateIk(id, "participant") is null,
            ParticipantRole.Gdc => Identifiers.NodeKindOf(id) == NodeKind.Gdc,
            ParticipantRole.Cdn => Identifiers.NodeKindOf(id) == NodeKind.Cdn,
            _ => false,
        };
        return wellFormed ? new Caller(role, id) : null;
    }
}
