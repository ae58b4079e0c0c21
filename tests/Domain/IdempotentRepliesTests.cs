using GenomDE.Orleans.GrainInterfaces.Common;
using GenomDE.Orleans.Grains.Domain;

namespace GenomDE.Orleans.Tests.Domain;

public sealed class IdempotentRepliesTests
{
    [Fact]
    public void A_replay_returns_the_first_answer()
    {
        var replies = new IdempotentReplies<string>();
        replies.Remember("r1", "approve|X", Result<string>.Success("first"));

        Assert.Equal("first", replies.Find("r1", "approve|X")!.Value);
        Assert.Null(replies.Find("r2", "approve|X"));
    }

    [Fact]
    public void A_key_reused_for_another_request_is_a_conflict()
    {
        var replies = new IdempotentReplies<string>();
        replies.Remember("r1", "approve|X", Result<string>.Success("first"));

        Assert.Equal("idempotency_key_reused", replies.Find("r1", "suspend|Y")!.Error!.Code);
    }

    [Fact]
    public void Only_the_most_recent_replies_are_kept()
    {
        var replies = new IdempotentReplies<int>();
        for (var i = 0; i < IdempotentReplies<int>.Capacity + 10; i++)
        {
            replies.Remember($"r{i}", "f", Result<int>.Success(i));
        }

        Assert.Equal(IdempotentReplies<int>.Capacity, replies.Entries.Count);
        Assert.Null(replies.Find("r0", "f"));
        Assert.Equal(IdempotentReplies<int>.Capacity + 9, replies.Find($"r{IdempotentReplies<int>.Capacity + 9}", "f")!.Value);
    }
}
