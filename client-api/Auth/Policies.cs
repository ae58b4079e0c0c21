using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>Authorization policy names: one per participant role.</summary>
public static class Policies
{
    public static readonly string Operator = ParticipantClaims.RoleName(ParticipantRole.Operator);
    public static readonly string Provider = ParticipantClaims.RoleName(ParticipantRole.Provider);
    public static readonly string Payer = ParticipantClaims.RoleName(ParticipantRole.Payer);

    /// <summary>Either kind of data node (CDN or GDC).</summary>
    public const string Node = "node";
}
