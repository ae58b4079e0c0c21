using System.Net;
using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Faults;
using GenomDE.Orleans.Tests.Fixtures;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>A Meldebestätigung's service date and number are fixed once, in the write that accepts
/// the report: a node's retry after midnight (German time) never moves the token to the next day's
/// counter, whether the first attempt's write committed or not.</summary>
[Collection(MidnightCollectionDefinition.Name)]
public sealed class ServiceDateFaultTests(MidnightPlatformFixture platform)
{
    private static readonly TimeZoneInfo Germany = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task A_report_stored_before_midnight_and_retried_after_it_keeps_its_first_day_and_number()
    {
        var (scenario, tan, report) = await ReadyForReport();
        var day = GoTo(new TimeOnly(23, 59, 40));

        platform.Faults.Arm(FaultPlan.NextWriteOf("case", WritePhase.AfterCommit)); // stored, but the answer is lost
        var key = TestIds.Key();
        await (await scenario.ClinicalNode.PostJsonText("/api/v1/reports", report, key)).AssertProblem(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        platform.Faults.Disarm();

        ShiftedClock.Instance.Offset += TimeSpan.FromSeconds(60); // 00:00:40 and later: the next day
        var retried = await (await scenario.ClinicalNode.PostJsonText("/api/v1/reports", report, key)).Read<SubmissionView>();
        var token = await TokenOf(scenario, tan);

        Assert.Equal(retried.Confirmation!.Code, token.Code);
        Assert.Equal((day, 1), (token.ServiceDate, token.Counter));
        Assert.Empty(await Codes(scenario.ProviderId, day.AddDays(1)));
    }

    [Fact]
    public async Task A_report_whose_write_failed_before_midnight_is_decided_once_after_it()
    {
        var (scenario, tan, report) = await ReadyForReport();
        var day = GoTo(new TimeOnly(23, 59, 40));

        platform.Faults.Arm(FaultPlan.NextWriteOf("case", WritePhase.BeforeCommit)); // nothing stored
        var key = TestIds.Key();
        await (await scenario.ClinicalNode.PostJsonText("/api/v1/reports", report, key)).AssertProblem(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        platform.Faults.Disarm();

        ShiftedClock.Instance.Offset += TimeSpan.FromSeconds(60);
        var retried = await (await scenario.ClinicalNode.PostJsonText("/api/v1/reports", report, key)).Read<SubmissionView>();
        var token = await TokenOf(scenario, tan);

        Assert.Equal(retried.Confirmation!.Code, token.Code);
        Assert.Equal(day.AddDays(1), token.ServiceDate); // decided when it was stored: after midnight
        Assert.Empty(await Codes(scenario.ProviderId, day)); // nothing was numbered on the day of the failed attempt
        var replay = await scenario.ClinicalNode.PostJsonText("/api/v1/reports", report, key);
        Assert.Equal(await (await scenario.ClinicalNode.PostJsonText("/api/v1/reports", report, key)).Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    /// <summary>A registered case whose clinical submission passed basic QC at the CDN; the clock is
    /// back at real time; answers the Prüfbericht the CDN will send.</summary>
    private async Task<(CaseScenario Scenario, string Tan, string Report)> ReadyForReport()
    {
        ShiftedClock.Instance.Offset = TimeSpan.Zero;
        var provider = TestIds.Ik();
        var registered = await platform.Operator().PutAsync($"/api/v1/providers/{provider}",
            new StringContent("{\"name\":\"Midnight LE\",\"indications\":[\"oncological\",\"rare\"],\"participationStart\":\"2024-01-01\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var scenario = await CaseScenario.Start(platform, provider);
        var clinical = scenario.ClinicalMetaData();
        var tan = clinical["tanC"]!.GetValue<string>();
        await (await scenario.SubmitClinical(clinical)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        await (await scenario.ClinicalNode.PostJsonText($"/api/v1/inbox/{tan}/receipt", "", TestIds.Key())).Read<SubmissionView>();
        await (await scenario.ClinicalNode.PostJsonText($"/api/v1/inbox/{tan}/basic-qc", "{\"passed\":true}", TestIds.Key())).Read<SubmissionView>();
        var submission = (await scenario.Case()).Submissions.Single(s => s.Tan == tan);
        return (scenario, tan, scenario.Report(submission, passed: true).ToJsonString());
    }

    /// <summary>Sets the silos' clock to <paramref name="time"/> today in Germany; answers that day.</summary>
    private static DateOnly GoTo(TimeOnly time)
    {
        var germanNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Germany);
        var day = DateOnly.FromDateTime(germanNow.DateTime);
        var local = day.ToDateTime(time);
        ShiftedClock.Instance.Set(new DateTimeOffset(local, Germany.GetUtcOffset(local)));
        return day;
    }

    private static async Task<Meldebestaetigung> TokenOf(CaseScenario scenario, string tan)
    {
        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        return Assert.Single(tokens, t => t.Tan.Equals(tan, StringComparison.OrdinalIgnoreCase)).Record.Token;
    }

    private async Task<IReadOnlyList<string>> Codes(string provider, DateOnly day) =>
        await platform.Grains.GetGrain<ITokenCounterGrain>(ITokenCounterGrain.KeyOf(provider, day)).Codes();
}

/// <summary>The embedded platform with a movable clock and storage fault injection.</summary>
public sealed class MidnightPlatformFixture : PlatformFixture
{
    public MidnightPlatformFixture()
    {
        Faults = new ClusterFaults(() => Cluster);
    }

    public ClusterFaults Faults { get; }

    protected override void ConfigureCluster(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<FaultInjectionConfigurator>();
        builder.AddSiloBuilderConfigurator<ShiftedClock.Configurator>();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MidnightCollectionDefinition : ICollectionFixture<MidnightPlatformFixture>
{
    public const string Name = "midnight";
}
