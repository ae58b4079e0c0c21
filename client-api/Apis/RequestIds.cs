using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>The <c>Idempotency-Key</c> header: a client that repeats a POST with the same key
/// gets the first answer back and changes nothing. Without the header each call is new and its
/// answer is not kept.</summary>
public static class RequestIds
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 128;

    /// <summary>The command envelope for this request, or a 400 when the key is unusable.</summary>
    public static bool TryContext(HttpContext http, Caller caller, out CommandContext context, out IResult? problem)
    {
        var key = http.Request.Headers[Header].FirstOrDefault();
        problem = null;
        if (key is null)
        {
            context = new CommandContext(caller, Guid.NewGuid().ToString("N"), Keyless: true);
            return true;
        }

        if (!IsValidKey(key))
        {
            context = null!;
            problem = Problem.Result(StatusCodes.Status400BadRequest, "invalid_idempotency_key", "Invalid Idempotency-Key",
                $"The Idempotency-Key header must be 1–{MaxLength} visible ASCII characters.");
            return false;
        }

        context = new CommandContext(caller, Scoped(caller, key), Hosting.IdempotencyKeys.HashOf(http));
        return true;
    }

    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is >= (char)0x21 and <= (char)0x7e);

    /// <summary>The key as the grains store it: scoped per participant, so one participant's key can
    /// never replay another's answer. The participant ID is length-prefixed, so no choice of IDs
    /// and keys makes two scopes meet (participant <c>A</c> with key <c>B:k</c> is not <c>A:B</c> with <c>k</c>).</summary>
    public static string Scoped(Caller caller, string key)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return $"{caller.Role}:{caller.ParticipantId.Length}:{caller.ParticipantId}:{key}";
    }
}
