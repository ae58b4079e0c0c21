using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Reads typed fields out of a JSON tree and turns every missing or ill-typed value into a
/// finding with its path, so that no input can make parsing throw. Unknown fields are ignored on
/// purpose: newer schema minors add fields, and tolerating them keeps old platforms working.</summary>
internal sealed class JsonFieldReader(MetadataFindings findings)
{
    public bool TryGet(JsonElement parent, string name, string path, bool required, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required && parent.ValueKind == JsonValueKind.Object)
        {
            findings.Error(MetadataRuleCodes.FieldRequired, path, $"'{name}' is required.");
        }

        value = default;
        return false;
    }

    public JsonElement? ReadObject(JsonElement parent, string name, string path, bool required = true)
    {
        if (!TryGet(parent, name, path, required, out var value))
        {
            return null;
        }

        return Expect(value, JsonValueKind.Object, path, "an object") ? value : null;
    }

    public IReadOnlyList<T> ReadArray<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T> item, bool required = true)
    {
        if (!TryGet(parent, name, path, required, out var value) || !Expect(value, JsonValueKind.Array, path, "an array"))
        {
            return [];
        }

        return [.. value.EnumerateArray().Select((element, index) => item(element, GdcPaths.Item(path, index)))];
    }

    /// <summary>Like <see cref="ReadArray{T}"/>, but tells "absent" (null) apart from "empty".</summary>
    public IReadOnlyList<T>? ReadOptionalArray<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T> item) =>
        TryGet(parent, name, path, required: false, out _) ? ReadArray(parent, name, path, item, required: false) : null;

    public string? ReadString(JsonElement parent, string name, string path, bool required = true)
    {
        if (!TryGet(parent, name, path, required, out var value))
        {
            return null;
        }

        return Expect(value, JsonValueKind.String, path, "a string") ? value.GetString() : null;
    }

    public string? ReadEnum(JsonElement parent, string name, string path, GdcVocabulary vocabulary, bool required = true)
    {
        var value = ReadString(parent, name, path, required);
        if (value is not null && !vocabulary.Allows(value))
        {
            findings.Error(vocabulary.Rule, path, $"'{value}' is not an allowed {name}; expected one of: {string.Join(", ", vocabulary.Values)}.");
        }

        return value;
    }

    public string? ReadPattern(JsonElement parent, string name, string path, Func<string, bool> matches, string rule, string pattern)
    {
        var value = ReadString(parent, name, path);
        if (value is not null && !matches(value))
        {
            findings.Error(rule, path, $"'{value}' is not a valid {name}: it must match {pattern}.");
        }

        return value;
    }

    public string? ReadPattern(JsonElement parent, string name, string path, Regex pattern, string rule) =>
        ReadPattern(parent, name, path, pattern.IsMatch, rule, pattern.ToString());

    public DateOnly? ReadDate(JsonElement parent, string name, string path, bool required = true)
    {
        var value = ReadString(parent, name, path, required);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        findings.Error(MetadataRuleCodes.DateFormat, path, $"'{value}' is not a date in the form YYYY-MM-DD.");
        return null;
    }

    public double? ReadNumber(JsonElement parent, string name, string path, double min = 0, double max = double.MaxValue, bool required = true)
    {
        if (!TryGet(parent, name, path, required, out var value) || !Expect(value, JsonValueKind.Number, path, "a number"))
        {
            return null;
        }

        var number = value.GetDouble();
        return InRange(number, min, max, path) ? number : null;
    }

    /// <summary>Whole numbers only: "150.0" is not a read length (the schema's integers are strict).</summary>
    public long? ReadInteger(JsonElement parent, string name, string path, bool required = true)
    {
        if (!TryGet(parent, name, path, required, out var value) || !Expect(value, JsonValueKind.Number, path, "a number"))
        {
            return null;
        }

        if (!value.TryGetInt64(out var number))
        {
            findings.Error(MetadataRuleCodes.FieldType, path, $"{value.GetRawText()} is not a whole number.");
            return null;
        }

        return InRange(number, 0, double.MaxValue, path) ? number : null;
    }

    public bool? ReadBoolean(JsonElement parent, string name, string path, bool required = true)
    {
        if (!TryGet(parent, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        findings.Error(MetadataRuleCodes.FieldType, path, $"Expected true or false, found {Describe(value)}.");
        return null;
    }

    public bool Expect(JsonElement value, JsonValueKind kind, string path, string what)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        findings.Error(MetadataRuleCodes.FieldType, path, $"Expected {what}, found {Describe(value)}.");
        return false;
    }

    private bool InRange(double number, double min, double max, string path)
    {
        if (number >= min && number <= max)
        {
            return true;
        }

        var bounds = max == double.MaxValue
            ? FormattableString.Invariant($"at least {min}")
            : FormattableString.Invariant($"between {min} and {max}");
        findings.Error(MetadataRuleCodes.ValueOutOfRange, path, FormattableString.Invariant($"{number} is out of range: it must be {bounds}."));
        return false;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
