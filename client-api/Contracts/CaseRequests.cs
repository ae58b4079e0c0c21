using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.ClientApi.Contracts;

/// <summary>Body of case registration.</summary>
public sealed record RegisterCaseRequest(string LocalCaseId);

/// <summary>A node's basic QC verdict; <see cref="FailureReason"/> is one of grz-db's reasons when failed.</summary>
public sealed record BasicQcRequest(bool Passed, BasicQcFailureReason? FailureReason = null, string? Detail = null);
