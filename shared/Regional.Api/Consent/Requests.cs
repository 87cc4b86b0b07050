namespace Regional.Api.Consent;

/// <summary>
/// A consent, refusal or withdrawal for one purpose and one recipient type. Codes are strings, so
/// that an unknown one is refused naming its field rather than as a body that cannot be read.
/// </summary>
public sealed record RecordDecisionRequest(
    string? Decision,
    string? Purpose,
    string? RecipientType,
    string? GivenBy,
    int? ChildAge,
    bool? Competent,
    DateOnly? DecidedOn,
    string? Note);

/// <summary>A safeguarding override: sharing without consent, on a named law, approved above a practitioner.</summary>
public sealed record RecordOverrideRequest(
    string? Purpose,
    string? RecipientType,
    string? LawfulBasis,
    string? Reason,
    string? ApprovedBy,
    string? ApproverRole,
    DateOnly? ReviewBy);
