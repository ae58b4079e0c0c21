namespace GenomDE.Orleans.ClientApi.Contracts;

/// <summary>Body of token verification: the token string as delivered (IBE+…) or its hash string.</summary>
public sealed record VerifyTokenRequest(string Token);

/// <summary>Body of a reimbursement claim: the case's tokens as the LE presented them.</summary>
public sealed record ClaimRequest(IReadOnlyList<string> Tokens);

/// <summary>Body of a revocation.</summary>
public sealed record RevokeTokenRequest(string Reason);
