using Regional.Region;

namespace Regional.UnitTests;

public sealed class When_counting_working_days
{
    private readonly WorkingDayCalendar _calendar = TestRegion.Calendar();

    [Fact]
    public void Weekends_are_not_working_days()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 11, 21))); // Saturday
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 11, 22))); // Sunday
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));  // Monday
    }

    [Fact]
    public void Bank_holidays_from_the_region_file_are_not_working_days()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 12, 28))); // substitute Boxing Day
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
    }

    [Theory]
    [InlineData("2026-11-23", 5, "2026-11-30")] // Monday + 5 = next Monday
    [InlineData("2026-11-27", 1, "2026-11-30")] // Friday + 1 skips the weekend
    [InlineData("2026-11-21", 1, "2026-11-23")] // from a Saturday
    [InlineData("2026-12-24", 1, "2026-12-29")] // Christmas, weekend and substitute day skipped
    [InlineData("2026-04-02", 1, "2026-04-07")] // Good Friday and Easter Monday skipped
    [InlineData("2026-11-23", 0, "2026-11-23")]
    public void Adding_working_days_skips_weekends_and_bank_holidays(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), _calendar.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Fact]
    public void A_service_level_runs_to_the_end_of_the_local_working_day()
    {
        // 16:00 on Friday 3 July 2026 (BST): one working day later is Monday; due by local midnight.
        var sent = new DateTimeOffset(2026, 7, 3, 15, 0, 0, TimeSpan.Zero);
        var due = _calendar.EndOfWorkingDaysAfter(sent, 1);
        Assert.Equal(new DateTimeOffset(2026, 7, 6, 23, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void The_local_date_is_the_regions_not_utcs()
    {
        // 23:30 UTC on 30 June is already 1 July in London (BST).
        Assert.Equal(new DateOnly(2026, 7, 1), _calendar.LocalDate(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 30), _calendar.LocalDate(new DateTimeOffset(2026, 12, 30, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Negative_day_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(new DateOnly(2026, 1, 5), -1));
    }
}
