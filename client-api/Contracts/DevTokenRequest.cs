using GenomDE.Orleans.GrainInterfaces.Common;

namespace GenomDE.Orleans.ClientApi.Contracts;

/// <summary>Body of <c>POST /dev/tokens</c>.</summary>
public sealed record DevTokenRequest(ParticipantRole Role, string ParticipantId);

public sealed record DevTokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string Role, string ParticipantId);
