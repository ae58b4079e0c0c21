namespace GenomDE.Orleans.ClientApi.Contracts;

/// <summary>Deactivate grain activations idle for at least <see cref="IdleSeconds"/> (0 = every idle one).</summary>
public sealed record DeactivateIdleRequest(int IdleSeconds);

/// <summary>Activations in the cluster before the request and right after it (deactivation runs on).</summary>
public sealed record DeactivateIdleResult(int ActivationsBefore, int ActivationsAfter);
