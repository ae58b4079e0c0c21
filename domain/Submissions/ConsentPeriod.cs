namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A provision's validity period, both bounds inclusive. A period without an end never
/// expires (FHIR's reading), which is why older consent profiles demand an end.</summary>
public sealed record ConsentPeriod(FhirDate Start, FhirDate? End)
{
    public bool Contains(DateOnly date) => date >= Start.First && (End is not { } end || date <= end.Last);
}
