using System.Text.Json;
using System.Text.Json.Serialization;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.ClientApi.Problems;

/// <summary>Enums as snake_case strings only; an unknown value fails with a message that lists
/// the accepted values, so a client sees what it got wrong.</summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The official spelling where the formats define one (e.g. "GKV", "duplicate_tang", "wgs_lr"), else snake_case.</summary>
    public static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(WireNames).GetFields().Select(f => f.GetValue(null)).OfType<WireVocabulary<TEnum>>().FirstOrDefault() is { } vocabulary
            ? vocabulary.NameOf(value)
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Every value of <paramref name="enumType"/> as this converter writes it, in declaration
    /// order (the OpenAPI document's enum schemas list exactly these).</summary>
    public static IReadOnlyList<string> WireNamesOf(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        var names = typeof(Converter<>).MakeGenericType(enumType).GetProperty(nameof(Converter<>.Names))!.GetValue(null);
        return (IReadOnlyList<string>)names!;
    }

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(WireName);

        public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

        private static readonly Dictionary<TEnum, string> ByValue = ByName.ToDictionary(p => p.Value, p => p.Key);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && ByName.TryGetValue(text, out var value))
            {
                return value;
            }

            var got = text is null ? $"a JSON {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{text}'";
            throw new JsonException($"{got} is not a valid {JsonNamingPolicy.SnakeCaseLower.ConvertName(typeof(TEnum).Name)}; expected one of: {string.Join(", ", ByName.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ByValue[value]);
    }
}
