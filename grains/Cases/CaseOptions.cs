namespace GenomDE.Orleans.Grains.Cases;

/// <summary>Section <c>Platform</c>: deadlines the case grains watch.</summary>
public sealed class CaseOptions
{
    /// <summary>Nodes send the Prüfbericht without delay after QC (GenDV § 4); a case whose report
    /// is this late after basic QC records it as overdue, so the operator can chase the node.</summary>
    public TimeSpan ReportDueAfter { get; set; } = TimeSpan.FromDays(7);
}
