using QRCoder;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>A Meldebestätigung as a QR code. Medium error correction (15 %) keeps the code small
/// enough for a label printer while surviving a crease in the paper file; 10 pixels per module
/// scan reliably from a screen too.</summary>
public static class TokenQrCode
{
    public const int PixelsPerModule = 10;

    public static byte[] Png(string meldebestaetigung)
    {
        using var data = QRCodeGenerator.GenerateQrCode(meldebestaetigung, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
