using Regional.Contracts.Alerts.V1;
using Regional.Contracts.Monitoring.V1;
using Regional.Messaging;

namespace Regional.Alerts.Domain;

/// <summary>
/// An alert in one force's inbox. Its <see cref="Reference"/> and feed <see cref="Sequence"/> are
/// given as it commits (<see cref="AlertNumbering"/>), so references run without gaps per force and
/// year, and the feed's order is the order of commit.
/// </summary>
public sealed class PoliceAlert : Aggregate, IVersioned
{
    public Guid Id { get; set; }

    public required string Force { get; set; }

    public required string Kind { get; set; }

    /// <summary>The authority that raised it (for an escalation, the one that raised the original).</summary>
    public required string From { get; set; }

    public Guid SourceId { get; set; }

    /// <summary>e.g. <c>DP-2026-000123</c>; empty until numbered on commit.</summary>
    public string Reference { get; set; } = "";

    public int Year { get; set; }

    public int Number { get; set; }

    /// <summary>Position in the force's feed (region-wide, increasing in commit order); 0 until numbered.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    /// <summary>The fields the sender's sharing rule let the force have, as JSON.</summary>
    public required string Details { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>For an escalation: the alert left unacknowledged.</summary>
    public Guid? EscalationOf { get; set; }

    public string? EscalationOfReference { get; set; }

    public int Version { get; set; }

    public string Status => AcknowledgedAt is not null ? AlertStatuses.Acknowledged : EscalatedAt is not null ? AlertStatuses.Escalated : AlertStatuses.Open;

    public bool IsOverdue(DateTimeOffset now) => AcknowledgedAt is null && now > DeadlineAt;

    /// <summary>An alert as it arrives from an authority; the monitor hears that it was received.</summary>
    public static PoliceAlert Receive(IPoliceAlert message, string kind, string details, TimeSpan deadline, DateTimeOffset now)
    {
        now = Instants.AsStored(now);
        var alert = new PoliceAlert
        {
            Id = message.AlertId,
            Force = message.To,
            Kind = kind,
            From = message.From,
            SourceId = message.SourceId,
            RaisedAt = message.RaisedAt,
            ReceivedAt = now,
            // The clock starts when the force could first see it, not when the sender queued it.
            DeadlineAt = now + deadline,
            Details = details,
        };
        alert.Step(AlertSteps.Received, now);
        return alert;
    }

    /// <summary>The first acknowledgement stands; a repeat (a force system retrying) changes nothing.</summary>
    public bool Acknowledge(string by, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedAt = Instants.AsStored(now);
        AcknowledgedBy = by;
        Step(AlertSteps.Acknowledged, now);
        return true;
    }

    /// <summary>
    /// Past its deadline and still unacknowledged: marked escalated, and a new alert in the same
    /// inbox says so. An escalation is not itself escalated again.
    /// </summary>
    public PoliceAlert? Escalate(TimeSpan escalationDeadline, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null || EscalatedAt is not null || Kind == AlertKinds.Unacknowledged || now <= DeadlineAt)
        {
            return null;
        }

        now = Instants.AsStored(now);
        EscalatedAt = now;
        Step(AlertSteps.Escalated, now);
        var escalation = new PoliceAlert
        {
            // Derived from the original, so a sweep that runs twice can never raise two.
            Id = EscalationIdOf(Id),
            Force = Force,
            Kind = AlertKinds.Unacknowledged,
            From = From,
            SourceId = SourceId,
            RaisedAt = now,
            ReceivedAt = now,
            DeadlineAt = now + escalationDeadline,
            Details = System.Text.Json.JsonSerializer.Serialize(new
            {
                reference = Reference,
                kind = Kind,
                receivedAt = ReceivedAt,
                deadlineAt = DeadlineAt,
                note = "Not acknowledged by its deadline.",
            }, AlertJson.Options),
            EscalationOf = Id,
            EscalationOfReference = Reference,
        };
        escalation.Step(AlertSteps.Received, now);
        return escalation;
    }

    public static Guid EscalationIdOf(Guid alertId)
    {
        var bytes = alertId.ToByteArray();
        bytes[0] ^= 0x5A;
        bytes[15] ^= 0xA5;
        return new Guid(bytes);
    }

    private void Step(string step, DateTimeOffset now) =>
        Publish(new PoliceAlertStepRecorded(Id, Kind, step, From, Force, RaisedAt, DeadlineAt, now));
}

public static class AlertStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Escalated];
}

internal static class AlertJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
