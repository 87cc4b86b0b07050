using System.Net;
using System.Net.Http.Json;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

/// <summary>An identity service and a service protected by Regional.Security that knows it only by its URL.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IdentityService Identity { get; private set; } = null!;

    public ProtectedApi Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityService.StartAsync();
        Api = await ProtectedApi.StartAsync(Identity.Issuer);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

public sealed class When_a_person_signs_in_to_the_dashboard(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly IdentityService _identity = fixture.Identity;
    private readonly ProtectedApi _api = fixture.Api;

    [Fact]
    public async Task The_sign_in_page_offers_each_demo_user_as_a_labelled_choice_without_script()
    {
        using var browser = new Browser(_identity);

        using var page = await browser.GetAsync(browser.AuthorizeUrl());
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html);
        foreach (var (index, name) in new[] { "Demo practitioner", "Demo officer", "Demo regional coordinator" }.Index())
        {
            Assert.Contains($"<label class=\"user\" for=\"user-{index}\">", html);
            Assert.Contains($"id=\"user-{index}\"", html);
            Assert.Contains(name, html);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_code_and_its_verifier_buy_a_token_that_services_accept_with_the_users_authority_and_role()
    {
        using var browser = new Browser(_identity);

        using var page = await browser.GetAsync(browser.AuthorizeUrl(state: "xyz-42"));
        using var redirect = await browser.ChooseAsync(page, IdentityService.Practitioner);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(IdentityService.DashboardRedirect + "?", redirect.Headers.Location!.AbsoluteUri);
        Assert.Equal("xyz-42", Browser.CallbackParameter(redirect, "state"));
        Assert.Equal(_identity.Issuer, Browser.CallbackParameter(redirect, "iss"));

        using var tokens = await browser.RedeemAsync(Browser.CallbackParameter(redirect, "code")!, browser.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var body = await tokens.JsonAsync();
        var accessToken = body.GetProperty("access_token").GetString()!;
        Assert.False(body.TryGetProperty("refresh_token", out _));

        using var whoami = await _api.GetAsync("/whoami", accessToken);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var caller = await whoami.Content.ReadFromJsonAsync<Caller>(TestContext.Current.CancellationToken);
        Assert.Equal(IdentityService.Practitioner, caller!.Subject);
        Assert.Equal("nottingham-city", caller!.Authority);
        Assert.Equal(["practitioner"], caller!.Roles);
        Assert.Equal(IdentityService.Dashboard, caller!.ClientId);
        Assert.Equal("Demo practitioner", caller!.Name);

        var identityToken = Tokens.Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(IdentityService.Dashboard, identityToken.GetProperty("aud").GetString());
        Assert.Equal(_identity.Issuer, identityToken.GetProperty("iss").GetString());
        Assert.Equal("nonce-1", identityToken.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task A_police_officer_gets_the_force_and_passes_a_police_only_endpoint()
    {
        using var browser = new Browser(_identity);

        var code = await browser.SignInAsync(IdentityService.PoliceOfficer);
        var token = await Tokens.AccessTokenAsync(await browser.RedeemAsync(code, browser.Verifier));

        using var policeOnly = await _api.GetAsync("/police-only", token);
        Assert.Equal(HttpStatusCode.OK, policeOnly.StatusCode);
        Assert.Equal("derbyshire-police", Tokens.Payload(token).GetProperty("force").GetString());
    }

    [Fact]
    public async Task Once_signed_in_the_next_authorization_gets_a_code_without_the_page()
    {
        using var browser = new Browser(_identity);
        await browser.SignInAsync(IdentityService.Coordinator);

        using var again = await browser.GetAsync(browser.AuthorizeUrl(prompt: "none"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.NotNull(Browser.CallbackParameter(again, "code"));
    }

    [Fact]
    public async Task A_silent_authorization_without_a_session_is_answered_with_login_required()
    {
        using var browser = new Browser(_identity);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(prompt: "none"));

        Assert.Equal("login_required", Browser.CallbackParameter(response, "error"));
        Assert.Null(Browser.CallbackParameter(response, "code"));
    }

    [Fact]
    public async Task The_user_name_does_not_reach_the_log()
    {
        using var browser = new Browser(_identity);

        var code = await browser.SignInAsync(IdentityService.PoliceOfficer);
        await Tokens.AccessTokenAsync(await browser.RedeemAsync(code, browser.Verifier));

        Assert.Contains(_identity.Logs.Lines, l => l.Contains("A user of derbyshire-police signed in to regional-dashboard"));
        Assert.DoesNotContain(_identity.Logs.Lines, l => l.Contains(IdentityService.PoliceOfficer) || l.Contains("Demo officer") || l.Contains(code));
    }
}

public sealed class When_a_code_is_presented_without_proof_of_its_request(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task A_missing_verifier_is_refused()
    {
        using var browser = new Browser(_identity);
        var code = await browser.SignInAsync(IdentityService.Practitioner);

        using var response = await browser.RedeemAsync(code, verifier: null);

        await AssertRefused(response, "invalid_request");
    }

    [Fact]
    public async Task A_wrong_verifier_is_refused()
    {
        using var browser = new Browser(_identity);
        using var other = new Browser(_identity);
        var code = await browser.SignInAsync(IdentityService.Practitioner);

        using var response = await browser.RedeemAsync(code, other.Verifier);

        await AssertRefused(response, "invalid_grant");
    }

    [Fact]
    public async Task A_code_redeemed_by_another_client_is_refused()
    {
        using var browser = new Browser(_identity);
        var code = await browser.SignInAsync(IdentityService.Practitioner);

        using var response = await browser.RedeemAsync(code, browser.Verifier, clientId: IdentityService.CouncilClient);

        Assert.Contains((await response.JsonAsync()).GetProperty("error").GetString(), new[] { "invalid_client", "invalid_grant" });
        Assert.False((await response.JsonAsync()).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_code_is_good_for_one_redemption_only()
    {
        using var browser = new Browser(_identity);
        var code = await browser.SignInAsync(IdentityService.Practitioner);

        using var first = await browser.RedeemAsync(code, browser.Verifier);
        using var second = await browser.RedeemAsync(code, browser.Verifier);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefused(second, "invalid_grant");
    }

    private static async Task AssertRefused(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }
}

public sealed class When_an_authorization_request_is_not_acceptable(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task A_request_without_a_code_challenge_gets_no_code()
    {
        using var browser = new Browser(_identity);

        using var response = await browser.GetAsync(browser.AuthorizeUrl().Replace("code_challenge=", "ignored=", StringComparison.Ordinal)
            .Replace("code_challenge_method=S256", "", StringComparison.Ordinal));

        await AssertRefusedHere(response, "code_challenge");
    }

    [Fact]
    public async Task The_plain_challenge_method_is_refused()
    {
        using var browser = new Browser(_identity);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(challenge: browser.Verifier, method: "plain"));

        await AssertRefusedHere(response, "code_challenge_method");
    }

    [Theory]
    [InlineData(IdentityService.Dashboard, "http://127.0.0.1:5080/monitor/elsewhere")]
    [InlineData(IdentityService.Dashboard, "http://127.0.0.1:5080/monitor/signin-oidc/extra")]
    [InlineData("someone-elses-app", IdentityService.DashboardRedirect)]
    [InlineData(IdentityService.CouncilClient, IdentityService.DashboardRedirect)]
    public async Task An_unregistered_client_or_redirect_gets_an_error_page_and_no_redirect(string clientId, string redirectUri)
    {
        using var browser = new Browser(_identity);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(clientId: clientId, redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_gives_no_code()
    {
        using var browser = new Browser(_identity);

        using var page = await browser.GetAsync(browser.AuthorizeUrl());
        using var response = await browser.ChooseAsync(page, IdentityService.Practitioner, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_user_not_in_the_list_gives_the_page_again_and_no_code()
    {
        using var browser = new Browser(_identity);

        using var page = await browser.GetAsync(browser.AuthorizeUrl());
        using var response = await browser.ChooseAsync(page, "nobody.at-all");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_scope_beyond_the_region_is_refused()
    {
        using var browser = new Browser(_identity);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(scope: "openid regional admin"));

        await AssertRefusedHere(response, "invalid_scope");
    }

    // OpenIddict answers a request that fails validation on its own error page, never with a
    // redirect: what matters is that no code is issued.
    private static async Task AssertRefusedHere(HttpResponseMessage response, string mentioned)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class When_the_dashboard_keeps_a_person_signed_in(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly IdentityService _identity = fixture.Identity;
    private readonly ProtectedApi _api = fixture.Api;

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token_and_a_new_refresh_token()
    {
        using var browser = new Browser(_identity);
        var code = await browser.SignInAsync(IdentityService.Practitioner, scope: "openid offline_access regional");
        using var first = await browser.RedeemAsync(code, browser.Verifier);
        var refreshToken = (await first.JsonAsync()).GetProperty("refresh_token").GetString()!;

        using var refreshed = await browser.RefreshAsync(refreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.JsonAsync();
        var accessToken = body.GetProperty("access_token").GetString()!;
        Assert.NotEqual(refreshToken, body.GetProperty("refresh_token").GetString());
        using var whoami = await _api.GetAsync("/whoami", accessToken);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var caller = await whoami.Content.ReadFromJsonAsync<Caller>(TestContext.Current.CancellationToken);
        Assert.Equal("nottingham-city", caller!.Authority);
        Assert.Equal(["practitioner"], caller!.Roles);
    }

    [Fact]
    public async Task A_refresh_token_presented_by_another_client_is_refused()
    {
        using var browser = new Browser(_identity);
        var code = await browser.SignInAsync(IdentityService.Practitioner, scope: "openid offline_access regional");
        using var first = await browser.RedeemAsync(code, browser.Verifier);
        var refreshToken = (await first.JsonAsync()).GetProperty("refresh_token").GetString()!;

        using var response = await browser.RefreshAsync(refreshToken, clientId: "someone-elses-app");

        var body = await response.JsonAsync();
        Assert.Contains(body.GetProperty("error").GetString(), new[] { "invalid_client", "invalid_grant" });
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_refresh_token_that_is_not_one_is_refused()
    {
        using var browser = new Browser(_identity);

        using var response = await browser.RefreshAsync("not-a-refresh-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.JsonAsync()).GetProperty("error").GetString());
    }
}

public sealed class When_a_person_signs_out(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task The_session_ends_and_the_browser_goes_back_to_the_registered_address_with_its_state()
    {
        using var browser = new Browser(_identity);
        await browser.SignInAsync(IdentityService.Practitioner);

        using var signOut = await browser.GetAsync(
            $"connect/endsession?post_logout_redirect_uri={Uri.EscapeDataString(IdentityService.DashboardSignedOut)}&state=bye");
        using var afterwards = await browser.GetAsync(browser.AuthorizeUrl(prompt: "none"));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(IdentityService.DashboardSignedOut, signOut.Headers.Location!.AbsoluteUri);
        Assert.Equal("bye", Browser.CallbackParameter(signOut, "state"));
        Assert.Equal("login_required", Browser.CallbackParameter(afterwards, "error"));
    }

    [Fact]
    public async Task Without_a_return_address_a_signed_out_page_is_shown()
    {
        using var browser = new Browser(_identity);

        using var signOut = await browser.GetAsync("connect/endsession");

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Contains("signed out", await signOut.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unregistered_return_address_is_refused()
    {
        using var browser = new Browser(_identity);

        using var signOut = await browser.GetAsync("connect/endsession?post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fphish");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Null(signOut.Headers.Location);
    }
}
