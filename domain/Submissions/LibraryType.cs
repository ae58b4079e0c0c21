namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The sequencing a Prüfbericht reports (not the finer metadata.json library types).
/// The numeric order is the reimbursement order, none &lt; panel &lt; wes &lt; wgs &lt; wgs_lr,
/// so "most expensive" is a plain maximum; do not reorder the members.</summary>
[GenerateSerializer, Alias("genomde.library-type")]
public enum LibraryType
{
    /// <summary>No sequencing was indicated (clinical reports only).</summary>
    None = 0,
    Panel = 1,
    Wes = 2,
    Wgs = 3,

    /// <summary>Long-read whole-genome sequencing.</summary>
    WgsLr = 4,
}
