namespace Regional.Region;

/// <summary>
/// The region as data: which councils and police forces take part, the service levels
/// they agreed, and the bank holidays that stop the statutory clocks. Adding an authority
/// is an edit to configuration, never to code.
/// </summary>
public sealed class RegionOptions
{
    public const string SectionName = "Region";

    public string Name { get; set; } = "";

    /// <summary>IANA zone whose calendar defines a working day (default Europe/London).</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public List<AuthorityOptions> Authorities { get; set; } = [];

    public List<PoliceForceOptions> PoliceForces { get; set; } = [];

    public ServiceLevelOptions ServiceLevels { get; set; } = new();

    public List<DateOnly> BankHolidays { get; set; } = [];

    /// <summary>
    /// How long a force has to acknowledge an alert, per kind (e.g. <c>missing-from-placement</c>:
    /// <c>00:30:00</c>). Unacknowledged past it, the alert escalates.
    /// </summary>
    public Dictionary<string, TimeSpan> AlertDeadlines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The per-authority services and the resources each owns: the gateway routes
    /// <c>/{authority}/{resource}/...</c> to that authority's instance of the owner.
    /// </summary>
    public List<RoutedServiceOptions> Services { get; set; } = [];
}

public sealed class RoutedServiceOptions
{
    /// <summary>The service's name, as in its queue <c>{authority}.{name}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>First path segments under <c>/{authority}/</c> that this service owns.</summary>
    public List<string> Resources { get; set; } = [];

    /// <summary>Paths under <c>/{authority}/</c> that accept bodies above the default 64 KB, and their limit in bytes.</summary>
    public Dictionary<string, long> BodyLimits { get; set; } = [];
}

public sealed class AuthorityOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class PoliceForceOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Covers { get; set; } = [];

    /// <summary>Starts the force's alert references, e.g. <c>DP</c> for <c>DP-2026-000123</c>.</summary>
    public string ReferencePrefix { get; set; } = "";
}

public sealed class ServiceLevelOptions
{
    /// <summary>Regional service level for a host to acknowledge a notification.</summary>
    public int AcknowledgementWorkingDays { get; set; } = 1;

    /// <summary>Care Planning regs 2010 reg 13 (as amended 2013): emergency placement notice.</summary>
    public int EmergencyNoticeWorkingDays { get; set; } = 5;

    /// <summary>Care Planning regs 2010 reg 14: notice that a placement has ended.</summary>
    public int EndOfPlacementNoticeWorkingDays { get; set; } = 10;
}
