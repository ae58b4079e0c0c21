namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Run between a failed attempt and its retry: every activation that met an injected
/// write fault must hold exactly what storage holds (same JSON, same ETag), and must have re-read
/// it into its own state object. Checked then, because the retry moves storage on.</summary>
public sealed class ActivationStateCheck(ClusterFaults faults)
{
    private readonly List<string> _checked = [];

    /// <summary>The faults whose activation was compared with storage.</summary>
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
}
