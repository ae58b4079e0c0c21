namespace GenomDE.Orleans.ClientApi.Hosting;

/// <summary>One answer shared by every caller for <c>lifetime</c> after it arrived, with at most one
/// question in flight: however many requests come in, the source is asked at most once per
/// lifetime (plus the time it takes to answer). A failed question is not kept.</summary>
public sealed class ShortLivedAnswer<T>(Func<Task<T>> ask, TimeProvider clock, TimeSpan lifetime)
{
    private readonly Lock _gate = new();
    private Task<T>? _current;
    private DateTimeOffset? _answeredAt;
    private long _asked;

    /// <summary>How often the source was asked (for tests and metrics).</summary>
    public long Asked => Interlocked.Read(ref _asked);

    public Task<T> Get()
    {
        TaskCompletionSource<T> asking;
        lock (_gate)
        {
            if (_current is not null && (!_current.IsCompleted || (_answeredAt is { } at && clock.GetUtcNow() - at < lifetime)))
            {
                return _current;
            }

            asking = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _current = asking.Task;
            _answeredAt = null;
        }

        _ = Fill(asking); // outside the lock: the source may answer synchronously
        return asking.Task;
    }

    private async Task Fill(TaskCompletionSource<T> asking)
    {
        Interlocked.Increment(ref _asked);
        try
        {
            var answer = await ask();
            lock (_gate)
            {
                _answeredAt = clock.GetUtcNow();
            }

            asking.SetResult(answer);
        }
        catch (Exception e)
        {
            asking.SetException(e); // _answeredAt stays null: the next caller asks again
        }
    }
}
