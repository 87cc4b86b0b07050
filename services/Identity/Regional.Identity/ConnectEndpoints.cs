using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Regional.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Regional.Identity;

/// <summary>
/// The parts of the OpenIddict endpoints that are this service's to decide (who the subject is
/// and what the token says about them); OpenIddict has already validated the request when
/// these run, and writes the protocol response from what they return.
/// </summary>
internal static class ConnectEndpoints
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";

    /// <summary>The browser session between sign-in and the next authorization request.</summary>
    public const string SessionScheme = "Regional.Identity.Session";

    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void MapConnectEndpoints(this WebApplication app)
    {
        app.MapPost(TokenPath, Token).DisableAntiforgery();
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], (Delegate)Authorize).DisableAntiforgery();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSession).DisableAntiforgery();
    }

    private static async Task<IResult> Token(
        HttpContext http, ClientRegistry clients, RedeemedCodes redeemed, IOptions<IdentityServiceOptions> options, ILoggerFactory loggers)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict request.");
        var logger = loggers.CreateLogger(typeof(ConnectEndpoints).FullName!);
        var audience = options.Value.Audience;

        if (request.IsClientCredentialsGrantType())
        {
            var client = clients.SystemClient(request.ClientId!)!;
            IdentityLog.IssuedClientToken(logger, client.ClientId);
            return Results.SignIn(Principals.ForClient(client, request.GetScopes(), audience), authenticationScheme: Server);
        }

        if (request.GrantType == DevSignInEndpoints.GrantType)
        {
            var demo = clients.DemoUser((string?)request[DevSignInEndpoints.UserParameter])!;
            IdentityLog.IssuedDemoToken(logger, Principals.Organisation(demo));
            return Results.SignIn(Principals.ForUser(demo, DevSignInEndpoints.DevSignInClientId, [], audience), authenticationScheme: Server);
        }

        // Authorization code or refresh token: OpenIddict has checked the code or token, the
        // client and the code_verifier. The user is looked up again, so that a user removed
        // or whose roles changed since the code was issued gets the configuration of now.
        var granted = (await http.AuthenticateAsync(Server)).Principal;
        var user = clients.DemoUser(granted?.GetClaim(RegionalClaims.Subject));
        if (granted is null || user is null)
        {
            IdentityLog.RefusedGrant(logger, request.GrantType!, "the user can no longer sign in");
            return Refuse(Errors.InvalidGrant, "The user can no longer sign in.");
        }

        if (request.IsAuthorizationCodeGrantType()
            && !redeemed.TryRedeem(request.Code!, granted.GetExpirationDate() ?? DateTimeOffset.UtcNow.AddHours(1)))
        {
            IdentityLog.RefusedGrant(logger, request.GrantType!, "the code was redeemed before");
            return Refuse(Errors.InvalidGrant, "The authorization code has already been used.");
        }

        // A refresh may ask for fewer scopes than were granted (OpenIddict has checked it asks for no more).
        var scopes = request.IsRefreshTokenGrantType() && !request.GetScopes().IsEmpty ? request.GetScopes() : granted.GetScopes();
        IdentityLog.IssuedUserToken(logger, Principals.Organisation(user), request.ClientId!, request.GrantType!);
        return Results.SignIn(Principals.ForUser(user, request.ClientId!, scopes, audience), authenticationScheme: Server);
    }

    private static async Task<IResult> Authorize(
        HttpContext http, ClientRegistry clients, IAntiforgery antiforgery, IOptions<IdentityServiceOptions> options, ILoggerFactory loggers)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict request.");
        var client = clients.BrowserClient(request.ClientId)!;

        DemoUserOptions? user = null;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form.ContainsKey(SignInPage.UserField))
        {
            // Without this, another site could sign a visitor in as a user of its choosing.
            if (!await antiforgery.IsRequestValidAsync(http))
                return SignInPage.Render(http, request, client, clients.DemoUsers, antiforgery, "The form had expired. Please choose again.");
            user = clients.DemoUser(http.Request.Form[SignInPage.UserField]);
            if (user is null)
                return SignInPage.Render(http, request, client, clients.DemoUsers, antiforgery, "Choose one of the users listed.");
            await http.SignInAsync(SessionScheme, Session(user));
            IdentityLog.UserSignedIn(loggers.CreateLogger(typeof(ConnectEndpoints).FullName!), Principals.Organisation(user), client.ClientId);
        }
        else if (!request.HasPromptValue(PromptValues.Login))
        {
            var session = await http.AuthenticateAsync(SessionScheme);
            user = clients.DemoUser(session.Principal?.GetClaim(RegionalClaims.Subject));
        }

        if (user is null)
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.LoginRequired, "The user is not signed in.")
                : SignInPage.Render(http, request, client, clients.DemoUsers, antiforgery);
        }

        return Results.SignIn(Principals.ForUser(user, client.ClientId, request.GetScopes(), options.Value.Audience), authenticationScheme: Server);
    }

    private static async Task<IResult> EndSession(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict request.");
        await http.SignOutAsync(SessionScheme);

        // OpenIddict redirects to the (validated) post_logout_redirect_uri, with the state.
        return request.PostLogoutRedirectUri is null
            ? SignInPage.SignedOut(http)
            : Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    private static ClaimsPrincipal Session(DemoUserOptions user) =>
        new(new ClaimsIdentity([new Claim(RegionalClaims.Subject, user.UserName)], SessionScheme));

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Server]);
}
