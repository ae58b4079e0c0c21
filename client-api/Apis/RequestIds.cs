using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>The <c>Idempotency-Key</c> header: a client that repeats a POST with the same key
/// gets the first answer back and changes nothing. Without the header each call is new.</summary>
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
            context = new CommandContext(caller, Guid.NewGuid().ToString("N"));
            return true;
        }

        if (key.Length is 0 or > MaxLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            context = null!;
            problem = Problem.Result(StatusCodes.Status400BadRequest, "invalid_idempotency_key", "Invalid Idempotency-Key",
                $"The Idempotency-Key header must be 1–{MaxLength} visible ASCII characters.");
            return false;
        }

        // Scoped per participant, so one participant's key can never replay another's answer.
        context = new CommandContext(caller, $"{caller.Role}:{caller.ParticipantId}:{key}");
        return true;
    }
}
