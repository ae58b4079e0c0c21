using GenomDE.Orleans.ClientApi;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Grains.Seed;
using GenomDE.Orleans.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GenomDE.Orleans.Silo;

/// <summary>The silo process. With no configuration it is the whole platform on one machine
/// (localhost cluster, in-memory state, REST API, docs, dashboard).</summary>
public static class SiloProgram
{
    public const string DefaultUrl = "http://localhost:5080";

    public static async Task<int> Main(string[] args)
    {
        var migrateOnly = args.FirstOrDefault() == MigrateCommand.Name;
        if (args.FirstOrDefault() == AuditCommand.Name)
        {
            // "audit verify [--Orleans:ConnectionString=…]": the subcommand, then configuration.
            var rest = args[1..];
            return await AuditCommand.Run(rest, WebApplication.CreateBuilder(rest.Length > 0 ? rest[1..] : rest).Configuration);
        }

        var builder = WebApplication.CreateBuilder(migrateOnly ? args[1..] : args);
        if (migrateOnly)
        {
            return await MigrateCommand.Run(builder.Configuration);
        }

        if (PlatformModeCheck.Problem(builder.Configuration) is { } problem)
        {
            await Console.Error.WriteLineAsync("Not starting: " + problem);
            return 2;
        }

        await MigrateCommand.MigrateOnStart(builder.Configuration);
        var embedded = SiloConfiguration.IsEmbedded(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.UseOrleans(silo =>
        {
            SiloConfiguration.ConfigureClustering(silo, builder.Configuration);
            SiloConfiguration.ConfigureServices(silo, builder.Configuration);
        });

        var options = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        if (options.HostApi)
        {
            builder.AddGenomDeApi(); // telemetry included
        }
        else
        {
            builder.AddPlatformTelemetry();
        }

        var app = builder.Build();
        if (options.HostApi)
        {
            app.MapGenomDeApi();
        }
        else
        {
            app.UsePlatformTelemetry();
            app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
        }

        app.Lifetime.ApplicationStarted.Register(() => Announce(app, embedded, options));
        await app.RunAsync();
        return 0;
    }

    private static void Announce(WebApplication app, bool embedded, PlatformOptions options)
    {
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultUrl;
        Console.WriteLine();
        Console.WriteLine("GenomDE platform silo is running.");
        if (options.HostApi)
        {
            Console.WriteLine($"  REST API     {url}{PlatformRoutes.ApiV1}");
            Console.WriteLine($"  API docs     {url}{PlatformRoutes.Docs}   (OpenAPI: {url}{PlatformRoutes.OpenApiDocument})");
            Console.WriteLine($"  Dashboard    {url}{PlatformRoutes.Dashboard}/   (sign in with the operator's client)");
            Console.WriteLine($"  Health       {url}/health/ready");
            if (app.Services.GetService<EmbeddedIssuer>() is { } issuer)
            {
                AnnounceClients(issuer, SiloConfiguration.SeedsOnStart(app.Configuration));
            }
        }

        if (embedded)
        {
            Console.WriteLine();
            Console.WriteLine("  !!! EMBEDDED MODE: state is kept in memory only and is LOST when this process stops. !!!");
            Console.WriteLine("  !!! Set Orleans:ConnectionString to a PostgreSQL database for durable state.          !!!");
        }
        else
        {
            Console.WriteLine("  Durable mode: grain state, membership and reminders in PostgreSQL.");
            if (app.Services.GetService<EmbeddedIssuer>() is not null)
            {
                Console.WriteLine("  !!! Platform:AllowEmbeddedIssuer: identities from the built-in issuer, for benchmarks and tests only. !!!");
            }
        }

        Console.WriteLine();
    }

    /// <summary>The embedded issuer's clients of the seeded participants, so the platform can be
    /// tried at once (client credentials at the token endpoint).</summary>
    private static void AnnounceClients(EmbeddedIssuer issuer, bool seeded)
    {
        Console.WriteLine($"  Issuer       {issuer.Issuer}   (token endpoint {issuer.TokenEndpoint}, grant_type=client_credentials)");
        var participants = new List<Caller> { new(ParticipantRole.Operator, SeedData.OperatorId) };
        if (seeded)
        {
            participants.AddRange(SeedData.Providers.Select(p => new Caller(ParticipantRole.Provider, p.Ik)));
            participants.AddRange(SeedData.Payers.Select(p => new Caller(ParticipantRole.Payer, p.Ik)));
            participants.AddRange(SeedData.Nodes.Select(n => new Caller(n.Application.Kind == NodeKind.Gdc ? ParticipantRole.Gdc : ParticipantRole.Cdn, n.NodeId)));
        }

        if (!issuer.UsesDevelopmentSecrets)
        {
            Console.WriteLine($"  Clients      {string.Join(", ", participants.Select(ParticipantClientId.For))} (secrets from Auth:Embedded:ClientSecretKey, not printed)");
            return;
        }

        Console.WriteLine("  Clients (DEVELOPMENT secrets from the built-in key; set Auth:Embedded:ClientSecretKey for your own):");
        foreach (var credentials in participants.Select(issuer.CredentialsFor))
        {
            Console.WriteLine($"    {credentials.ClientId,-20} {credentials.ClientSecret}");
        }
    }
}
