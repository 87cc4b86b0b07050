using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Regional.LocalRegion;
using Regional.ServiceDefaults;
using Regional.Testing;

namespace Regional.IntegrationTests.Infrastructure;

/// <summary>
/// A whole region for one test class: identity, the four authorities' placement services and
/// the gateway, over the shared broker (in a virtual host of its own, so no class sees another's
/// messages) and a database per authority.
/// </summary>
public abstract class RegionFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"regional-tests-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    protected abstract DatabaseProvider Provider { get; }

    public RegionHost Region { get; private set; } = null!;

    public RabbitMqNode Broker { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    public string VirtualHost { get; } = $"region-{Guid.NewGuid():N}";

    public Uri BrokerUri { get; private set; } = null!;

    /// <summary>Every placement service's clock, and the alerts service's; a test moves it to make service levels and deadlines run out.</summary>
    public ShiftableClock Clock { get; } = new();

    public Dictionary<string, string> PlacementConnectionStrings { get; } = new(StringComparer.Ordinal);

    /// <summary>Settings a fixture adds for every app of its region.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    /// <summary>Last word on every app's services (after the test clock is installed).</summary>
    protected virtual void ConfigureServices(string app, IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        (Broker, Postgres) = await SharedInfrastructure.GetAsync();
        BrokerUri = await Broker.CreateVirtualHostAsync(VirtualHost);
        Directory.CreateDirectory(_dataDirectory);

        foreach (var authority in new[] { "derby-city", "derbyshire", "nottingham-city", "nottinghamshire" })
        {
            PlacementConnectionStrings[authority] = Provider == DatabaseProvider.Postgres
                ? await Postgres.CreateDatabaseAsync($"p_{VirtualHost[7..19]}_{authority.Replace('-', '_')}")
                : $"Data Source={Path.Combine(_dataDirectory, $"{authority}.placement.db")}";
        }

        Region = await RegionHost.StartAsync(new RegionHostOptions
        {
            RabbitMqUri = BrokerUri.ToString(),
            DatabaseProvider = Provider,
            PlacementConnectionString = authority => PlacementConnectionStrings[authority],
            DataDirectory = _dataDirectory,
            Settings = new Dictionary<string, string?>(new Dictionary<string, string?>
            {
                ["Placement:OverdueCheckInterval"] = "00:00:00.500",
                ["Outbox:PollInterval"] = "00:00:00.500",
                ["Outbox:SendTimeout"] = "00:00:03",
                ["Outbox:MaxBackoff"] = "00:00:01",
                ["Alerts:EscalationCheckInterval"] = "00:00:00.500",
                ["Alerts:Push:PollInterval"] = "00:00:00.200",
            }.Concat(ExtraSettings)),
            ConfigureServices = (app, services) =>
            {
                if (app.EndsWith(".placement", StringComparison.Ordinal) || app == "alerts")
                {
                    services.AddSingleton<TimeProvider>(Clock);
                }

                ConfigureServices(app, services);
            },
        });
    }

    public HttpClient Anonymous() => new() { BaseAddress = Region.GatewayUrl };

    /// <summary>A client of the gateway signed in as one of the region's demo users.</summary>
    public async Task<HttpClient> SignedInAs(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/identity/dev/sign-in", new { userName });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.access_token;
            _tokens[userName] = token;
        }

        return WithToken(new HttpClient { BaseAddress = Region.GatewayUrl }, token);
    }

    /// <summary>A client of one authority's placement service directly, bypassing the gateway.</summary>
    public async Task<HttpClient> DirectToPlacement(string authority, string userName)
    {
        using var viaGateway = await SignedInAs(userName);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Region.PlacementPorts[authority]}") };
        client.DefaultRequestHeaders.Authorization = viaGateway.DefaultRequestHeaders.Authorization;
        return client;
    }

    public static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Region is not null)
        {
            await Region.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is deleted with the temp folder later.
        }
    }

#pragma warning disable IDE1006 // the OAuth wire name
    private sealed record TokenResponse(string access_token);
#pragma warning restore IDE1006
}

public sealed class PostgresRegion : RegionFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqliteRegion : RegionFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
