using System.Net;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GenomDE.Orleans.Tests.Api;

/// <summary><c>/health/ready</c> is anonymous: its answer comes from a short cache, so a flood of
/// probes is not a flood of cluster calls.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ReadinessCacheTests(PlatformFixture platform)
{
    [Fact]
    public async Task Repeated_probes_within_the_cache_time_make_one_cluster_call()
    {
        // A cache time no test run reaches, so the count does not depend on how fast the machine is.
        var (api, address) = await platform.StartApiAsync(new Dictionary<string, string?> { [ReadinessProbe.CacheDurationKey] = "00:10:00" });
        await using var _ = api;
        var probe = api.Services.GetRequiredService<ReadinessProbe>();
        using var http = new HttpClient { BaseAddress = address };

        var together = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/health/ready")));
        var oneByOne = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            oneByOne.Add(await http.GetAsync("/health/ready"));
        }

        Assert.All(together.Concat(oneByOne), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("\"activeSilos\":2", await oneByOne[^1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, probe.ClusterCalls);
    }

    [Fact]
    public async Task An_answer_is_kept_for_its_lifetime_then_asked_again()
    {
        var clock = new FakeTimeProvider();
        var asked = 0;
        var answer = new ShortLivedAnswer<int>(() => Task.FromResult(Interlocked.Increment(ref asked)), clock, TimeSpan.FromSeconds(2));

        Assert.Equal(1, await answer.Get());
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(1, await answer.Get());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, await answer.Get());
        Assert.Equal(2, answer.Asked);
    }

    [Fact]
    public async Task Callers_while_the_question_is_open_share_it()
    {
        var pending = new TaskCompletionSource<string>();
        var answer = new ShortLivedAnswer<string>(() => pending.Task, new FakeTimeProvider(), TimeSpan.FromSeconds(2));

        var waiting = Enumerable.Range(0, 10).Select(_ => answer.Get()).ToList();
        pending.SetResult("ready");

        Assert.All(await Task.WhenAll(waiting), a => Assert.Equal("ready", a));
        Assert.Equal(1, answer.Asked);
    }

    [Fact]
    public async Task A_failed_question_is_not_kept()
    {
        var calls = 0;
        var answer = new ShortLivedAnswer<string>(
            () => ++calls == 1 ? Task.FromException<string>(new TimeoutException("first")) : Task.FromResult("ready"),
            new FakeTimeProvider(), TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<TimeoutException>(answer.Get);
        Assert.Equal("ready", await answer.Get());
        Assert.Equal(2, answer.Asked);
    }
}
