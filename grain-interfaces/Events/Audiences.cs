using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>The participants an event concerns, as strings that travel with it:
/// <c>provider:{IK}</c>, <c>node:{nodeId}</c>, <c>payer:{IK}</c>. The operator sees every event.</summary>
public static class Audiences
{
    public static string Provider(string ik) => $"provider:{ik}";

    public static string Node(string nodeId) => $"node:{nodeId}";

    public static string Payer(string ik) => $"payer:{ik}";

    /// <summary>The audience entry a caller reads under; null for the operator (sees all).</summary>
    public static string? Of(Caller caller) => caller.Role switch
    {
        ParticipantRole.Operator => null,
        ParticipantRole.Provider => Provider(caller.ParticipantId),
        ParticipantRole.Cdn or ParticipantRole.Gdc => Node(caller.ParticipantId),
        ParticipantRole.Payer => Payer(caller.ParticipantId),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller.Role, "Unknown role."),
    };

    public static bool Concerns(PlatformEvent e, Caller caller) =>
        Of(caller) is not { } audience || e.Audience.Contains(audience);
}
