using System.Security.Claims;
using GenomDE.Orleans.GrainInterfaces.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GenomDE.Orleans.ClientApi.Auth;

/// <summary>Mints tokens signed like the production ones, for development and tests only.</summary>
public sealed class DevTokenIssuer(TokenSigning signing, TimeProvider clock)
{
    public string Issue(Caller caller)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = signing.Options.Issuer,
            Audience = signing.Options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + signing.Options.DevTokenLifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ParticipantClaims.Subject, caller.ParticipantId),
                new Claim(ParticipantClaims.Role, ParticipantClaims.RoleName(caller.Role)),
            ]),
            SigningCredentials = new SigningCredentials(signing.Key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
