using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using Codes = GenomDE.Orleans.Domain.Tokens.ReimbursementCodes;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Whether a payer's claim earns the flat rate (domain.md §3 step 7, §5), as a pure function:
/// the caller gathers the registry records and applies the answer (marks <c>Redeem</c> redeemed by
/// the payer, in the same write that records the case as reimbursed).</summary>
/// <remarks>Each token is judged on its own first. Tokens that fail only that (a follow-up, a test
/// token, a revoked duplicate) do not sink the claim: the flat rate is paid when the billable tokens
/// that remain make a complete set, and the others are listed as refused and left untouched. A token
/// in <see cref="TokenStatus.Refused"/> is judged afresh, since a claim can be refused for a reason that
/// a corrected claim removes (the G token was missing). A token whose payer class (field 8) is not
/// the registered payer's kind is not this payer's to bill; it is judged so before anything else
/// about it is told.</remarks>
public static class ReimbursementRules
{
    public static ReimbursementDecision Decide(ReimbursementClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var tokens = claim.Tokens;
        if (!Identifiers.IsIk(claim.PayerIk))
        {
            return Refuse(tokens, new Refusal[tokens.Count], Codes.InvalidPayerIk, $"'{claim.PayerIk}' is not a payer IK (9 digits).");
        }

        if (tokens.Count == 0)
        {
            return Refuse(tokens, [], Codes.NoTokens, "The claim presents no confirmation.");
        }

        var reasons = JudgeEach(claim.PayerIk, claim.PayerKind, tokens);
        var cases = tokens.Where((t, i) => t.Record is not null && IsGenuine(reasons[i]))
            .Select(t => (t.Record!.ProviderIk, t.Record.CaseKey)).Distinct().ToList();
        if (cases.Count > 1)
        {
            return Refuse(tokens, reasons, Codes.TokensOfDifferentCases,
                $"The confirmations belong to {cases.Count} different cases or LEs; a flat rate is paid per case, so claim each on its own.");
        }

        var caseKey = cases.Count == 1 ? cases[0].CaseKey : null;
        if (caseKey is not null && claim.ReimbursedCaseKeys.Contains(caseKey))
        {
            return Refuse(tokens, reasons, Codes.CaseAlreadyReimbursed, "This case was already reimbursed; there is one flat rate per case.", caseKey);
        }

        var billable = Enumerable.Range(0, tokens.Count).Where(i => reasons[i] is null).Select(i => tokens[i].Record!.Token).ToList();
        var clinical = billable.Where(t => t.DataCategory == DataCategory.Clinical).ToList();
        var genomic = billable.Where(t => t.DataCategory == DataCategory.Genomic).ToList();
        var incomplete = (billable.Count, clinical.Count, genomic.Count) switch
        {
            (0, _, _) => (Codes.NoBillableToken, "None of the confirmations is billable: only initial reports with QC passed bill."),
            (_, > 1, _) or (_, _, > 1) => (Codes.DuplicateDataCategory,
                "The claim has more than one billable confirmation of one data category; a case has one initial C and one initial G."),
            (_, 0, _) => (Codes.MissingClinicalToken, "The flat rate needs the case's clinical (C) confirmation."),
            (_, 1, 0) when clinical[0].Sequencing != LibraryType.None => (Codes.MissingGenomicToken,
                "The clinical confirmation reports sequencing, so the flat rate also needs the case's genomic (G) confirmation."),
            _ => ((string, string)?)null,
        };

        if (incomplete is var (code, message))
        {
            return Refuse(tokens, reasons, code, message, caseKey);
        }

        // A G token beside a C token that reports no sequencing is redeemed too: the case is paid once
        // either way, and it must not bill again on its own.
        var refusals = Enumerable.Range(0, tokens.Count).Where(i => reasons[i] is not null).Select(i => Refused(tokens, i, reasons[i]!)).ToList();
        return new ReimbursementDecision(caseKey, [.. billable.Select(t => t.Code)], refusals, null);
    }

