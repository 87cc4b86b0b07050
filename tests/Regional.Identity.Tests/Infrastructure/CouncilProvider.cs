using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>
/// Stands in for an OpenID Connect provider a council already runs: ES256 keys, its own
/// discovery document, and keys it can rotate while services are running.
/// </summary>
public sealed class CouncilProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile ECDsaSecurityKey[] _published = [];

    private CouncilProvider(WebApplication app) => _app = app;

    public string Issuer => _app.BaseAddress().ToString().TrimEnd('/');

    public int DiscoveryRequests;

    /// <summary>Answers 503 to everything while set, like a provider that is down.</summary>
    public volatile bool Unavailable;

    public static async Task<CouncilProvider> StartAsync()
    {
        CouncilProvider? provider = null;
        var app = await LoopbackApp.StartAsync(0, new Dictionary<string, string?>(), new LogCapture(),
            _ => { },
            app =>
            {
                app.MapGet("/.well-known/openid-configuration", IResult () =>
                {
                    Interlocked.Increment(ref provider!.DiscoveryRequests);
                    if (provider.Unavailable)
                        return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
                    return TypedResults.Ok(new Dictionary<string, object>
                    {
                        ["issuer"] = provider.Issuer,
                        ["jwks_uri"] = provider.Issuer + "/keys",
                        ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
                    });
                });
                app.MapGet("/keys", () => TypedResults.Ok(new { keys = provider!._published.Select(Jwk) }));
            });
        provider = new CouncilProvider(app);
        return provider;
    }

    public static ECDsaSecurityKey NewKey() =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };

    public void Publish(params ECDsaSecurityKey[] keys) => _published = keys;

    public string Issue(ECDsaSecurityKey key, string audience = "regional") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "worker-42",
                ["authority"] = "derbyshire",
                ["role"] = new[] { "cre-coordinator" },
            },
        });

    private static object Jwk(ECDsaSecurityKey key)
    {
        var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "EC",
            use = "sig",
            crv = "P-256",
            alg = "ES256",
            kid = key.KeyId,
            x = Base64UrlEncoder.Encode(parameters.Q.X),
            y = Base64UrlEncoder.Encode(parameters.Q.Y),
        };
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
