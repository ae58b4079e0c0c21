using System.Text.Json;

namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The parts of an MII Broad Consent (a FHIR Consent resource) that decide whether a donor
/// consented to research, read leniently: <see cref="Read"/> lists what is missing or malformed
/// instead of failing, because before schema 1.3 a malformed scope was only worth a warning.</summary>
public sealed record MiiBroadConsent(
    string? Status,
    string? RootType,
    ConsentPeriod? RootPeriod,
    IReadOnlyList<BroadConsentProvision> Provisions)
{
    /// <summary>PATDAT_erheben_speichern_nutzen and MDAT_wissenschaftlich_nutzen_EU_DSGVO_NIVEAU:
    /// either grants research use (MDAT sits inside the PATDAT module), a deny on either revokes.</summary>
    public static readonly IReadOnlyList<string> ResearchCodes =
    [
        "2.16.840.1.113883.3.1937.777.24.5.3.1",
        "2.16.840.1.113883.3.1937.777.24.5.3.8",
    ];

    private const string ScopeSystem = "http://terminology.hl7.org/CodeSystem/consentscope";
    private const string LoincCategory = "57016-8";
    private const string MiiCategory = "2.16.840.1.113883.3.1937.777.24.2.184";
    private static readonly string[] Statuses = ["draft", "proposed", "active", "rejected", "inactive", "entered-in-error"];

    /// <summary>FHIR's Consent.status is a modifier: anything but "active" grants nothing.</summary>
    public bool IsActive => Status == "active";

    /// <summary>Active and inside the root provision's period, which frames every nested rule.</summary>
    public bool IsInForceAt(DateOnly date) => IsActive && RootPeriod is { } period && period.Contains(date);

    /// <summary>Research use is granted when some research code is permitted on <paramref name="date"/>
    /// and none is denied.</summary>
    public bool PermitsResearchAt(DateOnly date)
    {
        if (!IsInForceAt(date))
        {
            return false;
        }

        var stated = Provisions
            .Where(p => p.Period.Contains(date))
            .SelectMany(p => p.Codes.Where(ResearchCodes.Contains).Select(_ => p.Permit))
            .ToList();
        return stated.Count > 0 && stated.All(permit => permit);
    }

    /// <summary>Paths (relative to the scope) of provision periods without an end.</summary>
    public IEnumerable<string> OpenEndedPeriods()
    {
        if (RootPeriod is { End: null })
        {
            yield return ".provision.period";
        }

        for (var i = 0; i < Provisions.Count; i++)
        {
            if (Provisions[i].Period.End is null)
            {
                yield return FormattableString.Invariant($".provision.provision[{i}].period");
            }
        }
    }

    /// <summary>Reads <paramref name="scope"/>; <paramref name="problems"/> gets (relative path,
    /// message) for every deviation from the MII consent profile found.</summary>
    public static MiiBroadConsent Read(JsonElement scope, ICollection<(string Path, string Message)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Text(scope, "resourceType") is { } type && type != "Consent")
        {
            problems.Add((".resourceType", $"resourceType must be 'Consent', not '{type}'."));
        }

        var status = Text(scope, "status");
        if (status is null || !Statuses.Contains(status))
        {
            problems.Add((".status", $"status must be one of {string.Join(", ", Statuses)}."));
        }

        var scopeCodings = Child(scope, "scope") is { } concept ? Codings(concept) : [];
        if (scopeCodings.Count != 1 || scopeCodings[0] != (ScopeSystem, "research"))
        {
            problems.Add((".scope.coding", $"scope must have exactly one coding {ScopeSystem}|research."));
        }

        var categories = Items(scope, "category").Select(Codings).ToList();
        var codes = categories.SelectMany(c => c).ToList();
        if (categories.Count < 2 || !codes.Contains(("http://loinc.org", LoincCategory)) || !codes.Any(c => c.Code == MiiCategory))
        {
            problems.Add((".category", $"category must contain the LOINC {LoincCategory} and the MII {MiiCategory} categories."));
        }

        if (Child(scope, "patient") is not { } patient || (Text(patient, "reference") is null && Child(patient, "identifier") is null))
        {
            problems.Add((".patient", "patient must give a reference or an identifier."));
        }

        if (FhirDate.Parse(Text(scope, "dateTime")) is null)
        {
            problems.Add((".dateTime", "dateTime must be a FHIR date or dateTime."));
        }

        if (!Items(scope, "policy").Any(p => Text(p, "uri") is not null))
        {
            problems.Add((".policy", "policy must list at least one uri."));
        }

        if (Child(scope, "provision") is not { } root)
        {
            return new MiiBroadConsent(status, null, null, []);
        }

        var rootPeriod = Period(root, ".provision.period", problems);
        var provisions = Items(root, "provision")
            .Select((p, i) => Provision(p, FormattableString.Invariant($".provision.provision[{i}]"), problems))
            .OfType<BroadConsentProvision>()
            .ToList();
        return new MiiBroadConsent(status, Text(root, "type"), rootPeriod, provisions);
    }

    private static BroadConsentProvision? Provision(JsonElement provision, string path, ICollection<(string, string)> problems)
    {
        var type = Text(provision, "type");
        if (type is not ("permit" or "deny"))
        {
            problems.Add(($"{path}.type", "a provision's type must be 'permit' or 'deny'."));
        }

        var codes = Items(provision, "code").SelectMany(Codings).Select(c => c.Code).ToList();
        if (codes.Count == 0)
        {
            problems.Add(($"{path}.code", "a nested provision must name at least one code."));
        }

        var period = Period(provision, $"{path}.period", problems);
        return period is null ? null : new BroadConsentProvision(type == "permit", period, codes);
    }

    private static ConsentPeriod? Period(JsonElement owner, string path, ICollection<(string, string)> problems)
    {
        var period = Child(owner, "period");
        if (FhirDate.Parse(period is { } p ? Text(p, "start") : null) is not { } start)
        {
            problems.Add(($"{path}.start", "a provision period needs a start date."));
            return null;
        }

        var endText = period is { } q ? Text(q, "end") : null;
        var end = FhirDate.Parse(endText);
        if (endText is not null && end is null)
        {
            problems.Add(($"{path}.end", $"'{endText}' is not a FHIR date."));
        }

        return new ConsentPeriod(start, end);
    }

    private static List<(string System, string Code)> Codings(JsonElement concept) =>
        [.. Items(concept, "coding").Select(x => (Text(x, "system") ?? "", Text(x, "code") ?? ""))];

    private static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    private static JsonElement[] Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
