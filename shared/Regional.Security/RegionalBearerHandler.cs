using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Security;

/// <summary>RFC 6750 bearer-token authentication backed by <see cref="RegionalTokenValidator"/>.</summary>
internal sealed class RegionalBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    RegionalTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var token = authorization[Prefix.Length..].Trim();
        if (token.Length == 0)
            return AuthenticateResult.NoResult();

        var result = await validator.ValidateAsync(token, Context.RequestAborted);
        if (!result.IsValid)
        {
            // The exception type says why without the token or its claims, which may be personal data.
            SecurityLog.TokenRejected(Logger, result.Exception?.GetType().Name ?? "unknown");
            return AuthenticateResult.Fail(result.Exception ?? new SecurityTokenValidationException());
        }

        var ticket = new AuthenticationTicket(new ClaimsPrincipal(result.ClaimsIdentity), Scheme.Name);
        return AuthenticateResult.Success(ticket);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{Describe(failure)}\"";
    }

    // Fixed wording per failure kind: useful to an integrator, reveals nothing about the token.
    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "The token has expired",
        SecurityTokenNotYetValidException => "The token is not valid yet",
        SecurityTokenInvalidAudienceException => "The token is not for this audience",
        SecurityTokenInvalidIssuerException => "The token is from an untrusted issuer",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "The token signature is invalid",
        SecurityTokenMalformedException => "The token is malformed",
        _ => "The token is invalid",
    };
}
