using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.GrainInterfaces.Nodes;
using GenomDE.Orleans.Grains.Clinical;
using GenomDE.Orleans.Grains.Common;
using GenomDE.Orleans.Grains.Domain;
using GenomDE.Orleans.Grains.Tokens;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.Grains.Cases;

[GrainType("case")]
public sealed partial class CaseGrain(
    [PersistentState("case", StorageNames.Platform)] IPersistentState<CaseState> state,
    TimeProvider clock,
    IOptions<CaseOptions> options) : Grain, ICaseGrain, IRemindable
{
    private const string ReportDueReminder = "report-due";

    private (string SubmitterId, string LocalCaseId) Key => CaseKeys.Split(this.GetPrimaryKeyString());

    private INodeDirectoryGrain Nodes => GrainFactory.GetGrain<INodeDirectoryGrain>(INodeDirectoryGrain.Key);

    public Task<Result<CaseView>> Get(Caller caller)
    {
        if (OwnerOrOperator(caller) is { } forbidden)
        {
            return Task.FromResult<Result<CaseView>>(forbidden);
        }

        return Task.FromResult(state.State.Case is { } found ? Result<CaseView>.Success(found) : UnknownCase());
    }

    public Task<Result<CaseView>> Register(CommandContext context)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<CaseView>>(forbidden);
        }

        if (!CaseKeys.IsValidLocalCaseId(Key.LocalCaseId))
        {
            return Task.FromResult<Result<CaseView>>(DomainError.Invalid("invalid_local_case_id", "Invalid local case ID",
                $"A local case ID has 1–{CaseKeys.MaxLocalCaseIdLength} printable characters."));
        }

        return Execute(context, "register", s => s.Replies, current => Task.FromResult<Result<CaseDecision<CaseView>>>(
            current is not null
                ? DomainError.Conflict("case_exists", "Case already registered", $"Case '{Key.LocalCaseId}' of {Key.SubmitterId} is already registered.")
                : Decide(new CaseView(Key.SubmitterId, Key.LocalCaseId, CaseStatus.Registered, [], [Event("registered", null, context)]))));

        static Result<CaseDecision<CaseView>> Decide(CaseView registered) =>
            Result<CaseDecision<CaseView>>.Success(new(registered, registered, false));
    }

    /// <summary>Runs one command: replay check, decide on the stored case, then persist the case
    /// with the reply in one ETag-guarded write, re-deciding on fresh state after a conflict; the
    /// receiving nodes' inboxes hear of every change (again on a replay, they deduplicate).</summary>
    private async Task<Result<T>> Execute<T>(CommandContext context, string fingerprint, Func<CaseState, IdempotentReplies<T>> replies, Func<CaseView?, Task<Result<CaseDecision<T>>>> decide)
    {
        for (var attempt = 1; attempt <= ConsistentWrites.Attempts; attempt++)
        {
            if (replies(state.State).Find(context.RequestId, fingerprint) is { } replay)
            {
                await NotifyInboxes(previous: null); // the first attempt may have died before telling them
                await FeedReporting(previous: null);
                return replay;
            }

            var decision = await decide(state.State.Case);
            if (!decision.IsSuccess)
            {
                return decision.Error!;
            }

            var (next, answer, withdrawn) = decision.Value!;
            var previous = state.State.Case;
            state.State.Case = next;
            var forgotten = ForgetDocumentsWithoutDetailedQc(next);
            state.State.Withdrawn = withdrawn;
            replies(state.State).Remember(context.RequestId, fingerprint, Result<T>.Success(answer));
            if (await state.TryWriteAsync())
            {
                await Task.WhenAll(forgotten.Select(tan => Document(tan).Drop()));
                await NotifyInboxes(previous);
                await FeedReporting(previous);
                return Result<T>.Success(answer);
            }
        }

        return DomainError.Conflict("concurrent_update", "Concurrent update", "The case kept changing during this request; retry with the same Idempotency-Key.");
    }

    /// <summary>Tells the receiving nodes' inboxes about the submissions that changed since
    /// <paramref name="previous"/> (all of them when null); the inboxes ignore repeats.</summary>
    private Task NotifyInboxes(CaseView? previous) =>
        Task.WhenAll(ChangedSubmissions(previous)
            .Select(s => GrainFactory.GetGrain<INodeInboxGrain>(INodeInboxGrain.KeyOf(s.NodeId, s.Tan)).Upsert(new InboxEntry(this.GetPrimaryKeyString(), s))));

    /// <summary>The stored case's submissions that differ from <paramref name="previous"/> (all of them when null).</summary>
    private IEnumerable<SubmissionView> ChangedSubmissions(CaseView? previous) =>
        state.State.Case?.Submissions.Where(s => previous is null || !previous.Submissions.Contains(s)) ?? [];

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
