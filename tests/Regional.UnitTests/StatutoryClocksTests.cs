using Regional.Placement.Domain;
using Regional.Region;

namespace Regional.UnitTests;

public sealed class When_the_statutory_clocks_run
{
    private readonly StatutoryClocks _clocks = new(TestRegion.Calendar(), new RegionDirectory(TestRegion.Options()));

    [Fact]
    public void A_planned_placement_must_be_notified_by_its_start_date()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), _clocks.PlacementNoticeDueBy(new DateOnly(2026, 11, 30), isEmergency: false));
    }

    [Fact]
    public void An_emergency_placement_must_be_notified_within_5_working_days()
    {
        // Thursday 24 Dec 2026: Christmas, two weekends, the substitute Boxing Day and New Year's
        // Day do not count; the working days are 29, 30, 31 Dec, 4 and 5 Jan.
        Assert.Equal(new DateOnly(2027, 1, 5), _clocks.PlacementNoticeDueBy(new DateOnly(2026, 12, 24), isEmergency: true));
    }

    [Fact]
    public void The_end_of_a_placement_must_be_notified_within_10_working_days()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), _clocks.EndNoticeDueBy(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void A_notice_on_its_due_date_is_on_time_and_the_next_day_is_late()
    {
        var due = new DateOnly(2026, 11, 30);
        Assert.False(_clocks.IsLate(due, new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero)));
        Assert.True(_clocks.IsLate(due, new DateTimeOffset(2026, 12, 1, 0, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Acknowledgement_is_due_by_the_end_of_the_next_working_day()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), _clocks.AcknowledgeBy(friday));
    }
}
