using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

public sealed class DailyCounterTests
{
    private static readonly DateOnly Day = new(2025, 12, 3);

    [Fact]
    public void Numbers_run_from_1_to_999_then_the_day_is_full()
    {
        var state = DailyCounterState.Start("260320597", Day);

        var numbers = Enumerable.Range(0, 999).Select(_ => DailyCounter.Next(state).Value).ToList();
        var full = DailyCounter.Next(state);

        Assert.Equal(Enumerable.Range(1, 999), numbers);
        Assert.False(full.IsSuccess);
        Assert.Equal(DailyCounter.DayFullCode, full.Error!.Code);
        Assert.Equal("day_full", full.Error.Code);
        Assert.Contains("260320597", full.Error.Detail, StringComparison.Ordinal);
        Assert.Contains("2025-12-03", full.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_day_stays_full_and_never_wraps()
    {
        var state = new DailyCounterState { ProviderIk = "260320597", Date = Day, Last = 999 };

        Assert.Equal("day_full", DailyCounter.Next(state).Error!.Code);
        Assert.Equal("day_full", DailyCounter.Next(state).Error!.Code);
        Assert.Equal(999, state.Last);
    }

    [Fact]
    public void The_count_continues_from_the_persisted_state()
    {
        var state = new DailyCounterState { ProviderIk = "260320597", Date = Day, Last = 60 };

        Assert.Equal(61, DailyCounter.Next(state).Value);
        Assert.Equal(61, state.Last);
    }

    [Fact]
    public void Each_le_and_date_has_its_own_key()
    {
        Assert.Equal("260320597-20251203", ITokenCounterGrain.KeyOf("260320597", Day));
        Assert.NotEqual(ITokenCounterGrain.KeyOf("260320597", Day), ITokenCounterGrain.KeyOf("260320597", Day.AddDays(1)));
        Assert.NotEqual(ITokenCounterGrain.KeyOf("260320597", Day), ITokenCounterGrain.KeyOf("260530103", Day));
    }
}
