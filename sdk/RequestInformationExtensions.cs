using System.Text;
using Microsoft.Kiota.Abstractions;

namespace GenomDE.Client;

/// <summary>Small additions to the generated builders' requests.</summary>
public static class RequestInformationExtensions
{
    /// <summary>Sends <paramref name="json"/> as the body exactly as written, instead of the model
    /// the builder serialised (e.g. a document with fields the description does not type yet).</summary>
    public static RequestInformation WithJson(this RequestInformation request, string json)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)), "application/json");
        return request;
    }

    /// <summary>Sets a query parameter the URL template names, whatever type the builder gives it.</summary>
    public static RequestInformation WithQuery(this RequestInformation request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is not null)
        {
            request.QueryParameters[name] = value;
        }

        return request;
    }

    /// <summary>Chooses the Idempotency-Key (default: a new one per call), e.g. one derived from a
    /// document so that sending it again, in a later run, is answered with the first answer.</summary>
    public static RequestInformation WithIdempotencyKey(this RequestInformation request, string key)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
