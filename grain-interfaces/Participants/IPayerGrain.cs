using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;

namespace GenomDE.Orleans.GrainInterfaces.Participants;

/// <summary>One health insurer. Key: its 9-digit IK.</summary>
[Alias("genomde.IPayerGrain")]
public interface IPayerGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the registration (operator only).</summary>
    [Alias("Register")]
    Task<Result<PayerView>> Register(CommandContext context, PayerRegistration registration);

    [Alias("Get")]
    Task<PayerView?> Get();
}
