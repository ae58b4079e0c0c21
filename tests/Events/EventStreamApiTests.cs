using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Tests.Fixtures;

namespace GenomDE.Orleans.Tests.Events;

[Collection(PlatformCollectionDefinition.Name)]
public sealed class EventStreamApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Server_sent_events_arrive_live_and_resume_after_the_last_event_id()
    {
        var ik = TestIds.Ik();
        var http = platform.Client(ParticipantRole.Provider, ik);
        var (_, start) = await EventFeedApiTests.Page(http, "/api/v1/events");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        List<SseFrame> first;
        using (var live = await Open(http, $"/api/v1/events?after={start}", null, timeout.Token))
        {
            var e1 = SyntheticEvents.Case(ik);
            var e2 = SyntheticEvents.Case(ik, "data_received");
            await platform.EventLog().AppendAsync([e1, e2]);
            first = await ReadFrames(live, 2, timeout.Token);
            Assert.Equal([e1.Id, e2.Id], first.Select(f => f.EventId));
            Assert.Equal(["de.genomde.case.registered.v1", "de.genomde.case.data_received.v1"], first.Select(f => f.Type));
        }

        // A reconnecting client sends the id of the last frame it processed: it gets what followed.
        var e3 = SyntheticEvents.Case(ik, "basic_qc_reported");
        await platform.EventLog().AppendAsync([e3]);
        using (var resumed = await Open(http, $"/api/v1/events?after={start}", first[0].Id, timeout.Token))
        {
            var again = await ReadFrames(resumed, 2, timeout.Token);
            Assert.Equal([first[1].EventId, e3.Id], again.Select(f => f.EventId));
            Assert.Equal(first[1].Id, again[0].Id);
        }
    }

    [Fact]
    public async Task A_bad_last_event_id_is_a_400_problem()
    {
        var http = platform.Client(ParticipantRole.Provider, TestIds.Ik());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Last-Event-ID", "garbage");
        await (await http.SendAsync(request)).AssertProblem(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    internal static async Task<StreamReader> Open(HttpClient http, string url, string? lastEventId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    internal static async Task<List<SseFrame>> ReadFrames(StreamReader reader, int count, CancellationToken cancellationToken)
    {
        List<SseFrame> frames = [];
        string? id = null, type = null, data = null;
        while (frames.Count < count)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The live feed ended early.");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    using var ce = JsonDocument.Parse(data);
                    frames.Add(new SseFrame(id!, type!, ce.RootElement.GetProperty("id").GetString()!));
                }

                (id, type, data) = (null, null, null);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        return frames;
    }

    internal sealed record SseFrame(string Id, string Type, string EventId);
}
