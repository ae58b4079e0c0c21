namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>JSONPaths into a clinical document. The metaData may arrive alone (root <c>$</c>) or
/// inside a full data set (root <c>$.metaData</c>); paths name the place in the document as sent.</summary>
public sealed record ClinicalPaths(string MetaData)
{
    public static readonly ClinicalPaths Bare = new("$");
    public static readonly ClinicalPaths InDataSet = new("$.metaData");

    public string Field(string name) => $"{MetaData}.{name}";

    public string Submission(string name) => $"{MetaData}.submission.{name}";

    public string MvConsent => Field("mvConsent");

    public string MvConsentScope(int index) => System.FormattableString.Invariant($"{MvConsent}.scope[{index}]");

    public string ResearchConsent(int index) => System.FormattableString.Invariant($"{MetaData}.researchConsents[{index}]");
}
