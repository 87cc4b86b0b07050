using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regional.Identity;

/// <summary>RFC 6749 §4.4 client credentials grant, with §2.3.1 client authentication.</summary>
internal static class TokenEndpoint
{
    public const string ClientCredentials = "client_credentials";

    private const string FormContentType = "application/x-www-form-urlencoded";

    public static void MapTokenEndpoint(this WebApplication app) =>
        app.MapPost(DiscoveryEndpoints.TokenPath, Handle).DisableAntiforgery();

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<OAuthError>>> Handle(
        HttpContext context, ClientRegistry clients, TokenIssuer issuer, IOptions<IdentityServiceOptions> options, ILoggerFactory loggers)
    {
        // RFC 6749 §5.1: token responses, errors included, must not be cached.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        var logger = loggers.CreateLogger(typeof(TokenEndpoint).FullName!);

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType, FormContentType, StringComparison.OrdinalIgnoreCase))
            return Error("invalid_request", $"The request body must be {FormContentType}.");

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Error("invalid_request", "The request body could not be read as a form.");
        }

        var repeated = form.FirstOrDefault(p => p.Value.Count > 1).Key;
        if (repeated is not null)
            return Error("invalid_request", $"The parameter '{repeated}' must not be repeated.");

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
            return Error("invalid_request", "The grant_type parameter is required.");
        if (grantType != ClientCredentials)
            return Error("unsupported_grant_type", $"Only the {ClientCredentials} grant is supported.");

        var scope = form["scope"].ToString();
        if (scope.Length > 0 && scope != options.Value.Audience)
            return Error("invalid_scope", $"The only scope is '{options.Value.Audience}'.");

        var credentials = ReadCredentials(context.Request, form);
        if (credentials.Problem is not null)
            return Error("invalid_request", credentials.Problem);
        if (credentials.ClientId is null || credentials.Secret is null)
            return InvalidClient(context, "Client authentication is required (client_secret_basic or client_secret_post).");

        var client = clients.Authenticate(credentials.ClientId, credentials.Secret);
        if (client is null)
        {
            // An unknown id is whatever the caller typed: do not write it into the log.
            IdentityLog.ClientAuthenticationFailed(logger, clients.IsKnown(credentials.ClientId) ? credentials.ClientId : "an unknown client");
            return InvalidClient(context, "Client authentication failed.");
        }

        var token = issuer.Issue(new TokenSubject(
            Subject: client.ClientId,
            ClientId: client.ClientId,
            Name: null,
            Authority: client.Authority,
            Force: client.Force,
            Roles: client.Roles,
            Scope: scope.Length > 0 ? scope : null));
        IdentityLog.IssuedClientToken(logger, client.ClientId);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn));
    }

    private sealed record Credentials(string? ClientId, string? Secret, string? Problem = null);

    private static Credentials ReadCredentials(HttpRequest request, IFormCollection form)
    {
        string? formId = form.TryGetValue("client_id", out var id) ? id.ToString() : null;
        string? formSecret = form.TryGetValue("client_secret", out var secret) ? secret.ToString() : null;

        string? authorization = request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return new Credentials(formId, formSecret);

        // RFC 6749 §2.3: a client must use only one authentication method per request.
        if (formSecret is not null)
            return new Credentials(null, null, "Use either HTTP Basic or client_secret in the body, not both.");

        var basic = DecodeBasic(authorization["Basic ".Length..].Trim());
        if (basic is null)
            return new Credentials(null, null);
        if (formId is not null && formId != basic.Value.Id)
            return new Credentials(null, null, "The client_id in the body differs from the one in the Authorization header.");
        return new Credentials(basic.Value.Id, basic.Value.Secret);
    }

    // RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined and Base64-encoded.
    private static (string Id, string Secret)? DecodeBasic(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':');
            if (colon <= 0)
                return null;
            return (FormDecode(decoded[..colon]), FormDecode(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static JsonHttpResult<OAuthError> Error(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new OAuthError(error, description), statusCode: status);

    private static JsonHttpResult<OAuthError> InvalidClient(HttpContext context, string description)
    {
        // RFC 9110 requires a challenge with every 401; Basic is the scheme this endpoint accepts.
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"token\", charset=\"UTF-8\"";
        return Error("invalid_client", description, StatusCodes.Status401Unauthorized);
    }
}
