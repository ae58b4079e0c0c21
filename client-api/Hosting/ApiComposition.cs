using System.Text.Json;
using GenomDE.Orleans.ClientApi.Apis;
using GenomDE.Orleans.ClientApi.Audit;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Hosting;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.OperatorConsole;
using Microsoft.AspNetCore.Http.Json;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace GenomDE.Orleans.ClientApi;

/// <summary>The REST API as one unit, so the stand-alone client process, the embedded silo and
/// the tests host exactly the same endpoints and rules.</summary>
public static class ApiComposition
{
    /// <summary>The API's JSON: camelCase names, snake_case enum values, no numbers for enums,
    /// required constructor parameters and non-nullable properties enforced, a property given twice
    /// refused (400 <c>duplicate_property</c>; which of the two counts would depend on the reader).</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new StrictEnumConverter());
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.AllowDuplicateProperties = false;
        json.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict; // a number is a JSON number, as the contract says
    }

    public static WebApplicationBuilder AddGenomDeApi(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so ExceptionProblems can name the problem
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = PlatformRoutes.MaxBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ExceptionProblems>();
        builder.Services.AddPlatformOpenApi();
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning).AddFilter("System.Net.Http.HttpClient", LogLevel.Warning); // both log every request at Information
        builder.AddReverseProxy();
        builder.AddPlatformAuth();
        builder.AddPlatformRateLimits();
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddHttpClient();
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<AuditWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        builder.AddPlatformTelemetry();
        builder.Services.AddOperatorConsole(new ConsoleHost(
            user => user.ToCaller(),
            RequestIds.Scoped,
            (services, participant) => services.GetService<EmbeddedIssuer>()?.CredentialsFor(participant) is { } c ? new AdmittedClient(c.ClientId, c.ClientSecret, c.TokenEndpoint) : null,
            Policies.Operator,
            OperatorLogin.LogoutPath));
        return builder;
    }

    public static WebApplication MapGenomDeApi(this WebApplication app)
    {
        app.UsePlatformTelemetry(); // the scrape port, if any, answers before anything else
        app.UseForwardedHeaders(); // then: everything after it sees the client's scheme and address
        app.UseMiddleware<SecurityHeaders>(); // then, so every answer has them, the exception handler's too
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemStatusPages.Write);
        app.UsePlatformRateLimits(); // before authentication (see there) and the audit trail: a refused flood leaves no entries
        app.UseAuthentication();
        app.UseMiddleware<AuditTrail>(); // before authorization, so refused requests are recorded too
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<IdempotencyKeys>();

        app.MapOpenApi(PlatformRoutes.OpenApiDocument).AllowAnonymous();
        // Scalar's default fonts come from its CDN: the page's content security policy allows this host only.
        app.MapScalarApiReference(PlatformRoutes.Docs, o => o.WithOpenApiRoutePattern(PlatformRoutes.OpenApiDocument).WithTitle("GenomDE platform API").DisableDefaultFonts())
            .AllowAnonymous();
        // Every API endpoint checks route IDs and body limits before its handler can call a grain.
        // The order is the docs' order of groups: a case's way first, the platform's tools last.
        var api = app.MapGroup("").AddEndpointFilter<InputLimitsFilter>();
        api.MapCasesApi();
        api.MapInboxApi();
        api.MapTokensApi();
        api.MapNodesApi();
        api.MapProvidersApi();
        api.MapPayersApi();
        api.MapEventsApi();
        api.MapWebhooksApi();
        api.MapReportsApi();
        api.MapAuditApi();
        api.MapOperationsApi();
        app.MapHealthApi();
        if (app.Services.GetService<EmbeddedIssuer>() is not null)
        {
            app.MapEmbeddedIssuer();
        }

        app.MapOperatorLogin();
        app.MapConsoleSignIn();
        app.MapOperatorConsole();
        app.MapOrleansDashboard(routePrefix: PlatformRoutes.Dashboard).RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
