using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Regional.Identity;

// OpenIddict runs in degraded mode (no application store), so these handlers do what its
// store-backed ones would: decide which clients exist, what they may ask for and where
// responses may go. All of it comes from the Identity configuration section.

/// <summary>Client authentication and grant checks at the token endpoint.</summary>
internal sealed class ValidateTokenRequest(ClientRegistry clients, IOptions<IdentityServiceOptions> options, ILogger<ValidateTokenRequest> logger)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<ValidateTokenRequest>()
            // After OpenIddict's own checks (grant type, code and code_verifier, parameters).
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var request = context.Request;
        if (request.IsClientCredentialsGrantType())
        {
            var client = request.ClientId is { } id && request.ClientSecret is { } secret ? clients.Authenticate(id, secret) : null;
            if (client is null)
            {
                if (request.ClientId is { } attempted)
                    // An unknown id is whatever the caller typed: do not write it into the log.
                    IdentityLog.ClientAuthenticationFailed(logger, clients.IsKnown(attempted) ? attempted : "an unknown client");
                // The same words whatever was wrong, so a caller learns nothing about which ids exist.
                context.Reject(Errors.InvalidClient, "Client authentication failed.");
                return default;
            }

            // A system client acts for its organisation, not for a person: no identity token,
            // no refresh token, only the region's API scope.
            var audience = options.Value.Audience;
            if (request.GetScopes().Any(scope => scope != audience))
                context.Reject(Errors.InvalidScope, $"The only scope a system client may ask for is '{audience}'.");
            return default;
        }

        if (request.GrantType == DevSignInEndpoints.GrantType)
        {
            // Only as rewritten from POST /dev/sign-in, which checked the user; the grant exists
            // only while demo sign-in is enabled.
            if (request.ClientId != DevSignInEndpoints.DevSignInClientId || request.ClientSecret is not null
                || clients.DemoUser((string?)request[DevSignInEndpoints.UserParameter]) is null)
                context.Reject(Errors.InvalidGrant, "Not a demo sign-in.");
            return default;
        }

        // Authorization code and refresh token: only the public browser clients, which have no secret.
        if (clients.BrowserClient(request.ClientId) is null || request.ClientSecret is not null)
        {
            IdentityLog.RefusedGrant(logger, request.GrantType ?? "unknown", "not a registered browser client");
            context.Reject(Errors.InvalidClient, "Client authentication failed.");
        }

        return default;
    }
}

/// <summary>
/// A system client that sent no credentials at all gets the same answer as one that sent wrong
/// ones (OpenIddict would call a missing client_id an invalid request): before OpenIddict's checks.
/// </summary>
internal sealed class RequireClientCredentials : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<RequireClientCredentials>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        // A repeated parameter reads as absent, which would otherwise pass for missing credentials.
        if (context.Request.GetParameters().FirstOrDefault(p => p.Value.Count > 1).Key is { } repeated)
            context.Reject(Errors.InvalidRequest, $"The parameter '{repeated}' must not be repeated.");
        else if (context.Request.IsClientCredentialsGrantType()
            && (string.IsNullOrEmpty(context.Request.ClientId) || string.IsNullOrEmpty(context.Request.ClientSecret)))
            context.Reject(Errors.InvalidClient, "Client authentication failed.");
        return default;
    }
}

/// <summary>Which browser client is asking, and whether the code may go where it asks.</summary>
internal sealed class ValidateAuthorizationRequest(ClientRegistry clients, IOptions<IdentityServiceOptions> options)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<ValidateAuthorizationRequest>()
            // Right after the redirect_uri has been read, before OpenIddict's other checks, so that
            // an unregistered client learns nothing more than that. Like every refusal at this
            // stage, OpenIddict shows it on an error page here rather than redirecting.
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateRedirectUriParameter.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var request = context.Request;
        var client = clients.BrowserClient(request.ClientId);
        // Exact match only (RFC 9700 §4.1.3): an unregistered redirect_uri gets an error page
        // here, never a redirect, so the code cannot be sent anywhere else.
        if (client is null || request.RedirectUri is null || !client.RedirectUris.Contains(request.RedirectUri, StringComparer.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "The client_id or redirect_uri is not registered.");
            return default;
        }

        context.SetRedirectUri(request.RedirectUri);

        var allowed = new[] { Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, options.Value.Audience };
        if (request.GetScopes().Except(allowed, StringComparer.Ordinal).Any())
            context.Reject(Errors.InvalidScope, $"Browser clients may ask for {string.Join(", ", allowed)}.");
        return default;
    }
}

/// <summary>Sign-out may send the browser back only to a registered address.</summary>
internal sealed class ValidateEndSessionRequest(ClientRegistry clients) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseScopedHandler<ValidateEndSessionRequest>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (context.Request.PostLogoutRedirectUri is not { } uri)
            return default;
        if (clients.IsPostLogoutRedirectUri(uri))
            context.SetPostLogoutRedirectUri(uri);
        else
            context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
        return default;
    }
}
