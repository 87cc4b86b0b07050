namespace Regional.Alerts;

public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>How often to look for alerts past their deadline.</summary>
    public TimeSpan EscalationCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public PushOptions Push { get; set; } = new();
}

/// <summary>Pushing alerts to the forces' registered endpoints (Standard Webhooks).</summary>
public sealed class PushOptions
{
    /// <summary>How often the sender looks for pushes that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a push is dead (kept for the force's admin view and a re-send).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After a rotation, how long the old secret still signs beside the new one.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Lets an endpoint be plain http on a loopback address (local region, tests). Off in
    /// production: a push carries a child's details and goes only over HTTPS.
    /// </summary>
    public bool AllowHttpLoopback { get; set; }
}
