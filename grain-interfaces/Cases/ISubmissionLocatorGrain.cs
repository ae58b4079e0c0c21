namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>Which case a submission routed to a node belongs to, for the node's calls that name only
/// the TAN (receipt, QC, Prüfbericht). Key: <see cref="KeyOf"/>. Written once, before the submission
/// is accepted, and kept after the node's work is done, so replays and late calls still find the case.</summary>
[Alias("genomde.ISubmissionLocatorGrain")]
public interface ISubmissionLocatorGrain : IGrainWithStringKey
{
    /// <summary>True when the TAN was free at this node (now bound) or is already bound to <paramref name="caseKey"/>.</summary>
    [Alias("Bind")]
    Task<bool> Bind(string caseKey);

    /// <summary>The case key, or null when no submission with this TAN was routed to the node.</summary>
    [Alias("Find")]
    Task<string?> Find();

    /// <summary><c>nodeId/tan</c>, the TAN in lower case.</summary>
    static string KeyOf(string nodeId, string tan) => $"{nodeId}/{tan.ToLowerInvariant()}";
}
