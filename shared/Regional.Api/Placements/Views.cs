namespace Regional.Api.Placements;

public sealed record ChildView(string LocalId, string GivenName, string FamilyName, DateOnly DateOfBirth, string? NhsNumber, string Gender, string? Ethnicity);

public sealed record AddressView(string Line1, string? Line2, string Town, string Postcode);

public sealed record HealthView(string? Conditions, string? Medication, string? Allergies);

public sealed record NotificationView(
    Guid Id,
    string Kind,
    string To,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedByRole,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset? OverdueAt,
    DateOnly StatutoryDueBy,
    bool GivenLate);

public sealed record PlacementView(
    Guid Id,
    string HostAuthority,
    ChildView Child,
    string LegalStatus,
    string PlacementType,
    DateOnly StartDate,
    AddressView Address,
    bool IsEmergency,
    DateTimeOffset RecordedAt,
    DateOnly? EndDate,
    string? EndReason,
    IReadOnlyList<NotificationView> Notifications,
    IReadOnlyList<MissingEpisodeView>? MissingEpisodes = null);

public sealed record IncomingNoticeView(
    Guid NotificationId,
    string Kind,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset? AcknowledgedAt);

public sealed record RegisterEntryView(
    Guid PlacementId,
    string PlacingAuthority,
    ChildView Child,
    string LegalStatus,
    string PlacementType,
    DateOnly StartDate,
    AddressView Address,
    bool IsEmergency,
    DateOnly? EndDate,
    string? EndReason,
    bool AwaitingAcknowledgement,
    IReadOnlyList<IncomingNoticeView> Notices,
    HealthView? Health,
    string? ExploitationRisks,
    RegisterMissingView? Missing = null);

/// <summary>A missing episode as the placing authority sees it.</summary>
public sealed record MissingEpisodeView(
    Guid Id,
    Guid PlacementId,
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
    DateTimeOffset ReportedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ReturnedAt,
    string? FoundWhere,
    string? FoundBy,
    ReturnHomeInterviewView? ReturnHomeInterview);

/// <summary>The return home interview: due after the return; overdue when not done or declined by then.</summary>
public sealed record ReturnHomeInterviewView(
    DateTimeOffset DueBy,
    string? Outcome,
    string? By,
    bool? Independent,
    DateTimeOffset? At,
    bool Overdue);

/// <summary>
/// The host's register: the child's latest missing episode while it is open or its return home
/// interview is outstanding; <see cref="CurrentlyMissing"/> tells whether the child is missing now.
/// </summary>
public sealed record RegisterMissingView(
    Guid EpisodeId,
    bool CurrentlyMissing,
    DateTimeOffset Since,
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
    DateTimeOffset? ReturnedAt,
    string? FoundWhere,
    string? FoundBy,
    ReturnHomeInterviewView? ReturnHomeInterview);

/// <summary>
/// The host's report, passed on to the placing authority, which records the episode under
/// <see cref="EpisodeId"/>; it appears on the register entry within seconds.
/// </summary>
public sealed record MissingReportPassedOnView(Guid EpisodeId, Guid PlacementId, string PlacingAuthority, DateTimeOffset ReportedAt);
