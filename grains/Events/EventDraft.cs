namespace GenomDE.Orleans.Grains.Events;

/// <summary>An event before it gets its ID: what happened (<c>de.genomde.{Thing}.{What}.v1</c>), to
/// which subject, with which IDs and statuses, and whom it concerns.</summary>
public sealed record EventDraft(
    string Thing,
    string What,
    string Subject,
    IReadOnlyDictionary<string, string?> Data,
    IReadOnlyList<string> Audience);
