namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Where a confirmation token stands in the platform's registry.</summary>
[GenerateSerializer, Alias("genomde.token-status")]
public enum TokenStatus
{
    /// <summary>Delivered to the LE; no payer has presented it yet.</summary>
    Issued = 0,

    /// <summary>A payer presented it (a claim is pending); other payers may not claim it.</summary>
    Presented = 1,

    /// <summary>A payer paid against it; it can never bill again.</summary>
    Redeemed = 2,

    /// <summary>A claim with it was refused; the token itself stays usable in a corrected claim.</summary>
    Refused = 3,

    /// <summary>The operator withdrew it (issued in error); it never bills.</summary>
    Revoked = 4,
}
