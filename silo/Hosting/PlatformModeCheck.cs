namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>Refuses a start whose settings contradict the chosen mode, so that a missing secret can
/// never turn a production silo into an in-memory one with development identities.</summary>
public static class PlatformModeCheck
{
    /// <summary>Why this configuration must not start, or null.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var options = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        var database = SiloConfiguration.ConnectionString(configuration) is not null;
        var externalIssuer = !string.IsNullOrWhiteSpace(configuration["Auth:Authority"]);
        return options.Mode switch
        {
            PlatformMode.Embedded when database =>
                "Orleans:ConnectionString is set, but Platform:Mode is 'embedded' (the default), which keeps state in memory. Set Platform:Mode=durable to use the database, or remove the connection string.",
            PlatformMode.Durable when !database =>
                "Platform:Mode is 'durable' but Orleans:ConnectionString is not set: durable mode keeps all state in PostgreSQL.",
            PlatformMode.Durable when options.HostApi && !externalIssuer && !options.AllowEmbeddedIssuer =>
                "Platform:Mode is 'durable' but Auth:Authority is not set: durable mode trusts an external OpenID Connect issuer (e.g. the Keycloak realm in deploy/keycloak).",
            PlatformMode.Durable when options.HostApi && !externalIssuer && string.IsNullOrEmpty(configuration["Auth:Embedded:ClientSecretKey"]) =>
                "Platform:AllowEmbeddedIssuer in durable mode needs Auth:Embedded:ClientSecretKey: the built-in development secrets are for the embedded mode only.",
            _ => null,
        };
    }
}
