using System.Diagnostics.Metrics;
using Regional.Placement.Domain;

namespace Regional.Placement;

/// <summary>
/// Counters of cross-border notices. Labels are authority ids and notice kinds only, never
/// anything about a child.
/// </summary>
public sealed class PlacementMetrics
{
    public const string MeterName = "Regional.Placement";

    private readonly Counter<long> _queued;
    private readonly Counter<long> _received;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _overdue;

    public PlacementMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _queued = meter.CreateCounter<long>("regional.placement.notices.queued", description: "Notices committed for a host authority.");
        _received = meter.CreateCounter<long>("regional.placement.notices.received", description: "Notices stored in this authority's register.");
        _acknowledged = meter.CreateCounter<long>("regional.placement.notices.acknowledged", description: "Notices this authority acknowledged as host.");
        _overdue = meter.CreateCounter<long>("regional.placement.notices.overdue", description: "Notices escalated as not acknowledged in time.");
    }

    public void NoticeQueued(NotificationKind kind, string to) => _queued.Add(1, Kind(kind), new("to", to));

    public void NoticeReceived(NotificationKind kind, string from) => _received.Add(1, Kind(kind), new("from", from));

    public void Acknowledged(string placingAuthority, int count) => _acknowledged.Add(count, new KeyValuePair<string, object?>("to", placingAuthority));

    public void Overdue(NotificationKind kind, string to) => _overdue.Add(1, Kind(kind), new("to", to));

    private static KeyValuePair<string, object?> Kind(NotificationKind kind) => new("kind", kind.ToString());
}
