namespace GenomDE.Orleans.GrainInterfaces.Audit;

/// <summary>One request as the API saw it, before the audit log gives it its place in the chain.
/// IDs only: who (role, participant, client), what (method and route), which object (the path),
/// the request's ID and body digest, and the HTTP status it was answered with.</summary>
[GenerateSerializer, Immutable, Alias("genomde.audit-draft")]
public sealed record AuditDraft(
    [property: Id(0)] DateTimeOffset Time,
    [property: Id(1)] string ActorRole,
    [property: Id(2)] string ActorId,
    [property: Id(3)] string? ClientId,
    [property: Id(4)] string Action,
    [property: Id(5)] string Target,
    [property: Id(6)] string RequestId,
    [property: Id(7)] int Outcome,
    [property: Id(8)] string BodySha256);

/// <summary>An entry of the tamper-evident audit log: <see cref="Hash"/> = SHA-256 of the previous
/// entry's hash and this entry's canonical text (<see cref="AuditChain.Canonical"/>), so changing,
/// removing, inserting or reordering any entry changes every hash after it.</summary>
[GenerateSerializer, Immutable, Alias("genomde.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] AuditDraft Draft,
    [property: Id(2)] string PrevHash,
    [property: Id(3)] string Hash);

/// <summary>A signed statement "the log had <see cref="Seq"/> entries, this head hash and this
/// Merkle root": once a participant holds a copy, no rewrite of the first <see cref="Seq"/> entries
/// can go unnoticed, even one that recomputed every hash, and any of those entries can be proven
/// included with an audit path to <see cref="MerkleRoot"/> (<see cref="AuditMerkle"/>). Signed with
/// ECDSA P-256 (SHA-256) over <see cref="AuditChain.CheckpointText"/>; <see cref="PublicKey"/> is
/// the SubjectPublicKeyInfo (base64) and <see cref="KeyId"/> its SHA-256 (hex, 16 characters).
/// <see cref="MerkleRoot"/> (hex) is null only in checkpoints signed before roots were added
/// (text v1): they still verify, but cannot anchor proofs.</summary>
[GenerateSerializer, Immutable, Alias("genomde.audit-checkpoint")]
public sealed record AuditCheckpoint(
    [property: Id(0)] long Seq,
    [property: Id(1)] string HeadHash,
    [property: Id(2)] DateTimeOffset Time,
    [property: Id(3)] string KeyId,
    [property: Id(4)] string PublicKey,
    [property: Id(5)] string Signature,
    [property: Id(6)] string? MerkleRoot);

/// <summary>The outcome of recomputing the chain and checking every checkpoint.
/// <see cref="BrokenCheckpointSeq"/> names the checkpoint (by its Seq) that the stored log no
/// longer matches (signature, head hash, Merkle root, or entries it covers that are gone).</summary>
[GenerateSerializer, Immutable, Alias("genomde.audit-verification")]
public sealed record AuditVerification(
    [property: Id(0)] bool Intact,
    [property: Id(1)] long Entries,
    [property: Id(2)] int Checkpoints,
    [property: Id(3)] long? FirstBrokenSeq,
    [property: Id(4)] string? Problem,
    [property: Id(5)] long? BrokenCheckpointSeq = null);

/// <summary>Proof that <see cref="Entry"/> is leaf <see cref="LeafIndex"/> (its Seq − 1) of the
/// Merkle tree of size <see cref="TreeSize"/> whose root <see cref="Checkpoint"/> signs.
/// <see cref="Leaf"/> is the exact text hashed (the entry's canonical text), so a verifier in any
/// language hashes these bytes instead of rebuilding the JSON; <see cref="AuditPath"/> lists the
/// sibling hashes (hex) from the leaf up, as RFC 9162 §2.1.3 defines. Checked offline by
/// <see cref="AuditMerkle.ProofHolds"/> (steps in docs/security.md).</summary>
[GenerateSerializer, Immutable, Alias("genomde.audit-proof")]
public sealed record AuditProof(
    [property: Id(0)] AuditEntry Entry,
    [property: Id(1)] string Leaf,
    [property: Id(2)] string LeafHash,
    [property: Id(3)] long LeafIndex,
    [property: Id(4)] long TreeSize,
    [property: Id(5)] IReadOnlyList<string> AuditPath,
    [property: Id(6)] AuditCheckpoint Checkpoint);
