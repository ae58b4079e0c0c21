using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Participants;

[GrainType("provider")]
public sealed class ProviderGrain(
    [PersistentState("provider", StorageNames.Platform)] IPersistentState<RegistrationState<ProviderView>> state,
    TimeProvider clock) : Grain, IProviderGrain
{
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

        state.State.Current = next;
        if (!await state.TryWriteAsync())
        {
            return DomainError.Conflict("concurrent_update", "Concurrent update", $"The registration of '{ik}' changed during this request; read it and retry.");
        }

        await GrainFactory.GetGrain<IProviderDirectoryGrain>(IProviderDirectoryGrain.Key).Upsert(next);
        return Result<ProviderView>.Success(next);
    }
}
