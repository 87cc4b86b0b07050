using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Identity;

/// <summary>The RSA key this service signs with, and its public half for the JWKS.</summary>
internal sealed class SigningKeys : IDisposable
{
    private const int MinimumKeySize = 2048;
    private readonly RSA _rsa;

    public SigningKeys(IOptions<IdentityServiceOptions> options, ILogger<SigningKeys> logger)
    {
        var path = options.Value.SigningKeyPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            _rsa = RSA.Create(MinimumKeySize);
            IdentityLog.GeneratedSigningKey(logger);
        }
        else
        {
            _rsa = Load(path);
        }

        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        Modulus = Base64UrlEncoder.Encode(parameters.Modulus);
        Exponent = Base64UrlEncoder.Encode(parameters.Exponent);
        KeyId = Thumbprint(Modulus, Exponent);

        var key = new RsaSecurityKey(_rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256)
        {
            // IdentityModel's default factory caches signature providers process-wide by key
            // thumbprint; a later app in the same process loading the same PEM would get a
            // provider holding this (by then disposed) RSA instance.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
    }

    public string KeyId { get; }

    public string Modulus { get; }

    public string Exponent { get; }

    public SigningCredentials Credentials { get; }

    public void Dispose() => _rsa.Dispose();

    private static RSA Load(string path)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            if (rsa.KeySize < MinimumKeySize)
                throw new InvalidOperationException($"Identity:SigningKeyPath holds a {rsa.KeySize}-bit key; at least {MinimumKeySize} bits are required.");
            rsa.ExportParameters(includePrivateParameters: true);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException("Identity:SigningKeyPath does not hold an RSA private key in PEM form.", e);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    // RFC 7638 JWK thumbprint: the same key always gets the same kid, across restarts and copies.
    private static string Thumbprint(string modulus, string exponent)
    {
        var canonical = $$"""{"e":"{{exponent}}","kty":"RSA","n":"{{modulus}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
