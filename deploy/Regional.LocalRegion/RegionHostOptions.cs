using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Regional.ServiceDefaults;

namespace Regional.LocalRegion;

public sealed class RegionHostOptions
{
    public required string RabbitMqUri { get; init; }

    public DatabaseProvider DatabaseProvider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string of an authority's placement database; by default a SQLite file under <see cref="DataDirectory"/>.</summary>
    public Func<string, string>? PlacementConnectionString { get; init; }

    /// <summary>
    /// Connection string of an authority's referral database; by default a SQLite file under
    /// <see cref="DataDirectory"/>, or on PostgreSQL the placement database's name with <c>_referral</c>.
    /// </summary>
    public Func<string, string>? ReferralConnectionString { get; init; }

    /// <summary>
    /// Connection string of an authority's consent database; by default a SQLite file under
    /// <see cref="DataDirectory"/>, or on PostgreSQL the placement database's name with <c>_consent</c>.
    /// </summary>
    public Func<string, string>? ConsentConnectionString { get; init; }

    /// <summary>The coordination service's database; by default <c>region.db</c>, or on PostgreSQL beside the first authority's.</summary>
    public string? RegionConnectionString { get; init; }

    /// <summary>The police alerts service's database (one for the region); by default beside the region's.</summary>
    public string? AlertsConnectionString { get; init; }

    public string DataDirectory { get; init; } = Path.Combine(".region", "data");

    /// <summary>The region definition; by default the <c>region.json</c> shipped beside the program.</summary>
    public string RegionFile { get; init; } = Path.Combine(AppContext.BaseDirectory, "region.json");

    /// <summary>0 picks a free loopback port.</summary>
    public int GatewayPort { get; init; }

    public int IdentityPort { get; init; }

    /// <summary>Ports of the placement services, one per authority in region order, then the referral services, then the consent services, then the coordination service; 0 picks free ones.</summary>
    public int FirstServicePort { get; init; }

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Settings applied to every service (e.g. <c>Placement:OverdueCheckInterval</c>).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Last word on an app's services, by app name (<c>identity</c>, <c>gateway</c>, <c>{authority}.placement</c>, <c>{authority}.referral</c>, <c>{authority}.consent</c>, <c>region</c>).</summary>
    public Action<string, IServiceCollection>? ConfigureServices { get; init; }
}
