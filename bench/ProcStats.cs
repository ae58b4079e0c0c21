using System.Globalization;

namespace GenomDE.Orleans.Bench;

/// <summary>CPU time and memory of processes, read from Linux /proc (no sampling profiler).</summary>
internal static class ProcStats
{
    // USER_HZ is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>utime+stime (and, with <paramref name="withReapedChildren"/>, cutime+cstime of
    /// children already waited for) in seconds; 0 when the process is gone.</summary>
    public static double CpuSeconds(int pid, bool withReapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // fields[0] is the state (field 3 of stat); utime is field 14 -> index 11.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withReapedChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>The process and all its live descendants' CPU, plus what its reaped children used
    /// (PostgreSQL's postmaster reaps its backends).</summary>
    public static double TreeCpuSeconds(int rootPid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && StatFields(pid) is { } f)
            {
                parents[pid] = int.Parse(f[1], CultureInfo.InvariantCulture);
            }
        }

        var total = CpuSeconds(rootPid, withReapedChildren: true);
        var frontier = new Queue<int>([rootPid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                total += CpuSeconds(child, withReapedChildren: true);
                frontier.Enqueue(child);
            }
        }

        return total;
    }

    /// <summary>VmRSS in bytes.</summary>
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>(busy, total) jiffies of the whole machine since boot.</summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4]; // idle + iowait
        // guest/guest_nice (8, 9) are already counted in user/nice.
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }

    private static string[]? StatFields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name is in parentheses and may contain spaces: split after the last ')'.
        var close = text.LastIndexOf(')');
        return text[(close + 2)..].Split(' ');
    }
}

/// <summary>CPU use of the bench, the silo and PostgreSQL over one phase.</summary>
internal sealed class CpuMeter
{
    private readonly int _siloPid;
    private readonly int? _postgresPid;
    private readonly double _bench0;
    private readonly double _silo0;
    private readonly double _pg0;
    private readonly (long Busy, long Total) _machine0;
    private readonly long _start;
    private readonly string _benchLabel;

    /// <param name="benchLabel">What this process is doing in the phase (the storage probe hosts a silo in it).</param>
    public CpuMeter(int siloPid, int? postgresPid, string benchLabel = "bench")
    {
        _benchLabel = benchLabel;
        _siloPid = siloPid;
        _postgresPid = postgresPid;
        _bench0 = Environment.ProcessId is var self ? ProcStats.CpuSeconds(self) : 0;
        _silo0 = ProcStats.CpuSeconds(siloPid);
        _pg0 = postgresPid is { } pg ? ProcStats.TreeCpuSeconds(pg) : 0;
        _machine0 = ProcStats.MachineJiffies();
        _start = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Cores used (CPU seconds ÷ wall seconds) by bench, silo, PostgreSQL, and the machine's busy share.</summary>
    public string Report()
    {
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
        var bench = (ProcStats.CpuSeconds(Environment.ProcessId) - _bench0) / wall;
        var silo = (ProcStats.CpuSeconds(_siloPid) - _silo0) / wall;
        var machine = ProcStats.MachineJiffies();
        var busy = (double)(machine.Busy - _machine0.Busy) / Math.Max(1, machine.Total - _machine0.Total);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"CPU (cores of {Environment.ProcessorCount}): {_benchLabel} {bench:F2}, silo {silo:F2}");
        var postgres = 0.0;
        if (_postgresPid is { } pg)
        {
            postgres = (ProcStats.TreeCpuSeconds(pg) - _pg0) / wall;
            text += string.Create(CultureInfo.InvariantCulture, $", postgres {postgres:F2}");
        }

        var machineCores = busy * Environment.ProcessorCount;
        return text + string.Create(CultureInfo.InvariantCulture,
            $"; machine busy {busy * 100:F0} % = {machineCores:F2} cores, of which other processes {Math.Max(0, machineCores - bench - silo - postgres):F2}; over {wall:F1} s");
    }
}
