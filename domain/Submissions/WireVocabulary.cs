namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The exact JSON spelling of each value of <typeparamref name="T"/>. The official
/// documents are case-sensitive and mix conventions (<c>wgs_lr</c>, <c>GKV</c>, <c>THRESHOLD NOT
/// MET</c>), so no naming policy can derive them; they are listed once here.</summary>
public sealed class WireVocabulary<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> names = [];
    private readonly Dictionary<string, T> values = new(StringComparer.Ordinal);

    public WireVocabulary(params (T Value, string Name)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (value, name) in pairs)
        {
            names.Add(value, name);
            values.Add(name, value);
        }

        Names = [.. pairs.Select(p => p.Name)];
    }

    /// <summary>All wire names in declaration order, for error messages and schemas.</summary>
    public IReadOnlyList<string> Names { get; }

    public string NameOf(T value) => names.TryGetValue(value, out var name)
        ? name
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"No wire name for {typeof(T).Name}.{value}.");

    /// <summary>For values a parser has already checked against <see cref="Names"/>; throws on any other.</summary>
    public T Parse(string name) => TryParse(name, out var value)
        ? value
        : throw new ArgumentException($"'{name}' is not a {typeof(T).Name}; expected one of: {string.Join(", ", Names)}.", nameof(name));

    public bool TryParse(string? name, out T value)
    {
        if (name is not null && values.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
