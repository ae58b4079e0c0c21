using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Participants;

[GrainType("provider")]
public sealed class ProviderGrain(
    [PersistentState("provider", StorageNames.Platform)] IPersistentState<RegistrationState<ProviderView>> state,
    TimeProvider clock,
    OutboxRelay relay) : Grain, IProviderGrain, IOutboxGrain
{
    private IProviderDirectoryGrain Directory => GrainFactory.GetGrain<IProviderDirectoryGrain>(IProviderDirectoryGrain.Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        relay.Attach(this, () => state.State.Outbox, () => state.State.Current is { } current ? Directory.Upsert(current) : Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task FlushOutbox() => relay.FlushOwedAsync();

    public Task<ProviderView?> Get() => Task.FromResult(state.State.Current);

    public async Task<Result<ProviderView>> Register(CommandContext context, ProviderRegistration registration)
    {
        if (!context.Caller.IsOperator)
        {
            return DomainError.Forbidden("Only the platform operator registers providers.");
        }

        var ik = this.GetPrimaryKeyString();
        if (ParticipantRules.Validate(ik, registration) is { } invalid)
        {
            return invalid;
        }

        var current = state.State.Current;
        var now = clock.GetUtcNow();
        var next = new ProviderView(ik, registration.Name.Trim(), [.. registration.Indications.Order()], registration.ParticipationStart, current?.RegisteredAt ?? now, now);
        if (current is not null && current == next with { RegisteredAt = current.RegisteredAt, UpdatedAt = current.UpdatedAt })
        {
            return Result<ProviderView>.Success(current); // a repeated PUT changes nothing
        }

        relay.Prune(state.State.Outbox);
        state.State.Outbox.Emit($"/genomde/providers/{ik}", ik, now, new EventDraft("provider", "registered", ik,
            new Dictionary<string, string?> { ["ik"] = ik, ["update"] = current is null ? "false" : "true" }, [Audiences.Provider(ik)]));
        state.State.Current = next;
        if (!await state.TryWriteAsync())
        {
            return DomainError.Conflict("concurrent_update", "Concurrent update", $"The registration of '{ik}' changed during this request; read it and retry.");
        }

        await relay.FlushAsync(() => Directory.Upsert(next));
        return Result<ProviderView>.Success(next);
    }
}
