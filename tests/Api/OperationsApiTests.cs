using System.Net;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Api;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class OperationsApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Deactivating_idle_grains_frees_activations_and_loses_no_state()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var before = await scenario.Case();

        var result = await (await platform.Operator().PostJson("/api/v1/operations/deactivate-idle", new { idleSeconds = 0 })).Read<DeactivateIdleResult>();

        Assert.True(result.ActivationsBefore > 0);
        Assert.True(result.ActivationsAfter < result.ActivationsBefore, $"{result.ActivationsBefore} -> {result.ActivationsAfter}");
        Assert.Equal(before, await scenario.Case()); // reactivated from storage, in the embedded in-memory storage too
    }

    [Fact]
    public async Task Only_the_operator_deactivates_and_only_within_a_week_of_idle_time()
    {
        await (await platform.Client(ParticipantRole.Provider, "123456789").PostJson("/api/v1/operations/deactivate-idle", new { idleSeconds = 0 }))
            .AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await platform.Operator().PostJson("/api/v1/operations/deactivate-idle", new { idleSeconds = -1 }))
            .AssertProblem(HttpStatusCode.BadRequest, "invalid_idle_seconds");
        await (await platform.Operator().PostRaw("/api/v1/operations/deactivate-idle", "{\"idleSeconds\": \"soon\"}"))
            .AssertProblem(HttpStatusCode.BadRequest, "malformed_json");
    }
}
