using Regional.Consent.Domain;

namespace Regional.Consent.Features;

internal static class ConsentViews
{
    public static ConsentDecisionView From(ConsentDecision d) =>
        new(d.Id, d.Decision, d.Purpose, d.RecipientType.ToString(), d.GivenBy, d.ChildAge, d.Competent, d.DecidedOn, d.Note, d.RecordedAt);

    public static SafeguardingOverrideView From(SafeguardingOverride o, DateOnly today) =>
        new(o.Id, o.Purpose, o.RecipientType.ToString(), o.LawfulBasis, o.Reason, o.ApprovedBy, o.ApproverRole, o.ReviewBy, !o.HoldsOn(today), o.RecordedAt);

    public static EffectiveBasisView From(EffectiveBasis b) =>
        new(b.Purpose, b.RecipientType.ToString(), b.Basis, b.Decision?.Id, b.Override?.Id, b.Reference, b.ReviewBy);

    public static EffectiveBasisView[] Effective(ConsentRecord record, DateOnly today) => [.. record.Effective(today).Select(From)];

    public static ConsentRecordView From(ConsentRecord record, DateOnly today) => new(
        record.ChildLocalId,
        [.. record.Decisions.OrderBy(d => d.Sequence).Select(From)],
        [.. record.Overrides.OrderBy(o => o.Sequence).Select(o => From(o, today))],
        Effective(record, today));

    public static AccessEntryView From(AccessLogEntry e) => new(
        e.EntryId, e.Kind, e.What, [.. e.Fields], e.From, e.Counterpart, e.ActorRole, e.Basis, e.BasisReference, e.OccurredAt, e.ReceivedAt, e.CorrelationId);
}
