using MassTransit;

namespace Regional.Contracts.Placements.V1;

/// <summary>
/// Placing authority to host: a child we placed in your area is missing (Philomena protocol details).
/// The host needs them to support the search and its police; the child is named by local id only.
/// </summary>
[MessageUrn("urn:regional:placements:missing-episode-reported:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record MissingEpisodeReported(
    Guid EpisodeId,
    Guid PlacementId,
    string From,
    string To,
    string ChildLocalId,
    DateTimeOffset MissingSince,
    string ReportedBy,
    string Description,
    string? PhotoReference,
    IReadOnlyList<string> RiskAssessedLocations,
    IReadOnlyList<string> Associates,
    string? Phone,
    string RiskLevel,
    string? LastSeenAt,
    int EpisodeNumberInWindow,
    bool Repeat,
    DateTimeOffset ReportedAt) : IAddressedMessage;

/// <summary>Placing authority to host: more details of an open episode, or a changed risk level. Carries the whole current state.</summary>
[MessageUrn("urn:regional:placements:missing-episode-updated:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record MissingEpisodeUpdated(
    Guid EpisodeId,
    Guid PlacementId,
    string From,
    string To,
    string ChildLocalId,
    string Description,
    string? PhotoReference,
    IReadOnlyList<string> RiskAssessedLocations,
    IReadOnlyList<string> Associates,
    string? Phone,
    string RiskLevel,
    string? LastSeenAt,
    DateTimeOffset UpdatedAt) : IAddressedMessage;

/// <summary>Placing authority to host: the child is back; the return home interview is due by <see cref="ReturnHomeInterviewDueBy"/>.</summary>
[MessageUrn("urn:regional:placements:child-returned:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record ChildReturned(
    Guid EpisodeId,
    Guid PlacementId,
    string From,
    string To,
    string ChildLocalId,
    DateTimeOffset ReturnedAt,
    string FoundWhere,
    string FoundBy,
    DateTimeOffset ReturnHomeInterviewDueBy) : IAddressedMessage;

/// <summary>Placing authority to host: the return home interview was offered, done or declined.</summary>
[MessageUrn("urn:regional:placements:return-home-interview-recorded:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record ReturnHomeInterviewRecorded(
    Guid EpisodeId,
    Guid PlacementId,
    string From,
    string To,
    string ChildLocalId,
    string Outcome,
    string By,
    bool Independent,
    DateTimeOffset At) : IAddressedMessage;

/// <summary>
/// Host to placing authority: a child in our register is missing (reported to us, e.g. by the carer
/// out of hours). The placing authority records the episode under <see cref="EpisodeId"/>, tells us
/// back as for its own report, and alerts the police.
/// </summary>
[MessageUrn("urn:regional:placements:missing-episode-reported-by-host:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record MissingEpisodeReportedByHost(
    Guid EpisodeId,
    Guid PlacementId,
    string From,
    string To,
    string ChildLocalId,
    DateTimeOffset MissingSince,
    string ReportedBy,
    string Description,
    string? PhotoReference,
    IReadOnlyList<string> RiskAssessedLocations,
    IReadOnlyList<string> Associates,
    string? Phone,
    string RiskLevel,
    string? LastSeenAt,
    DateTimeOffset ReportedAt) : IAddressedMessage;
