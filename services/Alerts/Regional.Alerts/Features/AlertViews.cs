using System.Text.Json.Nodes;
using Regional.Alerts.Domain;

namespace Regional.Alerts.Features;

internal static class AlertViews
{
    public static AlertView From(PoliceAlert a, DateTimeOffset now) => new(
        a.Id,
        a.Reference,
        a.Force,
        a.Kind,
        a.From,
        a.SourceId,
        a.Status,
        a.RaisedAt,
        a.ReceivedAt,
        a.DeadlineAt,
        a.IsOverdue(now),
        a.AcknowledgedAt,
        a.AcknowledgedBy,
        a.EscalatedAt,
        a.EscalationOfReference,
        a.Sequence,
        JsonNode.Parse(a.Details)?.AsObject() ?? []);

    public static PushDeliveryView From(PushDelivery d, string reference) => new(
        d.Id, d.WebhookId, d.AlertId, reference, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt,
        d.LastStatusCode, d.LastError, d.DeliveredAt);

    public static PushSubscriptionView From(PushSubscription s, DateTimeOffset now, string? newSecret = null) => new(
        s.Force,
        s.Url,
        s.Enabled,
        [.. s.Secrets.Where(x => x.RetiresAt is null || x.RetiresAt > now).OrderByDescending(x => x.CreatedAt)
            .Select(x => new PushSecretView(x.Id, x.CreatedAt, x.RetiresAt))],
        newSecret);
}
