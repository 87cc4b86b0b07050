namespace Regional.Gateway;

public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Where each authority's instance of each service listens, by template:
    /// <c>Gateway:ServiceAddresses:placement = http://placement-{authority}:8080</c>.
    /// </summary>
    public Dictionary<string, string> ServiceAddresses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Explicit addresses that win over the template, by authority then service:
    /// <c>Gateway:Destinations:derbyshire:placement = http://127.0.0.1:5102</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Destinations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The identity service, reachable through the gateway at <c>/identity/...</c> for token requests.</summary>
    public string? IdentityAddress { get; set; }

    /// <summary>The regional coordination service (risk tool alignment), reachable at <c>/region/...</c>.</summary>
    public string? RegionAddress { get; set; }

    /// <summary>The police alerts service, reachable at <c>/police/{force}/...</c> by that force alone.</summary>
    public string? AlertsAddress { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>A token bucket per client (token subject), so one busy case system cannot starve the region.</summary>
public sealed class RateLimitOptions
{
    public int TokensPerSecond { get; set; } = 200;

    public int Burst { get; set; } = 400;

    /// <summary>Requests allowed to wait for a token instead of being refused at once.</summary>
    public int QueueLimit { get; set; } = 0;
}
