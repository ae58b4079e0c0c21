namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>One submission's way through its node.</summary>
[GenerateSerializer, Alias("genomde.submission-status")]
public enum SubmissionStatus
{
    /// <summary>Accepted by the platform and routed to the node.</summary>
    Submitted = 0,

    /// <summary>The node confirmed it received the data.</summary>
    Received = 1,

    QcPassed = 2,

    QcFailed = 3,

    /// <summary>The node's check report (Prüfbericht) was accepted.</summary>
    Reported = 4,
}
