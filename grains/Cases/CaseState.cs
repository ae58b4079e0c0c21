using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Events;

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

    /// <summary>Events of the latest writes, and the promise that their effects follow.</summary>
    [Id(9)]
    public Outbox Outbox { get; set; } = new();

    /// <summary>Meldebestätigungen the case has decided to issue (TAN → service date and code),
    /// fixed in the write that accepts the report and issued from it afterwards; kept until the
    /// activation has seen the token issued.</summary>
    [Id(10)]
    public Dictionary<string, PendingConfirmation> Confirmations { get; set; } = [];
}

/// <summary>A confirmation decided but perhaps not yet issued: its service date (the day the report
/// reached the platform, German time) and its code are fixed once, so every retry, re-drain or
/// re-activation issues exactly this token under exactly this day's counter.</summary>
[GenerateSerializer, Immutable, Alias("genomde.pending-confirmation")]
public sealed record PendingConfirmation(
    [property: Id(0)] DateOnly ServiceDate,
    [property: Id(1)] string Code);
