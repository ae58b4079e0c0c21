using System.Security.Cryptography;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Confirmation codes (field 1): 10 characters [A-Za-z0-9] from the OS CSPRNG. 62^10 ≈ 8·10^17
/// codes make a collision among a few hundred thousand tokens a year very unlikely, not impossible:
/// the registry must still refuse a code it already holds and draw again.</summary>
public static class ConfirmationCodes
{
    public const int Length = 10;
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // 248 = 4 × 62: a byte below it maps onto the alphabet evenly; bytes 248–255 would favour the
    // first 8 characters, so they are thrown away (rejection sampling) instead of folded in.
    private const int Unbiased = 256 - (256 % 62);

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        Span<byte> random = stackalloc byte[16];
        var filled = 0;
        while (filled < Length)
        {
            RandomNumberGenerator.Fill(random);
            foreach (var b in random)
            {
                if (b < Unbiased && filled < Length)
                {
                    code[filled++] = Alphabet[b % Alphabet.Length];
                }
            }
        }

        return new string(code);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiLetterOrDigit);
}
