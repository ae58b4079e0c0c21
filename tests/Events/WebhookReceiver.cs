using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenomDE.Orleans.Tests.Events;

/// <summary>A webhook receiver on loopback, as a participant would run one: it answers 500 to the
/// first <see cref="FailuresPerMessage"/> attempts of every message, verifies every signature with
/// the StandardWebhooks library, and deduplicates by <c>webhook-id</c>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<Received> _accepted = new();
    private readonly ConcurrentQueue<string> _problems = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public int FailuresPerMessage { get; init; } = 2;

    /// <summary>Secrets a delivery may be signed with; set after registering the endpoint.</summary>
    public List<string> Secrets { get; } = [];

    public Uri Url { get; private set; } = null!;

    /// <summary>Messages accepted (2xx), in the order they were accepted, once per webhook-id.</summary>
    public IReadOnlyList<Received> Accepted => [.. _accepted];

    public IReadOnlyList<string> Problems => [.. _problems];

    public static async Task<WebhookReceiver> StartAsync(int failuresPerMessage = 2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { FailuresPerMessage = failuresPerMessage };
        app.MapPost("/hook", (Delegate)receiver.Handle);
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hook");
        return receiver;
    }

    public async Task<IReadOnlyList<Received>> WaitFor(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (_accepted.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return Accepted;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> Handle(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var id = http.Request.Headers["webhook-id"].ToString();
        if (!Secrets.ToList().Any(s => SignatureCheck.Verifies(s, body, http.Request.Headers)))
        {
            _problems.Enqueue($"signature of {id} did not verify");
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var attempt = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (attempt <= FailuresPerMessage)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (_accepted.Any(r => r.WebhookId == id))
        {
            return Results.NoContent(); // a duplicate after success: acknowledged, processed once
        }

        using var ce = JsonDocument.Parse(body);
        _accepted.Enqueue(new Received(id, ce.RootElement.GetProperty("id").GetString()!, ce.RootElement.GetProperty("type").GetString()!, attempt));
        return Results.NoContent();
    }

    public sealed record Received(string WebhookId, string EventId, string Type, int Attempt);
}
