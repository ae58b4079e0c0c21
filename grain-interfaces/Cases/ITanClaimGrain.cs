namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>One TAN of one LE: the case that used it first, so no TAN is used twice (grz-db's
/// duplicate_tang). Key: <see cref="KeyOf"/>. One small grain per TAN keeps every write O(1),
/// however many TANs an LE uses over the years.</summary>
[Alias("genomde.ITanClaimGrain")]
public interface ITanClaimGrain : IGrainWithStringKey
{
    /// <summary>True when the TAN was free or is already held by <paramref name="caseKey"/>.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string caseKey);

    /// <summary><c>IK/tan</c>, the TAN in lower case.</summary>
    static string KeyOf(string submitterId, string tan) => $"{submitterId}/{tan.ToLowerInvariant()}";
}
