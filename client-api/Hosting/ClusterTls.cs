using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace GenomDE.Orleans.ClientApi;

/// <summary>Mutual TLS between silos and between clients and gateways, section <c>Orleans:Tls</c>.
/// Off by default (the embedded single-process platform has no network between its parts); when on,
/// every peer must present a certificate issued by the cluster CA, in both directions.</summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Orleans:Tls";

    public bool Enabled { get; set; }

    /// <summary>This process's certificate: PKCS#12 (PFX) or PEM. A PEM file holds the private key
    /// too unless <see cref="KeyPath"/> names it.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/> when it is a separate file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PFX, or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>PEM file with the cluster CA certificate(s) a peer's certificate must chain to. During a
    /// CA rotation it holds the old and the new CA (deploy/certs/README.md).</summary>
    public string? CaPath { get; set; }
}

/// <summary>Turns <see cref="ClusterTlsOptions"/> into Orleans' <see cref="TlsOptions"/>, the same way
/// for silos (<c>UseTls</c> on the silo builder) and clients.</summary>
public static class ClusterTls
{
    /// <summary>The settings when TLS is on; null when it is off. Throws when it is on but incomplete:
    /// a cluster that was meant to be closed must not start open.</summary>
    public static ClusterTlsOptions? Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>();
        if (options is not { Enabled: true })
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePath) || string.IsNullOrWhiteSpace(options.CaPath))
        {
            throw new InvalidOperationException(
                $"{ClusterTlsOptions.Section}:Enabled is true, so {ClusterTlsOptions.Section}:CertificatePath and {ClusterTlsOptions.Section}:CaPath must name this process's certificate and the cluster CA.");
        }

        return options;
    }

    /// <summary>Our certificate, the peer's certificate required in both directions, and the peer
    /// checked against the cluster CA only.</summary>
    public static void Configure(TlsOptions tls, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(options);
        var authorities = LoadAuthorities(options.CaPath!);
        tls.LocalCertificate = LoadCertificate(options);
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;

        // Outbound too (client to gateway, silo to silo): without this a certificate that is not fit
        // for client authentication would be left out silently and only the far side would know why
        // we are refused; now it fails on our side with a clear error.
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, chain, _) => IssuedByCluster(certificate, chain, authorities);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to one of <paramref name="authorities"/>.
    /// The chain and errors SslStream computed are not used: they are against the machine's trust
    /// store (any public CA would do) and the host name we dialled, which means nothing here because
    /// silos and clients dial the IP addresses of the membership table. Being issued by the cluster CA
    /// is the identity. The key usage SslStream asked for (server authentication when we dial,
    /// client authentication when we accept) is kept, so the API's client certificate cannot pose as
    /// a silo.</summary>
    public static bool IssuedByCluster(X509Certificate2 certificate, X509Chain? chain, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        using var own = new X509Chain();
        var policy = own.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(authorities);

        // A private cluster CA publishes no CRL or OCSP: a compromised certificate is dealt with by
        // rotating the CA (deploy/certs/README.md).
        policy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var usage in chain.ChainPolicy.ApplicationPolicy)
            {
                policy.ApplicationPolicy.Add(usage);
            }

            // Intermediate certificates the peer sent with its own; trust still ends at our CA.
            policy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        return own.Build(certificate);
    }

    /// <summary>Every certificate in the PEM file (one CA, or old and new during a rotation).</summary>
    public static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(RequireFile(path, "CaPath"));
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CaPath ({path}) holds no certificate.");
        }

        return authorities;
    }

    /// <summary>This process's certificate with its private key, from a PFX or PEM file.</summary>
    public static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = RequireFile(options.CertificatePath!, "CertificatePath");
        var password = string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword;
        if (File.ReadAllBytes(path).AsSpan().IndexOf("-----BEGIN"u8) < 0)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? null : RequireFile(options.KeyPath, "KeyPath");
        using var pem = password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);

        // A key read from PEM is ephemeral; on Windows SslStream cannot use such a key, a PKCS#12
        // round trip gives it a persisted one. Harmless elsewhere.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static string RequireFile(string path, string key) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{ClusterTlsOptions.Section}:{key}: no file at {path}.");
}
