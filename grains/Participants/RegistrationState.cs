using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Grains.Participants;

/// <summary>State of a registry grain: the current registration, or null before the first one.</summary>
[GenerateSerializer, Alias("genomde.registration-state`1")]
public sealed class RegistrationState<TView>
    where TView : class
{
    [Id(0)]
    public TView? Current { get; set; }

    [Id(1)]
    public Outbox Outbox { get; set; } = new();
}

/// <summary>State of a registry's directory: every entry by IK.</summary>
[GenerateSerializer, Alias("genomde.directory-state`1")]
public sealed class DirectoryState<TView>
{
    [Id(0)]
    public Dictionary<string, TView> Entries { get; set; } = [];
}
