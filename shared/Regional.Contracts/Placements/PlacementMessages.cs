using MassTransit;

// Version 1 of the placement contracts. A breaking change adds a V2 namespace with new
// URNs; both are consumed side by side until every authority has moved.
namespace Regional.Contracts.Placements.V1;

public sealed record ChildDetails(
    string LocalId,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? NhsNumber,
    string Gender,
    string? Ethnicity);

public sealed record PlacementAddress(string Line1, string? Line2, string Town, string Postcode);

/// <summary>What a carer needs to know of a child's health. Goes only on consent or a safeguarding override (purpose "health").</summary>
public sealed record HealthDetails(string? Conditions, string? Medication, string? Allergies);

/// <summary>Placing authority to host: a child in our care is (or will be) living in your area.</summary>
[MessageUrn("urn:regional:placements:placement-notice:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record PlacementNotice(
    Guid NotificationId,
    Guid PlacementId,
    string From,
    string To,
    ChildDetails Child,
    string LegalStatus,
    string PlacementType,
    DateOnly StartDate,
    PlacementAddress Address,
    bool IsEmergency,
    DateOnly NoticeDueBy,
    DateTimeOffset SentAt,
    DateTimeOffset AcknowledgeBy,
    HealthDetails? Health = null,
    string? ExploitationRisks = null) : IAddressedMessage;

/// <summary>Placing authority to host: the placement has ended.</summary>
[MessageUrn("urn:regional:placements:placement-end-notice:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record PlacementEndNotice(
    Guid NotificationId,
    Guid PlacementId,
    string From,
    string To,
    DateOnly EndDate,
    string EndReason,
    DateOnly NoticeDueBy,
    DateTimeOffset SentAt,
    DateTimeOffset AcknowledgeBy,
    string? ChildLocalId = null) : IAddressedMessage;

/// <summary>Host to placing authority: the notice is stored in our register (delivery receipt).</summary>
[MessageUrn("urn:regional:placements:notice-received:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record NoticeReceived(
    Guid NotificationId,
    Guid PlacementId,
    string From,
    string To,
    DateTimeOffset ReceivedAt) : IAddressedMessage;

/// <summary>Host to placing authority: a practitioner has acknowledged the notice.</summary>
[MessageUrn("urn:regional:placements:notice-acknowledged:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record NoticeAcknowledged(
    Guid NotificationId,
    Guid PlacementId,
    string From,
    string To,
    DateTimeOffset AcknowledgedAt,
    string AcknowledgedByRole) : IAddressedMessage;

/// <summary>
/// Placing authority to host, after the notice: details about the child shared for one purpose
/// (health or exploitation). It rests on consent or a safeguarding override recorded for that
/// purpose; without one it is held until one is recorded.
/// </summary>
[MessageUrn("urn:regional:placements:child-details-shared:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record ChildDetailsShared(
    Guid ShareId,
    Guid PlacementId,
    string From,
    string To,
    string ChildLocalId,
    string Purpose,
    HealthDetails? Health,
    string? ExploitationRisks,
    DateTimeOffset SharedAt) : IAddressedMessage;
