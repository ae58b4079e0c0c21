using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary>The two real confirmations of the samples, rebuilt from the Prüfberichte that must have
/// earned them: the platform issues byte-for-byte what BfArM issued.</summary>
public sealed class FromCheckReportTests
{
    private static readonly CheckReport Clinical = new(new DateOnly(2025, 12, 1), SubmissionType.Initial, new string('a', 64),
        "260320597", "KDKTUE002", Indication.Rare, DataCategory.Clinical, LibraryType.Wgs, CoverageType.Gkv, true);

    private static readonly CheckReport Genomic = new(new DateOnly(2025, 11, 1), SubmissionType.Initial, new string('b', 64),
        "260320597", "GRZDD0004", Indication.Rare, DataCategory.Genomic, LibraryType.Wgs, CoverageType.Gkv, true);

    [Fact]
    public void A_clinical_report_gives_the_real_clinical_confirmation()
    {
        var token = MeldebestaetigungFormat.FromCheckReport(Clinical, "NCEAZ2JEV4", new DateOnly(2025, 12, 3), 61);

        Assert.Equal(MeldebestaetigungSamples.All[1].HashString, token.HashString);
        Assert.Equal(MeldebestaetigungSamples.All[1].Sha256, token.Sha256);
    }

    [Fact]
    public void A_genomic_report_gives_the_real_genomic_confirmation()
    {
        var token = MeldebestaetigungFormat.FromCheckReport(Genomic, "ZW74OS83JI", new DateOnly(2025, 11, 3), 10);

        Assert.Equal(MeldebestaetigungSamples.All[2].HashString, token.HashString);
        Assert.Equal(MeldebestaetigungSamples.All[2].Sha256, token.Sha256);
    }

    [Fact]
    public void The_service_date_is_the_arrival_date_not_the_submission_date()
    {
        var token = MeldebestaetigungFormat.FromCheckReport(Clinical, "NCEAZ2JEV4", new DateOnly(2026, 1, 2), 7);

        Assert.Equal("20260102007", token.HashString.Split('&')[1]);
    }

    [Fact]
    public void An_issued_token_parses_back_to_itself()
    {
        var token = MeldebestaetigungFormat.FromCheckReport(Genomic, ConfirmationCodes.New(), new DateOnly(2025, 11, 3), 999);

        Assert.Equal(token, MeldebestaetigungFormat.Parse(token.Delivered).Token);
    }

    [Theory]
    [InlineData("SHORT")]
    [InlineData("ZW74OS83J+")]
    [InlineData("ZW74OS83J&")]
    public void A_bad_code_is_a_caller_bug(string code) =>
        Assert.Throws<ArgumentException>(() => MeldebestaetigungFormat.FromCheckReport(Genomic, code, new DateOnly(2025, 11, 3), 1));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void A_counter_outside_1_to_999_is_a_caller_bug(int counter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeldebestaetigungFormat.FromCheckReport(Genomic, "ZW74OS83JI", new DateOnly(2025, 11, 3), counter));
}
