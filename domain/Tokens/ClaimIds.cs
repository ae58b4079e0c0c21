using System.Globalization;
using System.Security.Cryptography;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Names for claims that a payer may hold. A case's reimbursement gets a random reference
/// the first time it is claimed (stored with it): a hash of the case key would let anyone who
/// guesses local case IDs find the case, a random reference tells nothing.</summary>
public static class ClaimIds
{
    /// <summary>A new reference, e.g. <c>R-3F2A9C0D41B7E655</c>.</summary>
    public static string NewReference() => "R-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    /// <summary>One decided claim: the reimbursement's reference and the decision's sequence.</summary>
    public static string Of(string reference, long sequence) => string.Create(CultureInfo.InvariantCulture, $"{reference}-{sequence}");
}
