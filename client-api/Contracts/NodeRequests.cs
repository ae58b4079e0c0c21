namespace GenomDE.Orleans.ClientApi.Contracts;

/// <summary>Body of approve: the official node ID the operator assigns, and why.</summary>
public sealed record ApproveNodeRequest(string NodeId, string Reason);

/// <summary>Body of review, suspend, reinstate and revoke.</summary>
public sealed record NodeTransitionRequest(string Reason);
