using GenomDE.Orleans.ClientApi;
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

        await MigrateCommand.MigrateOnStart(builder.Configuration);
        var embedded = SiloConfiguration.IsEmbedded(builder.Configuration);
        if (embedded)
        {
            // Development conveniences belong to the embedded default only.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:DevTokens"] = builder.Configuration["Auth:DevTokens"] ?? "true" });
        }

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
            builder.AddGenomDeApi();
        }

        var app = builder.Build();
        if (options.HostApi)
        {
            app.MapGenomDeApi();
        }
        else
        {
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
            Console.WriteLine($"  Dashboard    {url}{PlatformRoutes.Dashboard}?access_token=<operator token>");
            Console.WriteLine($"  Health       {url}/health/ready");
            if (app.Configuration.GetValue<bool>("Auth:DevTokens"))
            {
                Console.WriteLine($"  Dev tokens   POST {url}/dev/tokens  {{\"role\":\"operator\",\"participantId\":\"BfArM\"}}");
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
        }

        Console.WriteLine();
    }
}
