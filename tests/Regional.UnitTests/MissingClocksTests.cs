using Regional.Placement.Domain;

namespace Regional.UnitTests;

public sealed class When_missing_episodes_are_counted_and_timed
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 22, 10, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    [Fact]
    public void The_first_episode_is_number_one_and_not_a_repeat()
    {
        var number = MissingClocks.EpisodeNumberInWindow([], Start, Window);
        Assert.Equal(1, number);
        Assert.False(MissingClocks.IsRepeat(number, threshold: 3));
    }

    [Fact]
    public void The_third_episode_in_30_days_is_a_repeat()
    {
        var number = MissingClocks.EpisodeNumberInWindow([Start.AddDays(-29), Start.AddDays(-10)], Start, Window);
        Assert.Equal(3, number);
        Assert.True(MissingClocks.IsRepeat(number, threshold: 3));
    }

    [Fact]
    public void An_episode_that_began_30_days_or_more_before_falls_out_of_the_window()
    {
        var number = MissingClocks.EpisodeNumberInWindow([Start.AddDays(-30), Start.AddDays(-45), Start.AddDays(-2)], Start, Window);
        Assert.Equal(2, number);
        Assert.False(MissingClocks.IsRepeat(number, threshold: 3));
    }

    [Fact]
    public void An_episode_recorded_later_but_beginning_after_this_one_is_not_counted_before_it()
    {
        Assert.Equal(1, MissingClocks.EpisodeNumberInWindow([Start.AddHours(1)], Start, Window));
    }

    [Fact]
    public void The_window_and_threshold_are_configurable()
    {
        var number = MissingClocks.EpisodeNumberInWindow([Start.AddDays(-6)], Start, TimeSpan.FromDays(7));
        Assert.Equal(2, number);
        Assert.True(MissingClocks.IsRepeat(number, threshold: 2));
        Assert.Equal(1, MissingClocks.EpisodeNumberInWindow([Start.AddDays(-8)], Start, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void The_return_home_interview_is_due_72_hours_after_the_return()
    {
        var returned = new DateTimeOffset(2026, 12, 5, 3, 40, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 3, 40, 0, TimeSpan.Zero), MissingClocks.ReturnHomeInterviewDueBy(returned, TimeSpan.FromHours(72)));
    }

    [Fact]
    public void An_interview_not_done_or_declined_is_overdue_one_minute_after_its_due_time()
    {
        var due = new DateTimeOffset(2026, 12, 8, 3, 40, 0, TimeSpan.Zero);
        Assert.False(MissingClocks.IsReturnHomeInterviewOverdue(due, null, due));
        Assert.True(MissingClocks.IsReturnHomeInterviewOverdue(due, null, due.AddMinutes(1)));
        Assert.True(MissingClocks.IsReturnHomeInterviewOverdue(due, "offered", due.AddMinutes(1)));
        Assert.False(MissingClocks.IsReturnHomeInterviewOverdue(due, "done", due.AddMinutes(1)));
        Assert.False(MissingClocks.IsReturnHomeInterviewOverdue(due, "declined", due.AddMinutes(1)));
        Assert.False(MissingClocks.IsReturnHomeInterviewOverdue(null, null, due.AddMinutes(1)));
    }
}
