namespace GenomDE.Orleans.ClientApi.Limits;

/// <summary>Configuration section <c>RateLimits</c>: a token bucket per participant (role and ID
/// from the token) and one per remote address for anonymous requests. A bucket holds
/// <see cref="Burst"/> requests and refills <see cref="PermitsPerSecond"/> a second. The defaults
/// leave the benchmark (16 concurrent lifecycles of one provider, about 100 requests a second per
/// participant) far below the limit; anonymous traffic (sign-in, discovery, docs) needs little.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public int PermitsPerSecond { get; set; } = 200;

    public int Burst { get; set; } = 400;

    public int AnonymousPermitsPerSecond { get; set; } = 20;

    public int AnonymousBurst { get; set; } = 100;

    public static RateLimitSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (settings.PermitsPerSecond < 1 || settings.Burst < 1 || settings.AnonymousPermitsPerSecond < 1 || settings.AnonymousBurst < 1)
        {
            throw new InvalidOperationException($"{Section}: PermitsPerSecond, Burst, AnonymousPermitsPerSecond and AnonymousBurst must be at least 1.");
        }

        return settings;
    }
}
