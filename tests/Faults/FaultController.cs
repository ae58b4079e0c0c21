using System.Collections.Concurrent;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>One per silo (a singleton in its services): holds the plan the test armed, decides for
/// each storage write and grain call whether it fails, and records every fault it injected.</summary>
public sealed class FaultController
{
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<InjectedFault> _injected = new();
    private FaultPlan _plan = FaultPlan.None;
    private Random _random = new(FaultPlan.None.Seed);
    private int _matchingWrites;

    public FaultPlan Plan
    {
        get
        {
            lock (_gate)
            {
                return _plan;
            }
        }
    }

    public IReadOnlyCollection<InjectedFault> Injected => [.. _injected];

    /// <summary>Storage writes that matched the plan since it was armed.</summary>
    public int MatchingWrites => Volatile.Read(ref _matchingWrites);

    /// <summary>Replaces the plan; the Nth-write count and the random source start afresh.</summary>
    public void Arm(FaultPlan plan)
    {
        lock (_gate)
        {
            _plan = plan;
            _random = new Random(plan.Seed);
            _matchingWrites = 0;
        }
    }

    public void Disarm() => Arm(FaultPlan.None);

    public void ClearRecords() => _injected.Clear();

    /// <summary>Null: let the write through; else the phase in which it fails.</summary>
    public (WritePhase? Fault, TimeSpan Latency) DecideWrite(string grainType)
    {
        lock (_gate)
        {
            if (!_plan.MatchesWrite(grainType))
            {
                return (null, TimeSpan.Zero);
            }

            _matchingWrites++;
            if (_plan.FailNthWrite is { } nth && _plan.Writes.Next() == nth)
            {
                return (_plan.NthPhase, _plan.WriteLatency);
            }

            var roll = _random.NextDouble();
            WritePhase? fault = roll < _plan.BeforeCommitShare ? WritePhase.BeforeCommit
                : roll < _plan.BeforeCommitShare + _plan.AfterCommitShare ? WritePhase.AfterCommit
                : null;
            return (fault, _plan.WriteLatency);
        }
    }

    /// <summary>Null: the call goes through; true: it times out after the callee ran (answer
    /// lost); false: it times out before it was delivered.</summary>
    public bool? DecideCall(string calleeType)
    {
        lock (_gate)
        {
            if (!_plan.MatchesCallee(calleeType))
            {
                return null;
            }

            if (_plan.TimeoutNthCall is { } nth && _plan.Calls.Next() == nth)
            {
                return _plan.NthCallDelivered;
            }

            if (_plan.TimeoutShare <= 0 || _random.NextDouble() >= _plan.TimeoutShare)
            {
                return null;
            }

            return _random.Next(2) == 0;
        }
    }

    public void Record(InjectedFault fault) => _injected.Enqueue(fault);

    /// <summary>The probe of the last write fault on <paramref name="grainId"/>, for noticing its reload.</summary>
    public StateProbe? LastProbeOf(GrainId grainId) =>
        _injected.Reverse().FirstOrDefault(f => f.GrainId == grainId && f.Probe is not null)?.Probe;
}
