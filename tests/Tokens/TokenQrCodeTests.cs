using System.Buffers.Binary;
using System.Net;
using GenomDE.Orleans.ClientApi.Apis;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using GenomDE.Orleans.Tests.Cases;
using GenomDE.Orleans.Tests.Fixtures;
using GenomDE.Orleans.Tests.Submissions;
using QRCoder;

namespace GenomDE.Orleans.Tests.Tokens;

/// <summary><c>GET /api/v1/tokens/{code}/qr.png</c>: the Meldebestätigung as a QR code, for the LE it was issued to only.</summary>
[Collection(PlatformCollectionDefinition.Name)]
public sealed class TokenQrCodeTests(PlatformFixture platform)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_le_gets_its_meldebestaetigung_as_a_png_qr_code_of_exactly_that_text()
    {
        var (scenario, token) = await IssuedToken();

        using var response = await scenario.Hospital.GetAsync($"/api/v1/tokens/{token.Code}/qr.png");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngSignature, png[..8]);

        // The IHDR chunk's width and height: the QR matrix of the delivered text (quiet zone included), 10 pixels a module.
        using var expected = QRCodeGenerator.GenerateQrCode(token.Record.Token.Delivered, QRCodeGenerator.ECCLevel.M);
        var side = expected.ModuleMatrix.Count * TokenQrCode.PixelsPerModule;
        Assert.Equal((side, side), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.Equal(new PngByteQRCode(expected).GetGraphic(TokenQrCode.PixelsPerModule), png); // the text encoded is the Meldebestätigung, byte for byte
    }

    [Fact]
    public async Task Another_le_gets_404_a_payer_403_and_a_malformed_code_400()
    {
        var (_, token) = await IssuedToken();

        var otherLe = platform.Client(ParticipantRole.Provider, "100000001");
        await (await otherLe.GetAsync($"/api/v1/tokens/{token.Code}/qr.png")).AssertProblem(HttpStatusCode.NotFound, "unknown_token");
        var payer = platform.Client(ParticipantRole.Payer, "200000001");
        await (await payer.GetAsync($"/api/v1/tokens/{token.Code}/qr.png")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await otherLe.GetAsync("/api/v1/tokens/not-a-code!/qr.png")).AssertProblem(HttpStatusCode.BadRequest, "invalid_confirmation_code");
    }

    private async Task<(CaseScenario Scenario, TokenView Token)> IssuedToken()
    {
        var scenario = await CaseScenario.Start(platform);
        var metadata = scenario.Metadata(MetadataDocument.Panel);
        await (await scenario.SubmitGenomic(metadata)).Read<SubmissionAnswer>(HttpStatusCode.Created);
        var tan = metadata["submission"]!["tanG"]!.GetValue<string>();
        await scenario.GdcProcesses(tan);
        var tokens = await (await scenario.Hospital.GetAsync(Http.RecentTokensPath)).Read<List<TokenView>>();
        return (scenario, tokens.Single(t => t.Tan == tan));
    }
}
