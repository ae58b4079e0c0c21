using GenomDE.Orleans.ClientApi;

// The production shape: the REST API as an Orleans client in front of a silo cluster.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration["Auth:Authority"]) && !builder.Configuration.GetValue<bool>("Platform:AllowEmbeddedIssuer"))
{
    // The stand-alone API fronts a durable cluster: it trusts an external issuer, never development clients.
    await Console.Error.WriteLineAsync("Not starting: Auth:Authority is not set: the stand-alone API trusts an external OpenID Connect issuer (e.g. the Keycloak realm in deploy/keycloak).");
    return 2;
}

builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.UseOrleansClient(client => ClientConfiguration.Configure(client, builder.Configuration));
builder.AddGenomDeApi();

var app = builder.Build();
app.MapGenomDeApi();
await app.RunAsync();
return 0;

/// <summary>Entry point of the stand-alone API process.</summary>
public partial class Program;
