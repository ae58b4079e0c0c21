using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Development only (Auth:DevTokens): mints a token for any participant whose ID has the
/// right format, so the embedded platform can be tried without an identity provider.</summary>
public static class DevTokensApi
{
    public static void MapDevTokensApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/tokens", (DevTokenRequest body, DevTokenIssuer issuer, TokenSigning signing, TimeProvider clock) =>
        {
            if (ValidateParticipant(body) is { } invalid)
            {
                return Problem.Result(invalid);
            }

            var caller = new Caller(body.Role, body.ParticipantId);
            var token = issuer.Issue(caller);
            return TypedResults.Ok(new DevTokenResponse(token, "Bearer", clock.GetUtcNow() + signing.Options.DevTokenLifetime,
                ParticipantClaims.RoleName(body.Role), body.ParticipantId));
        })
        .AllowAnonymous()
        .WithTags("Development")
        .WithSummary("Mint a development token (only when Auth:DevTokens is on).");
    }

    private static DomainError? ValidateParticipant(DevTokenRequest body) => body.Role switch
    {
        ParticipantRole.Operator => string.IsNullOrWhiteSpace(body.ParticipantId)
            ? DomainError.Invalid("invalid_participant", "Invalid participant", "The operator needs a participant ID, e.g. 'BfArM'.")
            : null,
        ParticipantRole.Provider or ParticipantRole.Payer => Identifiers.ValidateIk(body.ParticipantId, ParticipantClaims.RoleName(body.Role)),
        ParticipantRole.Cdn or ParticipantRole.Gdc when Identifiers.NodeKindOf(body.ParticipantId) is { } kind
            && (kind == GrainInterfaces.Nodes.NodeKind.Cdn) == (body.Role == ParticipantRole.Cdn) => null,
        _ => DomainError.Invalid("invalid_participant", "Invalid participant",
            $"'{body.ParticipantId}' is not a node ID of role '{ParticipantClaims.RoleName(body.Role)}' (KDK… for cdn, GRZ… for gdc)."),
    };
}
