using System.Net;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Api;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class ParticipantsApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Seeded_providers_and_payers_are_listed()
    {
        var providers = await (await platform.Operator().GetAsync("/api/v1/providers")).Read<List<ProviderView>>();
        var payers = await (await platform.Client(ParticipantRole.Provider, "123456789").GetAsync("/api/v1/payers")).Read<List<PayerView>>();

        var example = Assert.Single(providers, p => p.Ik == "123456789");
        Assert.Equal([Indication.Rare, Indication.Oncological, Indication.Hereditary], example.Indications);
        Assert.Contains(payers, p => p.Kind == PayerKind.Pkv);
        Assert.Contains(payers, p => p.Kind == PayerKind.Gkv);
    }

    [Fact]
    public async Task The_operator_registers_and_updates_a_provider()
    {
        var ik = TestIds.Ik();
        var http = platform.Operator();

        var created = await (await http.PutAsync($"/api/v1/providers/{ik}", Json(new { name = "Uniklinik Test", indications = new[] { "rare" }, participationStart = "2025-01-01" }))).Read<ProviderView>();
        var repeated = await (await http.PutAsync($"/api/v1/providers/{ik}", Json(new { name = "Uniklinik Test", indications = new[] { "rare" }, participationStart = "2025-01-01" }))).Read<ProviderView>();
        var updated = await (await http.PutAsync($"/api/v1/providers/{ik}", Json(new { name = "Uniklinik Test", indications = new[] { "rare", "oncological" }, participationStart = "2025-01-01" }))).Read<ProviderView>();

        Assert.Equal(created, repeated);
        Assert.Equal(new DateOnly(2025, 1, 1), created.ParticipationStart);
        Assert.True(updated.IsAdmittedFor(Indication.Oncological));
        Assert.Equal(created.RegisteredAt, updated.RegisteredAt);
        Assert.Equal(updated, await (await http.GetAsync($"/api/v1/providers/{ik}")).Read<ProviderView>());
        Assert.Contains(updated, await (await http.GetAsync("/api/v1/providers")).Read<List<ProviderView>>());
    }

    [Fact]
    public async Task The_operator_registers_a_payer()
    {
        var ik = TestIds.Ik();

        var payer = await (await platform.Operator().PutAsync($"/api/v1/payers/{ik}", Json(new { name = "Test-BKK", kind = "gkv" }))).Read<PayerView>();

        Assert.Equal(PayerKind.Gkv, payer.Kind);
        Assert.Equal(payer, await (await platform.Operator().GetAsync($"/api/v1/payers/{ik}")).Read<PayerView>());
    }

    [Theory]
    [InlineData("providers", "{\"name\":\"x\",\"indications\":[],\"participationStart\":\"2025-01-01\"}", "indications_required")]
    [InlineData("providers", "{\"name\":\"x\",\"indications\":[\"rare\",\"rare\"],\"participationStart\":\"2025-01-01\"}", "duplicate_indication")]
    [InlineData("providers", "{\"name\":\"x\",\"indications\":[\"cancer\"],\"participationStart\":\"2025-01-01\"}", "malformed_json")]
    [InlineData("providers", "{\"name\":\"x\",\"indications\":[\"rare\"],\"participationStart\":\"01.01.2025\"}", "malformed_json")]
    [InlineData("payers", "{\"name\":\"x\",\"kind\":\"bkk\"}", "malformed_json")]
    [InlineData("payers", "{\"name\":\"\",\"kind\":\"pkv\"}", "name_required")]
    public async Task Invalid_registrations_are_a_400_and_store_nothing(string registry, string body, string code)
    {
        var ik = TestIds.Ik();

        await (await platform.Operator().PutAsync($"/api/v1/{registry}/{ik}", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .AssertProblem(HttpStatusCode.BadRequest, code);

        await (await platform.Operator().GetAsync($"/api/v1/{registry}/{ik}")).AssertProblem(HttpStatusCode.NotFound, registry == "providers" ? "unknown_provider" : "unknown_payer");
    }

    [Theory]
    [InlineData("providers")]
    [InlineData("payers")]
    public async Task Malformed_iks_are_a_400(string registry)
    {
        await (await platform.Operator().GetAsync($"/api/v1/{registry}/12345")).AssertProblem(HttpStatusCode.BadRequest, "invalid_ik");
        await (await platform.Operator().PutAsync($"/api/v1/{registry}/12345abcd", Json(new { name = "x", kind = "gkv", indications = new[] { "rare" }, participationStart = "2025-01-01" })))
            .AssertProblem(HttpStatusCode.BadRequest, "invalid_ik");
    }

    [Fact]
    public async Task A_provider_cannot_register_itself()
    {
        var response = await platform.Client(ParticipantRole.Provider, "123456789")
            .PutAsync("/api/v1/providers/123456789", Json(new { name = "Hijack", indications = new[] { "rare" }, participationStart = "2025-01-01" }));

        await response.AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.NotEqual("Hijack", (await (await platform.Operator().GetAsync("/api/v1/providers/123456789")).Read<ProviderView>()).Name);
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
