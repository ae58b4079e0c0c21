namespace GenomDE.Orleans.Domain.Participants;

/// <summary>A health insurer as the operator registers it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.payer-registration")]
public sealed record PayerRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] PayerKind Kind);

[GenerateSerializer, Immutable, Alias("genomde.payer-view")]
public sealed record PayerView(
    [property: Id(0)] string Ik,
    [property: Id(1)] string Name,
    [property: Id(2)] PayerKind Kind,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);
