using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>Tokens and claims for the reimbursement rules, built the way a grain would: the string as
/// presented, its verification, and the registry record.</summary>
internal static class Claims
{
    public const string Payer = "109519005";
    public const string OtherPayer = "108310400";
    public const string Le = "260320597";
    public const string Case = Le + ":case-1";

    public static Meldebestaetigung ClinicalToken(LibraryType sequencing = LibraryType.Wgs, string code = "NCEAZ2JEV4") =>
        new(code, new DateOnly(2025, 12, 3), 61, Le, "KDKTUE002", SubmissionType.Initial, Indication.Rare, PayerCategory.Gkv,
            DataCategory.Clinical, sequencing, true);

    public static Meldebestaetigung GenomicToken(string code = "ZW74OS83JI") =>
        new(code, new DateOnly(2025, 11, 3), 10, Le, "GRZDD0004", SubmissionType.Initial, Indication.Rare, PayerCategory.Gkv,
            DataCategory.Genomic, LibraryType.Wgs, true);

    /// <summary>A token the registry issued, presented as delivered (or as a bare hash string).</summary>
    public static PresentedToken Present(Meldebestaetigung token, TokenStatus status = TokenStatus.Issued, string caseKey = Case,
        string? presentedBy = null, string? redeemedBy = null, TokenForm form = TokenForm.Delivered) =>
        Present(MeldebestaetigungFormat.Format(token, form), new TokenRecord(token, status, caseKey, token.ProviderIk, presentedBy, redeemedBy));

    public static PresentedToken Present(string text, TokenRecord? record) => new(text, MeldebestaetigungFormat.Verify(text), record);

    public static ReimbursementDecision Decide(params PresentedToken[] tokens) => Decide(Payer, [], tokens);

    public static ReimbursementDecision Decide(string payer, IReadOnlyList<string> reimbursedCases, params PresentedToken[] tokens) =>
        ReimbursementRules.Decide(new ReimbursementClaim(payer, tokens, reimbursedCases));
}
