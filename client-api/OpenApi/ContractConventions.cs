namespace GenomDE.Orleans.ClientApi.OpenApi;

/// <summary>Endpoint metadata that says what an operation answers, read by <see cref="ContractOperations"/>.
/// Problems every operation of a kind can answer (authentication, rate limit, body shape, storage)
/// are added there; an endpoint names only the problems of its own rules.</summary>
public static class ContractConventions
{
    /// <summary>The endpoint's own problem answers, all <c>application/problem+json</c>.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>The handler runs its command with the request's <c>Idempotency-Key</c>
    /// (<see cref="Apis.ApiRequest.TryBegin"/>): the grain keeps the first answer, so a replay answers
    /// it again and the same key with another request is <c>422 idempotency_key_reused</c>.</summary>
    public static RouteHandlerBuilder KeepsAnswers(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(KeepsAnswersMetadata.Instance);
    }

    /// <summary>The success answer may carry the admitted participant's client of the embedded issuer
    /// (<see cref="Auth.ClientCredentialAnswers"/>): <c>client</c> beside the view's members.</summary>
    public static RouteHandlerBuilder AnswersClient(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(AnswersClientMetadata.Instance);
    }

    /// <summary>The marker of <see cref="AnswersClient"/>.</summary>
    public sealed class AnswersClientMetadata
    {
        public static readonly AnswersClientMetadata Instance = new();

        private AnswersClientMetadata()
        {
        }
    }

    /// <summary>The marker of <see cref="KeepsAnswers"/>.</summary>
    public sealed class KeepsAnswersMetadata
    {
        public static readonly KeepsAnswersMetadata Instance = new();

        private KeepsAnswersMetadata()
        {
        }
    }
}
