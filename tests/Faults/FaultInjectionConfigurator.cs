using GenomDE.Orleans.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Adds fault injection to a test silo after the platform configured it: the platform
/// storage (keyed <see cref="IGrainStorage"/> "genomde") is re-registered as a decorator around
/// the registration the platform made, a per-silo <see cref="FaultController"/>, and the call
/// filter. The inner provider is built by its own factory, so its options and lifecycle stay as
/// the platform set them up.</summary>
public sealed class FaultInjectionConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var services = siloBuilder.Services;
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Platform))
            ?? throw new InvalidOperationException($"No grain storage named '{StorageNames.Platform}' registered; fault injection must run after the platform's configuration.");
        services.Remove(original);
        services.AddSingleton<FaultController>();
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Platform, (provider, key) =>
            new FaultInjectingGrainStorage(CreateInner(original, provider, key), provider.GetRequiredService<FaultController>()));
        siloBuilder.AddOutgoingGrainCallFilter<CallTimeoutFilter>();
    }

    private static IGrainStorage CreateInner(ServiceDescriptor original, IServiceProvider provider, object? key) =>
        original switch
        {
            { KeyedImplementationFactory: { } factory } => (IGrainStorage)factory(provider, key),
            { KeyedImplementationInstance: IGrainStorage instance } => instance,
            { KeyedImplementationType: { } type } => (IGrainStorage)ActivatorUtilities.CreateInstance(provider, type),
            _ => throw new InvalidOperationException($"Cannot rebuild the storage registration {original}."),
        };
}
