using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Regional.Identity;

/// <summary>
/// Password-less sign-in as a configured demo user, so that a newcomer can try the region
/// with curl and without a browser. Mapped only when <c>Identity:DemoUsers:Enabled</c>.
/// </summary>
internal static class DevSignInEndpoints
{
    /// <summary>The <c>client_id</c> claim of demo tokens: no OAuth client asked for them.</summary>
    public const string DevSignInClientId = "regional-dev-sign-in";

    public static void MapDevSignInEndpoints(this WebApplication app)
    {
        var dev = app.MapGroup("/dev");
        dev.MapGet("/users", Directory);
        dev.MapPost("/sign-in", SignIn);
    }

    private static Ok<DevDirectory> Directory(ClientRegistry registry) =>
        TypedResults.Ok(new DevDirectory(
            registry.DemoUsers.Select(u => new DemoUserView(u.UserName, u.DisplayName, Blank(u.Authority), Blank(u.Force), u.Roles)).ToList(),
            registry.SystemClients.Select(c => new SystemClientView(c.ClientId, Blank(c.Authority), Blank(c.Force), c.Roles)).ToList(),
            registry.BrowserClients.Select(c => new BrowserClientView(c.ClientId, c.RedirectUris, c.PostLogoutRedirectUris)).ToList()));

    private static Results<Ok<TokenResponse>, ValidationProblem> SignIn(
        DevSignInRequest request, HttpContext context, ClientRegistry registry, TokenIssuer issuer, ILoggerFactory loggers)
    {
        context.Response.Headers.CacheControl = "no-store";

        if (string.IsNullOrWhiteSpace(request.UserName))
            return UserNameProblem("userName is required. GET /dev/users lists the demo users.");

        var user = registry.DemoUser(request.UserName);
        if (user is null)
            return UserNameProblem("No demo user has this userName. GET /dev/users lists them.");

        var token = issuer.Issue(new TokenSubject(
            Subject: user.UserName,
            ClientId: DevSignInClientId,
            Name: Blank(user.DisplayName),
            Authority: Blank(user.Authority),
            Force: Blank(user.Force),
            Roles: user.Roles));
        IdentityLog.IssuedDemoToken(loggers.CreateLogger(typeof(DevSignInEndpoints).FullName!), Principals.Organisation(user));
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn));
    }

    private static ValidationProblem UserNameProblem(string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["userName"] = [message] },
            title: "The demo sign-in request is not valid.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
