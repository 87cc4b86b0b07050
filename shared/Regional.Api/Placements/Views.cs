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
    IReadOnlyList<NotificationView> Notifications);

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
    string? ExploitationRisks);
