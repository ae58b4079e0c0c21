using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Clinical;

/// <summary>CDN QC criteria on routing and the case decision: the data set names the node that
/// received it; a rare-disease case is sequenced by WGS (short or long read) or not at all
/// (date-effective with the same policy as metadata.json); a negative board decision gives its
/// reason and a positive one none; a GRZ is named whenever sequencing was done; and the data set
/// variant fits the disease type.</summary>
public sealed class CaseRules : IClinicalRule
{
    private static readonly LibraryType[] RareDiseaseLibraryTypes = [LibraryType.Wgs, LibraryType.WgsLr, LibraryType.None];

    public void Check(ClinicalValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Metadata;
        var paths = context.Paths;

        if (m.Submission.ClinicalDataNodeId is { } node && context.ReceivingNodeId is { } receiver && !string.Equals(node, receiver, StringComparison.Ordinal))
        {
            context.Error(ClinicalRuleCodes.ClinicalDataNodeNotReceiver, paths.Submission("clinicalDataNodeId"),
                $"The data set names clinical data node '{node}' but was sent to '{receiver}'.");
        }

        if (m.Submission.DiseaseType == "rare" && context.LibraryType is { } library && !RareDiseaseLibraryTypes.Contains(library))
        {
            context.DateEffective(MetadataRuleCodes.RareDiseaseIndexNotWgs, context.LibraryTypePath,
                $"A rare-disease case must be sequenced by wgs or wgs_lr (or not at all), not '{WireNames.LibraryTypes.NameOf(library)}'.");
        }

        if (m.DecisionToInclude == false && m.RejectionJustification is null)
        {
            context.Error(ClinicalRuleCodes.RejectionJustificationRequired, paths.Field("rejectionJustification"),
                "The case board decided against inclusion; rejectionJustification must say why.");
        }

        if (m.DecisionToInclude == true && m.RejectionJustification is not null)
        {
            context.Error(ClinicalRuleCodes.RejectionJustificationUnexpected, paths.Field("rejectionJustification"),
                "The case board decided for inclusion; a rejectionJustification contradicts that.");
        }

        if (context.LibraryType is { } sequenced && sequenced != LibraryType.None && m.Submission.GenomicDataCenterId is null)
        {
            context.Error(ClinicalRuleCodes.GenomicDataCenterIdRequired, paths.Submission("genomicDataCenterId"),
                $"The case was sequenced ({WireNames.LibraryTypes.NameOf(sequenced)}), so the genome data centre holding the data must be named.");
        }

        if (m.Case is { } c && m.Submission.DiseaseType is { } disease)
        {
            var fits = c.Kind == ClinicalDataSetKind.RareDiseases ? disease == "rare" : disease is "oncological" or "hereditary";
            if (!fits)
            {
                context.Error(ClinicalRuleCodes.DiseaseTypeDataSetMismatch, paths.Submission("diseaseType"),
                    $"diseaseType '{disease}' does not fit a {(c.Kind == ClinicalDataSetKind.RareDiseases ? "RareDiseases (rare only)" : "Oncology (oncological or hereditary)")} data set.");
            }
        }
    }
}
