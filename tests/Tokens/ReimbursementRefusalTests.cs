using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using static GenomDE.Orleans.Tests.Tokens.Claims;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>Every refusal reason, each in a claim that would otherwise be accepted where that is possible.</summary>
public sealed class ReimbursementRefusalTests
{
    private static void AssertRefused(ReimbursementDecision decision, string claimCode, params string[] tokenCodes)
    {
        Assert.False(decision.Accepted);
        Assert.Empty(decision.Redeem);
        Assert.Equal(claimCode, decision.ClaimRefusal!.Code);
        Assert.Equal(tokenCodes, decision.TokenRefusals.Select(r => r.Reason.Code));
        Assert.Equal(Enumerable.Range(0, tokenCodes.Length), decision.TokenRefusals.Select(r => r.Index));
    }

    [Fact]
    public void A_payer_ik_must_be_9_digits() =>
        AssertRefused(Decide("10951900", [], Present(ClinicalToken()), Present(GenomicToken())),
            ReimbursementCodes.InvalidPayerIk, ReimbursementCodes.InvalidPayerIk, ReimbursementCodes.InvalidPayerIk);

    [Fact]
    public void A_claim_needs_tokens() => AssertRefused(Decide(), ReimbursementCodes.NoTokens);

    [Fact]
    public void A_malformed_token_is_refused()
    {
        var decision = Decide(Present("NCEAZ2JEV4&20251203061", null), Present(GenomicToken()));

        AssertRefused(decision, ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.MalformedToken, ReimbursementCodes.MissingClinicalToken);
        Assert.Contains("11 fields", decision.TokenRefusals[0].Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_whose_hash_does_not_match_is_refused()
    {
        var token = ClinicalToken();
        var forged = token.Delivered.Replace("&R&9&1&", "&R&9&4&", StringComparison.Ordinal);

        var decision = Decide(Present(forged, new TokenRecord(token, TokenStatus.Issued, Case, Le)), Present(GenomicToken()));

        AssertRefused(decision, ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.HashMismatch, ReimbursementCodes.MissingClinicalToken);
    }

    [Fact]
    public void A_token_the_registry_does_not_know_is_refused() =>
        AssertRefused(Decide(Present(ClinicalToken().Delivered, null), Present(GenomicToken())),
            ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.UnknownToken, ReimbursementCodes.MissingClinicalToken);

    /// <summary>The hash is unkeyed: changing a field and recomputing it gives a consistent string,
    /// which only the registry's copy exposes.</summary>
    [Fact]
    public void A_token_with_recomputed_hash_but_altered_fields_is_refused()
    {
        var issued = ClinicalToken();
        var altered = issued with { Payer = PayerCategory.Other };

        var decision = Decide(Present(altered.Delivered, new TokenRecord(issued, TokenStatus.Issued, Case, Le)), Present(GenomicToken()));

        AssertRefused(decision, ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.TokenAltered, ReimbursementCodes.MissingClinicalToken);
    }

    [Fact]
    public void A_revoked_token_is_refused() =>
        AssertRefused(Decide(Present(ClinicalToken(), TokenStatus.Revoked), Present(GenomicToken())),
            ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.TokenRevoked, ReimbursementCodes.MissingClinicalToken);

    [Theory]
    [InlineData(Payer, "You already")]
    [InlineData(OtherPayer, "Another payer")]
    public void A_redeemed_token_is_refused(string redeemedBy, string message)
    {
        var decision = Decide(Present(ClinicalToken(), TokenStatus.Redeemed, presentedBy: redeemedBy, redeemedBy: redeemedBy), Present(GenomicToken()));

        AssertRefused(decision, ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.TokenRedeemed, ReimbursementCodes.MissingClinicalToken);
        Assert.StartsWith(message, decision.TokenRefusals[0].Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_another_payer_presented_is_refused() =>
        AssertRefused(Decide(Present(ClinicalToken()), Present(GenomicToken(), TokenStatus.Presented, presentedBy: OtherPayer)),
            ReimbursementCodes.MissingGenomicToken, ReimbursementCodes.MissingGenomicToken, ReimbursementCodes.TokenClaimedByOtherPayer);

    [Fact]
    public void Test_tokens_never_bill()
    {
        var test = ClinicalToken(LibraryType.None) with { ReportType = SubmissionType.Test };

        AssertRefused(Decide(Present(test)), ReimbursementCodes.NoBillableToken, ReimbursementCodes.TestToken);
    }

    [Theory]
    [InlineData(SubmissionType.Followup, true)]
    [InlineData(SubmissionType.Addition, true)]
    [InlineData(SubmissionType.Correction, true)]
    [InlineData(SubmissionType.Initial, false)]
    public void Only_initial_tokens_with_qc_passed_bill(SubmissionType type, bool qcPassed)
    {
        var token = ClinicalToken(LibraryType.None) with { ReportType = type, QcPassed = qcPassed };

        AssertRefused(Decide(Present(token)), ReimbursementCodes.NoBillableToken, ReimbursementCodes.TokenNotBillable);
    }

    [Fact]
    public void Tokens_of_different_cases_are_refused() =>
        AssertRefused(Decide(Present(ClinicalToken()), Present(GenomicToken(), caseKey: Le + ":case-2")),
            ReimbursementCodes.TokensOfDifferentCases, ReimbursementCodes.TokensOfDifferentCases, ReimbursementCodes.TokensOfDifferentCases);

    [Fact]
    public void Tokens_of_different_les_are_refused()
    {
        var otherLe = GenomicToken() with { ProviderIk = "260530103" };
        var record = new TokenRecord(otherLe, TokenStatus.Issued, "260530103:case-1", "260530103");

        AssertRefused(Decide(Present(ClinicalToken()), Present(otherLe.Delivered, record)),
            ReimbursementCodes.TokensOfDifferentCases, ReimbursementCodes.TokensOfDifferentCases, ReimbursementCodes.TokensOfDifferentCases);
    }

    [Fact]
    public void A_case_is_reimbursed_once()
    {
        var decision = Decide(Payer, [Case], Present(ClinicalToken()), Present(GenomicToken()));

        AssertRefused(decision, ReimbursementCodes.CaseAlreadyReimbursed, ReimbursementCodes.CaseAlreadyReimbursed, ReimbursementCodes.CaseAlreadyReimbursed);
        Assert.Equal(Case, decision.CaseKey);
    }

    [Fact]
    public void A_c_token_with_sequencing_needs_its_g_token() =>
        AssertRefused(Decide(Present(ClinicalToken(LibraryType.Panel))), ReimbursementCodes.MissingGenomicToken, ReimbursementCodes.MissingGenomicToken);

    [Fact]
    public void A_g_token_needs_its_c_token() =>
        AssertRefused(Decide(Present(GenomicToken())), ReimbursementCodes.MissingClinicalToken, ReimbursementCodes.MissingClinicalToken);

    [Fact]
    public void Two_billable_tokens_of_one_category_are_refused() =>
        AssertRefused(Decide(Present(ClinicalToken()), Present(ClinicalToken(code: "SECONDCLIN")), Present(GenomicToken())),
            ReimbursementCodes.DuplicateDataCategory,
            ReimbursementCodes.DuplicateDataCategory, ReimbursementCodes.DuplicateDataCategory, ReimbursementCodes.DuplicateDataCategory);
}
