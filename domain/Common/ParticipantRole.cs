namespace GenomDE.Orleans.Domain.Common;

/// <summary>The participant kinds of the model project; the names are the JWT <c>role</c> values.</summary>
[GenerateSerializer, Alias("genomde.participant-role")]
public enum ParticipantRole
{
    /// <summary>Platform operator (BfArM).</summary>
    Operator = 0,

    /// <summary>Service provider (Leistungserbringer, LE), identified by its 9-digit IK.</summary>
    Provider = 1,

    /// <summary>Clinical data node (KDK), identified by its node ID.</summary>
    Cdn = 2,

    /// <summary>Genome data centre (GRZ), identified by its node ID.</summary>
    Gdc = 3,

    /// <summary>Health insurer, identified by its IK.</summary>
    Payer = 4,
}
