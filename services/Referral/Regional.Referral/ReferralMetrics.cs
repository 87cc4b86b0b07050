using System.Diagnostics.Metrics;

namespace Regional.Referral;

/// <summary>Counters of CRE work across borders. Labels are authority ids and code-list values only, never a child.</summary>
public sealed class ReferralMetrics
{
    public const string MeterName = "Regional.Referral";

    private readonly Counter<long> _referrals;
    private readonly Counter<long> _meetings;
    private readonly Counter<long> _closed;

    public ReferralMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _referrals = meter.CreateCounter<long>("regional.referral.concerns.received", description: "CRE concerns recorded, by source and whether another authority placed the child.");
        _meetings = meter.CreateCounter<long>("regional.referral.meetings.held", description: "Reciprocal meetings held for another authority's child.");
        _closed = meter.CreateCounter<long>("regional.referral.cases.closed", description: "Reciprocal cases closed by the placing authority.");
    }

    public void ReferralReceived(string source, string? placingAuthority) =>
        _referrals.Add(1, new KeyValuePair<string, object?>("source", source), new("to", placingAuthority ?? "local"));

    public void MeetingHeld(string type, string placingAuthority) =>
        _meetings.Add(1, new KeyValuePair<string, object?>("type", type), new("to", placingAuthority));

    public void Closed(string reason, string hostAuthority) =>
        _closed.Add(1, new KeyValuePair<string, object?>("reason", reason), new("host", hostAuthority));
}
