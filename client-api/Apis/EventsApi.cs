using System.Text;
using System.Text.Json;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using Microsoft.Net.Http.Headers;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>The event feed: every participant pages through the events that concern it as
/// CloudEvents 1.0 JSON with an opaque cursor; with <c>Accept: text/event-stream</c> the same URL is
/// a live Server-Sent-Events stream. The audience comes from the token, never from the request.</summary>
public static class EventsApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const string EventStream = "text/event-stream";

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{PlatformRoutes.ApiV1}/events").WithTags("Events");
        api.MapGet("/", Read)
            .WithName("Events_Read")
            .Produces<EventFeedPage>(StatusCodes.Status200OK, "application/json", EventStream)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("The caller's events after a cursor: {events: [CloudEvents 1.0], next: cursor}. Accept: text/event-stream for a live feed (honours Last-Event-ID).");
        return api;
    }

    private static async Task<IResult> Read(string? after, string? limit, string? type, HttpContext http, IGrainFactory grains, IConfiguration configuration)
    {
        var caller = http.User.ToCaller();
        if (caller is null)
        {
            return Problem.Result(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this participant", "The token carries no known participant role.");
        }

        var live = http.Request.Headers.Accept.Any(a => a?.Contains(EventStream, StringComparison.OrdinalIgnoreCase) == true);

        // A reconnecting EventSource sends the id of the last event it saw: that wins over ?after.
        var cursor = live && http.Request.Headers["Last-Event-ID"].FirstOrDefault() is { Length: > 0 } lastEventId ? lastEventId : after;
        var position = EventCursor.Start;
        if (cursor is not null && !EventCursor.TryDecode(cursor, out position))
        {
            return Problem.Result(StatusCodes.Status400BadRequest, "invalid_cursor", "Invalid cursor", "The cursor is not one this API handed out; use the 'next' of a previous answer, or omit it to start at the oldest retained event.");
        }

        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            return Problem.Result(StatusCodes.Status400BadRequest, "invalid_limit", "Invalid limit", $"limit is a whole number from 1 to {MaxLimit} (default {DefaultLimit}).");
        }

        if (type is not null && !EventTypes.IsKnownFilter(type))
        {
            return Problem.Result(StatusCodes.Status400BadRequest, "unknown_event_type", "Unknown event type", $"'{type}' is neither a known event type nor a prefix of one (de.genomde.<thing>.<what>.v1).");
        }

        var feed = grains.GetGrain<IEventFeedGrain>(0);
        if (live)
        {
            await LiveFeed.Run(http, feed, caller, position, type, LiveFeed.Settings.From(configuration));
            return Results.Empty;
        }

        var page = await feed.Read(caller, position, count, type);
        return Results.Bytes(PageJson(page, position), "application/json");
    }

    /// <summary><c>{"events":[…],"next":"…"}</c>, each event written by the CloudEvents formatter.</summary>
    private static byte[] PageJson(EventPage page, EventPosition from)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var e in page.Events)
            {
                json.WriteRawValue(CloudEventJson.Encode(e).Span, skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteString("next", EventCursor.Encode(page.Next ?? from));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Server-Sent Events: polls the feed grain (short interval; the log is the truth, so no
    /// stream subscription has to survive silo changes), one SSE event per event, its id the cursor
    /// after it, a comment as heartbeat so proxies keep the connection open.</summary>
    private static class LiveFeed
    {
        private const int PageSize = 100;

        public static async Task Run(HttpContext http, IEventFeedGrain feed, Caller caller, EventPosition position, string? type, Settings settings)
        {
            var response = http.Response;
            var stopped = http.RequestAborted;
            response.ContentType = EventStream;
            response.Headers.CacheControl = "no-cache";
            response.Headers[HeaderNames.Connection] = "keep-alive";
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.WriteAsync($"retry: {(int)settings.Poll.TotalMilliseconds * 2}\n\n", stopped);
            await response.Body.FlushAsync(stopped);

            var quietSince = DateTimeOffset.UtcNow;
            try
            {
                while (!stopped.IsCancellationRequested)
                {
                    var page = await feed.Read(caller, position, PageSize, type);
                    for (var i = 0; i < page.Events.Count; i++)
                    {
                        var e = page.Events[i];
                        position = page.PositionOf(i) ?? position;
                        var frame = new StringBuilder()
                            .Append("id: ").Append(EventCursor.Encode(position)).Append('\n')
                            .Append("event: ").Append(e.Type).Append('\n')
                            .Append("data: ").Append(CloudEventJson.EncodeString(e)).Append("\n\n");
                        await response.WriteAsync(frame.ToString(), stopped);
                    }

                    position = page.Next ?? position;
                    if (page.Events.Count > 0)
                    {
                        await response.Body.FlushAsync(stopped);
                        quietSince = DateTimeOffset.UtcNow;
                    }
                    else if (DateTimeOffset.UtcNow - quietSince >= settings.Heartbeat)
                    {
                        await response.WriteAsync(": heartbeat\n\n", stopped);
                        await response.Body.FlushAsync(stopped);
                        quietSince = DateTimeOffset.UtcNow;
                    }

                    if (page.Events.Count < PageSize)
                    {
                        await Task.Delay(settings.Poll, stopped);
                    }
                }
            }
            catch (OperationCanceledException) when (stopped.IsCancellationRequested)
            {
                // The client went away: the normal end of a live feed.
            }
            catch (IOException) when (stopped.IsCancellationRequested)
            {
            }
        }

        /// <summary><c>Events:LivePollInterval</c> (default 1 s), <c>Events:Heartbeat</c> (default 15 s).</summary>
        public sealed record Settings(TimeSpan Poll, TimeSpan Heartbeat)
        {
            public static Settings From(IConfiguration configuration) => new(
                configuration.GetValue("Events:LivePollInterval", TimeSpan.FromSeconds(1)),
                configuration.GetValue("Events:Heartbeat", TimeSpan.FromSeconds(15)));
        }
    }
}

/// <summary>The JSON answer of <c>GET /api/v1/events</c> as the contract describes it (written by
/// hand with the CloudEvents formatter, so only the document uses this type).</summary>
/// <param name="Events">CloudEvents 1.0 in structured JSON mode, oldest first.</param>
/// <param name="Next">The cursor to pass as <c>after</c> for the events after these.</param>
public sealed record EventFeedPage(IReadOnlyList<System.Text.Json.JsonElement> Events, string Next);
