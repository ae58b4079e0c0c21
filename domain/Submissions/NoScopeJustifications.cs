namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Why a donor's research consent carries no FHIR scope. Only the patient-related reasons
/// stay acceptable: the two LE-side reasons were a transition aid (see <see cref="MetadataPolicies"/>).</summary>
public static class NoScopeJustifications
{
    public const string Unable = "patient unable to consent";
    public const string Refused = "patient refuses to sign consent";
    public const string NotReturned = "patient did not return consent documents";
    public const string OtherPatientReason = "other patient-related reason";
    public const string TechnicalAtLe = "consent information cannot be submitted by LE due to technical reason";
    public const string OrganisationalAtLe = "consent is not implemented at LE due to organizational issues";

    public static bool IsPatientRelated(string value) =>
        value is Unable or Refused or NotReturned or OtherPatientReason;
}
