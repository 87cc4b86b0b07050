using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Security;

public static class RegionalAuthenticationExtensions
{
    /// <summary>
    /// Bearer-token authentication against the OpenID Connect issuer named in the
    /// <c>Authentication</c> configuration section, plus authorization services.
    /// </summary>
    public static WebApplicationBuilder AddRegionalAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddRegionalAuthentication(builder.Configuration);
        return builder;
    }

    /// <inheritdoc cref="AddRegionalAuthentication(WebApplicationBuilder)"/>
    public static IServiceCollection AddRegionalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegionalAuthenticationOptions>()
            .Bind(configuration.GetSection(RegionalAuthenticationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<RegionalAuthenticationOptions>, RegionalAuthenticationOptionsValidator>());

        services.AddHttpClient(RegionalAuthenticationDefaults.DiscoveryHttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024; // Discovery and JWKS are a few KB.
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegionalTokenHandler>();

        services.AddAuthentication(RegionalAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer(RegionalAuthenticationDefaults.AuthenticationScheme);
        services.AddOptions<JwtBearerOptions>(RegionalAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<RegionalAuthenticationOptions>, RegionalTokenHandler>(Configure);
        services.AddAuthorization();
        return services;
    }

    private static void Configure(JwtBearerOptions bearer, IOptions<RegionalAuthenticationOptions> configured, RegionalTokenHandler handler)
    {
        var options = configured.Value;

        // Neither Authority nor MetadataAddress is set here: JwtBearer would then build its own
        // ConfigurationManager, whose refresh on an unknown key only helps later requests, and
        // would add whatever issuer the fetched document names to the valid issuers. The token
        // handler fetches the keys (IssuerMetadata) and the issuer is the configured one only.
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(handler);
        bearer.RefreshOnIssuerKeyNotFound = false;
        bearer.MapInboundClaims = false;
        bearer.IncludeErrorDetails = false;

        var issuer = options.Authority.TrimEnd('/');
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            AuthenticationType = RegionalAuthenticationDefaults.AuthenticationScheme,
            ValidIssuers = [issuer, issuer + "/"],
            ValidAudience = options.Audience,
            ValidAlgorithms = options.EffectiveAlgorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = RegionalClaims.Subject,
            RoleClaimType = RegionalClaims.Role,
        };
        bearer.Events = new JwtBearerEvents { OnChallenge = Challenge };
    }

    /// <summary>RFC 6750 challenge with a fixed sentence per kind of failure: useful to an integrator, revealing nothing about the token.</summary>
    private static Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        if (context.AuthenticateFailure is IssuerUnavailableException)
        {
            // Retrying the same token shortly will work; asking the caller for another would not help.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(IssuerUnavailableException.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return context.Response.WriteAsJsonAsync(
                new { type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4", title = "The token issuer cannot be reached", status = 503 },
                options: null, contentType: "application/problem+json");
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{Describe(context.AuthenticateFailure)}\"";
        return Task.CompletedTask;
    }

    /// <remarks>
    /// Lifetime, audience and issuer are only judged once the signature holds, so saying which
    /// helps an integrator (a clock, a configuration) and no forger. A failed signature, an unknown
    /// key id or a refused algorithm all get the same sentence: telling them apart would tell
    /// someone forging tokens which part of the forgery the service saw through (issue 11).
    /// </remarks>
    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "The token has expired",
        SecurityTokenNotYetValidException => "The token is not valid yet",
        SecurityTokenInvalidAudienceException => "The token is not for this audience",
        SecurityTokenInvalidIssuerException => "The token is from an untrusted issuer",
        SecurityTokenMalformedException => "The token is malformed",
        _ => "The token is invalid",
    };
}
