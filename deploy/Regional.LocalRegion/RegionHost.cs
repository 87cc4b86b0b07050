using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Regional.Alerts;
using Regional.Consent;
using Regional.Gateway;
using Regional.Identity;
using Regional.Placement;
using Regional.Referral;
using Regional.RegionService;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.LocalRegion;

/// <summary>
/// The region in one process: the identity service, each authority's placement, referral and
/// consent services (each its own database, queue and port), the regional coordination service and the
/// gateway in front. Each is the same library the
/// separate hosts run, given its configuration in memory.
/// </summary>
public sealed class RegionHost : IAsyncDisposable
{
    private readonly RegionHostOptions _options;
    private readonly AuthorityApps _placements = new(PlacementService.Name);
    private readonly AuthorityApps _referrals = new(ReferralService.Name);
    private readonly AuthorityApps _consents = new(ConsentService.Name);
    private WebApplication? _identity;
    private WebApplication? _coordination;
    private int _coordinationPort;
    private WebApplication? _alerts;
    private int _alertsPort;
    private WebApplication? _gateway;
    private bool _stopped;

    private RegionHost(RegionHostOptions options, RegionOptions region)
    {
        _options = options;
        Region = region;
    }

    public RegionOptions Region { get; }

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri IdentityUrl { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> PlacementPorts => _placements.Ports;

    public IReadOnlyDictionary<string, int> ReferralPorts => _referrals.Ports;

    public IReadOnlyDictionary<string, int> ConsentPorts => _consents.Ports;

    public Uri RegionServiceUrl => new($"http://127.0.0.1:{_coordinationPort}");

    public Uri AlertsServiceUrl => new($"http://127.0.0.1:{_alertsPort}");

    public static async Task<RegionHost> StartAsync(RegionHostOptions options, CancellationToken cancellationToken = default)
    {
        var region = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(options.RegionFile), optional: false).Build()
            .GetSection(RegionOptions.SectionName).Get<RegionOptions>()
            ?? throw new InvalidOperationException($"{options.RegionFile} has no Region section.");
        var host = new RegionHost(options, region);
        try
        {
            await host.StartAllAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The services of an authority's running placement instance (for tests and tools).</summary>
    public IServiceProvider PlacementServices(string authority) => _placements.Apps[authority].Services;

    /// <summary>The services of an authority's running referral instance (for tests and tools).</summary>
    public IServiceProvider ReferralServices(string authority) => _referrals.Apps[authority].Services;

    /// <summary>The services of an authority's running consent instance (for tests and tools).</summary>
    public IServiceProvider ConsentServices(string authority) => _consents.Apps[authority].Services;

    /// <summary>The services of the regional coordination service.</summary>
    public IServiceProvider RegionServices => _coordination!.Services;

    /// <summary>The services of the police alerts service.</summary>
    public IServiceProvider AlertsServices => _alerts!.Services;

    /// <summary>Stops an authority's placement service and builds it afresh, as after a crash or deployment.</summary>
    public async Task RestartPlacementAsync(string authority, CancellationToken cancellationToken = default)
    {
        var old = _placements.Apps[authority];
        await old.StopAsync(cancellationToken);
        await old.DisposeAsync();
        _placements.Apps[authority] = await StartAppAsync(() => BuildPlacement(authority, _placements.Ports[authority]), cancellationToken);
    }

    /// <summary>Stops an authority's placement service without starting it again.</summary>
    public async Task StopPlacementAsync(string authority, CancellationToken cancellationToken = default) =>
        await _placements.Apps[authority].StopAsync(cancellationToken);

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        // Every app is told identity's address before it starts (identity its own issuer, the
        // others their token authority), so identity's port is picked before identity binds it.
        // Another process may take a picked port in between; identity then starts again on a new
        // pick rather than failing the region.
        for (var attempt = 1; _identity is null; attempt++)
        {
            var identityPort = _options.IdentityPort == 0 ? FreePort() : _options.IdentityPort;
            IdentityUrl = new Uri($"http://127.0.0.1:{identityPort}");
            try
            {
                _identity = await StartAppAsync(() => BuildIdentity(identityPort), cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && _options.IdentityPort == 0 && attempt < 5)
            {
                // Taken between the pick and the bind: pick again.
            }
        }

        // The others are known to the gateway alone, which starts after them: they bind port 0
        // (the kernel's choice, no window for another process) and say afterwards which port it is.
        var next = _options.FirstServicePort;
        async Task StartEach(AuthorityApps apps, Func<string, int, WebApplication> build)
        {
            foreach (var authority in Region.Authorities.Select(a => a.Id))
            {
                var port = next == 0 ? 0 : next++;
                apps.Apps[authority] = await StartAppAsync(() => build(authority, port), cancellationToken);
                apps.Ports[authority] = BoundPort(apps.Apps[authority]);
            }
        }

        await StartEach(_placements, BuildPlacement);

        // Referral services before the coordination service: their queues must be bound before it
        // announces the aligned tool versions.
        await StartEach(_referrals, BuildReferral);
        await StartEach(_consents, BuildConsent);

        var coordinationPort = next == 0 ? 0 : next;
        _coordination = await StartAppAsync(() => BuildCoordination(coordinationPort), cancellationToken);
        _coordinationPort = BoundPort(_coordination);

        var alertsPort = next == 0 ? 0 : next + 1;
        _alerts = await StartAppAsync(() => BuildAlerts(alertsPort), cancellationToken);
        _alertsPort = BoundPort(_alerts);

        _gateway = await StartAppAsync(() => BuildGateway(_options.GatewayPort), cancellationToken);
        GatewayUrl = new Uri($"http://127.0.0.1:{BoundPort(_gateway)}");
    }

    private WebApplication BuildIdentity(int port)
    {
        var builder = NewBuilder(
            "identity",
            port,
            new Dictionary<string, string?> { ["Identity:Issuer"] = IdentityUrl.ToString().TrimEnd('/') },
            defaults: DemoIdentity.Settings(Region));
        builder.AddIdentityService();
        Customise("identity", builder);
        var app = builder.Build();
        app.MapIdentityService();
        return app;
    }

    private WebApplication BuildPlacement(string authority, int port)
    {
        var connectionString = _options.PlacementConnectionString?.Invoke(authority)
            ?? $"Data Source={Path.GetFullPath(Path.Combine(_options.DataDirectory, $"{authority}.placement.db"))}";
        var builder = NewBuilder($"{authority}.placement", port, new Dictionary<string, string?>
        {
            ["Authority"] = authority,
            ["Database:Provider"] = _options.DatabaseProvider.ToString(),
            ["ConnectionStrings:Placement"] = connectionString,
            ["RabbitMq:Uri"] = _options.RabbitMqUri,
        });
        builder.AddPlacementService();
        Customise($"{authority}.placement", builder);
        var app = builder.Build();
        app.MapPlacementService();
        return app;
    }

    private WebApplication BuildReferral(string authority, int port)
    {
        var builder = NewBuilder($"{authority}.referral", port, new Dictionary<string, string?>
        {
            ["Authority"] = authority,
            ["Database:Provider"] = _options.DatabaseProvider.ToString(),
            ["ConnectionStrings:Referral"] = DatabaseFor(authority, _options.ReferralConnectionString, "referral"),
            ["RabbitMq:Uri"] = _options.RabbitMqUri,
        });
        builder.AddReferralService();
        Customise($"{authority}.referral", builder);
        var app = builder.Build();
        app.MapReferralService();
        return app;
    }

    private WebApplication BuildConsent(string authority, int port)
    {
        var builder = NewBuilder($"{authority}.consent", port, new Dictionary<string, string?>
        {
            ["Authority"] = authority,
            ["Database:Provider"] = _options.DatabaseProvider.ToString(),
            ["ConnectionStrings:Consent"] = DatabaseFor(authority, _options.ConsentConnectionString, "consent"),
            ["RabbitMq:Uri"] = _options.RabbitMqUri,
        });
        builder.AddConsentService();
        Customise($"{authority}.consent", builder);
        var app = builder.Build();
        app.MapConsentService();
        return app;
    }

    private WebApplication BuildCoordination(int port)
    {
        var builder = NewBuilder("region", port, new Dictionary<string, string?>
        {
            ["Database:Provider"] = _options.DatabaseProvider.ToString(),
            ["ConnectionStrings:Region"] = _options.RegionConnectionString
                ?? DatabaseFor(Region.Authorities[0].Id, null, "region", file: "region.db"),
            ["RabbitMq:Uri"] = _options.RabbitMqUri,
        });
        builder.AddRegionService();
        Customise("region", builder);
        var app = builder.Build();
        app.MapRegionService();
        return app;
    }

    private WebApplication BuildAlerts(int port)
    {
        var builder = NewBuilder("alerts", port, new Dictionary<string, string?>
        {
            ["Database:Provider"] = _options.DatabaseProvider.ToString(),
            ["ConnectionStrings:Alerts"] = _options.AlertsConnectionString
                ?? DatabaseFor(Region.Authorities[0].Id, null, "alerts", file: "alerts.db"),
            ["RabbitMq:Uri"] = _options.RabbitMqUri,
            // The local region's forces are demo receivers on this machine.
            ["Alerts:Push:AllowHttpLoopback"] = "true",
        });
        builder.AddAlertsService();
        Customise("alerts", builder);
        var app = builder.Build();
        app.MapAlertsService();
        return app;
    }

    /// <summary>
    /// A service's own database: as configured, else a SQLite file under the data directory, else
    /// (PostgreSQL) a database beside the authority's placement database, named after it with a
    /// suffix; EF Core creates it on first migration. Never shared between services.
    /// </summary>
    private string DatabaseFor(string authority, Func<string, string>? configured, string suffix, string? file = null)
    {
        if (configured is not null)
        {
            return configured(authority);
        }

        if (_options.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            return $"Data Source={Path.GetFullPath(Path.Combine(_options.DataDirectory, file ?? $"{authority}.{suffix}.db"))}";
        }

        var placement = _options.PlacementConnectionString?.Invoke(authority)
            ?? throw new InvalidOperationException($"PostgreSQL needs a connection string for {authority}'s {suffix} database.");
        var builder = new NpgsqlConnectionStringBuilder(placement);
        builder.Database = $"{builder.Database}_{suffix}";
        return builder.ConnectionString;
    }

    private WebApplication BuildGateway(int port)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:IdentityAddress"] = IdentityUrl.ToString(),
            ["Gateway:RegionAddress"] = RegionServiceUrl.ToString(),
            ["Gateway:AlertsAddress"] = AlertsServiceUrl.ToString(),
        };
        foreach (var apps in new[] { _placements, _referrals, _consents })
        {
            foreach (var (authority, servicePort) in apps.Ports)
            {
                settings[$"Gateway:Destinations:{authority}:{apps.Service}"] = $"http://127.0.0.1:{servicePort}";
            }
        }

        var builder = NewBuilder("gateway", port, settings);
        builder.AddGatewayService();
        Customise("gateway", builder);
        var app = builder.Build();
        app.MapGatewayService();
        return app;
    }

