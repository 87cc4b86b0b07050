using MassTransit;

namespace Regional.Contracts.Monitoring.V1;

// Metadata only: opaque ids, authorities, kinds, levels and times. A case id is the host's own
// opaque key; it lets the monitor follow one case without knowing whose it is.

/// <summary>A CRE concern was received; <c>To</c> is the placing authority, or the receiver itself when handled locally.</summary>
[MessageUrn("urn:regional:monitoring:referral-received:v1", useDefaultPrefix: false)]
public sealed record ReferralReceived(
    Guid ReferralId,
    string From,
    string To,
    string Source,
    bool CrossBorder,
    DateTimeOffset OccurredAt) : IMetadataEvent;

[MessageUrn("urn:regional:monitoring:reciprocal-meeting-held:v1", useDefaultPrefix: false)]
public sealed record ReciprocalMeetingHeld(
    Guid CaseId,
    string From,
    string To,
    string MeetingType,
    DateTimeOffset OccurredAt) : IMetadataEvent;

[MessageUrn("urn:regional:monitoring:risk-level-changed:v1", useDefaultPrefix: false)]
public sealed record RiskLevelChanged(
    Guid CaseId,
    string From,
    string To,
    string? PreviousLevel,
    string Level,
    string ToolVersion,
    DateTimeOffset OccurredAt) : IMetadataEvent;

[MessageUrn("urn:regional:monitoring:reciprocal-review-overdue:v1", useDefaultPrefix: false)]
public sealed record ReciprocalReviewOverdue(
    Guid CaseId,
    string From,
    string To,
    DateOnly DueOn,
    DateTimeOffset DetectedAt) : IMetadataEvent;

[MessageUrn("urn:regional:monitoring:reciprocal-case-closure:v1", useDefaultPrefix: false)]
public sealed record ReciprocalCaseClosureRecorded(
    Guid CaseId,
    string From,
    string To,
    string Reason,
    DateTimeOffset OccurredAt) : IMetadataEvent;

/// <summary>
/// The regional coordinator changed which risk tool versions are aligned. Published to every
/// referral service; <see cref="Revision"/> orders changes so a late copy cannot undo a newer one.
/// </summary>
[MessageUrn("urn:regional:monitoring:risk-tool-alignment-changed:v1", useDefaultPrefix: false)]
public sealed record RiskToolAlignmentChanged(
    long Revision,
    IReadOnlyList<string> Aligned,
    IReadOnlyList<string> Retired,
    string From,
    string To,
    DateTimeOffset ChangedAt) : IMetadataEvent;
