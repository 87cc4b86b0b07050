using Regional.Referral.Domain;

namespace Regional.UnitTests;

public sealed class When_the_next_reciprocal_review_is_set
{
    private static readonly DateOnly Held = new(2026, 11, 20);
    private readonly ReviewSchedule _schedule = new(new ReviewOptions());

    [Fact]
    public void The_first_review_is_due_within_six_weeks_of_the_initial_strategy_meeting()
    {
        Assert.Equal(((DateOnly?)new DateOnly(2027, 1, 1), (string?)null), _schedule.NextReview(MeetingTypes.InitialStrategy, Held, null, null));
    }

    [Fact]
    public void Later_reviews_are_due_every_three_months()
    {
        Assert.Equal(new DateOnly(2027, 2, 20), _schedule.NextReview(MeetingTypes.Review, Held, new DateOnly(2026, 12, 1), null).Due);
    }

    [Fact]
    public void An_earlier_date_may_be_set()
    {
        Assert.Equal(new DateOnly(2026, 12, 4), _schedule.NextReview(MeetingTypes.InitialStrategy, Held, null, new DateOnly(2026, 12, 4)).Due);
    }

    [Fact]
    public void A_later_date_than_the_rule_allows_is_refused()
    {
        var (due, error) = _schedule.NextReview(MeetingTypes.InitialStrategy, Held, null, new DateOnly(2027, 1, 2));
        Assert.Null(due);
        Assert.Contains("2027-01-01", error);
    }

    [Fact]
    public void A_date_on_or_before_the_meeting_is_refused()
    {
        Assert.NotNull(_schedule.NextReview(MeetingTypes.Review, Held, null, Held).Error);
    }

    [Fact]
    public void A_professionals_meeting_keeps_the_review_already_due_and_cannot_put_it_off()
    {
        var due = new DateOnly(2026, 12, 10);
        Assert.Equal(due, _schedule.NextReview(MeetingTypes.Professionals, Held, due, null).Due);
        Assert.NotNull(_schedule.NextReview(MeetingTypes.Professionals, Held, due, due.AddDays(1)).Error);
        Assert.Null(_schedule.NextReview(MeetingTypes.Professionals, Held, null, null).Due);
    }

    [Fact]
    public void The_intervals_are_configurable()
    {
        var schedule = new ReviewSchedule(new ReviewOptions { FirstReviewWithinDays = 28, ReviewEveryMonths = 1 });
        Assert.Equal(Held.AddDays(28), schedule.NextReview(MeetingTypes.InitialStrategy, Held, null, null).Due);
        Assert.Equal(Held.AddMonths(1), schedule.NextReview(MeetingTypes.Review, Held, null, null).Due);
    }
}
