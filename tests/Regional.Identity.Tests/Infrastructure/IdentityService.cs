using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>A running Regional.Identity on a loopback port, configured in memory.</summary>
public sealed class IdentityService : IAsyncDisposable
{
    public const string Secret = "dev-secret";
    public const string CouncilClient = "nottingham-city-lcs";
    public const string PoliceClient = "derbyshire-police-niche";
    public const string Practitioner = "nottingham-city.practitioner";
    public const string PoliceOfficer = "derbyshire-police.officer";
    public const string Coordinator = "regional.coordinator";
    public const string Dashboard = "regional-dashboard";
    public const string DashboardRedirect = "http://127.0.0.1:5080/monitor/signin-oidc";
    public const string DashboardSignedOut = "http://127.0.0.1:5080/monitor/signed-out";

    private readonly WebApplication _app;

    private IdentityService(WebApplication app, AdjustableClock clock, LogCapture logs)
    {
        _app = app;
        Clock = clock;
        Logs = logs;
        Issuer = app.BaseAddress().ToString().TrimEnd('/');
        Http = new HttpClient { BaseAddress = app.BaseAddress() };
    }

    public string Issuer { get; }

    public HttpClient Http { get; }

    public AdjustableClock Clock { get; }

    public LogCapture Logs { get; }

    public int Port => new Uri(Issuer).Port;

    public static Dictionary<string, string?> DefaultSettings(string issuer) => new()
    {
        ["Identity:Issuer"] = issuer,
        ["Identity:Audience"] = "regional",
        ["Identity:TokenLifetime"] = "01:00:00",
        ["Identity:Clients:0:ClientId"] = CouncilClient,
        ["Identity:Clients:0:ClientSecret"] = Secret,
        ["Identity:Clients:0:Authority"] = "nottingham-city",
        ["Identity:Clients:0:Roles:0"] = "system",
        ["Identity:Clients:1:ClientId"] = PoliceClient,
        ["Identity:Clients:1:ClientSecret"] = Secret,
        ["Identity:Clients:1:Force"] = "derbyshire-police",
        ["Identity:Clients:1:Roles:0"] = "police",
        ["Identity:BrowserClients:0:ClientId"] = Dashboard,
        ["Identity:BrowserClients:0:DisplayName"] = "Regional dashboard",
        ["Identity:BrowserClients:0:RedirectUris:0"] = DashboardRedirect,
        ["Identity:BrowserClients:0:PostLogoutRedirectUris:0"] = DashboardSignedOut,
        ["Identity:DemoUsers:Enabled"] = "true",
        ["Identity:DemoUsers:Users:0:UserName"] = Practitioner,
        ["Identity:DemoUsers:Users:0:DisplayName"] = "Demo practitioner",
        ["Identity:DemoUsers:Users:0:Authority"] = "nottingham-city",
        ["Identity:DemoUsers:Users:0:Roles:0"] = "practitioner",
        ["Identity:DemoUsers:Users:1:UserName"] = PoliceOfficer,
        ["Identity:DemoUsers:Users:1:DisplayName"] = "Demo officer",
        ["Identity:DemoUsers:Users:1:Force"] = "derbyshire-police",
        ["Identity:DemoUsers:Users:1:Roles:0"] = "police",
        ["Identity:DemoUsers:Users:2:UserName"] = Coordinator,
        ["Identity:DemoUsers:Users:2:DisplayName"] = "Demo regional coordinator",
        ["Identity:DemoUsers:Users:2:Roles:0"] = "regional-coordinator",
    };

    /// <param name="configure">Changes to <see cref="DefaultSettings"/>; a null value removes a key.</param>
    /// <param name="port">A port (so an issuer URL) to reuse, as a restarted instance would; otherwise a free one.</param>
    public static async Task<IdentityService> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, string environment = "Development", int? port = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port ?? LoopbackApp.FreePort();
            var settings = DefaultSettings($"http://127.0.0.1:{chosen}");
            configure?.Invoke(settings);
            foreach (var removed in settings.Where(s => s.Value is null).Select(s => s.Key).ToList())
                settings.Remove(removed);

            var clock = new AdjustableClock();
            var logs = new LogCapture();
            try
            {
                var app = await LoopbackApp.StartAsync(chosen, settings, logs,
                    builder =>
                    {
                        builder.AddIdentityService();
                        builder.Services.AddSingleton<TimeProvider>(clock);
                    },
                    app => app.MapIdentityService(),
                    environment);
                return new IdentityService(app, clock, logs);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && attempt < 5 && port is null)
            {
                // Someone took the port between FreePort and Listen: try another.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
