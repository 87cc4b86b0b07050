using Regional.Placement.Domain;

namespace Regional.Placement.Features;

/// <summary>
/// The views' factories live here, not on the records in Regional.Api, so that a case system's
/// client never references the domain; as static extensions, call sites still read <c>PlacementView.From(p)</c>.
/// </summary>
internal static class PlacementViews
{
    extension(ChildView)
    {
        public static ChildView From(ChildRecord c) => new(c.LocalId, c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber, c.Gender, c.Ethnicity);
    }

    extension(AddressView)
    {
        public static AddressView From(AddressRecord a) => new(a.Line1, a.Line2, a.Town, a.Postcode);
    }

    extension(NotificationView)
    {
        public static NotificationView From(Notification n) => new(
            n.Id, KindName(n.Kind), n.To, n.Status.ToString().ToLowerInvariant(), n.CreatedAt, n.SentAt, n.DeliveredAt,
            n.AcknowledgedAt, n.AcknowledgedByRole, n.AcknowledgeBy, n.OverdueAt, n.StatutoryDueBy, n.GivenLate);

        public static string KindName(NotificationKind kind) =>
            kind == NotificationKind.PlacementStart ? "placement-start" : "placement-end";
    }

    extension(PlacementView)
    {
        public static PlacementView From(Domain.Placement p) => new(
            p.Id, p.HostAuthority, ChildView.From(p.Child), p.LegalStatus, p.PlacementType, p.StartDate,
            AddressView.From(p.Address), p.IsEmergency, p.RecordedAt, p.EndDate, p.EndReason,
            [.. p.Notifications.OrderBy(n => n.CreatedAt).Select(n => NotificationView.From(n))]);

        public static PlacementView From(Domain.Placement p, IEnumerable<MissingEpisode> episodes, DateTimeOffset now) =>
            PlacementView.From(p) with { MissingEpisodes = [.. episodes.OrderBy(e => e.MissingSince).Select(e => MissingEpisodeView.From(e, now))] };
    }

    extension(MissingEpisodeView)
    {
        public static MissingEpisodeView From(MissingEpisode e, DateTimeOffset now) => new(
            e.Id, e.PlacementId, e.MissingSince, e.ReportedBy, e.Description, e.PhotoReference, e.RiskAssessedLocations, e.Associates,
            e.Phone, e.RiskLevel, e.LastSeenAt, e.EpisodeNumberInWindow, e.Repeat, e.ReportedAt, e.UpdatedAt, e.ReturnedAt,
            e.FoundWhere, e.FoundBy,
            e.ReturnHomeInterviewDueBy is { } due
                ? new ReturnHomeInterviewView(
                    due, e.ReturnHomeInterviewOutcome, e.ReturnHomeInterviewBy, e.ReturnHomeInterviewIndependent, e.ReturnHomeInterviewAt,
                    // The sweep's mark is the record; between sweeps the clock already tells.
                    e.ReturnHomeInterviewOverdueAt is not null || MissingClocks.IsReturnHomeInterviewOverdue(due, e.ReturnHomeInterviewOutcome, now))
                : null);
    }

    extension(RegisterMissingView)
    {
        public static RegisterMissingView From(RegisterMissingEpisode e, DateTimeOffset now) => new(
            e.EpisodeId, e.ReturnedAt is null, e.MissingSince, e.ReportedBy, e.Description, e.PhotoReference, e.RiskAssessedLocations,
            e.Associates, e.Phone, e.RiskLevel, e.LastSeenAt, e.EpisodeNumberInWindow, e.Repeat, e.ReturnedAt, e.FoundWhere, e.FoundBy,
            e.ReturnHomeInterviewDueBy is { } due
                ? new ReturnHomeInterviewView(
                    due, e.ReturnHomeInterviewOutcome, e.ReturnHomeInterviewBy, e.ReturnHomeInterviewIndependent, e.ReturnHomeInterviewAt,
                    // The host keeps its own clock on the due time it was sent, so it needs no message to see it overdue.
                    MissingClocks.IsReturnHomeInterviewOverdue(due, e.ReturnHomeInterviewOutcome, now))
                : null);

        /// <summary>
        /// The episode the register shows: the latest one while it is open or its interview is still
        /// outstanding.
        /// </summary>
        public static RegisterMissingEpisode? Current(IEnumerable<RegisterMissingEpisode> episodes) =>
            episodes.OrderByDescending(e => e.MissingSince).FirstOrDefault() is { } latest
            && (latest.ReturnedAt is null || !MissingClocks.ReturnHomeInterviewAnswered(latest.ReturnHomeInterviewOutcome))
                ? latest
                : null;
    }

    extension(IncomingNoticeView)
    {
        public static IncomingNoticeView From(IncomingNotice n) =>
            new(n.NotificationId, NotificationView.KindName(n.Kind), n.ReceivedAt, n.AcknowledgeBy, n.AcknowledgedAt);
    }

    extension(RegisterEntryView)
    {
        public static RegisterEntryView From(RegisterEntry e) => new(
            e.PlacementId, e.PlacingAuthority, ChildView.From(e.Child), e.LegalStatus, e.PlacementType, e.StartDate,
            AddressView.From(e.Address), e.IsEmergency, e.EndDate, e.EndReason,
            e.Notices.Exists(n => n.AcknowledgedAt is null),
            [.. e.Notices.OrderBy(n => n.ReceivedAt).Select(n => IncomingNoticeView.From(n))],
            e.Health is { } h ? new HealthView(h.Conditions, h.Medication, h.Allergies) : null,
            e.ExploitationRisks);

        public static RegisterEntryView From(RegisterEntry e, RegisterMissingEpisode? missing, DateTimeOffset now) =>
            RegisterEntryView.From(e) with { Missing = missing is null ? null : RegisterMissingView.From(missing, now) };
    }
}
