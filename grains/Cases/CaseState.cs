using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Domain;

namespace GenomDE.Orleans.Grains.Cases;

[GenerateSerializer, Alias("genomde.case-state")]
public sealed class CaseState
{
    /// <summary>Null until the LE registers the case.</summary>
    [Id(0)]
    public CaseView? Case { get; set; }

    [Id(1)]
    public bool Withdrawn { get; set; }

    [Id(2)]
    public IdempotentReplies<CaseView> Replies { get; set; } = new();

    [Id(3)]
    public IdempotentReplies<SubmissionAnswer> SubmissionReplies { get; set; } = new();

    [Id(4)]
    public IdempotentReplies<SubmissionView> NodeReplies { get; set; } = new();

    /// <summary>TANs of genomic submissions whose metadata.json is kept (in a submission-document
    /// grain) because detailed QC may still come: the reported metrics are judged against the
    /// recomputed ones. Removed, and the document dropped, once it cannot.</summary>
    [Id(8)]
    public HashSet<string> PendingDocuments { get; set; } = [];

    /// <summary>A payer presented the confirmations (billed) / redeemed them (reimbursed).</summary>
    [Id(6)]
    public bool Billed { get; set; }

    [Id(7)]
    public bool Reimbursed { get; set; }
}
