using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>Calls to the token endpoints as a client would make them, and JWT reading.</summary>
public static class Tokens
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostFormAsync(
        this HttpClient http, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        return http.SendAsync(request, Cancel);
    }

    /// <summary>client_secret_post.</summary>
    public static Task<HttpResponseMessage> RequestWithFormSecretAsync(this HttpClient http, string clientId, string secret) =>
        http.PostFormAsync(
        [
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", secret),
        ]);

    /// <summary>client_secret_basic, with the RFC 6749 §2.3.1 form-encoding of id and secret.</summary>
    public static Task<HttpResponseMessage> RequestWithBasicAsync(this HttpClient http, string clientId, string secret) =>
        http.PostFormAsync([new("grant_type", "client_credentials")], Basic(clientId, secret));

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient http, string? userName) =>
        http.PostAsJsonAsync("/dev/sign-in", new { userName }, Cancel);

    public static async Task<string> ClientTokenAsync(this IdentityService identity, string clientId = IdentityService.CouncilClient)
    {
        using var response = await identity.Http.RequestWithFormSecretAsync(clientId, IdentityService.Secret);
        return await AccessTokenAsync(response);
    }

    public static async Task<string> UserTokenAsync(this IdentityService identity, string userName)
    {
        using var response = await identity.Http.SignInAsync(userName);
        return await AccessTokenAsync(response);
    }

    public static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(Cancel);
        return Assert.IsType<string>(body?.AccessToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    public static JsonElement Header(string jwt) => Part(jwt, 0);

    public static JsonElement Payload(string jwt) => Part(jwt, 1);

    private static JsonElement Part(string jwt, int index) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[index])).RootElement.Clone();
}
