using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Identity;

/// <summary>
/// The RSA keys of this service: the current signing key, the previous ones (still published
/// while tokens they signed may be in use) and the key that encrypts codes and refresh tokens.
/// </summary>
internal sealed class SigningKeys : IDisposable
{
    private const int MinimumKeySize = 2048;
    private readonly List<RSA> _owned = [];

    public SigningKeys(IOptions<IdentityServiceOptions> options, ILogger<SigningKeys> logger)
    {
        var settings = options.Value;
        try
        {
            Current = string.IsNullOrWhiteSpace(settings.SigningKeyPath)
                ? Generated(() => IdentityLog.GeneratedSigningKey(logger))
                : Load(settings.SigningKeyPath, "Identity:SigningKeyPath");
            Previous = settings.PreviousSigningKeyPaths
                .Select((path, i) => Load(path, $"Identity:PreviousSigningKeyPaths:{i}"))
                // The current key listed as previous too (a half-done rotation) is published once.
                .Where(key => key.KeyId != Current.KeyId)
                .DistinctBy(key => key.KeyId)
                .ToList();
            Encryption = string.IsNullOrWhiteSpace(settings.EncryptionKeyPath)
                ? Generated(() => IdentityLog.GeneratedEncryptionKey(logger))
                : Load(settings.EncryptionKeyPath, "Identity:EncryptionKeyPath");
        }
        catch
        {
            Dispose();
            throw;
        }

        if (Encryption.KeyId == Current.KeyId || Previous.Any(k => k.KeyId == Encryption.KeyId))
        {
            Dispose();
            throw new InvalidOperationException("Identity:EncryptionKeyPath must hold a key of its own, not a signing key.");
        }
    }

    /// <summary>Signs every token issued from now on.</summary>
    public RsaSecurityKey Current { get; }

    /// <summary>Verify only.</summary>
    public IReadOnlyList<RsaSecurityKey> Previous { get; }

    public RsaSecurityKey Encryption { get; }

    public SigningCredentials Credentials => new(Current, SecurityAlgorithms.RsaSha256);

    public void Dispose()
    {
        foreach (var rsa in _owned)
            rsa.Dispose();
    }

    private RsaSecurityKey Generated(Action log)
    {
        log();
        return Wrap(RSA.Create(MinimumKeySize));
    }

    private RsaSecurityKey Load(string path, string setting)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            if (rsa.KeySize < MinimumKeySize)
                throw new InvalidOperationException($"{setting} holds a {rsa.KeySize}-bit key; at least {MinimumKeySize} bits are required.");
            rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{setting} does not hold an RSA private key in PEM form.", e);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }

        return Wrap(rsa);
    }

    private RsaSecurityKey Wrap(RSA rsa)
    {
        _owned.Add(rsa);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new RsaSecurityKey(rsa)
        {
            KeyId = Thumbprint(Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent)),
            // IdentityModel's default factory caches crypto providers process-wide by key
            // thumbprint; a later app in the same process loading the same PEM would get a
            // provider holding this (by then disposed) RSA instance.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
    }

    // RFC 7638 JWK thumbprint: the same key always gets the same kid, across restarts and copies.
    private static string Thumbprint(string modulus, string exponent)
    {
        var canonical = $$"""{"e":"{{exponent}}","kty":"RSA","n":"{{modulus}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
