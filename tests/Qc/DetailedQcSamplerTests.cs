using System.Globalization;
using GenomDE.Orleans.Domain.Qc;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Tests.Qc;

/// <summary>Simulated years of one LE. Tolerance: over each quarter the picks must be at least one
/// per full block of 50 (so never below 2 % over full blocks) and at most one per block plus one per
/// month (the monthly floor is the only source of extra picks); for the busy LE (~300 a quarter) the
/// quarterly share must lie within 2.0–3.0 %. A small LE (~100 a quarter) is dominated by the
/// monthly floor (3 picks a quarter ≈ 3 %), which the official rule accepts.</summary>
public sealed class DetailedQcSamplerTests
{
    private const string Le = "123456789";
    private const string Salt = "grz-secret-salt";
    private static readonly DetailedQcSampler Sampler = DetailedQcSampler.Official;

    [Fact]
    public void The_official_sampler_draws_one_in_fifty() => Assert.Equal(50, Sampler.BlockSize);

    [Theory]
    [InlineData("small")]
    [InlineData("busy")]
    public void Every_month_of_the_year_has_a_pick(string le)
    {
        var picks = Simulate(Stream(le), Salt).Values.SelectMany(s => s.Picks).ToList();

        Assert.All(Enumerable.Range(1, 12), month => Assert.Contains(picks, p => p.SubmissionDate.Month == month));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("busy")]
    public void Each_quarter_has_one_pick_per_full_block_and_extra_picks_only_for_the_monthly_floor(string le)
    {
        foreach (var state in Simulate(Stream(le), Salt).Values)
        {
            var blocks = state.Candidates / Sampler.BlockSize;
            var partial = state.Candidates % Sampler.BlockSize > 0 ? 1 : 0;
            Assert.InRange(state.PickCount, Math.Max(blocks, 3), blocks + partial + 3);
        }
    }

    [Fact]
    public void A_busy_le_gets_about_two_percent_per_quarter()
    {
        var states = Simulate(Stream("busy"), Salt).Values.ToList();

        TestContext.Current.TestOutputHelper?.WriteLine(Describe(states));
        Assert.All(states, s => Assert.InRange(Share(s), 1.5, 3.0));
        Assert.InRange(100.0 * states.Sum(s => s.PickCount) / states.Sum(s => s.Candidates), 1.8, 2.6);
    }

    [Fact]
    public void A_small_le_is_carried_by_the_monthly_floor()
    {
        var states = Simulate(Stream("small"), Salt).Values.ToList();

        Assert.All(states, s => Assert.Equal(3, s.Picks.Count(p => p.Reason == SamplingReason.MonthlyMinimum)));
        TestContext.Current.TestOutputHelper?.WriteLine(Describe(states));
        Assert.All(states, s => Assert.InRange(Share(s), 2.0, 6.0));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("busy")]
    public void The_same_seed_gives_the_same_picks(string le) =>
        Assert.Equal(PickedTans(Simulate(Stream(le), Salt)), PickedTans(Simulate(Stream(le), Salt)));

