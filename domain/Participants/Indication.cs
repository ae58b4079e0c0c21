namespace GenomDE.Orleans.Domain.Participants;

/// <summary>Disease types a provider can be admitted for (the <c>diseaseType</c> of submissions).</summary>
[GenerateSerializer, Alias("genomde.indication")]
public enum Indication
{
    Rare = 0,
    Oncological = 1,
    Hereditary = 2,
}
