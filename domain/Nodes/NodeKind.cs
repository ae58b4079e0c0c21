namespace GenomDE.Orleans.Domain.Nodes;

[GenerateSerializer, Alias("genomde.node-kind")]
public enum NodeKind
{
    /// <summary>Clinical data node (klinischer Datenknoten, KDK); IDs <c>KDK[A-Z0-9]{3}[0-9]{3}</c>.</summary>
    Cdn = 0,

    /// <summary>Genome data centre (Genomrechenzentrum, GRZ); IDs <c>GRZ[A-Z0-9]{3}[0-9]{3}</c>.</summary>
    Gdc = 1,
}
