using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>A <see cref="PlatformEvent"/> as a CloudEvents 1.0 JSON object (structured mode), the
/// one representation the feed, the live stream and webhook bodies all share.</summary>
public static class CloudEventJson
{
    public const string DataContentType = "application/json";

    private static readonly JsonEventFormatter Formatter = new();

    public static CloudEvent ToCloudEvent(PlatformEvent e) => new(CloudEventsSpecVersion.V1_0)
    {
        Id = e.Id,
        Type = e.Type,
        Source = SourceUri(e.Source),
        Subject = e.Subject,
        Time = e.Time,
        DataContentType = DataContentType,
        Data = e.Data,
    };

    /// <summary>UTF-8 JSON of one event, e.g. a webhook body.</summary>
    public static ReadOnlyMemory<byte> Encode(PlatformEvent e) =>
        Formatter.EncodeStructuredModeMessage(ToCloudEvent(e), out _);

    public static string EncodeString(PlatformEvent e) => System.Text.Encoding.UTF8.GetString(Encode(e).Span);

    /// <summary>Sources are URI references such as <c>/genomde/cases/…</c>. On Unix a rooted path
    /// given as "relative or absolute" parses as a file:// URI, so a path stays explicitly relative.</summary>
    private static Uri SourceUri(string source) =>
        source.StartsWith('/') || !Uri.TryCreate(source, UriKind.Absolute, out var absolute)
            ? new Uri(source, UriKind.Relative)
            : absolute;
}
