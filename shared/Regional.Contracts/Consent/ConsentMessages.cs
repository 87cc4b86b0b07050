using MassTransit;

namespace Regional.Contracts.Consent.V1;

/// <summary>
/// The consent service to its own authority's other services: a lawful basis for sharing one child's
/// data for one purpose with one recipient type now holds (or, with <see cref="Holds"/> false, no
/// longer holds). Each service keeps its own copy, so the send gate never calls across a border.
/// </summary>
/// <param name="BasisId">The consent decision or override this basis comes from; a later message with the same id replaces it.</param>
/// <param name="ChildLocalId">The child's id in the owning authority's case system.</param>
/// <param name="Purpose">health, exploitation or education (see <c>deploy/sharing-rules.json</c>).</param>
/// <param name="RecipientType">The <see cref="Regional.Contracts.RecipientType"/> it covers.</param>
/// <param name="Basis">consent or safeguarding.</param>
/// <param name="Reference">For an override, the law it rests on (e.g. dpa-2018-sch1-para18).</param>
[MessageUrn("urn:regional:consent:lawful-basis-recorded:v1", useDefaultPrefix: false)]
[DeliveredTo("placement", "referral")]
[SharedWith(Contracts.RecipientType.OwnAuthority)]
public sealed record LawfulBasisRecorded(
    Guid BasisId,
    string From,
    string To,
    string ChildLocalId,
    string Purpose,
    RecipientType RecipientType,
    string Basis,
    string? Reference,
    bool Holds,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    DateTimeOffset RecordedAt) : IAddressedMessage;

/// <summary>
/// Any service to the consent service of the authority that owns the child: an entry of "who saw
/// what". A disclosure (the sender's service sent the child's data across a border) or a read (a user
/// of the sender's authority read the owner's child record through the API: the access notice).
/// Written in the same transaction as the sender's own audit entry, so none is lost.
/// </summary>
/// <param name="EntryId">The sender's audit entry id: redelivery stores it once.</param>
/// <param name="Kind">disclosure or read.</param>
/// <param name="ChildLocalId">The child's id in the owning authority's (<see cref="To"/>) case system.</param>
/// <param name="What">The message kind (URN) disclosed, or the resource read (register-entry, referral, case).</param>
/// <param name="Fields">The fields disclosed or shown.</param>
/// <param name="Counterpart">For a disclosure, who received it; for a read, the authority whose user read it.</param>
/// <param name="ActorRole">The role of the user (or client) who caused it.</param>
/// <param name="Basis">The lawful basis named in the rule (statutory, public-task, safeguarding, consent), with its reference.</param>
[MessageUrn("urn:regional:consent:child-data-accessed:v1", useDefaultPrefix: false)]
[DeliveredTo("consent")]
[SharedWith(Contracts.RecipientType.OwnAuthority, Contracts.RecipientType.PlacingAuthority)]
public sealed record ChildDataAccessed(
    Guid EntryId,
    string From,
    string To,
    string Kind,
    string ChildLocalId,
    string What,
    IReadOnlyList<string> Fields,
    string Counterpart,
    string? ActorRole,
    string? Basis,
    string? BasisReference,
    DateTimeOffset OccurredAt,
    string? CorrelationId) : IAddressedMessage;

/// <summary>
/// Several <see cref="ChildDataAccessed"/> entries for one authority from one unit of work (a list read
/// that showed many of its children): the access notices batched, each stored once as if sent alone.
/// </summary>
[MessageUrn("urn:regional:consent:child-data-accessed-batch:v1", useDefaultPrefix: false)]
[DeliveredTo("consent")]
public sealed record ChildDataAccessedBatch(
    Guid BatchId,
    string From,
    string To,
    IReadOnlyList<ChildDataAccessed> Entries) : IAddressedMessage;