    /// <summary>Configuration layers, later wins: region file, <paramref name="defaults"/>, the host's Settings, <paramref name="own"/>.</summary>
    private WebApplicationBuilder NewBuilder(string name, int port, Dictionary<string, string?> own, Dictionary<string, string?>? defaults = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = name,
            EnvironmentName = _options.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            // The application name labels the app (logs, OpenAPI title); it is not an assembly to scan.
            Args = [$"--{WebHostDefaults.PreventHostingStartupKey}=true"],
        });

        // Every app in the process would otherwise read the same files and Kestrel endpoints.
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(Path.GetFullPath(_options.RegionFile), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Defaults that Settings may override: per-command and per-request lines would
                // drown the region's own.
                ["Logging:LogLevel:Default"] = _options.MinimumLogLevel.ToString(),
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Yarp"] = "Warning",
                ["Authentication:Authority"] = IdentityUrl.ToString().TrimEnd('/'),
                ["Authentication:RequireHttpsMetadata"] = "false",
            })
            .AddInMemoryCollection(defaults ?? [])
            .AddInMemoryCollection(_options.Settings)
            .AddInMemoryCollection(own)
            .AddEnvironmentVariables("OTEL_");
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, InProcessLifetime>());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = $"HH:mm:ss '[{name}]' ";
        });
        return builder;
    }

    private void Customise(string name, WebApplicationBuilder builder) => _options.ConfigureServices?.Invoke(name, builder.Services);

    /// <summary>
    /// Builds and starts an app on a clean execution context: MassTransit keeps its log context
    /// in an AsyncLocal, and a bus started in a flowed context would keep another app's logger.
    /// </summary>
    private static Task<WebApplication> StartAppAsync(Func<WebApplication> build, CancellationToken cancellationToken)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(async () =>
            {
                var app = build();
                try
                {
                    await app.StartAsync(cancellationToken);
                    return app;
                }
                catch
                {
                    // Hosted services start before the server binds: an app whose port was taken
                    // may already run a bus, which must not outlive the failed start.
                    await StopQuietlyAsync(app);
                    await app.DisposeAsync();
                    throw;
                }
            }, cancellationToken);
        }
    }

    private static async Task StopQuietlyAsync(WebApplication app)
    {
        try
        {
            using var hurry = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(hurry.Token);
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Partly started: whatever did start has been told to stop.
        }
    }

    /// <summary>The port a started app's server is bound to (Kestrel puts the bound address in place of port 0).</summary>
    private static int BoundPort(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops every app, the gateway first so that no request arrives at a stopped service. Once
    /// <paramref name="cancellationToken"/> is cancelled, the apps not yet stopped are stopped
    /// without waiting for their work in hand (connections aborted, hosted services told to hurry).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var app in AppsInStopOrder())
        {
            try
            {
                await app.StopAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
            {
                // Already stopped (a test stopped it on purpose), or out of time: on to the next.
            }
        }

        _stopped = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync(CancellationToken.None);
        }

        foreach (var app in AppsInStopOrder())
        {
            await app.DisposeAsync();
        }

        _gateway = null;
        _coordination = null;
        _alerts = null;
        _identity = null;
        _placements.Apps.Clear();
        _referrals.Apps.Clear();
        _consents.Apps.Clear();

        // Idle pooled connections outlive the apps that opened them; a region of nine databases
        // left behind per test class would exhaust the server's connection slots.
        if (_options.DatabaseProvider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    private List<WebApplication> AppsInStopOrder() =>
        [.. new[] { _gateway, _coordination, _alerts }.Concat(_consents.Apps.Values).Concat(_referrals.Apps.Values).Concat(_placements.Apps.Values)
            .Append(_identity).OfType<WebApplication>()];

    /// <summary>One service's instance per authority, with the port each is bound to.</summary>
    private sealed class AuthorityApps(string service)
    {
        public string Service { get; } = service;

        public Dictionary<string, WebApplication> Apps { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Ports { get; } = new(StringComparer.Ordinal);
    }
}
