using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

public sealed class ConfirmationCodesTests
{
    private const int Count = 100_000;

    private static readonly Lazy<IReadOnlyList<string>> Codes = new(() => [.. Enumerable.Range(0, Count).Select(_ => ConfirmationCodes.New())]);

    [Fact]
    public void A_code_is_10_letters_or_digits()
    {
        foreach (var code in Codes.Value.Take(1000))
        {
            Assert.Matches("^[A-Za-z0-9]{10}$", code);
            Assert.True(ConfirmationCodes.IsWellFormed(code));
        }
    }

    [Fact]
    public void The_alphabet_is_the_62_ascii_letters_and_digits() =>
        Assert.Equal(62, ConfirmationCodes.Alphabet.Distinct().Count(char.IsAsciiLetterOrDigit));

    [Fact]
    public void No_duplicates_in_100k() => Assert.Equal(Count, Codes.Value.Distinct(StringComparer.Ordinal).Count());

    /// <summary>Chi-square over a million characters with 61 degrees of freedom: 61 on average,
    /// above 140 with a probability below one in ten million. A modulo bias (the first 8 characters
    /// at 5/4 the rate) would give tens of thousands.</summary>
    [Fact]
    public void Characters_are_roughly_uniform()
    {
        var counts = Codes.Value.SelectMany(c => c).CountBy(c => c).ToDictionary();
        var expected = (double)Count * ConfirmationCodes.Length / ConfirmationCodes.Alphabet.Length;

        var chiSquare = ConfirmationCodes.Alphabet.Sum(c => Math.Pow(counts.GetValueOrDefault(c) - expected, 2) / expected);

        Assert.Equal(62, counts.Count);
        Assert.InRange(chiSquare, 0, 140);
    }

    [Fact]
    public void Every_position_uses_the_whole_alphabet()
    {
        for (var position = 0; position < ConfirmationCodes.Length; position++)
        {
            Assert.Equal(62, Codes.Value.Select(c => c[position]).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFGHI")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("ABCDEFGHI-")]
    [InlineData("ABCDEFGHIÄ")]
    public void Other_strings_are_not_codes(string? code) => Assert.False(ConfirmationCodes.IsWellFormed(code));
}
