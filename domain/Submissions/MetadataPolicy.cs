namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A tightening of the metadata rules that takes effect on a fixed date. Before
/// <see cref="EffectiveFrom"/> its rules are announced as warnings so submitters can adapt; from
/// that date on they refuse the submission. Submissions are judged by their own submission date,
/// so re-validating an old submission gives the answer it got then.</summary>
public sealed record MetadataPolicy(DateOnly EffectiveFrom, string Name, IReadOnlyList<string> Rules)
{
    public bool IsInForceAt(DateOnly date) => date >= EffectiveFrom;
}
