using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Participants;

[GrainType("payer")]
public sealed class PayerGrain(
    [PersistentState("payer", StorageNames.Platform)] IPersistentState<RegistrationState<PayerView>> state,
    TimeProvider clock) : Grain, IPayerGrain
{
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
        state.State.Current = next;
        if (!await state.TryWriteAsync())
        {
            return DomainError.Conflict("concurrent_update", "Concurrent update", $"The registration of '{ik}' changed during this request; read it and retry.");
        }

        await GrainFactory.GetGrain<IPayerDirectoryGrain>(IPayerDirectoryGrain.Key).Upsert(next);
        return Result<PayerView>.Success(next);
    }
}
