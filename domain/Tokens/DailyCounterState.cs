namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>The confirmations counted for one LE on one service date (field 2's NNN). Changed only
/// by <see cref="DailyCounter.Next"/>; persist it before the token it numbered leaves the grain, or a
/// crash could hand the same number out twice.</summary>
[GenerateSerializer, Alias("genomde.daily-counter-state")]
public sealed class DailyCounterState
{
    [Id(0)]
    public string ProviderIk { get; set; } = "";

    [Id(1)]
    public DateOnly Date { get; set; }

    /// <summary>The last number handed out; 0 before the first.</summary>
    [Id(2)]
    public int Last { get; set; }

    public static DailyCounterState Start(string providerIk, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(providerIk);
        return new DailyCounterState { ProviderIk = providerIk, Date = date };
    }
}
