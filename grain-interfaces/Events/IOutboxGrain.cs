namespace GenomDE.Orleans.GrainInterfaces.Events;

/// <summary>A grain with an outbox. The sweeper calls <see cref="FlushOutbox"/> on grains whose
/// silo died, so what they stored but had not yet passed on leaves without waiting for a request.</summary>
[Alias("genomde.IOutboxGrain")]
public interface IOutboxGrain : IGrainWithStringKey
{
    [Alias("FlushOutbox")]
    Task FlushOutbox();
}
