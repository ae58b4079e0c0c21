using System.Text.Json;
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

    [Fact]
    public void A_reply_stored_before_fingerprints_were_hashed_still_replays_and_still_refuses_another_request()
    {
        // The JSON shape rows of earlier versions hold: the fingerprint in full, the answer as text.
        const string stored = """{"Entries":[{"RequestId":"r1","Fingerprint":"approve|X#body-a","Json":"{\"Value\":\"first\",\"Error\":null,\"IsSuccess\":true}","Keyless":false}]}""";
        var replies = JsonSerializer.Deserialize<IdempotentReplies<string>>(stored)!;

        Assert.Equal("first", replies.Find(Request("r1", "body-a"), "approve|X")!.Value);
        Assert.Equal("idempotency_key_reused", replies.Find(Request("r1", "body-b"), "approve|X")!.Error!.Code);
    }

    [Fact]
    public void An_answer_the_codec_can_point_to_is_kept_as_a_reference_and_turned_back_into_text_on_demand()
    {
        var state = new List<string> { "zero", "one" };
        var codec = new ReplyCodec<string>(answer => state.IndexOf(answer) is >= 0 and var i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, reference => state[int.Parse(reference, System.Globalization.CultureInfo.InvariantCulture)]);
        var replies = new IdempotentReplies<string>();
        replies.Remember(Request("r1"), "f", Result<string>.Success("one"), codec);
        replies.Remember(Request("r2"), "f", Result<string>.Success("not in the state"), codec);
        replies.Remember(Request("r3"), "f", Result<string>.Failure(DomainError.Invalid("x", "X", "refused")), codec);

        Assert.Equal([("1", null), (null, "not in the state")], replies.Entries.Take(2).Select(e => (e.Reference, e.Json is null ? null : JsonSerializer.Deserialize<Result<string>>(e.Json)!.Value)));
        Assert.Equal("one", replies.Find(Request("r1"), "f", codec)!.Value);

        replies.Materialize(codec);
        state[1] = "changed";
        Assert.All(replies.Entries, e => Assert.Null(e.Reference));
        Assert.Equal("one", replies.Find(Request("r1"), "f")!.Value);
        Assert.Equal("x", replies.Find(Request("r3"), "f")!.Error!.Code);
    }

    [Fact]
    public void A_reference_that_does_not_rebuild_the_same_answer_is_not_kept()
    {
        var codec = new ReplyCodec<string>(_ => "r", _ => "something else");
        var replies = new IdempotentReplies<string>();
        replies.Remember(Request("r1"), "f", Result<string>.Success("first"), codec);

        Assert.Null(replies.Entries.Single().Reference);
        Assert.Equal("first", replies.Find(Request("r1"), "f", codec)!.Value);
    }
}
