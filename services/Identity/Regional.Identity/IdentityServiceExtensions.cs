using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Regional.Security;
using Regional.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Regional.Identity;

public static class IdentityServiceExtensions
{
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("regional-identity", authority: null);
        // OpenIddict logs whole requests and responses at Information and below: client ids
        // typed by anyone, user names, and (redacted or not) tokens. Its warnings and errors stay.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);

        var services = builder.Services;
        services.AddOptions<IdentityServiceOptions>()
            .Bind(builder.Configuration.GetSection(IdentityServiceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<IdentityServiceOptions>, IdentityServiceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<RedeemedCodes>();
        services.AddAntiforgery(o => o.Cookie.Name = "Regional.Identity.Antiforgery");
        services.AddAuthentication().AddCookie(ConnectEndpoints.SessionScheme, o =>
        {
            o.Cookie.Name = "Regional.Identity.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });

        services.AddOpenIddict().AddServer(server =>
        {
            // Relative, so that they hang under the issuer's path (e.g. /identity behind the gateway).
            server.SetConfigurationEndpointUris(".well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks")
                .SetTokenEndpointUris(ConnectEndpoints.TokenPath.TrimStart('/'))
                .SetAuthorizationEndpointUris(ConnectEndpoints.AuthorizePath.TrimStart('/'))
                .SetEndSessionEndpointUris(ConnectEndpoints.EndSessionPath.TrimStart('/'));
            server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            server.RequireProofKeyForCodeExchange();
            // No application, authorization or token store: clients come from configuration and
            // codes and refresh tokens are self-contained (encrypted), so the service stays stateless.
            server.EnableDegradedMode();
            // Services read the access tokens themselves (Regional.Security): signed, not encrypted.
            server.DisableAccessTokenEncryption();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess);
            server.RegisterClaims(
                RegionalClaims.Subject, RegionalClaims.ClientId, RegionalClaims.Name,
                RegionalClaims.Role, RegionalClaims.Authority, RegionalClaims.Force);
            server.AddEventHandler(RequireClientCredentials.Descriptor);
            server.AddEventHandler(ValidateTokenRequest.Descriptor);
            server.AddEventHandler(ValidateAuthorizationRequest.Descriptor);
            server.AddEventHandler(ValidateEndSessionRequest.Descriptor);
            server.AddEventHandler(ShapeIssuedToken.Descriptor);
            server.AddEventHandler(ShapeDiscoveryDocument.Descriptor);
            server.AddEventHandler(ShapeAuthorizationResponseIssuer.Descriptor);
            server.UseAspNetCore()
                .EnableTokenEndpointPassthrough()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                // TLS ends at the gateway or the platform in front of this service.
                .DisableTransportSecurityRequirement();
        });
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<IdentityServiceOptions>, SigningKeys, TimeProvider>(ConfigureServer)
            // After OpenIddict's own post-configuration, which adds what the flows allow by default.
            .PostConfigure(server =>
            {
                // "plain" would let an intercepted code_challenge redeem the code: S256 only.
                server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
                // Clients authenticate with a secret (systems) or with PKCE alone (browsers);
                // without a store of client keys a client assertion could not be checked.
                server.ClientAssertionTypes.Clear();
                server.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
            });
        return builder;
    }

    public static WebApplication MapIdentityService(this WebApplication app)
    {
        // Reading the options validates them, and resolving the keys loads or generates them:
        // a bad configuration or key file stops the start, not the first request.
        var options = app.Services.GetRequiredService<IOptions<IdentityServiceOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;

        app.UseServiceDefaults();
        // OpenIddict answers a GET with 400; a method the endpoint does not have is a 405.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(ConnectEndpoints.TokenPath, StringComparison.OrdinalIgnoreCase)
                && !HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = HttpMethods.Post;
                return Task.CompletedTask;
            }

            return next(context);
        });
        if (options.DemoUsers.Enabled)
        {
            IdentityLog.DemoSignInEnabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityServiceExtensions).FullName!));
            app.UseDevSignIn();
            app.MapDevSignInEndpoints();
        }

        // Explicitly after the dev sign-in, which turns its request into a token request first.
        app.UseRouting();
        app.UseAuthentication();
        app.MapConnectEndpoints();

        app.MapHealthEndpoints();
        return app;
    }

    private static void ConfigureServer(OpenIddictServerOptions server, IOptions<IdentityServiceOptions> options, SigningKeys keys, TimeProvider time)
    {
        var settings = options.Value;
        // With a trailing slash, so that relative endpoints resolve under a path prefix
        // (http://gateway/identity/ + connect/token). What tokens and discovery say is the issuer
        // exactly as configured (IssuerShape.cs).
        server.Issuer = new Uri(settings.Issuer.TrimEnd('/') + "/", UriKind.Absolute);
        server.TimeProvider = time;
        server.AccessTokenLifetime = settings.TokenLifetime;
        server.IdentityTokenLifetime = settings.TokenLifetime;
        server.RefreshTokenLifetime = settings.RefreshTokenLifetime;
        server.Scopes.Add(settings.Audience);
        if (settings.DemoUsers.Enabled)
            server.GrantTypes.Add(DevSignInEndpoints.GrantType);

        // The current key first: OpenIddict signs with the first and publishes them all.
        server.SigningCredentials.Add(keys.Credentials);
        foreach (var previous in keys.Previous)
            server.SigningCredentials.Add(new(previous, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
        server.EncryptionCredentials.Add(new(keys.Encryption,
            Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaOAEP, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
