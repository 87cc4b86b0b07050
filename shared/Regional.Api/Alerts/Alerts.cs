using System.Text.Json.Nodes;

namespace Regional.Api.Alerts;

/// <summary>
/// One alert in a force's inbox. <see cref="Details"/> holds what the sending authority's sharing rule
/// let the force have, as sent; <see cref="Status"/> is open, acknowledged or escalated.
/// </summary>
public sealed record AlertView(
    Guid Id,
    string Reference,
    string Force,
    string Kind,
    string From,
    Guid SourceId,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DeadlineAt,
    bool Overdue,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? EscalatedAt,
    string? EscalationOf,
    long Sequence,
    JsonObject Details);

/// <summary>An officer or the force's system acknowledges an alert; <see cref="By"/> names who (a collar number, a desk).</summary>
public sealed record AcknowledgeAlertRequest(string? By);

/// <summary>
/// A page of a force's feed, in the order the alerts were committed. <see cref="Next"/> is the cursor
/// to pass as <c>after</c> for the following page (the same cursor again when nothing is new yet).
/// </summary>
public sealed record AlertFeedPage(IReadOnlyList<AlertView> Items, string Next);

/// <summary>A force registers (or replaces) the HTTPS endpoint its alerts are pushed to.</summary>
public sealed record PushSubscriptionRequest(string? Url);

/// <summary>
/// A force's push subscription. <see cref="Secret"/> is shown once, when it is made (on registration
/// and on rotation); afterwards only the secrets' ids and lifetimes are shown.
/// </summary>
public sealed record PushSubscriptionView(
    string Force,
    string Url,
    bool Enabled,
    IReadOnlyList<PushSecretView> Secrets,
    string? Secret);

public sealed record PushSecretView(string Id, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt);

/// <summary>One push of one alert to the force's endpoint: pending, delivered or dead (given up after its retries).</summary>
public sealed record PushDeliveryView(
    Guid Id,
    string WebhookId,
    Guid AlertId,
    string AlertReference,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeliveredAt);
