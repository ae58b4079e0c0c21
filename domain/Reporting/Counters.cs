namespace GenomDE.Orleans.Domain.Reporting;

/// <summary>Sparse named counters (zeros are dropped, so equal counts compare equal).</summary>
public static class Counters
{
    public static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            AddTo(sum, part, 1);
        }

        return sum;
    }

    /// <summary><paramref name="after"/> − <paramref name="before"/>.</summary>
    public static Dictionary<string, long> Difference(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before)
    {
        var difference = new Dictionary<string, long>(after, StringComparer.Ordinal);
        AddTo(difference, before, -1);
        return difference;
    }

    public static void AddTo(Dictionary<string, long> target, IReadOnlyDictionary<string, long> change, int sign)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(change);
        foreach (var (name, value) in change)
        {
            var next = target.GetValueOrDefault(name) + (sign * value);
            if (next == 0)
            {
                target.Remove(name);
            }
            else
            {
                target[name] = next;
            }
        }
    }

    public static bool Same(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
