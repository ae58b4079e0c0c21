namespace GenomDE.Orleans.Tests.Faults;

/// <summary>Makes chosen grain-to-grain calls end in a <see cref="TimeoutException"/>, as an Orleans
/// call whose answer did not arrive in time does: either the message never reached the callee, or
/// the callee ran it and the answer was lost (the caller cannot tell which). Outgoing, so only
/// calls made inside a silo are affected, never the API's own calls into the cluster.</summary>
public sealed class CallTimeoutFilter(FaultController faults) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var callee = context.TargetId.Type.ToString()!;

        // Only calls one platform grain makes to another: the runtime's own calls (a reminder tick,
        // the outbox sweep's calls from a hosted service) come at times no test chooses.
        if (context.SourceId is not { } source || !PlatformGrainTypes.All.Contains(source.Type.ToString()!))
        {
            await context.Invoke();
            return;
        }

        var afterDelivery = faults.DecideCall(callee);
        if (afterDelivery is null)
        {
            await context.Invoke();
            return;
        }

        if (afterDelivery.Value)
        {
            await context.Invoke();
        }

        var kind = afterDelivery.Value ? FaultKind.CallTimeoutAfterDelivery : FaultKind.CallTimeout;
        faults.Record(new InjectedFault(kind, callee, context.TargetId, $"{context.InterfaceName}.{context.MethodName}", null));
        throw new TimeoutException($"Injected fault: {context.InterfaceName}.{context.MethodName} on {context.TargetId} timed out ({kind}).");
    }
}
