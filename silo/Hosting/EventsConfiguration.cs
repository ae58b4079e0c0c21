using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.Grains.Events;
using GenomDE.Orleans.Grains.Webhooks;
using GenomDE.Orleans.Persistence.Storage;
using GenomDE.Orleans.Silo.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GenomDE.Orleans.Silo.Hosting;

/// <summary>Everything that carries events out of the platform: the event log (PostgreSQL table in
/// durable mode, one in-memory log per cluster in the embedded default), the live "new events"
/// stream, the feed and webhook delivery.</summary>
public static class EventsConfiguration
{
    /// <summary>Storage of the memory stream provider's pub-sub. Our only subscriber is implicit, so
    /// nothing durable lives there.</summary>
    public const string PubSubStore = "PubSubStore";

    public static void AddPlatformEvents(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<EventLogOptions>(configuration.GetSection(EventLogOptions.Section));
        silo.Services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));

        if (SiloConfiguration.ConnectionString(configuration) is { } connectionString)
        {
            // Its own pool for reads; appends join the grain storage's group commit.
            silo.Services.AddSingleton(sp => new PostgresEventLog(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, GroupCommitRegistration.Shared(sp)));
            silo.Services.AddHostedService<EventRetention>();
            silo.Services.AddSingleton<IEventLog>(sp => Notifying(sp, new GroupCommitEventLog(sp.GetRequiredService<PostgresEventLog>())));
        }
        else
        {
            silo.Services.AddSingleton<IEventLog>(sp => Notifying(sp, new GroupCommitEventLog(new GrainEventLog(sp.GetRequiredService<IGrainFactory>()))));
        }

        // Best-effort wake-ups only: memory streams lose what is in flight when a silo dies, the log
        // does not, and every reader also polls the log from its own checkpoint.
        silo.AddMemoryStreams(EventStreams.Provider);
        silo.AddMemoryGrainStorage(PubSubStore);

        silo.Services.AddSingleton(sp => new WebhookUrlValidator(sp.GetRequiredService<IOptions<WebhookOptions>>()));
        silo.Services.AddSingleton<WebhookSender>();
    }

    private static NotifyingEventLog Notifying(IServiceProvider services, IEventLog inner) =>
        new(inner, services, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<NotifyingEventLog>>());
}
