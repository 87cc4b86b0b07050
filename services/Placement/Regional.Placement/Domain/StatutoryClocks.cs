using Regional.Region;

namespace Regional.Placement.Domain;

/// <summary>
/// The Care Planning, Placement and Case Review (England) Regulations 2010 clocks, in the
/// region's working days. Reg 13 (as amended 2013): the host is notified before the
/// placement starts, or for an emergency placement within 5 working days of it. Reg 14: the
/// end of a placement is notified within 10 working days of it ending.
/// </summary>
public sealed class StatutoryClocks(WorkingDayCalendar calendar, RegionDirectory region)
{
    public DateOnly PlacementNoticeDueBy(DateOnly startDate, bool isEmergency) =>
        isEmergency
            ? calendar.AddWorkingDays(startDate, region.ServiceLevels.EmergencyNoticeWorkingDays)
            : startDate;

    public DateOnly EndNoticeDueBy(DateOnly endDate) =>
        calendar.AddWorkingDays(endDate, region.ServiceLevels.EndOfPlacementNoticeWorkingDays);

    /// <summary>A notice given on its due date is on time; only a later region-local date is late.</summary>
    public bool IsLate(DateOnly dueBy, DateTimeOffset givenAt) => calendar.LocalDate(givenAt) > dueBy;

    /// <summary>When the host must have acknowledged a notice sent at <paramref name="sentAt"/>.</summary>
    public DateTimeOffset AcknowledgeBy(DateTimeOffset sentAt) =>
        calendar.EndOfWorkingDaysAfter(sentAt, region.ServiceLevels.AcknowledgementWorkingDays);

    public DateOnly Today(DateTimeOffset now) => calendar.LocalDate(now);
}
