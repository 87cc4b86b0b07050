using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Regional.Security;

namespace Regional.Identity;

internal static class DiscoveryEndpoints
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks";
    public const string TokenPath = "/connect/token";

    public static void MapDiscoveryEndpoints(this WebApplication app)
    {
        app.MapGet(DiscoveryPath, Discovery);
        app.MapGet(JwksPath, Jwks);
    }

    private static Ok<DiscoveryDocument> Discovery(IOptions<IdentityServiceOptions> options)
    {
        var settings = options.Value;
        var baseUrl = settings.Issuer.TrimEnd('/');
        return TypedResults.Ok(new DiscoveryDocument(
            Issuer: settings.Issuer,
            JwksUri: baseUrl + JwksPath,
            TokenEndpoint: baseUrl + TokenPath,
            GrantTypesSupported: [TokenEndpoint.ClientCredentials],
            // No authorization endpoint, so no response type; the member is required, hence empty.
            ResponseTypesSupported: [],
            SubjectTypesSupported: ["public"],
            IdTokenSigningAlgValuesSupported: [SecurityAlgorithms.RsaSha256],
            TokenEndpointAuthMethodsSupported: ["client_secret_post", "client_secret_basic"],
            ScopesSupported: [settings.Audience],
            ClaimsSupported:
            [
                "iss", "aud", "exp", "iat", "nbf", "jti",
                RegionalClaims.Subject, RegionalClaims.ClientId, RegionalClaims.Name,
                RegionalClaims.Role, RegionalClaims.Authority, RegionalClaims.Force,
            ]));
    }

    private static Ok<JsonWebKeySetDocument> Jwks(SigningKeys keys) =>
        TypedResults.Ok(new JsonWebKeySetDocument(
            [new PublicJsonWebKey("RSA", "sig", keys.KeyId, SecurityAlgorithms.RsaSha256, keys.Modulus, keys.Exponent)]));
}
