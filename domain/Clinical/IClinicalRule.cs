namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>One group of clinical metaData rules. Rules skip values the parser could not read: the
/// parser has reported those already.</summary>
public interface IClinicalRule
{
    void Check(ClinicalValidationContext context);
}
