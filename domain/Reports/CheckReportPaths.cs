namespace GenomDE.Orleans.Domain.Reports;

/// <summary>JSONPaths into a Prüfbericht, so the parser and the cross-check name fields alike.</summary>
public static class CheckReportPaths
{
    public const string Root = "$";
    public const string SubmittedCase = "$.SubmittedCase";

    public static string Field(string name) => $"{SubmittedCase}.{name}";
}
