using Microsoft.Extensions.Options;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

public sealed class When_the_identity_configuration_is_invalid
{
    public static TheoryData<string, string?, string> Breakages => new()
    {
        { "Identity:Issuer", "/relative/path", "Identity:Issuer must be an absolute" },
        { "Identity:Issuer", "not a url", "Identity:Issuer must be an absolute" },
        { "Identity:Issuer", "ftp://127.0.0.1:5100", "Identity:Issuer must be an absolute" },
        { "Identity:Issuer", "http://127.0.0.1:5100/?tenant=x", "Identity:Issuer must be an absolute" },
        { "Identity:Issuer", null, "Identity:Issuer must be an absolute" },
        { "Identity:Clients:0:Force", "derbyshire-police", "Identity:Clients:0 must have exactly one of Authority and Force" },
        { "Identity:Clients:1:Force", null, "Identity:Clients:1 must have exactly one of Authority and Force" },
        { "Identity:Clients:0:ClientId", null, "Identity:Clients:0:ClientId is required" },
        { "Identity:Clients:0:ClientSecret", "", "Identity:Clients:0:ClientSecret is required" },
        { "Identity:Clients:0:Roles:0", "superuser", "Identity:Clients:0:Roles contains unknown role 'superuser'" },
        { "Identity:Clients:0:Roles:0", null, "Identity:Clients:0:Roles must name at least one role" },
        { "Identity:Clients:1:ClientId", "NOTTINGHAM-CITY-LCS", "more than one entry with ClientId" },
        { "Identity:DemoUsers:Users:0:Force", "derbyshire-police", "Identity:DemoUsers:Users:0 must not have both Authority and Force" },
        { "Identity:DemoUsers:Users:1:UserName", "nottingham-city.practitioner", "more than one entry with UserName" },
        { "Identity:DemoUsers:Users:2:Roles:0", "admin", "Identity:DemoUsers:Users:2:Roles contains unknown role 'admin'" },
        { "Identity:TokenLifetime", "00:00:00", "Identity:TokenLifetime must be more than zero" },
        { "Identity:TokenLifetime", "2.00:00:00", "Identity:TokenLifetime must be more than zero" },
        { "Identity:Audience", "", "Identity:Audience must not be empty" },
        { "Identity:SigningKeyPath", "/nonexistent/key.pem", "Identity:SigningKeyPath names a file that does not exist" },
        { "Identity:EncryptionKeyPath", "/nonexistent/key.pem", "Identity:EncryptionKeyPath names a file that does not exist" },
        { "Identity:RefreshTokenLifetime", "00:00:00", "Identity:RefreshTokenLifetime must be more than zero" },
        { "Identity:BrowserClients:0:ClientId", null, "Identity:BrowserClients:0:ClientId is required" },
        { "Identity:BrowserClients:0:ClientId", "nottingham-city-lcs", "Identity:BrowserClients:0:ClientId 'nottingham-city-lcs' is also a system client's" },
        { "Identity:BrowserClients:0:RedirectUris:0", null, "Identity:BrowserClients:0:RedirectUris must name at least one URL" },
        { "Identity:BrowserClients:0:RedirectUris:0", "/monitor/signin-oidc", "Identity:BrowserClients:0:RedirectUris:0 must be an absolute" },
        { "Identity:BrowserClients:0:RedirectUris:0", "http://127.0.0.1:5080/cb#x", "Identity:BrowserClients:0:RedirectUris:0 must be an absolute" },
        { "Identity:BrowserClients:0:PostLogoutRedirectUris:0", "javascript:alert(1)", "Identity:BrowserClients:0:PostLogoutRedirectUris:0 must be an absolute" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task The_service_refuses_to_start_and_names_the_setting(string key, string? value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => IdentityService.StartAsync(s => s[key] = value));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_sign_in_is_refused_in_the_Production_environment()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => IdentityService.StartAsync(environment: "Production"));

        Assert.Contains(error.Failures, f => f.Contains("Identity:DemoUsers:Enabled must be false in the Production environment"));
    }

    [Fact]
    public async Task A_plain_http_redirect_to_another_host_is_refused_in_the_Production_environment()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => IdentityService.StartAsync(
            s =>
            {
                s["Identity:DemoUsers:Enabled"] = "false";
                s["Identity:BrowserClients:0:RedirectUris:0"] = "http://dashboard.example/signin-oidc";
            },
            environment: "Production"));

        Assert.Contains(error.Failures, f => f.Contains("Identity:BrowserClients:0:RedirectUris:0 must use https in the Production environment"));
    }

    [Fact]
    public async Task Production_without_demo_users_starts()
    {
        await using var identity = await IdentityService.StartAsync(s => s["Identity:DemoUsers:Enabled"] = "false", environment: "Production");

        Assert.NotEmpty(await identity.ClientTokenAsync());
    }
}
