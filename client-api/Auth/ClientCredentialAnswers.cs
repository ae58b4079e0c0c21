using System.Text.Json;
using System.Text.Json.Nodes;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>The operator's answer to the request that admits a participant carries the
/// participant's client credentials of the embedded issuer (<c>client</c>): the one moment the
/// secret is handed out. The secret is derived, so a replay of that request answers the same bytes.
/// With an external issuer the operator creates the client there instead (deploy/keycloak).</summary>
public static class ClientCredentialAnswers
{
    public static IResult ToHttpWithClient<T>(this Result<T> result, HttpContext http, Func<T, Caller?> admitted)
    {
        if (!result.IsSuccess || http.RequestServices.GetService<EmbeddedIssuer>() is not { } issuer || admitted(result.Value!) is not { } participant)
        {
            return result.ToHttp();
        }

        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var answer = JsonSerializer.SerializeToNode(result.Value, json)!.AsObject();
        answer["client"] = JsonSerializer.SerializeToNode(issuer.CredentialsFor(participant), json);
        return TypedResults.Ok(answer);
    }
}
