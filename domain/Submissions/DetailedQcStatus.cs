namespace GenomDE.Orleans.Domain.Submissions;

/// <summary>The verdict on one metric in detailed QC, as the GRZ QC workflow writes it.</summary>
[GenerateSerializer, Alias("genomde.detailed-qc-status")]
public enum DetailedQcStatus
{
    Pass = 0,

    /// <summary>The value the LE reported is already below the official threshold.</summary>
    ThresholdNotMet = 1,

    /// <summary>The GDC's recomputed value is more than 10 % below the value the LE reported.</summary>
    TooLow = 2,
}
