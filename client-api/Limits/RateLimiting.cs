using System.Globalization;
using System.Threading.RateLimiting;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>ASP.NET Core's rate limiter with one token bucket per partition
/// (<see cref="RateLimitPartitions"/>); a refused request gets 429 problem+json <c>rate_limited</c>
/// with <c>Retry-After</c> in seconds and never reaches the audit trail or a grain.</summary>
public static class RateLimiting
{
    public static void AddPlatformRateLimits(this WebApplicationBuilder builder)
    {
        var settings = RateLimitSettings.From(builder.Configuration);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, settings));
            options.OnRejected = (context, _) => Reject(context, settings);
        });
    }

    /// <summary>In front of authentication, because the embedded issuer answers a failed client
    /// authentication at <c>/connect/token</c> inside <c>UseAuthentication</c>: behind it, secret
    /// guessing would pass unlimited. The caller is therefore read here first; the authentication
    /// handlers keep their result for the request, so <c>UseAuthentication</c> does not validate the
    /// token a second time.</summary>
    public static void UsePlatformRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            if (!RateLimitPartitions.IsExempt(path) && !RateLimitPartitions.IsSignIn(path) && (await http.AuthenticateAsync()).Principal is { } principal)
            {
                http.User = principal;
            }

            await next(http);
        });
        app.UseRateLimiter();
    }

    /// <summary>A bucket of <paramref name="burst"/> requests that refills <paramref name="perSecond"/>
    /// a second. No queue: a waiting request would hold a connection and hide the limit from the client.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    };

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitSettings settings)
    {
        var key = RateLimitPartitions.KeyOf(http.Request.Path, http.User.ToCaller(), http.Connection.RemoteIpAddress);
        if (key is null)
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }

        var anonymous = key.StartsWith(RateLimitPartitions.AnonymousPrefix, StringComparison.Ordinal);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => anonymous
            ? Bucket(settings.AnonymousPermitsPerSecond, settings.AnonymousBurst)
            : Bucket(settings.PermitsPerSecond, settings.Burst));
    }

    private static async ValueTask Reject(OnRejectedContext context, RateLimitSettings settings)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var (who, perSecond, burst) = http.User.ToCaller() is not null && !RateLimitPartitions.IsSignIn(http.Request.Path)
            ? ("This participant", settings.PermitsPerSecond, settings.Burst)
            : ("Anonymous requests from this address", settings.AnonymousPermitsPerSecond, settings.AnonymousBurst);
        await Problem.Write(http, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
            $"{who} exceeded the rate limit ({perSecond}/s, bursts of up to {burst}). Retry after {seconds} s.");
    }
}
