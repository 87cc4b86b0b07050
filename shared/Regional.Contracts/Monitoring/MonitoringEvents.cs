using MassTransit;

namespace Regional.Contracts.Monitoring.V1;

/// <summary>Kinds of cross-border step, as the regional monitor counts them.</summary>
public static class StepKinds
{
    public const string PlacementNoticeSent = "placement-notice-sent";
    public const string PlacementNoticeReceived = "placement-notice-received";
    public const string PlacementNoticeAcknowledged = "placement-notice-acknowledged";
    public const string EndNoticeSent = "end-notice-sent";
    public const string EndNoticeReceived = "end-notice-received";
    public const string EndNoticeAcknowledged = "end-notice-acknowledged";
}

/// <summary>
/// One cross-border step happened. <see cref="NotificationId"/> is an opaque id that lets the
/// monitor pair a notice with its acknowledgement; it does not identify a child.
/// </summary>
[MessageUrn("urn:regional:monitoring:cross-border-step:v1", useDefaultPrefix: false)]
public sealed record CrossBorderStepRecorded(
    Guid NotificationId,
    string Kind,
    string From,
    string To,
    DateTimeOffset OccurredAt) : IMetadataEvent;

/// <summary>Escalation: a notification was not acknowledged within the regional service level.</summary>
[MessageUrn("urn:regional:monitoring:notification-overdue:v1", useDefaultPrefix: false)]
public sealed record NotificationOverdue(
    Guid NotificationId,
    string Kind,
    string From,
    string To,
    DateTimeOffset SentAt,
    DateTimeOffset DueBy,
    DateTimeOffset DetectedAt) : IMetadataEvent;

/// <summary>
/// A return home interview was not recorded as done or declined within its time after the return.
/// The episode id is opaque; no child data.
/// </summary>
[MessageUrn("urn:regional:monitoring:return-home-interview-overdue:v1", useDefaultPrefix: false)]
public sealed record ReturnHomeInterviewOverdue(
    Guid EpisodeId,
    string From,
    string To,
    DateTimeOffset ReturnedAt,
    DateTimeOffset DueBy,
    DateTimeOffset DetectedAt) : IMetadataEvent;

/// <summary>Steps of a police alert as the regional monitor counts them.</summary>
public static class AlertSteps
{
    public const string Received = "received";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";
}

/// <summary>
/// A police alert was received, acknowledged or escalated: the kind, who sent it to which force and
/// when. <see cref="AlertId"/> is opaque; nothing identifies the child.
/// </summary>
[MessageUrn("urn:regional:monitoring:police-alert-step:v1", useDefaultPrefix: false)]
public sealed record PoliceAlertStepRecorded(
    Guid AlertId,
    string Kind,
    string Step,
    string From,
    string To,
    DateTimeOffset RaisedAt,
    DateTimeOffset DeadlineAt,
    DateTimeOffset OccurredAt) : IMetadataEvent;
