using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

public sealed class MeldebestaetigungProblemTests
{
    private const string Valid = "NCEAZ2JEV4&20251203061&260320597&KDKTUE002&0&R&9&1&C&1&1";
    private const string Sha256 = "57782dcacf9bbcfc4816fe604d104452c1053cf97a46c01d086753160d1d2c7f";

    /// <summary>The valid sample with field <paramref name="number"/> (1–11) replaced.</summary>
    private static string WithField(int number, string value)
    {
        var fields = Valid.Split('&');
        fields[number - 1] = value;
        return string.Join('&', fields);
    }

    public static TheoryData<int, string, int, string, string> BadFields => new()
    {
        { 1, "NCEAZ2JEV", 1, "code", TokenProblemCodes.FieldFormat },
        { 1, "NCEAZ2JEV4X", 1, "code", TokenProblemCodes.FieldFormat },
        { 1, "", 1, "code", TokenProblemCodes.FieldFormat },
        { 2, "2025120306", 2, "service_date_counter", TokenProblemCodes.FieldFormat },
        { 2, "2025120306A", 2, "service_date_counter", TokenProblemCodes.FieldFormat },
        { 2, "20251332061", 2, "service_date", TokenProblemCodes.DateInvalid },
        { 2, "20250229061", 2, "service_date", TokenProblemCodes.DateInvalid },
        { 2, "20251203000", 2, "counter", TokenProblemCodes.CounterOutOfRange },
        { 3, "26032059", 3, "le_id", TokenProblemCodes.FieldFormat },
        { 3, "2603205970", 3, "le_id", TokenProblemCodes.FieldFormat },
        { 4, "KDKTUE00", 4, "node_id", TokenProblemCodes.FieldFormat },
        { 5, "4", 5, "report_type", TokenProblemCodes.ValueNotAllowed },
        { 5, "00", 5, "report_type", TokenProblemCodes.ValueNotAllowed },
        { 6, "r", 6, "indication", TokenProblemCodes.ValueNotAllowed },
        { 6, "X", 6, "indication", TokenProblemCodes.ValueNotAllowed },
        { 7, "8", 7, "product", TokenProblemCodes.ValueNotAllowed },
        { 8, "0", 8, "payer", TokenProblemCodes.ValueNotAllowed },
        { 8, "5", 8, "payer", TokenProblemCodes.ValueNotAllowed },
        { 9, "K", 9, "data_category", TokenProblemCodes.ValueNotAllowed },
        { 9, "c", 9, "data_category", TokenProblemCodes.ValueNotAllowed },
        { 10, "5", 10, "sequencing", TokenProblemCodes.ValueNotAllowed },
        { 11, "2", 11, "qc_result", TokenProblemCodes.ValueNotAllowed },
        { 11, "", 11, "qc_result", TokenProblemCodes.ValueNotAllowed },
        { 4, "KDK+UE002", 4, "node_id", TokenProblemCodes.ControlCharacter },
        { 4, "KDK:UE002", 4, "node_id", TokenProblemCodes.ControlCharacter },
        { 4, "KDK'UE002", 4, "node_id", TokenProblemCodes.ControlCharacter },
        { 4, "KDK?UE002", 4, "node_id", TokenProblemCodes.ControlCharacter },
        { 4, "KDK-UE002", 4, "node_id", TokenProblemCodes.ForbiddenCharacter },
        { 3, "26032059 ", 3, "le_id", TokenProblemCodes.ForbiddenCharacter },
        { 1, "NCEAZ2JEVÄ", 1, "code", TokenProblemCodes.ForbiddenCharacter },
        { 11, "1\n", 11, "qc_result", TokenProblemCodes.ForbiddenCharacter },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void A_bad_field_is_named_with_what_is_wrong(int number, string value, int field, string name, string code)
    {
        var parsed = MeldebestaetigungFormat.Parse(WithField(number, value));

        Assert.Null(parsed.Token);
        Assert.False(parsed.IsWellFormed);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal((field, name, code), (problem.Field, problem.Name, problem.Code));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Theory]
    [InlineData("NCEAZ2JEV4&20251203061&260320597&KDKTUE002&0&R&9&1&C&1")]
    [InlineData("NCEAZ2JEV4&20251203061&260320597&KDKTUE002&0&R&9&1&C&1&1&1")]
    [InlineData("NCEAZ2JEV4")]
    public void The_wrong_number_of_fields_is_one_problem(string hashString)
    {
        var problem = Assert.Single(MeldebestaetigungFormat.Parse(hashString).Problems);

        Assert.Equal((0, "hash_string", TokenProblemCodes.FieldCount), (problem.Field, problem.Name, problem.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_is_one_problem(string? text)
    {
        var problem = Assert.Single(MeldebestaetigungFormat.Parse(text).Problems);

        Assert.Equal(TokenProblemCodes.Empty, problem.Code);
        Assert.False(MeldebestaetigungFormat.Verify(text).WellFormed);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var parsed = MeldebestaetigungFormat.Parse(WithField(5, "7").Replace("&C&", "&X&", StringComparison.Ordinal));

        Assert.Equal([5, 9], parsed.Problems.Select(p => p.Field));
    }

    public static TheoryData<string, string, string> BadEnvelopes => new()
    {
        { $"IBE+NCEAZ2JEV4+{Valid}+9", "ibe", TokenProblemCodes.IbeElementCount },
        { $"IBE+NCEAZ2JEV4+{Valid}+9+{Sha256}+x", "ibe", TokenProblemCodes.IbeElementCount },
        { $"IBE+NCEAZ2JEV4+{Valid}+8+{Sha256}", "ibe_fixed_element", TokenProblemCodes.IbeFixedElement },
        { $"IBE+NCEAZ2JEV5+{Valid}+9+{Sha256}", "ibe_code", TokenProblemCodes.IbeCodeMismatch },
        { $"IBE+NCEAZ2JEV4+{Valid}+9+{Sha256.ToUpperInvariant()}", "sha256", TokenProblemCodes.Sha256Format },
        { $"IBE+NCEAZ2JEV4+{Valid}+9+{Sha256[..63]}", "sha256", TokenProblemCodes.Sha256Format },
        { $"IBE+NCEAZ2JEV4+{Valid}+9+{Sha256}'", "sha256", TokenProblemCodes.Sha256Format },
    };

    [Theory]
    [MemberData(nameof(BadEnvelopes))]
    public void A_bad_ibe_envelope_is_named(string delivered, string name, string code)
    {
        var verification = MeldebestaetigungFormat.Verify(delivered);

        var problem = Assert.Single(verification.Problems);
        Assert.Equal((0, name, code), (problem.Field, problem.Name, problem.Code));
        Assert.False(verification.WellFormed);
        Assert.Null(verification.Token);
        Assert.Equal(TokenForm.Delivered, verification.Form);
    }

    [Fact]
    public void A_malformed_hash_value_cannot_be_compared() =>
        Assert.Equal(HashCheck.NotComparable, MeldebestaetigungFormat.Verify($"IBE+NCEAZ2JEV4+{Valid}+9+{Sha256[..63]}").Hash);

    [Fact]
    public void A_bad_field_inside_the_ibe_form_is_still_hash_checked()
    {
        var broken = WithField(8, "7");

        var verification = MeldebestaetigungFormat.Verify($"IBE+NCEAZ2JEV4+{broken}+9+{Sha256}");

        Assert.Equal(8, Assert.Single(verification.Problems).Field);
        Assert.Equal(HashCheck.Mismatch, verification.Hash);
        Assert.Equal(MeldebestaetigungFormat.Sha256Of(broken), verification.ComputedSha256);
    }

    [Theory]
    [InlineData("ibe+NCEAZ2JEV4")]
    [InlineData("IBE")]
    [InlineData("+++++")]
    [InlineData("&&&&&&&&&&")]
    [InlineData("IBE+++++")]
    public void Odd_strings_give_problems_not_exceptions(string text)
    {
        Assert.NotEmpty(MeldebestaetigungFormat.Parse(text).Problems);
        Assert.False(MeldebestaetigungFormat.Verify(text).WellFormed);
    }
}
