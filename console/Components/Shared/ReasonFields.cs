namespace GenomDE.Orleans.OperatorConsole.Components.Shared;

/// <summary>What a <see cref="ReasonForm"/> sends.</summary>
public sealed class ReasonFields
{
    public string? Key { get; set; }

    public string? Reason { get; set; }
}
