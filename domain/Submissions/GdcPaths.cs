namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>JSONPaths into metadata.json, built from indices so every rule names the same place
/// the same way.</summary>
public static class GdcPaths
{
    public const string Root = "$";
    public const string Schema = "$['$schema']";
    public const string Submission = "$.submission";
    public const string Donors = "$.donors";

    public static string Field(string parent, string name) => $"{parent}.{name}";

    public static string Item(string array, int index) => FormattableString.Invariant($"{array}[{index}]");

    public static string Donor(int donor) => Item(Donors, donor);

    public static string LabDatum(int donor, int labDatum) => Item(Field(Donor(donor), "labData"), labDatum);

    public static string SequenceData(int donor, int labDatum) => Field(LabDatum(donor, labDatum), "sequenceData");

    public static string File(int donor, int labDatum, int file) => Item(Field(SequenceData(donor, labDatum), "files"), file);

    public static string ResearchConsent(int donor, int consent) => Item(Field(Donor(donor), "researchConsents"), consent);
}
