using System.Net;
using GenomDE.Orleans.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GenomDE.Orleans.Tests.Client;

/// <summary>The client's access token: fetched once, reused, renewed before it lapses, and renewed
/// once when the API answers 401.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class ClientTokenTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_token_is_reused_and_renewed_before_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var network = new CountingTransport();
        using var client = new GenomDE.Client.GenomDeClient(ClientWorld.Options(platform, ClientWorld.PayerClient), network, clock);

        await client.V1.Nodes.GetAsync();
        await client.V1.Nodes.GetAsync();
        Assert.Equal(1, network.TokenRequests);

        clock.Advance(platform.Issuer.TokenLifetime - TimeSpan.FromSeconds(10)); // not expired yet, but due for renewal
        await client.V1.Nodes.GetAsync();
        Assert.Equal(2, network.TokenRequests);
        Assert.Equal(2, network.Bearers.Distinct().Count());
    }

    [Fact]
    public async Task A_401_fetches_a_new_token_and_sends_the_request_once_more()
    {
        var network = new CountingTransport { RefuseFirstApiRequest = true };
        using var client = ClientWorld.For(platform, ClientWorld.PayerClient, network);

        var nodes = await client.V1.Nodes.GetAsync();

        Assert.NotEmpty(nodes!);
        Assert.Equal(2, network.TokenRequests);
        Assert.Equal(2, network.Bearers.Count);
    }

    private sealed class CountingTransport() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int TokenRequests { get; private set; }

        public bool RefuseFirstApiRequest { get; set; }

        public List<string> Bearers { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/connect/token")
            {
                TokenRequests++;
                return await base.SendAsync(request, cancellationToken);
            }

            Bearers.Add(request.Headers.Authorization!.Parameter!);
            if (RefuseFirstApiRequest && Bearers.Count == 1)
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
