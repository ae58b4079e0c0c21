using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;

namespace GenomDE.Orleans.GrainInterfaces.Participants;

/// <summary>One service provider (LE). Key: its 9-digit IK.</summary>
[Alias("genomde.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the registration (operator only).</summary>
    [Alias("Register")]
    Task<Result<ProviderView>> Register(CommandContext context, ProviderRegistration registration);

    [Alias("Get")]
    Task<ProviderView?> Get();
}
