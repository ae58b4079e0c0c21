using GenomDE.Orleans.Domain.Participants;

namespace GenomDE.Orleans.GrainInterfaces.Participants;

/// <summary>List of all registered providers, kept up to date by the provider grains.
/// Singleton, key <see cref="Key"/>.</summary>
[Alias("genomde.IProviderDirectoryGrain")]
public interface IProviderDirectoryGrain : IGrainWithStringKey
{
    const string Key = "providers";

    [Alias("Upsert")]
    Task Upsert(ProviderView provider);

    [Alias("List")]
    Task<IReadOnlyList<ProviderView>> List();
}

/// <summary>List of all registered payers, kept up to date by the payer grains.
/// Singleton, key <see cref="Key"/>.</summary>
[Alias("genomde.IPayerDirectoryGrain")]
public interface IPayerDirectoryGrain : IGrainWithStringKey
{
    const string Key = "payers";

    [Alias("Upsert")]
    Task Upsert(PayerView payer);

    [Alias("List")]
    Task<IReadOnlyList<PayerView>> List();
}
