namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>Which half of a case a Prüfbericht covers: clinical data (sent by a KDK) or genomic
/// data (sent by a GRZ). A case normally earns one confirmation of each.</summary>
[GenerateSerializer, Alias("genomde.data-category")]
public enum DataCategory
{
    Clinical = 0,
    Genomic = 1,
}
