using Microsoft.Extensions.Options;

namespace Regional.Region;

/// <summary>
/// Working-day arithmetic for the statutory clocks: Monday to Friday in the region's own
/// time zone, less its bank holidays. Day counts follow the regulations' reading: "within
/// 5 working days" of a date is the fifth working day after it.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _bankHolidays;
    private readonly TimeZoneInfo _zone;

    public WorkingDayCalendar(IOptions<RegionOptions> options)
        : this(options.Value.BankHolidays, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    public WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays, TimeZoneInfo zone)
    {
        _bankHolidays = [.. bankHolidays];
        _zone = zone;
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="from"/>; zero means the same date.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        for (var remaining = workingDays; remaining > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>The region's local calendar date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>The instant a region-local calendar date ends (the next local midnight), in UTC.</summary>
    public DateTimeOffset EndOfDay(DateOnly date)
    {
        var localMidnightAfter = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(localMidnightAfter, _zone.GetUtcOffset(localMidnightAfter)).ToUniversalTime();
    }

    /// <summary>
    /// The instant a service level of <paramref name="workingDays"/> runs out when started at
    /// <paramref name="start"/>: the end of the region-local day that many working days later.
    /// A notice sent at 4pm on a Friday before a bank-holiday Monday is due by close of Tuesday.
    /// </summary>
    public DateTimeOffset EndOfWorkingDaysAfter(DateTimeOffset start, int workingDays)
    {
        var dueDate = AddWorkingDays(LocalDate(start), workingDays);
        var localMidnightAfter = dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(localMidnightAfter, _zone.GetUtcOffset(localMidnightAfter)).ToUniversalTime();
    }
}
