using MassTransit;

// Version 1 of the police alert contracts: an authority's service to a police force's inbox in the
// regional alerts service (queue {force}.alerts). Each carries the child's local id and full details
// as the sender holds them; the sharing rules cut what a force may have before anything leaves.
namespace Regional.Contracts.Alerts.V1;

/// <summary>The kinds of alert a force's inbox holds.</summary>
public static class AlertKinds
{
    public const string MissingFromPlacement = "missing-from-placement";
    public const string Found = "found";
    public const string HighRiskEscalation = "high-risk-escalation";
    public const string PersonOrPlaceOfConcern = "person-or-place-of-concern";

    /// <summary>Raised by the alerts service itself when a force leaves an alert unacknowledged past its deadline.</summary>
    public const string Unacknowledged = "unacknowledged-escalation";

    public static IReadOnlyList<string> All { get; } = [MissingFromPlacement, Found, HighRiskEscalation, PersonOrPlaceOfConcern, Unacknowledged];
}

/// <summary>An alert for a police force. <see cref="AlertId"/> is the sender's, so a redelivered alert is stored once.</summary>
public interface IPoliceAlert : IAddressedMessage
{
    Guid AlertId { get; }

    /// <summary>The sender's record the alert is about (missing episode, case, intelligence report): the force quotes it back.</summary>
    Guid SourceId { get; }

    DateTimeOffset RaisedAt { get; }
}

/// <summary>
/// An alert about a child: the authority responsible for the child is named so that the disclosure
/// is audited and told to it, whichever authority sent the alert.
/// </summary>
public interface IChildAlert : IPoliceAlert
{
    string ResponsibleAuthority { get; }

    string ChildLocalId { get; }
}

/// <summary>The child as the sender knows them; a force gets only the identifying fields its rule allows.</summary>
public sealed record AlertChild(
    string LocalId,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    string? Gender,
    string? NhsNumber,
    string? Ethnicity);

public sealed record AlertAddress(string Line1, string? Line2, string Town, string Postcode);

/// <summary>
/// Placing authority to a force: a child it placed out of area is missing (Philomena protocol details).
/// Goes to the force covering the placement and the force covering the placing authority.
/// </summary>
[MessageUrn("urn:regional:alerts:missing-from-placement:v1", useDefaultPrefix: false)]
[DeliveredTo("alerts")]
[SharedWith(RecipientType.PoliceForce)]
public sealed record MissingFromPlacementAlert(
    Guid AlertId,
    string From,
    string To,
    string ResponsibleAuthority,
    Guid SourceId,
    string ChildLocalId,
    AlertChild Child,
    string HostAuthority,
    AlertAddress MissingFrom,
    DateTimeOffset MissingSince,
    string Description,
    string? PhotoReference,
    IReadOnlyList<string> RiskAssessedLocations,
    IReadOnlyList<string> Associates,
    string? Phone,
    string RiskLevel,
    string? LastSeenAt,
    int EpisodeNumberInWindow,
    bool Repeat,
    string? LegalStatus,
    string? ExploitationRisks,
    DateTimeOffset RaisedAt) : IChildAlert;

/// <summary>Placing authority to the same forces: the child is back.</summary>
[MessageUrn("urn:regional:alerts:found:v1", useDefaultPrefix: false)]
[DeliveredTo("alerts")]
[SharedWith(RecipientType.PoliceForce)]
public sealed record ChildFoundAlert(
    Guid AlertId,
    string From,
    string To,
    string ResponsibleAuthority,
    Guid SourceId,
    string ChildLocalId,
    AlertChild Child,
    DateTimeOffset MissingSince,
    DateTimeOffset ReturnedAt,
    string FoundWhere,
    string FoundBy,
    DateTimeOffset RaisedAt) : IChildAlert;

/// <summary>
/// Host authority to the force covering it (and the placing authority's force): a reciprocal CRE
/// meeting rated the child High. The plan and the indicators stay with the authorities.
/// </summary>
[MessageUrn("urn:regional:alerts:high-risk-escalation:v1", useDefaultPrefix: false)]
[DeliveredTo("alerts")]
[SharedWith(RecipientType.PoliceForce)]
public sealed record HighRiskEscalationAlert(
    Guid AlertId,
    string From,
    string To,
    string ResponsibleAuthority,
    Guid SourceId,
    string ChildLocalId,
    AlertChild Child,
    string PreviousLevel,
    string Level,
    string ToolVersion,
    string MeetingType,
    DateOnly HeldOn,
    string? AssessmentExplanation,
    DateTimeOffset RaisedAt) : IChildAlert;

/// <summary>
/// An authority to the force covering a place: a person, place or vehicle of concern (an Operation
/// Liberty style intelligence report). It names no child; the force asks the reporting authority.
/// </summary>
[MessageUrn("urn:regional:alerts:person-or-place-of-concern:v1", useDefaultPrefix: false)]
[DeliveredTo("alerts")]
[SharedWith(RecipientType.PoliceForce)]
public sealed record PersonOrPlaceOfConcernAlert(
    Guid AlertId,
    string From,
    string To,
    Guid SourceId,
    string Subject,
    string Area,
    string Description,
    string? Address,
    string? VehicleRegistration,
    string? Association,
    DateTimeOffset? ObservedAt,
    DateTimeOffset RaisedAt) : IPoliceAlert;
