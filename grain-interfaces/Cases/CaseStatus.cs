namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>Where a case stands, derived from its submissions (see the grains' CaseLifecycle).</summary>
[GenerateSerializer, Alias("genomde.case-status")]
public enum CaseStatus
{
    /// <summary>Registered by its LE; nothing submitted yet.</summary>
    Registered = 0,

    /// <summary>At least one submission was sent to a node; QC is pending.</summary>
    DataTransferred = 1,

    /// <summary>Both data categories have an accepted, passed initial check report.</summary>
    QcPassed = 2,

    /// <summary>The latest initial submission of a data category failed QC (a resubmission with a new TAN may follow).</summary>
    QcFailed = 3,

    /// <summary>The patient revoked the model-project consent for sequencing (mvSequencing).</summary>
    Withdrawn = 4,

    /// <summary>QC passed and the billable confirmations (Meldebestätigungen) were issued to the LE.</summary>
    Confirmed = 5,

    /// <summary>A payer presented the case's confirmations; the claim was not (yet) accepted.</summary>
    Billed = 6,

    /// <summary>A payer redeemed the confirmations: the flat rate is paid, once.</summary>
    Reimbursed = 7,
}
