namespace Regional.Api.Consent;

public sealed record ConsentDecisionView(
    Guid Id,
    string Decision,
    string Purpose,
    string RecipientType,
    string GivenBy,
    int? ChildAge,
    bool? Competent,
    DateOnly DecidedOn,
    string? Note,
    DateTimeOffset RecordedAt);

public sealed record SafeguardingOverrideView(
    Guid Id,
    string Purpose,
    string RecipientType,
    string LawfulBasis,
    string Reason,
    string ApprovedBy,
    string ApproverRole,
    DateOnly ReviewBy,
    bool Expired,
    DateTimeOffset RecordedAt);

/// <summary>
/// Whether a lawful basis for sharing holds for one purpose with one recipient type today:
/// <c>consent</c> (naming the decision), <c>safeguarding</c> (naming the override, its law and review date), or none (null).
/// </summary>
public sealed record EffectiveBasisView(
    string Purpose,
    string RecipientType,
    string? Basis,
    Guid? DecisionId,
    Guid? OverrideId,
    string? Reference,
    DateOnly? ReviewBy);

public sealed record ConsentRecordView(
    string ChildId,
    ConsentDecisionView[] Decisions,
    SafeguardingOverrideView[] Overrides,
    EffectiveBasisView[] Effective);

public sealed record DecisionRecordedView(ConsentDecisionView Decision, EffectiveBasisView[] Effective);

public sealed record OverrideRecordedView(SafeguardingOverrideView Override, EffectiveBasisView[] Effective);

/// <summary>One entry of "who saw what" about a child: a disclosure of its data, or a read of its record.</summary>
public sealed record AccessEntryView(
    Guid EntryId,
    string Kind,
    string What,
    string[] Fields,
    string From,
    string Counterpart,
    string? ActorRole,
    string? Basis,
    string? Reference,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string? CorrelationId);
