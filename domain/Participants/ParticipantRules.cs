using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.Domain.Participants;

/// <summary>What a valid provider or payer registration looks like.</summary>
public static class ParticipantRules
{
    public static DomainError? Validate(string ik, ProviderRegistration registration)
    {
        if ((Identifiers.ValidateIk(ik, "provider") ?? TextRules.Required(registration.Name, "name")) is { } invalid)
        {
            return invalid;
        }

        if (registration.Indications is not { Count: > 0 })
        {
            return DomainError.Invalid("indications_required", "Missing indications", "A provider must be admitted for at least one indication (rare, oncological, hereditary).");
        }

        return registration.Indications.Distinct().Count() == registration.Indications.Count
            ? null
            : DomainError.Invalid("duplicate_indication", "Duplicate indication", "Each indication may be listed once.");
    }

    public static DomainError? Validate(string ik, PayerRegistration registration) =>
        Identifiers.ValidateIk(ik, "payer") ?? TextRules.Required(registration.Name, "name");
}
