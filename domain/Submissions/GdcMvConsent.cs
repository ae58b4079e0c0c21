namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The model-project (MV) declaration of participation and its modules.</summary>
public sealed record GdcMvConsent(
    DateOnly? PresentationDate,
    string? Version,
    IReadOnlyList<GdcMvConsentScope> Scope)
{
    public bool PermitsSequencing => Scope.Any(s => s is { Type: "permit", Domain: "mvSequencing" });
}

public sealed record GdcMvConsentScope(string? Type, DateOnly? Date, string? Domain);
