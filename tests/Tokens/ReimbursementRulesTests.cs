using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using static GenomDE.Orleans.Tests.Tokens.Claims;

namespace GenomDE.Orleans.Tests.Tokens;

public sealed class ReimbursementRulesTests
{
    [Fact]
    public void A_c_and_a_g_token_of_one_case_earn_the_flat_rate()
    {
        var decision = Decide(Present(ClinicalToken()), Present(GenomicToken()));

        Assert.True(decision.Accepted);
        Assert.Equal(Case, decision.CaseKey);
        Assert.Equal(["NCEAZ2JEV4", "ZW74OS83JI"], decision.Redeem);
        Assert.Empty(decision.TokenRefusals);
    }

    [Fact]
    public void A_c_token_without_sequencing_earns_it_alone()
    {
        var decision = Decide(Present(ClinicalToken(LibraryType.None)));

        Assert.True(decision.Accepted);
        Assert.Equal(["NCEAZ2JEV4"], decision.Redeem);
    }

    [Fact]
    public void Bare_hash_strings_are_accepted_the_registry_vouches_for_them()
    {
        var decision = Decide(Present(ClinicalToken(), form: TokenForm.HashString), Present(GenomicToken(), form: TokenForm.HashString));

        Assert.True(decision.Accepted);
    }

    [Fact]
    public void The_payer_that_presented_a_token_may_claim_it()
    {
        var decision = Decide(Present(ClinicalToken(), TokenStatus.Presented, presentedBy: Payer), Present(GenomicToken()));

        Assert.True(decision.Accepted);
    }

    [Fact]
    public void A_token_of_a_refused_claim_can_be_claimed_again() =>
        Assert.True(Decide(Present(ClinicalToken(), TokenStatus.Refused, presentedBy: Payer), Present(GenomicToken())).Accepted);

    [Fact]
    public void A_g_token_beside_a_c_token_without_sequencing_is_redeemed_too() =>
        Assert.Equal(["NCEAZ2JEV4", "ZW74OS83JI"], Decide(Present(ClinicalToken(LibraryType.None)), Present(GenomicToken())).Redeem);

    [Fact]
    public void Tokens_that_do_not_bill_are_refused_without_sinking_the_claim()
    {
        var followup = ClinicalToken(code: "FOLLOWUP01") with { ReportType = SubmissionType.Followup };

        var decision = Decide(Present(ClinicalToken()), Present(GenomicToken()), Present(followup));

        Assert.True(decision.Accepted);
        Assert.Equal(["NCEAZ2JEV4", "ZW74OS83JI"], decision.Redeem);
        var refusal = Assert.Single(decision.TokenRefusals);
        Assert.Equal((2, "FOLLOWUP01", ReimbursementCodes.TokenNotBillable), (refusal.Index, refusal.ConfirmationCode, refusal.Reason.Code));
    }

    [Fact]
    public void A_token_presented_twice_counts_once()
    {
        var decision = Decide(Present(ClinicalToken()), Present(ClinicalToken()), Present(GenomicToken()));

        Assert.True(decision.Accepted);
        Assert.Equal(["NCEAZ2JEV4", "ZW74OS83JI"], decision.Redeem);
        Assert.Equal((1, ReimbursementCodes.DuplicateToken), (decision.TokenRefusals[0].Index, decision.TokenRefusals[0].Reason.Code));
    }
}
