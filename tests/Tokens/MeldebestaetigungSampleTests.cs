using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

public sealed class MeldebestaetigungSampleTests
{
    public static TheoryData<string> Samples => MeldebestaetigungSamples.HashStrings;

    [Fact]
    public void There_are_four_samples() => Assert.Equal(4, MeldebestaetigungSamples.All.Count);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_parses_and_recomputes_its_sha256(string hashString)
    {
        var parsed = MeldebestaetigungFormat.Parse(hashString);

        Assert.Empty(parsed.Problems);
        Assert.True(parsed.IsWellFormed);
        Assert.Equal(TokenForm.HashString, parsed.Form);
        Assert.Equal(MeldebestaetigungSamples.Sha256Of(hashString), parsed.Token!.Sha256);
        Assert.Equal(MeldebestaetigungSamples.Sha256Of(hashString), MeldebestaetigungFormat.Sha256Of(hashString));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_round_trips_as_hash_string(string hashString)
    {
        var parsed = MeldebestaetigungFormat.Parse(hashString);

        Assert.Equal(hashString, MeldebestaetigungFormat.Format(parsed.Token!, parsed.Form));
        Assert.Equal(hashString, MeldebestaetigungFormat.Format(parsed.Token!, TokenForm.HashString));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_round_trips_in_the_delivered_ibe_form(string hashString)
    {
        var code = hashString[..10];
        var delivered = $"IBE+{code}+{hashString}+9+{MeldebestaetigungSamples.Sha256Of(hashString)}";

        var parsed = MeldebestaetigungFormat.Parse(delivered);

        Assert.Empty(parsed.Problems);
        Assert.Equal(TokenForm.Delivered, parsed.Form);
        Assert.Equal(delivered, MeldebestaetigungFormat.Format(parsed.Token!));
        Assert.Equal(delivered, parsed.Token!.Delivered);
        Assert.Equal(MeldebestaetigungFormat.Parse(hashString).Token, parsed.Token);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_delivered_sample_verifies(string hashString)
    {
        var delivered = MeldebestaetigungFormat.Parse(hashString).Token!.Delivered;

        var verification = MeldebestaetigungFormat.Verify(delivered);

        Assert.True(verification.WellFormed);
        Assert.Equal(HashCheck.Matches, verification.Hash);
        Assert.Equal(MeldebestaetigungSamples.Sha256Of(hashString), verification.GivenSha256);
        Assert.Equal(verification.GivenSha256, verification.ComputedSha256);
    }

    [Fact]
    public void The_bfarm_example_reads_field_by_field()
    {
        var token = MeldebestaetigungFormat.Parse(MeldebestaetigungSamples.All[0].HashString).Token!;

        Assert.Equal(
            new Meldebestaetigung("A123456789", new DateOnly(2024, 7, 1), 1, "260530103", "KDKK00001", SubmissionType.Initial,
                Indication.Oncological, PayerCategory.Gkv, DataCategory.Clinical, LibraryType.Wes, true),
            token);
    }

    [Fact]
    public void The_real_genomic_sample_reads_field_by_field()
    {
        var token = MeldebestaetigungFormat.Parse(MeldebestaetigungSamples.All[2].HashString).Token!;

        Assert.Equal(
            new Meldebestaetigung("ZW74OS83JI", new DateOnly(2025, 11, 3), 10, "260320597", "GRZDD0004", SubmissionType.Initial,
                Indication.Rare, PayerCategory.Gkv, DataCategory.Genomic, LibraryType.Wgs, true),
            token);
    }

    /// <summary>The test sample is marked as a test only by its zeroed IDs: its report type is 0 and its
    /// node ID matches neither node pattern, so format checks stay at an9 and leave the rest to the registry.</summary>
    [Fact]
    public void The_test_sample_has_zeroed_ids_and_report_type_initial()
    {
        var token = MeldebestaetigungFormat.Parse(MeldebestaetigungSamples.All[3].HashString).Token!;

        Assert.Equal(("000000000", "000000000"), (token.ProviderIk, token.NodeId));
        Assert.Equal(SubmissionType.Initial, token.ReportType);
        Assert.Equal(LibraryType.Panel, token.Sequencing);
    }

    [Fact]
    public void One_changed_character_fails_the_hash_check()
    {
        var (hashString, sha256, _) = MeldebestaetigungSamples.All[1];
        var changed = hashString.Replace("&R&9&1&", "&R&9&2&", StringComparison.Ordinal);
        var delivered = $"IBE+{hashString[..10]}+{changed}+9+{sha256}";

        var verification = MeldebestaetigungFormat.Verify(delivered);

        Assert.True(verification.WellFormed);
        Assert.Equal(HashCheck.Mismatch, verification.Hash);
        Assert.NotEqual(sha256, verification.ComputedSha256);
    }

    [Fact]
    public void One_changed_hex_digit_of_the_hash_fails_the_hash_check()
    {
        var (hashString, sha256, _) = MeldebestaetigungSamples.All[2];
        var wrong = sha256[..^1] + (sha256[^1] == '0' ? '1' : '0');

        var verification = MeldebestaetigungFormat.Verify($"IBE+{hashString[..10]}+{hashString}+9+{wrong}");

        Assert.Equal(HashCheck.Mismatch, verification.Hash);
    }

    [Fact]
    public void The_hash_string_alone_has_no_hash_to_compare()
    {
        var (hashString, sha256, _) = MeldebestaetigungSamples.All[0];

        var verification = MeldebestaetigungFormat.Verify(hashString);

        Assert.True(verification.WellFormed);
        Assert.Equal(HashCheck.NotGiven, verification.Hash);
        Assert.Contains("no hash value", verification.HashMessage, StringComparison.Ordinal);
        Assert.Null(verification.GivenSha256);
        Assert.Equal(sha256, verification.ComputedSha256);
    }
}
