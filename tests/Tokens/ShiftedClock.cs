using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>The system clock moved by an offset the test sets: wall-clock time jumps (to just before
/// midnight, then past it) while timestamps and timers run in real time, so the cluster itself is
/// undisturbed. One instance for all in-process silos.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public static readonly ShiftedClock Instance = new();

    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock so that it now reads <paramref name="instant"/>.</summary>
    public void Set(DateTimeOffset instant) => Offset = instant - System.GetUtcNow();

    /// <summary>Registers this clock as the silos' <see cref="TimeProvider"/>, after the platform's.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<TimeProvider>(Instance);
    }
}
