using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.Tests.Common;

public sealed class IdempotentRepliesTests
{
    private static readonly Caller Operator = new(ParticipantRole.Operator, "BfArM");

    private static CommandContext Request(string id, string? hash = null) => new(Operator, id, hash);

    [Fact]
    public void A_replay_returns_the_first_answer()
    {
        var replies = new IdempotentReplies<string>();
        replies.Remember(Request("r1", "h1"), "approve|X", Result<string>.Success("first"));

        Assert.Equal("first", replies.Find(Request("r1", "h1"), "approve|X")!.Value);
        Assert.Null(replies.Find(Request("r2", "h1"), "approve|X"));
    }

    [Fact]
    public void A_request_without_a_key_is_kept_only_until_the_next_command()
    {
        var replies = new IdempotentReplies<string>();
        var keyless = new CommandContext(Operator, "generated-1", Keyless: true);
        replies.Remember(Request("r1", "h1"), "approve|X", Result<string>.Success("keyed"));

        // Within its own request (a write that committed while the grain saw it fail) it is found ...
        replies.Remember(keyless, "suspend|X", Result<string>.Success("keyless"));
        Assert.Equal("keyless", replies.Find(keyless, "suspend|X")!.Value);

        // ... and the next command, keyed or not, replaces it; keyed answers stay.
        replies.Remember(new CommandContext(Operator, "generated-2", Keyless: true), "reinstate|X", Result<string>.Success("next"));
        Assert.Null(replies.Find(keyless, "suspend|X"));
        replies.Remember(Request("r2", "h2"), "revoke|X", Result<string>.Success("keyed too"));
        Assert.Equal(["r1", "r2"], replies.Entries.Select(e => e.RequestId));
    }

    [Fact]
    public void A_key_reused_for_another_command_is_a_422()
    {
        var replies = new IdempotentReplies<string>();
        replies.Remember(Request("r1"), "approve|X", Result<string>.Success("first"));

        var refused = replies.Find(Request("r1"), "suspend|Y")!.Error!;
        Assert.Equal(("idempotency_key_reused", ErrorKind.Unprocessable), (refused.Code, refused.Kind));
    }

    [Fact]
    public void A_key_reused_with_another_request_body_is_a_422_even_for_the_same_command()
    {
        var replies = new IdempotentReplies<string>();
        replies.Remember(Request("r1", "body-a"), "approve|X", Result<string>.Success("first"));

        Assert.Equal("idempotency_key_reused", replies.Find(Request("r1", "body-b"), "approve|X")!.Error!.Code);
        Assert.Equal("first", replies.Find(Request("r1", "body-a"), "approve|X")!.Value);
    }

    [Fact]
    public void Only_the_most_recent_replies_are_kept()
    {
        var replies = new IdempotentReplies<int>();
        for (var i = 0; i < IdempotentReplies<int>.Capacity + 10; i++)
        {
            replies.Remember(Request($"r{i}"), "f", Result<int>.Success(i));
        }

        Assert.Equal(IdempotentReplies<int>.Capacity, replies.Entries.Count);
        Assert.Null(replies.Find(Request("r0"), "f"));
        Assert.Equal(IdempotentReplies<int>.Capacity + 9, replies.Find(Request($"r{IdempotentReplies<int>.Capacity + 9}"), "f")!.Value);
    }
}
