using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Grains.Common;

namespace GenomDE.Orleans.Grains.Tokens;

[GenerateSerializer, Alias("genomde.token-counter-state")]
public sealed class TokenCounterState
{
    [Id(0)]
    public DailyCounterState? Counter { get; set; }

    /// <summary>TAN → its counter and code, so a retried issuance never takes a second number.</summary>
    [Id(1)]
    public Dictionary<string, TokenAllocation> Allocations { get; set; } = [];
}

/// <summary>One grain per LE and service date: single activation makes the counter strictly
/// increasing without gaps or duplicates, across silos and under concurrency. Its allocations are
/// also the LE's delivery list of that day; they are bounded by the counter's 999 a day.</summary>
[GrainType("token-counter")]
public sealed class TokenCounterGrain(
    [PersistentState("token-counter", StorageNames.Platform)] IPersistentState<TokenCounterState> state)
    : Grain, ITokenCounterGrain
{
    public async Task<Result<TokenAllocation>> Allocate(string tan, string code)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (state.State.Allocations.TryGetValue(tan, out var known))
            {
                return Result<TokenAllocation>.Success(known);
            }

            state.State.Counter ??= Start();
            var next = DailyCounter.Next(state.State.Counter);
            if (!next.IsSuccess)
            {
                return next.Error!;
            }

            var allocation = new TokenAllocation(next.Value, code);
            state.State.Allocations[tan] = allocation;
            if (await state.TryWriteAsync())
            {
                return Result<TokenAllocation>.Success(allocation);
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", "The day's counter kept changing; retry.");
    }

    public async Task<TokenAllocation> ReplaceCode(string tan)
    {
        await state.UpdateAsync(s =>
        {
            s.Allocations[tan] = s.Allocations[tan] with { Code = ConfirmationCodes.New() };
            return true;
        });
        return state.State.Allocations[tan];
    }

    public Task<IReadOnlyList<string>> Codes() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Allocations.Values.OrderBy(a => a.Counter).Select(a => a.Code)]);

    private DailyCounterState Start()
    {
        var key = this.GetPrimaryKeyString();
        var dash = key.LastIndexOf('-');
        return DailyCounterState.Start(key[..dash], DateOnly.ParseExact(key[(dash + 1)..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
