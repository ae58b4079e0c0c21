using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Webhooks;
using GenomDE.Orleans.Grains.Common;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Webhooks;

/// <summary>A participant's endpoints: the limit, validation and idempotent registration. The
/// registry is the only place that creates endpoint grains, so ownership is decided here once and
/// then checked by each endpoint on every call.</summary>
[GrainType("webhook-registry")]
public sealed class WebhookRegistryGrain(
    [PersistentState("webhook-registry", StorageNames.Platform)] IPersistentState<WebhookRegistryState> state,
    WebhookUrlValidator validator,
    IOptions<WebhookOptions> options,
    TimeProvider clock) : Grain, IWebhookRegistryGrain
{
    private const int MaxTypes = InputLimits.WebhookTypes;

    private IWebhookDirectoryGrain Directory => GrainFactory.GetGrain<IWebhookDirectoryGrain>(IWebhookDirectoryGrain.Key);

    public async Task<Result<WebhookWithSecret>> Create(CommandContext context, WebhookRegistration registration)
    {
        if (Forbidden(context.Caller) is { } forbidden)
        {
            return forbidden;
        }

        var types = registration.Types ?? [];
        var fingerprint = $"create|{registration.Url}|{string.Join(',', types)}";
        if (state.State.Replies.Find(context, fingerprint) is { } replay)
        {
            await RememberInDirectory(replay);
            return replay;
        }

        if (TypeProblem(types) is { } unknownType)
        {
            return unknownType;
        }

        if (await validator.ValidateAsync(registration.Url) is { } invalidUrl)
        {
            return invalidUrl;
        }

        if (state.State.Endpoints.Count >= options.Value.MaxEndpointsPerParticipant)
        {
            return DomainError.Conflict("too_many_webhooks", "Too many webhooks",
                $"A participant has at most {options.Value.MaxEndpointsPerParticipant} webhook endpoints; delete one first.");
        }

        var id = IWebhookEndpointGrain.IdFor(context.RequestId);
        var setup = new WebhookSetup(context.Caller, registration.Url, [.. types.Distinct(StringComparer.Ordinal)], WebhookSecrets.New(), clock.GetUtcNow());
        var created = await GrainFactory.GetGrain<IWebhookEndpointGrain>(id).Initialize(setup);
        var reply = Result<WebhookWithSecret>.Success(created);
        await state.UpdateAsync(s =>
        {
            if (s.Replies.Find(context, fingerprint) is not null)
            {
                return false;
            }

            if (!s.Endpoints.Contains(id))
            {
                s.Endpoints.Add(id);
            }

            s.Replies.Remember(context, fingerprint, reply);
            return true;
        });
        var stored = state.State.Replies.Find(context, fingerprint) ?? reply;
        await RememberInDirectory(stored);
        return stored;
    }

    public async Task<IReadOnlyList<WebhookView>> List(Caller caller)
    {
        if (Forbidden(caller) is not null)
        {
            return [];
        }

        var views = await Task.WhenAll(state.State.Endpoints.Select(id => GrainFactory.GetGrain<IWebhookEndpointGrain>(id).Get(caller)));
        return [.. views.Where(v => v.IsSuccess).Select(v => v.Value!)];
    }

    public async Task<Result<WebhookView>> Delete(Caller caller, string webhookId)
    {
        if (Forbidden(caller) is not null || !state.State.Endpoints.Contains(webhookId))
        {
            return Unknown(webhookId);
        }

        var deleted = await GrainFactory.GetGrain<IWebhookEndpointGrain>(webhookId).Delete(caller);
        await state.UpdateAsync(s => s.Endpoints.Remove(webhookId));
        await Directory.Remove(webhookId);
        return deleted;
    }

    public static Result<WebhookView> Unknown(string webhookId) =>
        DomainError.NotFound("unknown_webhook", "Unknown webhook", $"No webhook '{webhookId}' exists for this participant.");

    /// <summary>Every type must be <c>*</c> or a known type or prefix of one (a subscription to a
    /// misspelt type would silently never fire).</summary>
    public static DomainError? TypeProblem(IReadOnlyList<string> types)
    {
        if (types.Count is 0 or > MaxTypes)
        {
            return DomainError.Invalid("unknown_event_type", "Unknown event type", $"Name 1–{MaxTypes} event types (or \"*\" for all).");
        }

        var unknown = types.Where(t => t != "*" && (t is null || !EventTypes.IsKnownFilter(t))).ToList();
        return unknown.Count == 0
            ? null
            : DomainError.Invalid("unknown_event_type", "Unknown event type",
                $"Unknown event type(s): {string.Join(", ", unknown.Select(t => $"'{t}'"))}; use types of the catalogue (de.genomde.…) or \"*\".");
    }

    private Task RememberInDirectory(Result<WebhookWithSecret> reply) =>
        reply.IsSuccess ? Directory.Add(reply.Value!.Webhook.Id) : Task.CompletedTask;

    /// <summary>A registry only serves the participant it belongs to (authorized again behind the API).</summary>
    private DomainError? Forbidden(Caller caller) =>
        IWebhookRegistryGrain.KeyOf(caller) == this.GetPrimaryKeyString() ? null : DomainError.Forbidden("This is another participant's webhook registry.");
}