    [Theory]
    [InlineData("small")]
    [InlineData("busy")]
    public void Another_salt_gives_other_random_picks(string le)
    {
        var first = RandomPicks(Simulate(Stream(le), Salt));
        var second = RandomPicks(Simulate(Stream(le), "another-salt"));

        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Another_le_with_the_same_stream_gets_other_random_picks()
    {
        var ours = RandomPicks(Simulate(Stream("busy"), Salt)).Select(p => p.CandidateIndex);
        var theirs = RandomPicks(Simulate(Stream("busy"), Salt, "987654321")).Select(p => p.CandidateIndex);

        Assert.NotEqual(ours, theirs);
    }

    [Fact]
    public void The_first_submission_of_a_month_is_picked_for_the_floor()
    {
        var state = SamplingState.Start(Le, new DateOnly(2025, 4, 1));

        Assert.Equal(new SamplingDecision(true, SamplingReason.MonthlyMinimum), Sampler.Decide(state, new DateOnly(2025, 4, 2), Tan(1), Salt));
        Assert.Equal(new SamplingDecision(true, SamplingReason.MonthlyMinimum), Sampler.Decide(state, new DateOnly(2025, 5, 2), Tan(2), Salt));
        Assert.Equal([4, 5], state.MonthsWithPick.Order());
    }

    [Fact]
    public void A_replayed_decision_returns_the_first_answer_and_counts_nothing()
    {
        var state = SamplingState.Start(Le, new DateOnly(2025, 4, 1));
        var picked = Sampler.Decide(state, new DateOnly(2025, 4, 2), Tan(1), Salt);
        var notPicked = Sampler.Decide(state, new DateOnly(2025, 4, 2), Tan(2), Salt);

        Assert.Equal(picked, Sampler.Decide(state, new DateOnly(2025, 4, 2), Tan(1).ToUpperInvariant(), Salt));
        Assert.Equal(notPicked, Sampler.Decide(state, new DateOnly(2025, 4, 2), Tan(2), Salt));
        Assert.Equal((2, 1), (state.Candidates, state.PickCount));
    }

    [Fact]
    public void Replays_are_recognised_within_a_bounded_window_so_the_state_stays_small()
    {
        var state = SamplingState.Start(Le, new DateOnly(2025, 4, 1));
        var decisions = Enumerable.Range(1, SamplingState.RecentCapacity + 50).Select(i => (Tan: Tan(i), Decision: Sampler.Decide(state, new DateOnly(2025, 4, 2), Tan(i), Salt))).ToList();
        var candidates = state.Candidates;

        Assert.Equal(SamplingState.RecentCapacity, state.RecentTans.Count);
        Assert.All(decisions.TakeLast(SamplingState.RecentCapacity), d => Assert.Equal(d.Decision, Sampler.Decide(state, new DateOnly(2025, 4, 2), d.Tan, Salt)));
        Assert.All(decisions.Where(d => d.Decision.Picked), d => Assert.Equal(d.Decision, Sampler.Decide(state, new DateOnly(2025, 4, 2), d.Tan, Salt))); // picks are kept for good
        Assert.Equal(candidates, state.Candidates);
    }

    [Fact]
    public void A_state_only_takes_dates_of_its_quarter()
    {
        var state = SamplingState.Start(Le, new DateOnly(2025, 4, 1));

        Assert.Throws<ArgumentException>(() => Sampler.Decide(state, new DateOnly(2025, 7, 1), Tan(1), Salt));
        Assert.Equal("123456789-2025-Q2", SamplingState.KeyOf(Le, new DateOnly(2025, 6, 30)));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("abc")]
    public void Redacted_or_malformed_tans_are_caller_errors(string tan) =>
        Assert.Throws<ArgumentException>(() => Sampler.Decide(SamplingState.Start(Le, new DateOnly(2025, 4, 1)), new DateOnly(2025, 4, 2), tan, Salt));

    [Theory]
    [InlineData(SubmissionType.Initial, true, true)]
    [InlineData(SubmissionType.Initial, false, false)]
    [InlineData(SubmissionType.Followup, true, false)]
    [InlineData(SubmissionType.Test, true, false)]
    public void Only_initial_submissions_that_passed_basic_qc_take_part(SubmissionType type, bool passed, bool eligible) =>
        Assert.Equal(eligible, DetailedQcSampler.IsEligible(type, passed));

    private static IReadOnlyList<(DateOnly Date, string TanG)> Stream(string le) =>
        le == "busy" ? SubmissionStream.Busy(Le) : SubmissionStream.Small(Le);

    private static SortedDictionary<string, SamplingState> Simulate(IReadOnlyList<(DateOnly Date, string TanG)> stream, string salt, string le = Le)
    {
        var states = new SortedDictionary<string, SamplingState>(StringComparer.Ordinal);
        foreach (var (date, tan) in stream)
        {
            var key = SamplingState.KeyOf(le, date);
            if (!states.TryGetValue(key, out var state))
            {
                states[key] = state = SamplingState.Start(le, date);
            }

            Sampler.Decide(state, date, tan, salt);
        }

        return states;
    }

    private static List<string> PickedTans(SortedDictionary<string, SamplingState> states) =>
        [.. states.Values.SelectMany(s => s.Picks).Select(p => p.TanG)];

    private static List<SamplingPick> RandomPicks(SortedDictionary<string, SamplingState> states) =>
        [.. states.Values.SelectMany(s => s.Picks).Where(p => p.Reason == SamplingReason.RandomSample)];

    private static double Share(SamplingState state) => 100.0 * state.PickCount / state.Candidates;

    private static string Describe(IEnumerable<SamplingState> states) => string.Join("\n", states.Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Year}-Q{s.Quarter}: {s.Candidates} eligible, {s.PickCount} picked ({Share(s):F2} %), monthly {s.Picks.Count(p => p.Reason == SamplingReason.MonthlyMinimum)}, random {s.Picks.Count(p => p.Reason == SamplingReason.RandomSample)}")));

    private static string Tan(int n) => n.ToString("x64", CultureInfo.InvariantCulture);
}
