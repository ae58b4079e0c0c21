using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.GrainInterfaces.Cases;

/// <summary>Where nodes post their Prüfberichte: reads the document, finds the case by its TAN in
/// the sending node's inbox and hands the report to the case. Stateless, so it scales out.</summary>
[Alias("genomde.ICheckReportIntakeGrain")]
public interface ICheckReportIntakeGrain : IGrainWithIntegerKey
{
    /// <summary><paramref name="json"/> is <c>{"SubmittedCase": {...}}</c> exactly as nodes send it.</summary>
    [Alias("Submit")]
    Task<Result<SubmissionView>> Submit(CommandContext context, string json);
}
