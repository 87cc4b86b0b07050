using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Regional.Client;
using Regional.LocalRegion;
using Regional.ServiceDefaults;
using Regional.Testing;

namespace Regional.Benchmarks;

/// <summary>The region under test: in this process, on PostgreSQL, over a private RabbitMQ node, as the test fixtures run it.</summary>
public sealed class BenchRegion : IAsyncDisposable
{
    public static readonly string[] Authorities = ["derby-city", "derbyshire", "nottingham-city", "nottinghamshire"];

    // One pool of connections for the raw requests and every authority's typed client alike, as
    // when all the requests went through one HttpClient.
    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    private readonly Dictionary<string, (HttpClient Http, IPlacementsApi Api)> _clients = new(StringComparer.Ordinal);

    private BenchRegion(RabbitMqNode broker, PostgresServer postgres, RegionHost region, Uri brokerUri, NoticeTimings timings)
    {
        Broker = broker;
        Postgres = postgres;
        Region = region;
        BrokerUri = brokerUri;
        Timings = timings;
        Http = new HttpClient(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public RabbitMqNode Broker { get; }

    public PostgresServer Postgres { get; }

    public RegionHost Region { get; }

    public Uri BrokerUri { get; }

    public NoticeTimings Timings { get; }

    public HttpClient Http { get; }

    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public static async Task<BenchRegion> StartAsync()
    {
        var broker = await RabbitMqNode.StartAsync();
        var postgres = await PostgresServer.StartAsync();
        var brokerUri = await broker.CreateVirtualHostAsync("bench-region");
        var connections = new Dictionary<string, string>();
        foreach (var authority in Authorities)
        {
            connections[authority] = await postgres.CreateDatabaseAsync($"bench_{authority.Replace('-', '_')}") + ";Maximum Pool Size=60";
        }

        var timings = new NoticeTimings();
        var region = await RegionHost.StartAsync(new RegionHostOptions
        {
            RabbitMqUri = brokerUri.ToString(),
            DatabaseProvider = DatabaseProvider.Postgres,
            PlacementConnectionString = a => connections[a],
            DataDirectory = Path.Combine(Path.GetTempPath(), "regional-bench"),
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["Gateway:RateLimit:TokensPerSecond"] = "1000000",
                ["Gateway:RateLimit:Burst"] = "1000000",
                // Production refuses demo sign-in; the benchmark uses client credentials like a case system.
                ["Identity:DemoUsers:Enabled"] = "false",
            },
            ConfigureServices = (app, services) =>
            {
                if (app.EndsWith(".placement", StringComparison.Ordinal))
                {
                    services.AddConsumeObserver(_ => timings);
                }
            },
        });

        var bench = new BenchRegion(broker, postgres, region, brokerUri, timings);
        foreach (var authority in Authorities)
        {
            bench.Tokens[authority] = await bench.ClientToken($"{authority}-case-system");
            bench.AddClient(authority);
        }

        return bench;
    }

    /// <summary>The typed client a case system of <paramref name="authority"/> uses, through the gateway with that authority's token.</summary>
    public IPlacementsApi Placements(string authority) => _clients[authority].Api;

    private void AddClient(string authority)
    {
        var http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = Region.GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[authority]);
        // The client's settings buffer bodies (Content-Length), as the hand-built requests of the
        // published runs had.
        _clients[authority] = (http, RestService.ForGenerated<IPlacementsApi>(http, RegionalClientExtensions.Settings()));
    }

    // The token endpoint is identity's (OAuth2 form post), not part of the region's typed client.
    private async Task<string> ClientToken(string clientId)
    {
        var response = await Http.PostAsync(new Uri(Region.GatewayUrl, "/identity/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = DemoIdentity.DemoSecret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A raw request with the authority's token, for the phases that measure a hop (direct, bare
    /// YARP, gateway): the typed client always puts the authority in the path, which a service
    /// reached directly does not have, and the same fixed request must go down every path.
    /// </summary>
    public HttpRequestMessage Request(HttpMethod method, Uri baseAddress, string path, string authority, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(baseAddress, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[authority]);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (http, _) in _clients.Values)
        {
            http.Dispose();
        }

        Http.Dispose();
        _handler.Dispose();
        await Region.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
