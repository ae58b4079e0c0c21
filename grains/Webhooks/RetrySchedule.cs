namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>Exponential backoff with jitter: first delay, doubling per failed attempt, capped; each
/// delay drawn from [½, 1] of its nominal value so receivers that failed together do not get all
/// retries at the same instant.</summary>
public static class RetrySchedule
{
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan first, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var nominal = Math.Min(first.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(nominal * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }
}
