using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GenomDE.Client.Http;

/// <summary>Retries what the API asks to be retried: 429 and 503 (honouring Retry-After) and 409
/// <c>idempotency_key_in_flight</c> (it carries a Retry-After), and lost connections. A POST is
/// repeated only when it carries an Idempotency-Key, because only the key makes a repeat safe: the
/// API answers it with the first answer instead of acting twice.</summary>
internal static class RetryPipeline
{
    public static ResilienceHandler Handler(GenomDeClientOptions options) =>
        new(new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(SafeToRepeat(args.Context.GetRequestMessage()) && args.Outcome switch
                {
                    { Result: { } response } => AsksForRetry(response),
                    { Exception: HttpRequestException } => true,
                    _ => false,
                }),
            })
            .Build());

    private static bool AsksForRetry(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.Conflict => response.Headers.RetryAfter is not null,
        _ => false,
    };

    private static bool SafeToRepeat(HttpRequestMessage? request) =>
        request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
            || request.Method == HttpMethod.Delete || request.Headers.Contains(IdempotencyKeyHandler.Header));
}
