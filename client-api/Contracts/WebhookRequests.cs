namespace GenomDE.Orleans.ClientApi.Contracts;

/// <summary><c>POST /api/v1/webhooks</c>: where to deliver and which event types (known types,
/// prefixes of them, or <c>*</c>).</summary>
public sealed record WebhookRequest(string Url, IReadOnlyList<string> Types);
