using System.Globalization;

using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.OperatorConsole.Components;

/// <summary>What every console page has: the request, the grains, the operator as a caller, the
/// texts in the chosen language, and the outcome of the form it just handled.</summary>
public abstract class ConsolePage : ComponentBase
{
    [CascadingParameter]
    public HttpContext Http { get; set; } = null!;

    [Inject]
    public IGrainFactory Grains { get; set; } = null!;

    [Inject]
    public ConsoleHost Host { get; set; } = null!;

    protected Texts T => ConsoleLanguage.Of(Http);

    /// <summary>The authorization policy let only the operator in.</summary>
    protected Caller Operator => Host.CallerOf(Http.User) ?? throw new InvalidOperationException("The console is for the operator only.");

    /// <summary>The problem the last action was refused with.</summary>
    protected DomainError? Refusal { get; private set; }

    /// <summary>What the last action did.</summary>
    protected string? Done { get; private set; }

    /// <summary>A fresh idempotency key for each form this render shows.</summary>
    protected string FormKey { get; private set; } = ConsoleCommands.NewKey();

    protected static CultureInfo Culture => CultureInfo.InvariantCulture;

    /// <summary>The envelope for a submitted form, or null (and a refusal shown) when the form carried no usable key.</summary>
    protected CommandContext? Command(string? key, string action, params string?[] fields)
    {
        if (!ConsoleCommands.IsKey(key))
        {
            RefuseWith(DomainError.Invalid("invalid_idempotency_key", T.FormExpired, T.FormExpiredDetail));
            return null;
        }

        return ConsoleCommands.Context(Host, Operator, key!, action, fields);
    }

    /// <summary>True while the request is the POST of form <paramref name="formName"/> and it was not
    /// handled yet. A form is rendered for such a request even when the state no longer offers it
    /// (a double submit after the first changed the state): the grain then answers the replay, and
    /// the operator sees the first outcome instead of an empty 400.</summary>
    protected bool Posting(string formName) =>
        !Handled && HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType && Http.Request.Form["_handler"] == formName;

    private bool Handled { get; set; }

    protected bool Show<TValue>(Result<TValue> result, string done)
    {
        ArgumentNullException.ThrowIfNull(result);
        Handled |= HttpMethods.IsPost(Http.Request.Method);
        if (result.IsSuccess)
        {
            Done = done;
            Refusal = null;
        }
        else
        {
            Refusal = result.Error;
            Done = null;
        }

        return result.IsSuccess;
    }

    /// <summary>A read's outcome: its problem is shown, nothing counts as handled.</summary>
    protected bool Read<TValue>(Result<TValue> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Refusal = result.Error ?? Refusal;
        return result.IsSuccess;
    }

    protected void RefuseWith(DomainError error)
    {
        Refusal = error;
        Handled |= HttpMethods.IsPost(Http.Request.Method);
    }

    /// <summary>The API's edge check (400 <c>text_too_long</c>), with the same limits.</summary>
    protected bool TooLong(string? text, int limit)
    {
        if (text is null || text.Length <= limit)
        {
            return false;
        }

        RefuseWith(DomainError.Invalid("text_too_long", T.TextTooLong, string.Format(CultureInfo.InvariantCulture, T.TextTooLongDetail, limit)));
        return true;
    }

    protected static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture);
}
