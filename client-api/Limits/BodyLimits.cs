using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Cases;
using static GenomDE.Orleans.Domain.Common.InputLimits;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>Which text and list of each request body has which limit (<see cref="InputLimits"/>).
/// Every body type an endpoint binds must be listed here (a test walks the endpoints); documents
/// posted as raw JSON (metadata.json, Prüfbericht) are checked by their parsers, within the body size limit.</summary>
public static class BodyLimits
{
    private static readonly Dictionary<Type, Func<object, DomainError?>> Rules = new[]
    {
        Rule<NodeApplication>(b => TooLong("$.name", b.Name, Name) ?? TooLong("$.site", b.Site, Site)),
        Rule<ApproveNodeRequest>(b => TooLong("$.nodeId", b.NodeId, Identifier) ?? TooLong("$.reason", b.Reason, Reason)),
        Rule<NodeTransitionRequest>(b => TooLong("$.reason", b.Reason, Reason)),
        Rule<ProviderRegistration>(b => TooLong("$.name", b.Name, Name) ?? TooMany("$.indications", b.Indications?.Count ?? 0, Indications)),
        Rule<PayerRegistration>(b => TooLong("$.name", b.Name, Name)),
        Rule<RegisterCaseRequest>(b => TooLong("$.localCaseId", b.LocalCaseId, CaseKeys.MaxLocalCaseIdLength)),
        Rule<BasicQcRequest>(b => TooLong("$.detail", b.Detail, BasicQcDetail)),
        Rule<DetailedQcReport>(b => TooLong("$.donorPseudonym", b.DonorPseudonym, QcLabel)
            ?? TooLong("$.labDataName", b.LabDataName, QcLabel)
            ?? TooLong("$.qcWorkflowVersion", b.QcWorkflowVersion, QcLabel)),
        Rule<VerifyTokenRequest>(b => TooLong("$.token", b.Token, Token)),
        Rule<ClaimRequest>(b => TooMany("$.tokens", b.Tokens?.Count ?? 0, ClaimTokens) ?? Each("$.tokens", b.Tokens, Token)),
        Rule<RevokeTokenRequest>(b => TooLong("$.reason", b.Reason, Reason)),
        Rule<WebhookRequest>(b => TooLong("$.url", b.Url, WebhookUrl) ?? TooMany("$.types", b.Types?.Count ?? 0, WebhookTypes) ?? Each("$.types", b.Types, EventType)),
        Rule<DeactivateIdleRequest>(_ => null), // a number only
    }.ToDictionary(r => r.Type, r => r.Check);

    /// <summary>Null when the body (of any type) is within its limits.</summary>
    public static DomainError? Check(object? body) =>
        body is not null && Rules.TryGetValue(body.GetType(), out var check) ? check(body) : null;

    /// <summary>Whether <paramref name="bodyType"/> has its limits here.</summary>
    public static bool Covers(Type bodyType) => Rules.ContainsKey(bodyType);

    private static DomainError? Each(string path, IReadOnlyList<string>? values, int max)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (TooLong($"{path}[{i}]", values![i], max) is { } tooLong)
            {
                return tooLong;
            }
        }

        return null;
    }

    private static (Type Type, Func<object, DomainError?> Check) Rule<T>(Func<T, DomainError?> check) => (typeof(T), body => check((T)body));
}
