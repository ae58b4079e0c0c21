using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Events;
using GenomDE.Orleans.Grains.Reporting;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Cases;

// A case is busy in bursts (an LE submits, a node works a TAN) days apart; a replay comes within a
// client's retry window. Kept for a burst, not for the days between: everything it needs is stored.
[GrainType("case"), CollectionAgeLimit(Minutes = 5)]
public sealed partial class CaseGrain(
    [PersistentState("case", StorageNames.Platform)] IPersistentState<CaseState> state,
    TimeProvider clock,
    IOptions<CaseOptions> options,
    OutboxRelay relay) : Grain, ICaseGrain, IRemindable, IOutboxGrain
{
    /// <summary>The per-case deadline reminder of earlier deployments; see <see cref="ReceiveReminder"/>.</summary>
    private const string ReportDueReminder = "report-due";

    /// <summary>Confirmations this activation has seen issued; pruned from the state with the next write.</summary>
    private readonly HashSet<string> _issued = [];

    private readonly ReplyCodec<CaseView> _caseCodec = CaseReplies.Cases(() => state.State.Case);
    private readonly ReplyCodec<SubmissionAnswer> _answerCodec = CaseReplies.Answers(() => state.State.Case);
    private readonly ReplyCodec<SubmissionView> _submissionCodec = CaseReplies.Submissions(() => state.State.Case);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        relay.Attach(this, () => state.State.Outbox, RepairEffects);
        return Task.CompletedTask;
    }

    public Task FlushOutbox() => relay.FlushOwedAsync();

    private (string SubmitterId, string LocalCaseId) Key => CaseKeys.Split(this.GetPrimaryKeyString());

    /// <summary>This silo's approval cache: an approval may be up to <see cref="INodeApprovalsGrain.Expiry"/> old.</summary>
    private INodeApprovalsGrain Approvals => GrainFactory.GetGrain<INodeApprovalsGrain>(0);

    public Task<Result<CaseView>> Get(Caller caller)
    {
        if (OwnerOrOperator(caller) is { } forbidden)
        {
            return Task.FromResult<Result<CaseView>>(forbidden);
        }

        return Task.FromResult(state.State.Case is { } found ? Result<CaseView>.Success(found) : UnknownCase());
    }

    public async Task<Result<CaseView>> Register(CommandContext context)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (!CaseKeys.IsValidLocalCaseId(Key.LocalCaseId))
        {
            return DomainError.Invalid("invalid_local_case_id", "Invalid local case ID",
                $"A local case ID has 1–{CaseKeys.MaxLocalCaseIdLength} printable characters.");
        }

        // Only a hospital the operator registered takes part (an issuer may know more clients than the platform admits).
        if (state.State.Case is null && await GrainFactory.GetGrain<IProviderGrain>(Key.SubmitterId).Get() is null)
        {
            return new DomainError(ErrorKind.Forbidden, "provider_not_registered", "Provider not registered",
                $"Provider {Key.SubmitterId} is not registered with the platform; the operator registers providers (PUT /api/v1/providers/{{ik}}).");
        }

        return await Execute(context, "register", s => s.Replies, _caseCodec, current => Task.FromResult<Result<CaseDecision<CaseView>>>(
            current is not null
                ? DomainError.Conflict("case_exists", "Case already registered", $"Case '{Key.LocalCaseId}' of {Key.SubmitterId} is already registered.")
                : Decide(new CaseView(Key.SubmitterId, Key.LocalCaseId, CaseStatus.Registered, [], [Event("registered", null, context)]))));

        static Result<CaseDecision<CaseView>> Decide(CaseView registered) =>
            Result<CaseDecision<CaseView>>.Success(new(registered, registered, false));
    }

    /// <summary>Runs one command: replay check, decide on the stored case, then persist the case
    /// with the reply and the events in one ETag-guarded write, re-deciding on fresh state after a
    /// conflict. What the change means for other grains (inboxes, documents, tokens) and the events
    /// follow from the outbox after the write; a replay only makes sure they did. Reporting reads the
    /// events from the log (<c>ReportingProjectorGrain</c>).</summary>
    private async Task<Result<T>> Execute<T>(CommandContext context, string fingerprint, Func<CaseState, IdempotentReplies<T>> replies, ReplyCodec<T> codec, Func<CaseView?, Task<Result<CaseDecision<T>>>> decide)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (replies(state.State).Find(context, fingerprint, codec) is { } replay)
            {
                await relay.FlushOwedAsync();
                return replay;
            }

            var decision = await decide(state.State.Case);
            if (!decision.IsSuccess)
            {
                return decision.Error!;
            }

            var (next, answer, withdrawn, refused) = decision.Value!;
            var previous = state.State.Case;
            var forgotten = ForgetDocumentsWithoutDetailedQc(next);
            var reply = refused is null ? Result<T>.Success(answer) : Result<T>.Failure(refused);
            if (await TryStore(previous, next, withdrawn, remember: () => replies(state.State).Remember(context, fingerprint, reply, codec)))
            {
                await relay.FlushAsync(() => Effects(previous, forgotten));
                return reply;
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", "The case kept changing during this request; retry with the same Idempotency-Key.");
    }

    /// <summary>Puts <paramref name="next"/> in place with its events (the first carries what the
    /// write changes in reporting) and the command's reply (<paramref name="remember"/>, kept as a
    /// reference into <paramref name="next"/> where it can be) and writes the state (false on an ETag
    /// conflict, after which the stored state is loaded).</summary>
    private Task<bool> TryStore(CaseView? previous, CaseView next, bool withdrawn, string? payerIk = null, Action? remember = null)
    {
        if (!CaseReplies.Follows(previous, next))
        {
            // The kept references could not follow this change: they become text while they still point right.
            state.State.Replies.Materialize(_caseCodec);
            state.State.SubmissionReplies.Materialize(_answerCodec);
            state.State.NodeReplies.Materialize(_submissionCodec);
        }

        var key = this.GetPrimaryKeyString();
        var now = clock.GetUtcNow();
        foreach (var draft in CaseEvents.WithReporting(key, CaseEvents.Between(key, previous, next, payerIk), next, ReportRows.Change(previous, next)))
        {
            state.State.Outbox.Emit($"/genomde/cases/{key}", key, now, draft);
        }

        relay.Prune(state.State.Outbox);
        foreach (var tan in _issued)
        {
            state.State.Confirmations.Remove(tan);
        }

        state.State.Case = next;
        state.State.Withdrawn = withdrawn;
        remember?.Invoke();
        return state.TryWriteAsync();
    }

    /// <summary>The effects of one write: exactly what changed since <paramref name="previous"/>.</summary>
    private async Task Effects(CaseView? previous, IReadOnlyList<string> forgotten)
    {
        await Task.WhenAll(forgotten.Select(tan => Document(tan).Drop()));
        await IssueConfirmations();
        await NotifyInboxes(previous);
    }

    /// <summary>Everything the stored state implies for other grains, when an earlier write's effects
    /// may be missing (a new activation after a crash, or a failed flush). All steps are idempotent.</summary>
    private async Task RepairEffects()
    {
        if (state.State.Case is not { } current)
        {
            return;
        }

        var done = current.Submissions
            .Where(s => s.DataCategory == DataCategory.Genomic && s.SubmissionType == SubmissionType.Initial && !state.State.PendingDocuments.Contains(s.Tan))
            .Select(s => s.Tan);
        await Effects(previous: null, [.. done]);
    }

    /// <summary>Tells the receiving nodes' inboxes about the entries that changed since
    /// <paramref name="previous"/> (all of them when null): a submission's view or its report
    /// deadline. The inboxes ignore repeats.</summary>
    private Task NotifyInboxes(CaseView? previous)
    {
        if (state.State.Case is not { } current)
        {
            return Task.CompletedTask;
        }

        var before = previous?.Submissions.ToDictionary(s => s.Tan, s => InboxEntryOf(previous, s), StringComparer.Ordinal);
        return Task.WhenAll(current.Submissions
            .Select(s => InboxEntryOf(current, s))
            .Where(e => before is null || !before.TryGetValue(e.Submission.Tan, out var known) || known != e)
            .Select(e => GrainFactory.GetGrain<INodeInboxGrain>(INodeInboxGrain.KeyOf(e.Submission.NodeId, e.Submission.Tan)).Upsert(e)));
    }

    private InboxEntry InboxEntryOf(CaseView view, SubmissionView submission) =>
        new(this.GetPrimaryKeyString(), submission, OverdueReports.DueAt(view, submission, options.Value.ReportDueAfter));

    private DomainError? OwnerOnly(Caller caller) =>
        caller.Role == ParticipantRole.Provider && caller.ParticipantId == Key.SubmitterId
            ? null
            : DomainError.Forbidden("Only the provider (LE) that owns this case may change it.");

    private DomainError? OwnerOrOperator(Caller caller) =>
        caller.IsOperator ? null : OwnerOnly(caller) is null ? null : DomainError.Forbidden("A case is visible to its own provider (LE) and the operator only.");

    private CaseView Replace(CaseView current, SubmissionView changed, CaseEvent happened)
    {
        List<SubmissionView> submissions = [.. current.Submissions.Select(s => s.Tan == changed.Tan ? changed : s)];
        return current with
        {
            Submissions = submissions,
            History = [.. current.History, happened],
            Status = CaseLifecycle.Derive(submissions, state.State.Withdrawn, state.State.Billed, state.State.Reimbursed),
        };
    }

    private CaseEvent Event(string what, string? tan, CommandContext context) =>
        new(clock.GetUtcNow(), what, tan, Actor(context.Caller));

    /// <summary>Who did it, as the history shows it: "role:participant".</summary>
    private static string Actor(Caller caller) => $"{caller.Role.ToString().ToLowerInvariant()}:{caller.ParticipantId}";

    private DomainError UnknownCase() =>
        DomainError.NotFound("unknown_case", "Unknown case", $"Case '{Key.LocalCaseId}' of provider {Key.SubmitterId} is not registered.");
}
