using System.Net;
using System.Text.Json;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

public sealed class When_a_newcomer_signs_in_as_a_demo_user(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Fact]
    public async Task It_receives_a_token_with_the_users_name_authority_and_role()
    {
        using var response = await _identity.Http.SignInAsync(IdentityService.Practitioner);

        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var token = body.GetProperty("access_token").GetString()!;
        var payload = Tokens.Payload(token);
        Assert.Equal(IdentityService.Practitioner, payload.GetProperty("sub").GetString());
        Assert.Equal("Demo practitioner", payload.GetProperty("name").GetString());
        Assert.Equal("nottingham-city", payload.GetProperty("authority").GetString());
        Assert.Equal(["practitioner"], payload.GetProperty("role").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("regional-dev-sign-in", payload.GetProperty("client_id").GetString());
        Assert.Equal(_identity.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal("at+jwt", Tokens.Header(token).GetProperty("typ").GetString());
    }

    [Fact]
    public async Task The_token_is_signed_with_the_published_key_like_every_other()
    {
        var token = await _identity.UserTokenAsync(IdentityService.Practitioner);
        using var jwks = await _identity.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        var keys = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(await jwks.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token,
            new Microsoft.IdentityModel.Tokens.TokenValidationParameters
            {
                IssuerSigningKeys = keys.GetSigningKeys(),
                ValidIssuer = _identity.Issuer,
                ValidAudience = "regional",
            });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(keys.Keys[0].Kid, Tokens.Header(token).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task The_grant_behind_it_is_not_advertised_and_refuses_users_not_configured()
    {
        using var discovery = await _identity.Http.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        using var direct = await _identity.Http.PostFormAsync(
        [
            new("grant_type", "urn:regional:grant-type:dev-sign-in"), new("client_id", "regional-dev-sign-in"), new("regional_user", "nobody.at-all"),
        ]);

        Assert.DoesNotContain("urn:regional", await discovery.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("invalid_grant", (await direct.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_regional_coordinator_gets_neither_authority_nor_force()
    {
        var payload = Tokens.Payload(await _identity.UserTokenAsync(IdentityService.Coordinator));

        Assert.False(payload.TryGetProperty("authority", out _));
        Assert.False(payload.TryGetProperty("force", out _));
        Assert.Equal(["regional-coordinator"], payload.GetProperty("role").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_list_says_whom_to_sign_in_as_without_any_secret()
    {
        using var response = await _identity.Http.GetAsync("/dev/users", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var users = JsonDocument.Parse(text).RootElement.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal([IdentityService.Practitioner, IdentityService.PoliceOfficer, IdentityService.Coordinator],
            users.Select(u => u.GetProperty("userName").GetString()));
        var officer = users[1];
        Assert.Equal("derbyshire-police", officer.GetProperty("force").GetString());
        Assert.False(officer.TryGetProperty("authority", out _));
        Assert.Equal(["police"], officer.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(IdentityService.Secret, text);
    }

    [Fact]
    public async Task The_list_names_the_system_clients_with_their_organisation_and_roles_but_never_their_secret()
    {
        using var response = await _identity.Http.GetAsync("/dev/users", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var clients = JsonDocument.Parse(text).RootElement.GetProperty("clients").EnumerateArray().ToList();
        Assert.Equal([IdentityService.CouncilClient, IdentityService.PoliceClient], clients.Select(c => c.GetProperty("clientId").GetString()));
        Assert.Equal("nottingham-city", clients[0].GetProperty("authority").GetString());
        Assert.False(clients[0].TryGetProperty("force", out _));
        Assert.Equal("derbyshire-police", clients[1].GetProperty("force").GetString());
        Assert.Equal(["police"], clients[1].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.All(clients, c => Assert.False(c.TryGetProperty("clientSecret", out _)));
        Assert.DoesNotContain(IdentityService.Secret, text);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_users_name_does_not_reach_the_log()
    {
        await _identity.UserTokenAsync(IdentityService.PoliceOfficer);

        Assert.Contains(_identity.Logs.Lines, l => l.Contains("Issued a demo token for a user of derbyshire-police"));
        Assert.DoesNotContain(_identity.Logs.Lines, l => l.Contains(IdentityService.PoliceOfficer) || l.Contains("Demo officer"));
    }
}

public sealed class When_a_newcomer_names_an_unknown_demo_user(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityService _identity = fixture.Identity;

    [Theory]
    [InlineData("nobody.at-all")]
    [InlineData("")]
    [InlineData(null)]
    public async Task It_gets_a_400_problem_naming_the_userName_field(string? userName)
    {
        using var response = await _identity.Http.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["userName"], errors.EnumerateObject().Select(p => p.Name));
    }
}

public sealed class When_demo_sign_in_is_disabled : IAsyncLifetime
{
    private IdentityService? _identity;

    public async ValueTask InitializeAsync() =>
        _identity = await IdentityService.StartAsync(s => s["Identity:DemoUsers:Enabled"] = "false");

    [Theory]
    [InlineData("/dev/users")]
    [InlineData("/dev/sign-in")]
    public async Task The_dev_endpoints_do_not_exist(string path)
    {
        using var get = await _identity!.Http.GetAsync(path, TestContext.Current.CancellationToken);
        using var signIn = await _identity.Http.SignInAsync(IdentityService.Practitioner);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
    }

    [Fact]
    public async Task Clients_still_get_tokens()
    {
        Assert.NotEmpty(await _identity!.ClientTokenAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_identity is not null)
            await _identity.DisposeAsync();
    }
}

public sealed class When_the_identity_service_runs_in_Production : IAsyncLifetime
{
    private IdentityService? _identity;

    public async ValueTask InitializeAsync() =>
        _identity = await IdentityService.StartAsync(s => s["Identity:DemoUsers:Enabled"] = "false", environment: "Production");

    [Theory]
    [InlineData("/dev/users")]
    [InlineData("/dev/sign-in")]
    public async Task The_dev_endpoints_do_not_exist(string path)
    {
        using var get = await _identity!.Http.GetAsync(path, TestContext.Current.CancellationToken);
        using var signIn = await _identity.Http.SignInAsync(IdentityService.Practitioner);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
    }

    [Fact]
    public async Task The_demo_grant_does_not_exist()
    {
        using var direct = await _identity!.Http.PostFormAsync(
        [
            new("grant_type", "urn:regional:grant-type:dev-sign-in"), new("client_id", "regional-dev-sign-in"),
            new("regional_user", IdentityService.Practitioner),
        ]);

        Assert.Equal("unsupported_grant_type", (await direct.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_sign_in_page_offers_no_demo_user_and_choosing_one_gives_no_code()
    {
        using var browser = new Browser(_identity!);

        using var page = await browser.GetAsync(browser.AuthorizeUrl());
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var forced = await browser.Http.PostAsync(browser.AuthorizeUrl(), new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("regional_user", IdentityService.Practitioner)]), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(IdentityService.Practitioner, html);
        Assert.DoesNotContain("type=\"radio\"", html);
        Assert.Null(Browser.CallbackParameter(forced, "code"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_identity is not null)
            await _identity.DisposeAsync();
    }
}
