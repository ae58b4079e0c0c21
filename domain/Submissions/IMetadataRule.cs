namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>One group of related metadata rules. Rules skip values the parser could not read:
/// the parser has reported those already.</summary>
public interface IMetadataRule
{
    void Check(MetadataValidationContext context);
}
