namespace GenomDE.Cli.Hosting;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The document is invalid, or the API refused the request.</summary>
    public const int Refused = 1;

    /// <summary>The command line (or the connection settings) cannot work.</summary>
    public const int Usage = 2;
}
