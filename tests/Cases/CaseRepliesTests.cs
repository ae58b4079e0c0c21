using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.Grains.Cases;

namespace GenomDE.Orleans.Tests.Cases;

/// <summary>Kept case answers as references: rebuilt exactly while the case grows as cases do, and
/// turned back into text before a change the references cannot follow.</summary>
public sealed class CaseRepliesTests
{
    private static readonly CommandContext Node = new(new Caller(ParticipantRole.Gdc, "GRZM00123"), "r1", "hash");

    private static readonly SubmissionView Submitted = new("a1", DataCategory.Genomic, SubmissionType.Initial, "GRZM00123", new DateOnly(2024, 10, 28),
        Indication.Oncological, CoverageType.Gkv, LibraryType.Wgs, new ConsentSnapshot(true, true), SubmissionStatus.Submitted,
        null, null, null, null, "digest", DateTimeOffset.UnixEpoch);

    private static CaseView CaseWith(SubmissionView submission, int history) =>
        new("123456789", "C1", CaseStatus.DataTransferred, [submission], [.. Enumerable.Range(0, history).Select(i => new CaseEvent(DateTimeOffset.UnixEpoch.AddSeconds(i), $"step {i}", "a1", "gdc:GRZM00123"))]);

    [Fact]
    public void A_node_answer_is_rebuilt_from_the_grown_case_exactly()
    {
        var received = Submitted with { Status = SubmissionStatus.Received, ReceivedAt = DateTimeOffset.UnixEpoch.AddHours(1) };
        CaseView? current = CaseWith(received, 2);
        var codec = CaseReplies.Submissions(() => current);
        var replies = new IdempotentReplies<SubmissionView>();
        replies.Remember(Node, "receipt|a1", Result<SubmissionView>.Success(received), codec);
        Assert.NotNull(replies.Entries.Single().Reference);

        var reported = received with { Status = SubmissionStatus.Reported, BasicQc = new BasicQcOutcome(true, null, null), Confirmation = new ConfirmationOutcome("CODE000001", null) };
        var next = CaseWith(reported, 4);
        Assert.True(CaseReplies.Follows(current, next));
        current = next;

        Assert.Equal(received, replies.Find(Node, "receipt|a1", codec)!.Value);
    }

    [Fact]
    public void A_change_of_a_field_already_set_is_one_the_references_cannot_follow_so_they_become_text_first()
    {
        var reported = Submitted with { Status = SubmissionStatus.Reported, Confirmation = new ConfirmationOutcome("CODE000001", null) };
        CaseView? current = CaseWith(reported, 3);
        var codec = CaseReplies.Submissions(() => current);
        var replies = new IdempotentReplies<SubmissionView>();
        replies.Remember(Node, "report|a1", Result<SubmissionView>.Success(reported), codec);

        // A taken code: the case records the new one (the grain's Reconfirm).
        var next = CaseWith(reported with { Confirmation = new ConfirmationOutcome("CODE000002", null) }, 4);
        Assert.False(CaseReplies.Follows(current, next));
        replies.Materialize(codec);
        current = next;

        Assert.Null(replies.Entries.Single().Reference);
        Assert.Equal(reported, replies.Find(Node, "report|a1", codec)!.Value);
    }

    [Fact]
    public void Removed_history_or_another_submission_in_a_place_is_not_growth()
    {
        var current = CaseWith(Submitted, 3);

        Assert.False(CaseReplies.Follows(current, CaseWith(Submitted, 2)));
        Assert.False(CaseReplies.Follows(current, CaseWith(Submitted with { Tan = "b2" }, 3)));
        Assert.False(CaseReplies.Follows(current, CaseWith(Submitted with { NodeId = "GRZDD0004" }, 3)));
        Assert.True(CaseReplies.Follows(null, current));
    }
}