    /// <summary>Each token's own reason not to bill, or null when it is billable by itself.</summary>
    private static Refusal?[] JudgeEach(string payerIk, PayerKind kind, IReadOnlyList<PresentedToken> tokens)
    {
        var reasons = new Refusal?[tokens.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            reasons[i] = Judge(payerIk, kind, tokens[i]);
            if (reasons[i] is null && !seen.Add(tokens[i].Record!.Token.Code))
            {
                reasons[i] = new Refusal(Codes.DuplicateToken, "This confirmation appears twice in the claim; it counts once.");
            }
        }

        return reasons;
    }

    /// <summary>Field 8's payer class for each kind of registered payer.</summary>
    public static PayerCategory CategoryOf(PayerKind kind) => kind switch
    {
        PayerKind.Gkv => PayerCategory.Gkv,
        PayerKind.Pkv => PayerCategory.Pkv,
        PayerKind.Beihilfe => PayerCategory.Beihilfe,
        _ => PayerCategory.Other,
    };

    private static Refusal? Judge(string payerIk, PayerKind kind, PresentedToken presented)
    {
        var (verification, record) = (presented.Verification, presented.Record);
        return (verification, record) switch
        {
            ({ WellFormed: false }, _) => new(Codes.MalformedToken,
                "The confirmation is not well-formed: " + string.Join(" ", verification.Problems.Select(p => p.Message))),
            ({ Hash: HashCheck.Mismatch }, _) => new(Codes.HashMismatch,
                "The hash value is not the SHA-256 of the hash string: the confirmation was changed or damaged."),
            (_, null) => new(Codes.UnknownToken, "The platform never issued a confirmation with this code."),
            _ when verification.Token != record.Token => new(Codes.TokenAltered,
                "The fields differ from the confirmation the platform issued under this code."),
            _ when record.Token.Payer != CategoryOf(kind) => new(Codes.PayerCategoryMismatch,
                $"This confirmation is for payer class {(int)record.Token.Payer}; a payer registered as {kind.ToString().ToUpperInvariant()} bills class {(int)CategoryOf(kind)} only."),
            (_, { Status: TokenStatus.Revoked }) => new(Codes.TokenRevoked, "The platform revoked this confirmation."),
            (_, { Status: TokenStatus.Redeemed }) => new(Codes.TokenRedeemed, record.RedeemedBy == payerIk
                ? "You already redeemed this confirmation."
                : "Another payer already redeemed this confirmation."),
            (_, { Status: TokenStatus.Presented }) when record.PresentedBy != payerIk => new(Codes.TokenClaimedByOtherPayer,
                "Another payer has already presented this confirmation."),
            (_, { Token.ReportType: SubmissionType.Test }) => new(Codes.TestToken, "Test confirmations prove a site is ready; they never bill."),
            (_, { Token.ReportType: not SubmissionType.Initial }) => new(Codes.TokenNotBillable,
                $"Only initial reports bill; this confirms a {WireNames.SubmissionTypes.NameOf(record.Token.ReportType)} report."),
            (_, { Token.QcPassed: false }) => new(Codes.TokenNotBillable, "Only confirmations with QC passed bill; this one has QC failed."),
            _ => null,
        };
    }

    /// <summary>Tokens whose registry record can be trusted to say which case they belong to.</summary>
    private static bool IsGenuine(Refusal? reason) =>
        reason?.Code is not (Codes.MalformedToken or Codes.HashMismatch or Codes.UnknownToken or Codes.TokenAltered);

    private static ReimbursementDecision Refuse(IReadOnlyList<PresentedToken> tokens, Refusal?[] reasons, string code, string message, string? caseKey = null)
    {
        var claimRefusal = new Refusal(code, message);
        var refusals = Enumerable.Range(0, tokens.Count).Select(i => Refused(tokens, i, reasons[i] ?? claimRefusal)).ToList();
        return new ReimbursementDecision(caseKey, [], refusals, claimRefusal);
    }

    private static TokenRefusal Refused(IReadOnlyList<PresentedToken> tokens, int index, Refusal reason) =>
        new(index, tokens[index].Verification.Token?.Code ?? tokens[index].Record?.Token.Code, reason);
}
