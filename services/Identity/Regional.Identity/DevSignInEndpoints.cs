using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regional.Identity;

/// <summary>
/// Password-less sign-in as a configured demo user, so that a newcomer can try the region
/// without an identity provider. Mapped only when <c>Identity:DemoUsers:Enabled</c>.
/// </summary>
internal static class DevSignInEndpoints
{
    /// <summary>The <c>client_id</c> claim of demo tokens: no OAuth client asked for them.</summary>
    public const string DevSignInClientId = "regional-dev-sign-in";

    public static void MapDevSignInEndpoints(this WebApplication app)
    {
        var dev = app.MapGroup("/dev");
        dev.MapGet("/users", Users);
        dev.MapPost("/sign-in", SignIn);
    }

    private static Ok<List<DemoUserView>> Users(IOptions<IdentityServiceOptions> options) =>
        TypedResults.Ok(options.Value.DemoUsers.Users
            .Select(u => new DemoUserView(u.UserName, u.DisplayName, Blank(u.Authority), Blank(u.Force), u.Roles))
            .ToList());

    private static Results<Ok<TokenResponse>, ValidationProblem> SignIn(
        DevSignInRequest request, HttpContext context, IOptions<IdentityServiceOptions> options, TokenIssuer issuer, ILoggerFactory loggers)
    {
        context.Response.Headers.CacheControl = "no-store";

        if (string.IsNullOrWhiteSpace(request.UserName))
            return UserNameProblem("userName is required. GET /dev/users lists the demo users.");

        var user = options.Value.DemoUsers.Users
            .FirstOrDefault(u => string.Equals(u.UserName, request.UserName, StringComparison.OrdinalIgnoreCase));
        if (user is null)
            return UserNameProblem("No demo user has this userName. GET /dev/users lists them.");

        var token = issuer.Issue(new TokenSubject(
            Subject: user.UserName,
            ClientId: DevSignInClientId,
            Name: Blank(user.DisplayName),
            Authority: Blank(user.Authority),
            Force: Blank(user.Force),
            Roles: user.Roles));
        IdentityLog.IssuedDemoToken(
            loggers.CreateLogger(typeof(DevSignInEndpoints).FullName!),
            Blank(user.Authority) ?? Blank(user.Force) ?? "the region");
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn));
    }

    private static ValidationProblem UserNameProblem(string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["userName"] = [message] },
            title: "The demo sign-in request is not valid.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
