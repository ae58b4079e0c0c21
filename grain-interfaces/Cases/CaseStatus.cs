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
}
