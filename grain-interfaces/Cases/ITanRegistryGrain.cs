namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>Every TAN one LE ever used, so none is used twice (grz-db's duplicate_tang). Key: the LE's IK.</summary>
[Alias("genomde.ITanRegistryGrain")]
public interface ITanRegistryGrain : IGrainWithStringKey
{
    /// <summary>True when <paramref name="tan"/> is new or already claimed by the same case.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string tan, string caseKey);
}
