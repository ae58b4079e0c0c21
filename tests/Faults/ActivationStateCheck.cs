namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Every activation that met an injected write fault must hold exactly what storage holds
/// (same JSON, same ETag), and must have re-read it into its own state object. Checked twice:
/// <list type="bullet">
/// <item><see cref="AtReload"/>: at the reload itself, from the storage decorator (inside the
/// failing activation's turn) — works for every grain type, also for writes made as effects, which
/// no participant sees fail;</item>
/// <item><see cref="AfterFailedAttempt"/>: between a participant's failed attempt and its retry
/// (decision-path writes), after the call has left the grain.</item>
/// </list></summary>
public sealed class ActivationStateCheck(ClusterFaults faults)
{
    private readonly List<string> _checked = [];

    /// <summary>The faults whose activation was compared with storage after a failed attempt.</summary>
    public IReadOnlyList<string> Checked => _checked;

    public async Task AfterFailedAttempt(string failure)
    {
        foreach (var fault in faults.Injected.Where(f => f.Probe is not null && !_checked.Contains(f.ToString())))
        {
            _checked.Add(fault.ToString());
            var live = fault.Probe!.Live();
            var stored = await fault.Probe.Stored();
            Assert.True(fault.Probe.ReloadedInPlace, $"{fault}: the activation did not re-read its state after the failed write ({failure})");
            Assert.Equal(stored, live);
        }
    }

    /// <summary>The comparison the storage made when the activation re-read its state after <paramref name="fault"/>.</summary>
    public static void AtReload(InjectedFault fault)
    {
        Assert.NotNull(fault.Probe);
        Assert.True(fault.Probe.ReloadedInPlace, $"{fault}: the activation did not re-read its state into its own state object after the failed write");
        var (live, stored) = fault.Probe.AtReload!.Value;
        Assert.True(fault.Kind != FaultKind.WriteAfterCommit || stored.RecordExists, $"{fault}: the write that 'failed' after commit is not stored");
        Assert.Equal(stored, live);
    }
}
