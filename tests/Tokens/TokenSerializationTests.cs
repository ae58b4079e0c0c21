using GenomDE.Orleans.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static GenomDE.Orleans.Tests.Tokens.Claims;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>The token types travel between grains and sit in grain state: they must survive Orleans'
/// serializer unchanged (and compare equal afterwards, lists included).</summary>
public sealed class TokenSerializationTests
{
    private static readonly Lazy<Serializer> Serializer = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private static T RoundTrip<T>(T value) => Serializer.Value.Deserialize<T>(Serializer.Value.SerializeToArray(value))!;

    [Fact]
    public void A_token_survives() => Assert.Equal(ClinicalToken(), RoundTrip(ClinicalToken()));

    [Fact]
    public void A_verification_with_problems_survives()
    {
        var verification = MeldebestaetigungFormat.Verify("IBE+x+y+9+z");

        Assert.Equal(verification, RoundTrip(verification));
    }

    [Fact]
    public void A_claim_and_its_decision_survive()
    {
        var claim = new ReimbursementClaim(Payer, [Present(ClinicalToken()), Present(GenomicToken(), TokenStatus.Presented, presentedBy: OtherPayer)], []);
        var decision = ReimbursementRules.Decide(claim);

        Assert.Equal(claim, RoundTrip(claim));
        Assert.Equal(decision, RoundTrip(decision));
        Assert.False(decision.Accepted);
    }

    [Fact]
    public void The_policy_and_the_counter_state_survive()
    {
        var state = new DailyCounterState { ProviderIk = Le, Date = new DateOnly(2025, 12, 3), Last = 61 };

        var copy = RoundTrip(state);

        Assert.Equal((state.ProviderIk, state.Date, state.Last), (copy.ProviderIk, copy.Date, copy.Last));
        Assert.Equal(IssuancePolicy.BfArMToday, RoundTrip(IssuancePolicy.BfArMToday));
    }
}
