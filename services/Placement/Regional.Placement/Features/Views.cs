using Regional.Placement.Domain;

namespace Regional.Placement.Features;

public sealed record ChildView(string LocalId, string GivenName, string FamilyName, DateOnly DateOfBirth, string? NhsNumber, string Gender, string? Ethnicity)
{
    internal static ChildView From(ChildRecord c) => new(c.LocalId, c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber, c.Gender, c.Ethnicity);
}

public sealed record AddressView(string Line1, string? Line2, string Town, string Postcode)
{
    internal static AddressView From(AddressRecord a) => new(a.Line1, a.Line2, a.Town, a.Postcode);
}

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
    bool GivenLate)
{
    internal static NotificationView From(Notification n) => new(
        n.Id, KindName(n.Kind), n.To, n.Status.ToString().ToLowerInvariant(), n.CreatedAt, n.SentAt, n.DeliveredAt,
        n.AcknowledgedAt, n.AcknowledgedByRole, n.AcknowledgeBy, n.OverdueAt, n.StatutoryDueBy, n.GivenLate);

    internal static string KindName(NotificationKind kind) =>
        kind == NotificationKind.PlacementStart ? "placement-start" : "placement-end";
}

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
    IReadOnlyList<NotificationView> Notifications)
{
    internal static PlacementView From(Domain.Placement p) => new(
        p.Id, p.HostAuthority, ChildView.From(p.Child), p.LegalStatus, p.PlacementType, p.StartDate,
        AddressView.From(p.Address), p.IsEmergency, p.RecordedAt, p.EndDate, p.EndReason,
        [.. p.Notifications.OrderBy(n => n.CreatedAt).Select(NotificationView.From)]);
}

public sealed record IncomingNoticeView(
    Guid NotificationId,
    string Kind,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset? AcknowledgedAt)
{
    internal static IncomingNoticeView From(IncomingNotice n) =>
        new(n.NotificationId, NotificationView.KindName(n.Kind), n.ReceivedAt, n.AcknowledgeBy, n.AcknowledgedAt);
}

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
    IReadOnlyList<IncomingNoticeView> Notices)
{
    internal static RegisterEntryView From(RegisterEntry e) => new(
        e.PlacementId, e.PlacingAuthority, ChildView.From(e.Child), e.LegalStatus, e.PlacementType, e.StartDate,
        AddressView.From(e.Address), e.IsEmergency, e.EndDate, e.EndReason,
        e.Notices.Exists(n => n.AcknowledgedAt is null),
        [.. e.Notices.OrderBy(n => n.ReceivedAt).Select(IncomingNoticeView.From)]);
}
