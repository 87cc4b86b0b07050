using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regional.Alerts.Data;
using Regional.Consent.Data;
using Regional.Placement.Data;
using Regional.Referral.Data;
using Regional.RegionService.Data;
using Regional.ServiceDefaults;

namespace Regional.UnitTests.Persistence;

/// <summary>
/// A service's database context as the service itself registers it (through
/// <see cref="Regional.ServiceDefaults.Persistence.AddServiceDatabase{TContext, TSqlite, TPostgres, TSqlServer}"/>),
/// so that what is checked here is the model and options that run in production.
/// </summary>
internal sealed class ServiceDatabase : IAsyncDisposable
{
    public static readonly string[] Services = ["Placement", "Referral", "Consent", "Region", "Alerts"];

    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private ServiceDatabase(ServiceProvider root, Type contextType)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
        Context = (DbContext)_scope.ServiceProvider.GetRequiredService(contextType);
    }

    public DbContext Context { get; }

    public static TheoryData<string, DatabaseProvider> EveryServiceAndProvider()
    {
        var data = new TheoryData<string, DatabaseProvider>();
        foreach (var service in Services)
        {
            foreach (var provider in Enum.GetValues<DatabaseProvider>())
            {
                data.Add(service, provider);
            }
        }

        return data;
    }

    public static TheoryData<string> EveryService() => [.. Services];

    /// <summary>A connection string that builds the model without reaching any server.</summary>
    public static string Unreachable(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=:memory:",
        DatabaseProvider.Postgres => "Host=none;Database=none",
        DatabaseProvider.SqlServer => "Server=none;Database=none",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static ServiceDatabase Open(string service, DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                [$"ConnectionStrings:{service}"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        _ = service switch
        {
            "Placement" => services.AddServiceDatabase<PlacementDbContext, SqlitePlacementDbContext, PostgresPlacementDbContext, SqlServerPlacementDbContext>(configuration, service),
            "Referral" => services.AddServiceDatabase<ReferralDbContext, SqliteReferralDbContext, PostgresReferralDbContext, SqlServerReferralDbContext>(configuration, service),
            "Consent" => services.AddServiceDatabase<ConsentDbContext, SqliteConsentDbContext, PostgresConsentDbContext, SqlServerConsentDbContext>(configuration, service),
            "Alerts" => services.AddServiceDatabase<AlertsDbContext, SqliteAlertsDbContext, PostgresAlertsDbContext, SqlServerAlertsDbContext>(configuration, service),
            "Region" => services.AddServiceDatabase<RegionDbContext, SqliteRegionDbContext, PostgresRegionDbContext, SqlServerRegionDbContext>(configuration, service),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };
        return new ServiceDatabase(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), ContextType(service));
    }

    private static Type ContextType(string service) => service switch
    {
        "Placement" => typeof(PlacementDbContext),
        "Referral" => typeof(ReferralDbContext),
        "Consent" => typeof(ConsentDbContext),
        "Alerts" => typeof(AlertsDbContext),
        "Region" => typeof(RegionDbContext),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
