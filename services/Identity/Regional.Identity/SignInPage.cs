using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace Regional.Identity;

/// <summary>
/// The server-rendered page on which a person chooses whom to sign in as. Plain HTML: no
/// script, nothing from another origin, usable with a keyboard and a screen reader.
/// </summary>
internal static class SignInPage
{
    /// <summary>The form field naming the chosen demo user; not an OAuth parameter.</summary>
    public const string UserField = "regional_user";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}
        fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600;margin-bottom:.5rem}
        .user{display:block;padding:.4rem 0}.user input{margin-right:.5rem}
        button{font:inherit;padding:.5rem 1.25rem;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
        button:focus,input:focus{outline:3px solid #fd0;outline-offset:0}.error{color:#d4351c;font-weight:600}
        .hint{color:#505a5f}
        """;

    public static IResult Render(
        HttpContext http, OpenIddictRequest request, BrowserClientOptions client, IReadOnlyList<DemoUserOptions> users,
        IAntiforgery antiforgery, string? error = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = new StringBuilder();
        body.Append("<h1>Sign in to the region</h1>");
        body.Append("<p class=\"hint\">").Append(Html.Encode(client.DisplayName ?? client.ClientId))
            .Append(" is asking who you are.</p>");
        if (error is not null)
            body.Append("<p class=\"error\" role=\"alert\" id=\"error\">").Append(Html.Encode(error)).Append("</p>");

        if (users.Count == 0)
        {
            body.Append("<p>No way for people to sign in is configured here.</p>");
            return Page(http, "Sign in", body, StatusCodes.Status200OK);
        }

        // Posted back to the authorization endpoint itself, so the OAuth request travels in the
        // form and no server-side state is needed between the two requests. Relative, because
        // behind the gateway the browser sees a path prefix (/identity) this service does not.
        body.Append("<form method=\"post\" action=\"authorize\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is UserField || name == tokens.FormFieldName || value.Count > 1)
                continue;
            Hidden(body, name, (string?)value);
        }

        Hidden(body, tokens.FormFieldName, tokens.RequestToken);
        body.Append("<fieldset").Append(error is null ? "" : " aria-describedby=\"error\"").Append("><legend>Demo users (development only)</legend>");
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var id = $"user-{i}";
            var organisation = user.Authority ?? user.Force ?? "the region";
            body.Append("<label class=\"user\" for=\"").Append(id).Append("\"><input type=\"radio\" required name=\"").Append(UserField)
                .Append("\" id=\"").Append(id).Append("\" value=\"").Append(Html.Encode(user.UserName)).Append("\">")
                .Append(Html.Encode(string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName))
                .Append(" <span class=\"hint\">(").Append(Html.Encode(organisation)).Append(", ")
                .Append(Html.Encode(string.Join(", ", user.Roles))).Append(")</span></label>");
        }

        body.Append("</fieldset><button type=\"submit\">Sign in</button></form>");
        return Page(http, "Sign in", body, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static IResult SignedOut(HttpContext http) =>
        Page(http, "Signed out", new StringBuilder("<h1>You are signed out</h1><p>You can close this window.</p>"), StatusCodes.Status200OK);

    private static void Hidden(StringBuilder body, string name, string? value)
    {
        if (value is null)
            return;
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">");
    }

    private static IResult Page(HttpContext http, string title, StringBuilder body, int status)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        // No script and nothing from elsewhere; no framing, so the form cannot be clicked through a decoy.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.Encode(title)} - Regional</title><style>{Style}</style></head>
            <body><main>{body}</main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
