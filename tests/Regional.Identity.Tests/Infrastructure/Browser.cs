using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>
/// What a person's browser and the dashboard do in the authorization code flow with PKCE:
/// a cookie jar, no automatic redirects (so each hop can be looked at), and the form post.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly IdentityService _identity;

    public Browser(IdentityService identity)
    {
        _identity = identity;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(identity.Issuer + "/"),
        };
    }

    public HttpClient Http { get; }

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public string AuthorizeUrl(
        string scope = "openid regional", string state = "state-1", string? challenge = null, string method = "S256",
        string clientId = IdentityService.Dashboard, string redirectUri = IdentityService.DashboardRedirect, string? prompt = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = "nonce-1",
            ["code_challenge"] = challenge ?? Challenge,
            ["code_challenge_method"] = method,
            ["prompt"] = prompt,
        };
        return QueryHelpers.AddQueryString("connect/authorize", query.Where(p => p.Value is not null)!);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url, Cancel);

    /// <summary>Fills in the sign-in page as a person would: the hidden fields as they are, and the chosen user.</summary>
    public async Task<HttpResponseMessage> ChooseAsync(HttpResponseMessage page, string userName, bool withAntiforgery = true)
    {
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenField().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => withAntiforgery || !f.Key.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase) && !f.Key.StartsWith("__", StringComparison.Ordinal))
            .Append(new("regional_user", userName));
        return await Http.PostAsync(new Uri(page.RequestMessage!.RequestUri!, action), new FormUrlEncodedContent(fields), Cancel);
    }

    /// <summary>Page, choice and redirect: the code the dashboard receives.</summary>
    public async Task<string> SignInAsync(string userName, string scope = "openid regional")
    {
        using var page = await GetAsync(AuthorizeUrl(scope));
        using var redirect = await ChooseAsync(page, userName);
        return CallbackParameter(redirect, "code") ?? throw new InvalidOperationException("No code in " + redirect.Headers.Location);
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string? verifier, string clientId = IdentityService.Dashboard)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", IdentityService.DashboardRedirect),
            new("client_id", clientId),
        };
        if (verifier is not null)
            form.Add(new("code_verifier", verifier));
        return _identity.Http.PostFormAsync(form);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string clientId = IdentityService.Dashboard) =>
        _identity.Http.PostFormAsync(
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", clientId),
        ]);

    /// <summary>A parameter of the redirect to the dashboard, or null when it is not a redirect there.</summary>
    public static string? CallbackParameter(HttpResponseMessage response, string name)
    {
        var location = response.Headers.Location;
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found || location is null)
            return null;
        var query = QueryHelpers.ParseQuery(location.Query);
        return query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
