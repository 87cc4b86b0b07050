using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Regional.Security;

namespace Regional.Identity;

/// <summary>Whom a token is about. Exactly what ends up in the token's claims.</summary>
internal sealed record TokenSubject(
    string Subject, string ClientId, string? Name, string? Authority, string? Force, IReadOnlyList<string> Roles, string? Scope = null);

internal sealed record IssuedToken(string AccessToken, int ExpiresIn);

/// <summary>Issues RFC 9068 JWT access tokens.</summary>
internal sealed class TokenIssuer(IOptions<IdentityServiceOptions> options, SigningKeys keys, TimeProvider time)
{
    public const string AccessTokenType = "at+jwt";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(TokenSubject subject)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();

        var claims = new Dictionary<string, object>
        {
            [RegionalClaims.Subject] = subject.Subject,
            [RegionalClaims.ClientId] = subject.ClientId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            // Always an array, even for one role, so that readers need not handle two shapes.
            [RegionalClaims.Role] = subject.Roles.ToArray(),
        };
        AddIfPresent(claims, RegionalClaims.Name, subject.Name);
        AddIfPresent(claims, RegionalClaims.Authority, subject.Authority);
        AddIfPresent(claims, RegionalClaims.Force, subject.Force);
        AddIfPresent(claims, "scope", subject.Scope);

        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = AccessTokenType,
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.TokenLifetime).UtcDateTime,
            SigningCredentials = keys.Credentials,
            Claims = claims,
        };

        return new IssuedToken(_handler.CreateToken(descriptor), (int)settings.TokenLifetime.TotalSeconds);
    }

    private static void AddIfPresent(Dictionary<string, object> claims, string type, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            claims[type] = value;
    }
}
