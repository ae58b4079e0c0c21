using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Participants;

[GrainType("payer")]
public sealed class PayerGrain(
    [PersistentState("payer", StorageNames.Platform)] IPersistentState<RegistrationState<PayerView>> state,
    TimeProvider clock,
    OutboxRelay relay) : Grain, IPayerGrain, IOutboxGrain
{
    private IPayerDirectoryGrain Directory => GrainFactory.GetGrain<IPayerDirectoryGrain>(IPayerDirectoryGrain.Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        relay.Attach(this, () => state.State.Outbox, () => state.State.Current is { } current ? Directory.Upsert(current) : Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task FlushOutbox() => relay.FlushOwedAsync();

    public Task<PayerView?> Get() => Task.FromResult(state.State.Current);

    public async Task<Result<PayerView>> Register(CommandContext context, PayerRegistration registration)
    {
        if (!context.Caller.IsOperator)
        {
            return DomainError.Forbidden("Only the platform operator registers payers.");
        }

        var ik = this.GetPrimaryKeyString();
        if (ParticipantRules.Validate(ik, registration) is { } invalid)
        {
            return invalid;
        }

        var current = state.State.Current;
        if (current is not null && current.Name == registration.Name.Trim() && current.Kind == registration.Kind)
        {
            return Result<PayerView>.Success(current); // a repeated PUT changes nothing
        }

        var now = clock.GetUtcNow();
        var next = new PayerView(ik, registration.Name.Trim(), registration.Kind, current?.RegisteredAt ?? now, now);
        relay.Prune(state.State.Outbox);
        state.State.Outbox.Emit($"/genomde/payers/{ik}", ik, now, new EventDraft("payer", "registered", ik,
            new Dictionary<string, string?> { ["ik"] = ik, ["update"] = current is null ? "false" : "true" }, [Audiences.Payer(ik)]));
        state.State.Current = next;
        if (!await state.TryWriteAsync())
        {
            return DomainError.Conflict("concurrent_update", "Concurrent update", $"The registration of '{ik}' changed during this request; read it and retry.");
        }

        await relay.FlushAsync(() => Directory.Upsert(next));
        return Result<PayerView>.Success(next);
    }
}
