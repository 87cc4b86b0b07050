using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Regional.Identity;

/// <summary>
/// Password-less sign-in as a configured demo user, so that a newcomer can try the region with
/// curl and without a browser. Mapped only when <c>Identity:DemoUsers:Enabled</c>.
/// </summary>
internal static class DevSignInEndpoints
{
    public const string SignInPath = "/dev/sign-in";

    /// <summary>The <c>client_id</c> of demo tokens: no registered client asked for them.</summary>
    public const string DevSignInClientId = "regional-dev-sign-in";

    /// <summary>
    /// The token request a dev sign-in becomes, so that OpenIddict issues the token like any
    /// other. Allowed only while demo sign-in is enabled; not listed in discovery.
    /// </summary>
    public const string GrantType = "urn:regional:grant-type:dev-sign-in";

    /// <summary>The token request parameter naming the demo user.</summary>
    public const string UserParameter = "regional_user";

    public static void MapDevSignInEndpoints(this WebApplication app) =>
        app.MapGet("/dev/users", Directory);

    /// <summary>
    /// Turns a valid <c>POST /dev/sign-in</c> into a token request for <see cref="GrantType"/>,
    /// before OpenIddict and routing see it; an invalid one gets its problem here.
    /// </summary>
    public static void UseDevSignIn(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method))
        {
            var problem = await RewriteAsync(context);
            if (problem is not null)
            {
                await problem.ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    private static async Task<IResult?> RewriteAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON: {\"userName\": \"...\"}.");

        DevSignInRequest? body;
        try
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            body = await request.ReadFromJsonAsync<DevSignInRequest>(json, context.RequestAborted);
        }
        catch (JsonException)
        {
            return UserNameProblem("The body must be JSON: {\"userName\": \"...\"}.");
        }

        if (string.IsNullOrWhiteSpace(body?.UserName))
            return UserNameProblem("userName is required. GET /dev/users lists the demo users.");
        if (context.RequestServices.GetRequiredService<ClientRegistry>().DemoUser(body.UserName) is not { } user)
            return UserNameProblem("No demo user has this userName. GET /dev/users lists them.");

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantType,
            ["client_id"] = DevSignInClientId,
            [UserParameter] = user.UserName,
        });
        var bytes = await form.ReadAsByteArrayAsync(context.RequestAborted);
        request.Path = ConnectEndpoints.TokenPath;
        request.ContentType = "application/x-www-form-urlencoded";
        request.ContentLength = bytes.Length;
        request.Body = new MemoryStream(bytes);
        request.Headers.Authorization = default;
        return null;
    }

    private static Ok<DevDirectory> Directory(ClientRegistry registry) =>
        TypedResults.Ok(new DevDirectory(
            registry.DemoUsers.Select(u => new DemoUserView(u.UserName, u.DisplayName, Blank(u.Authority), Blank(u.Force), u.Roles)).ToList(),
            registry.SystemClients.Select(c => new SystemClientView(c.ClientId, Blank(c.Authority), Blank(c.Force), c.Roles)).ToList(),
            registry.BrowserClients.Select(c => new BrowserClientView(c.ClientId, c.RedirectUris, c.PostLogoutRedirectUris)).ToList()));

    private static ValidationProblem UserNameProblem(string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["userName"] = [message] },
            title: "The demo sign-in request is not valid.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
