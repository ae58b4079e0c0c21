using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Meldebestätigung (report confirmation): the confirmation token BfArM issues per accepted
/// Prüfbericht and the LE presents to the payer (domain.md §5).</summary>
/// <remarks>The eleven fields of the hash string, typed. Field 2 is split into
/// <see cref="ServiceDate"/> and <see cref="Counter"/>; field 7 (product) is always
/// <see cref="ModelProjectProduct"/> and therefore not stored. The record does not validate itself:
/// tokens come from <c>MeldebestaetigungFormat</c> (Parse or FromCheckReport), which does.</remarks>
[GenerateSerializer, Immutable, Alias("genomde.meldebestaetigung")]
public sealed record Meldebestaetigung(
    [property: Id(0)] string Code,
    [property: Id(1)] DateOnly ServiceDate,
    [property: Id(2)] int Counter,
    [property: Id(3)] string ProviderIk,
    [property: Id(4)] string NodeId,
    [property: Id(5)] SubmissionType ReportType,
    [property: Id(6)] Indication Indication,
    [property: Id(7)] PayerCategory Payer,
    [property: Id(8)] DataCategory DataCategory,
    [property: Id(9)] LibraryType Sequencing,
    [property: Id(10)] bool QcPassed)
{
    /// <summary>Field 7: the product code of the § 64e model project; no other product exists.</summary>
    public const int ModelProjectProduct = 9;

    /// <summary>The element between hash string and hash value in the IBE segment; fixed in every
    /// BfArM sample and document.</summary>
    public const string IbeFixedElement = "9";

    public const string IbeTag = "IBE";

    /// <summary>The eleven fields joined by '&amp;', exactly as BfArM hashes them.</summary>
    public string HashString => string.Join('&',
        Code,
        string.Create(CultureInfo.InvariantCulture, $"{ServiceDate:yyyyMMdd}{Counter:D3}"),
        ProviderIk,
        NodeId,
        MeldebestaetigungFields.ReportTypes.NameOf(ReportType),
        MeldebestaetigungFields.Indications.NameOf(Indication),
        ModelProjectProduct.ToString(CultureInfo.InvariantCulture),
        MeldebestaetigungFields.Payers.NameOf(Payer),
        MeldebestaetigungFields.DataCategories.NameOf(DataCategory),
        MeldebestaetigungFields.Sequencing.NameOf(Sequencing),
        MeldebestaetigungFields.QcResultOf(QcPassed));

    /// <summary>SHA-256 of <see cref="HashString"/>, 64 lower-case hex characters.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashString)));

    /// <summary>The string the LE receives and forwards in the § 301 IBE segment.</summary>
    public string Delivered => $"{IbeTag}+{Code}+{HashString}+{IbeFixedElement}+{Sha256}";
}
