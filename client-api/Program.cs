using GenomDE.Orleans.ClientApi;

// The production shape: the REST API as an Orleans client in front of a silo cluster.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.UseOrleansClient(client => ClientConfiguration.Configure(client, builder.Configuration));
builder.AddGenomDeApi();

var app = builder.Build();
app.MapGenomDeApi();
app.Run();

/// <summary>Entry point of the stand-alone API process.</summary>
public partial class Program;
