using System.Text.Json;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>A research consent: either an MII Broad Consent (FHIR Consent) in <see cref="Scope"/>
/// or a reason why there is none. The scope stays raw JSON because its validity depends on the
/// schema version (before 1.3 any object was tolerated).</summary>
public sealed record GdcResearchConsent(
    string? SchemaVersion,
    DateOnly? PresentationDate,
    JsonElement? Scope,
    string? NoScopeJustification)
{
    public bool HasScope => Scope is { ValueKind: JsonValueKind.Object } scope && scope.EnumerateObject().Any();
}
