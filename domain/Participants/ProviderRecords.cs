namespace GenomDE.Orleans.Domain.Participants;

/// <summary>A service provider (Leistungserbringer, LE) as the operator registers it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.provider-registration")]
public sealed record ProviderRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<Indication> Indications,
    [property: Id(2)] DateOnly ParticipationStart);

[GenerateSerializer, Immutable, Alias("genomde.provider-view")]
public sealed record ProviderView(
    [property: Id(0)] string Ik,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<Indication> Indications,
    [property: Id(3)] DateOnly ParticipationStart,
    [property: Id(4)] DateTimeOffset RegisteredAt,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    public bool IsAdmittedFor(Indication indication) => Indications.Contains(indication);

    /// <summary>Value equality including the indications' contents (records compare lists by reference).</summary>
    public bool Equals(ProviderView? other) =>
        other is not null
        && (Ik, Name, ParticipationStart, RegisteredAt, UpdatedAt) == (other.Ik, other.Name, other.ParticipationStart, other.RegisteredAt, other.UpdatedAt)
        && Indications.SequenceEqual(other.Indications);

    public override int GetHashCode() => HashCode.Combine(Ik, Name, UpdatedAt);
}
