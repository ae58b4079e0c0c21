using GenomDE.Orleans.GrainInterfaces.Reporting;

namespace GenomDE.Orleans.Grains.Events;

/// <summary>An event before it gets its ID: what happened (<c>de.genomde.{Thing}.{What}.v1</c>), to
/// which subject, with which IDs and statuses, whom it concerns and, internally, what it changes in reporting.</summary>
public sealed record EventDraft(
    string Thing,
    string What,
    string Subject,
    IReadOnlyDictionary<string, string?> Data,
    IReadOnlyList<string> Audience,
    ReportingChange? Reporting = null);
