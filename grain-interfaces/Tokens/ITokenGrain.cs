using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.GrainInterfaces.Tokens;

/// <summary>One Meldebestätigung (report confirmation). Key: its 10-character code.</summary>
[Alias("genomde.ITokenGrain")]
public interface ITokenGrain : IGrainWithStringKey
{
    /// <summary>Records the token; repeating the same issue is a no-op, another TAN under the same code is a collision.</summary>
    [Alias("Issue")]
    Task<Result<TokenView>> Issue(TokenRecord record, string tan);

    [Alias("Get")]
    Task<TokenView?> Get();

    /// <summary>Operator: withdraw a token before it is redeemed (e.g. a report sent in error).</summary>
    [Alias("Revoke")]
    Task<Result<TokenView>> Revoke(CommandContext context, string reason);

    /// <summary>Called by the case's reimbursement grain only: the payer presented or redeemed it.</summary>
    [Alias("Settle")]
    Task<TokenView> Settle(TokenStatus status, string payerIk);

    /// <summary>Operator: frees a token a payer's presentation holds (back to issued), with a reason.</summary>
    [Alias("Release")]
    Task<Result<TokenView>> Release(CommandContext context, string reason);
}

/// <summary>Field 2's counter: per LE per service date, 001 upwards, never reused, never past 999.
/// Key: "{IK}-{yyyyMMdd}".</summary>
[Alias("genomde.ITokenCounterGrain")]
public interface ITokenCounterGrain : IGrainWithStringKey
{
    /// <summary>The counter for <paramref name="tan"/>, with the code its case decided; the same
    /// TAN always gets the same answer.</summary>
    [Alias("Allocate")]
    Task<Result<TokenAllocation>> Allocate(string tan, string code);

    /// <summary>Draws another code for <paramref name="tan"/> after a code collision.</summary>
    [Alias("ReplaceCode")]
    Task<TokenAllocation> ReplaceCode(string tan);

    /// <summary>The codes handed out on this day, in counter order (a code whose token grain was
    /// never written, after a crash in between, is among them; callers skip unknown tokens).</summary>
    [Alias("Codes")]
    Task<IReadOnlyList<string>> Codes();

    /// <summary>A stable key for the (LE, date), e.g. <c>260320597-20251203</c>.</summary>
    static string KeyOf(string providerIk, DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{providerIk}-{date:yyyyMMdd}");
}

/// <summary>The service dates on which one LE got tokens, so its full list can be assembled from
/// the day counters. Key: its IK. Written once per day with tokens, never per token.</summary>
[Alias("genomde.IProviderTokenDaysGrain")]
public interface IProviderTokenDaysGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(DateOnly serviceDate);

    [Alias("Days")]
    Task<IReadOnlyList<DateOnly>> Days();
}

/// <summary>Exactly-once reimbursement of one case. Key: the case key.</summary>
[Alias("genomde.IReimbursementGrain")]
public interface IReimbursementGrain : IGrainWithStringKey
{
    /// <summary>Decides a registered payer's claim; <paramref name="payerKind"/> is its registered kind.</summary>
    [Alias("Claim")]
    Task<Result<ClaimAnswer>> Claim(CommandContext context, IReadOnlyList<string> tokens, PayerKind payerKind);
}

/// <summary>Stateless front for payers: verifies token strings, routes claims to their case.</summary>
[Alias("genomde.IPayerDeskGrain")]
public interface IPayerDeskGrain : IGrainWithIntegerKey
{
    /// <summary>What a registered payer may know about a token string.</summary>
    [Alias("Verify")]
    Task<Result<TokenCheck>> Verify(Caller caller, string token);

    [Alias("Claim")]
    Task<Result<ClaimAnswer>> Claim(CommandContext context, IReadOnlyList<string> tokens);
}
