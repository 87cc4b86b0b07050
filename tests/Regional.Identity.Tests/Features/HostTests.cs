using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

/// <summary>The real Regional.Identity.Host, with its own appsettings.Development.json.</summary>
public sealed class When_the_identity_host_starts_in_development : IAsyncLifetime
{
    private const string Issuer = "http://127.0.0.1:5100";
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(host => host.UseEnvironment("Development"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task It_is_live_and_publishes_its_discovery_document()
    {
        using var client = _factory.CreateClient();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var discovery = await client.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(Issuer, (await discovery.JsonAsync()).GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Every_seeded_authority_and_force_has_a_client_and_demo_users()
    {
        using var client = _factory.CreateClient();

        using var token = await client.RequestWithBasicAsync("nottinghamshire-police-niche", "dev-secret");
        using var users = await client.GetAsync("/dev/users", TestContext.Current.CancellationToken);

        Assert.Equal("nottinghamshire-police", Tokens.Payload(await Tokens.AccessTokenAsync(token)).GetProperty("force").GetString());
        var organisations = (await users.JsonAsync()).GetProperty("users").EnumerateArray()
            .Select(u => u.TryGetProperty("authority", out var a) ? a.GetString() : u.TryGetProperty("force", out var f) ? f.GetString() : "region")
            .ToHashSet();
        Assert.Superset(organisations, new HashSet<string?>
        {
            "derby-city", "derbyshire", "nottingham-city", "nottinghamshire", "derbyshire-police", "nottinghamshire-police", "region",
        });
    }

    [Fact]
    public async Task The_dashboard_is_a_registered_browser_client_and_gets_the_sign_in_page()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(
            "/connect/authorize?client_id=regional-dashboard&response_type=code&scope=openid%20regional&state=s"
            + "&redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5080/monitor/signin-oidc")
            + "&code_challenge=" + new string('a', 43) + "&code_challenge_method=S256",
            TestContext.Current.CancellationToken);
        using var users = await client.GetAsync("/dev/users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("regional.coordinator", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var dashboard = Assert.Single((await users.JsonAsync()).GetProperty("browserClients").EnumerateArray());
        Assert.Equal("regional-dashboard", dashboard.GetProperty("clientId").GetString());
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

public sealed class When_the_identity_host_starts_in_production_without_configuration
{
    [Fact]
    public void It_refuses_to_start_and_names_the_missing_issuer()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseEnvironment("Production"));

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(error.Failures, f => f.StartsWith("Identity:Issuer", StringComparison.Ordinal));
    }
}
