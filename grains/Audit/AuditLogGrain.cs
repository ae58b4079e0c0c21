using System.Text;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.GrainInterfaces.Audit;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Audit;

/// <summary>The single writer of the audit chain. Reentrant so that appends arriving while a batch
/// is being stored wait for the next batch together (group commit): one storage round trip per
/// batch, and every caller is answered only once its entries are stored. Batches are stored one at
/// a time, in order, so the chain has exactly one head.</summary>
[GrainType("audit-log"), Reentrant]
public sealed class AuditLogGrain(IAuditStore store, AuditSigner signer, IOptions<AuditOptions> options, TimeProvider clock)
    : Grain, IAuditLogGrain
{
    private const int VerifyPage = 5000;

    private readonly List<(AuditDraft Draft, TaskCompletionSource<long> Stored)> _pending = [];
    private Task? _flushing;
    private long _headSeq;
    private string _headHash = AuditChain.Genesis;
    private long _checkpointedSeq = -1;

    /// <summary>The Merkle tree head over entries 1–head, kept current by every append. Built on
    /// first need by one pass over the store (not at activation, which stays one read); dropped
    /// when the head is reloaded after a failed append, whose outcome is unknown.</summary>
    private MerkleFrontier? _tree;

    /// <summary>Answers to keyed checkpoint requests, in memory: the activation lives as long as its
    /// silo, and a replay after a restart signing the head anew changes nothing stored but a checkpoint.</summary>
    private readonly IdempotentReplies<AuditCheckpoint> _replies = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(TimeSpan.MaxValue); // the embedded default keeps the chain in this activation
        await LoadHead(cancellationToken);
        var interval = options.Value.CheckpointInterval;
        this.RegisterGrainTimer(_ => SignIfAdvanced(), new GrainTimerCreationOptions(interval, interval) { Interleave = true, KeepAlive = true });
    }

    public Task<long> Append(IReadOnlyList<AuditDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var stored = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var draft in drafts)
        {
            _pending.Add((draft, stored));
        }

        _flushing ??= Flush();
        return stored.Task;
    }

    public async Task<Result<AuditCheckpoint>> Checkpoint(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_replies.Find(context, "checkpoint") is { } replay)
        {
            return replay;
        }

        await DrainAsync();
        var signed = await SignIfAdvanced() ?? ((await store.CheckpointsAsync()) is { Count: > 0 } all ? all[^1] : null);
        Result<AuditCheckpoint> answer = signed is null
            ? DomainError.Conflict("audit_empty", "Nothing to sign", "The audit trail has no entries yet.")
            : Result<AuditCheckpoint>.Success(signed);
        if (context.RequestHash is not null)
        {
            _replies.Remember(context, "checkpoint", answer);
        }

        return answer;
    }

    public Task<IReadOnlyList<AuditCheckpoint>> Checkpoints() => store.CheckpointsAsync();

    public async Task<AuditVerification> Verify()
    {
        await DrainAsync();
        return await AuditChain.Verify(ReadAll(store), await store.CheckpointsAsync());
    }

    public Task<IReadOnlyList<AuditEntry>> Entries(long afterSeq, int limit) => store.ReadAsync(afterSeq, Math.Clamp(limit, 1, 1000));

    public async Task<Result<AuditProof>> Proof(Caller caller, long seq, long? checkpointSeq)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var entry = seq < 1 ? null : (await store.ReadAsync(seq - 1, 1)) is [var found] && found.Seq == seq ? found : null;
        if (entry is null || !IsVisibleTo(entry, caller))
        {
            // Another participant's entry answers exactly as one that does not exist.
            return DomainError.NotFound("unknown_audit_entry", "Unknown audit entry", $"No audit entry {seq} exists for this participant.");
        }

        var checkpoint = CheckpointFor(seq, checkpointSeq, await store.CheckpointsAsync());
        if (!checkpoint.IsSuccess)
        {
            return checkpoint.Error!;
        }

        var signed = checkpoint.Value!;
        var path = await AuditMerkle.InclusionProofAsync(LeafHashes(store, signed.Seq), seq - 1, signed.Seq);
        if (path is null)
        {
            return DomainError.Conflict("audit_log_broken", "The audit log is broken",
                $"The stored log no longer holds the {signed.Seq} entries the checkpoint covers; GET /api/v1/audit/verify names what changed.");
        }

        // Answered as computed from the stored entries: a path that does not lead to the signed root
        // is exactly what a participant checking it offline must get to see.
        var leaf = AuditChain.Canonical(entry.Seq, entry.Draft);
        return Result<AuditProof>.Success(new AuditProof(entry, leaf, AuditMerkle.Hex(AuditMerkle.LeafHash(Encoding.UTF8.GetBytes(leaf))),
            seq - 1, signed.Seq, [.. path.Select(AuditMerkle.Hex)], signed));
    }

    /// <summary>Every stored entry, page by page (also what the offline verifier reads).</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAll(IAuditStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        long after = 0;
        while (true)
        {
            var page = await store.ReadAsync(after, VerifyPage);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < VerifyPage)
            {
                yield break;
            }

            after = page[^1].Seq;
        }
    }

    private async Task Flush()
    {
        await Task.Yield(); // let Append store this task in _flushing before the loop can end and clear it
        while (_pending.Count > 0)
        {
            var batch = _pending.ToList();
            _pending.Clear();
            var entries = AuditChain.Link(_headSeq, _headHash, [.. batch.Select(p => p.Draft)]);
            try
            {
                await store.AppendAsync(entries);
                (_headSeq, _headHash) = (entries[^1].Seq, entries[^1].Hash);
                if (_tree is { } tree)
                {
                    foreach (var entry in entries)
                    {
                        tree.Add(AuditMerkle.LeafHash(entry));
                    }
                }

                Stored(batch, entries);
            }
            catch (Exception failure)
            {
                Complete(batch, failure);
                _tree = null;
                try
                {
                    await LoadHead(CancellationToken.None); // the failed append's outcome is unknown: go on from what is stored
                }
                catch (Exception reload)
                {
                    Complete([.. _pending], reload);
                    _pending.Clear();
                    _flushing = null;
                    DeactivateOnIdle();
                    return;
                }
            }
        }

        _flushing = null;
    }

    /// <summary>Answers each caller with the sequence number of its last entry in the stored batch.</summary>
    private static void Stored(List<(AuditDraft Draft, TaskCompletionSource<long> Stored)> batch, IReadOnlyList<AuditEntry> entries)
    {
        var last = new Dictionary<TaskCompletionSource<long>, long>();
        for (var i = 0; i < batch.Count; i++)
        {
            last[batch[i].Stored] = entries[i].Seq;
        }

        foreach (var (stored, seq) in last)
        {
            stored.TrySetResult(seq);
        }
    }

    private static void Complete(IEnumerable<(AuditDraft Draft, TaskCompletionSource<long> Stored)> batch, Exception failure)
    {
        foreach (var stored in batch.Select(p => p.Stored).Distinct())
        {
            stored.TrySetException(failure);
        }
    }

    private async Task DrainAsync()
    {
        while (_flushing is { } flushing)
        {
            await flushing;
        }
    }

    private async Task<AuditCheckpoint?> SignIfAdvanced()
    {
        if (_checkpointedSeq < 0)
        {
            _checkpointedSeq = (await store.CheckpointsAsync()).Select(c => c.Seq).DefaultIfEmpty(0).Max();
        }

        if (_headSeq == 0 || _headSeq <= _checkpointedSeq)
        {
            return null;
        }

        var (seq, hash, root) = await Head();
        if (seq <= _checkpointedSeq)
        {
            return null; // another signing took this head while the tree was being built
        }

        var checkpoint = AuditChain.Sign(signer.Key, seq, hash, root, clock.GetUtcNow());
        await store.AppendCheckpointAsync(checkpoint);
        _checkpointedSeq = seq;
        return checkpoint;
    }

    /// <summary>Head sequence number, head hash and Merkle root (hex), read together in one turn.</summary>
    private async Task<(long Seq, string Hash, string Root)> Head()
    {
        while (_tree is null)
        {
            await BuildTree();
        }

        return (_headSeq, _headHash, AuditMerkle.Hex(_tree.Root()));
    }

    /// <summary>Reads entries 1–head into a new tree; appends that land meanwhile move the head, and
    /// the loop reads on until it has caught up within one turn, when appends take over.</summary>
    private async Task BuildTree()
    {
        var tree = new MerkleFrontier();
        while (tree.Size < _headSeq)
        {
            var page = await store.ReadAsync(tree.Size, (int)Math.Min(VerifyPage, _headSeq - tree.Size));
            if (page.Count == 0)
            {
                throw new InvalidOperationException($"The audit store ends at entry {tree.Size}, its head is {_headSeq}: run audit verify.");
            }

            foreach (var entry in page)
            {
                if (entry.Seq != tree.Size + 1)
                {
                    throw new InvalidOperationException($"The audit store holds entry {entry.Seq} where entry {tree.Size + 1} belongs: run audit verify.");
                }

                tree.Add(AuditMerkle.LeafHash(entry));
            }
        }

        if (tree.Size == _headSeq)
        {
            _tree ??= tree;
        }
    }

    /// <summary>The checkpoint a proof of entry <paramref name="seq"/> is anchored in: the one asked
    /// for, else the latest with a Merkle root that covers the entry.</summary>
    private Result<AuditCheckpoint> CheckpointFor(long seq, long? wanted, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        if (wanted is not { } at)
        {
            return checkpoints.Where(c => c.Seq >= seq && c.MerkleRoot is not null).MaxBy(c => c.Seq) is { } latest
                ? Result<AuditCheckpoint>.Success(latest)
                : DomainError.NotFound("entry_not_covered", "No checkpoint covers the entry yet",
                    $"No signed checkpoint covers entry {seq} yet. The operator can sign one now (POST /api/v1/audit/checkpoints); " +
                    $"otherwise the next is signed within {options.Value.CheckpointInterval} while entries are added.");
        }

        var matching = checkpoints.Where(c => c.Seq == at).ToList();
        if (matching.Count == 0)
        {
            return DomainError.NotFound("unknown_checkpoint", "Unknown checkpoint", $"No checkpoint over entries 1–{at} exists; GET /api/v1/audit/checkpoints lists them.");
        }

        if (at < seq)
        {
            return DomainError.NotFound("entry_not_covered", "The checkpoint does not cover the entry",
                $"The checkpoint over entries 1–{at} was signed before entry {seq} existed; ask for a later one, or leave checkpoint out for the latest.");
        }

        return matching.LastOrDefault(c => c.MerkleRoot is not null) is { } rooted
            ? Result<AuditCheckpoint>.Success(rooted)
            : DomainError.NotFound("checkpoint_without_root", "The checkpoint has no Merkle root",
                $"The checkpoint over entries 1–{at} was signed before checkpoints carried a Merkle root; leave checkpoint out for the latest that covers entry {seq}.");
    }

    /// <summary>The operator sees every entry; a participant the entries it made, recorded with the
    /// role name its token carries (snake_case, as the API's ParticipantClaims.RoleName writes it).</summary>
    private static bool IsVisibleTo(AuditEntry entry, Caller caller) => caller.IsOperator
        || (entry.Draft.ActorRole == JsonNamingPolicy.SnakeCaseLower.ConvertName(caller.Role.ToString()) && entry.Draft.ActorId == caller.ParticipantId);

    /// <summary>Leaf hashes of the first <paramref name="count"/> stored entries, in stored order.</summary>
    private static async IAsyncEnumerable<byte[]> LeafHashes(IAuditStore store, long count)
    {
        long after = 0, given = 0;
        while (given < count)
        {
            var page = await store.ReadAsync(after, (int)Math.Min(VerifyPage, count - given));
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var entry in page)
            {
                given++;
                yield return AuditMerkle.LeafHash(entry);
            }

            after = page[^1].Seq;
        }
    }

    private async Task LoadHead(CancellationToken cancellationToken)
    {
        var last = await store.LastAsync(cancellationToken);
        (_headSeq, _headHash) = last is null ? (0L, AuditChain.Genesis) : (last.Seq, last.Hash);
    }
}
