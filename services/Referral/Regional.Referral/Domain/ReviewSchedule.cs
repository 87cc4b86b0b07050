namespace Regional.Referral.Domain;

public static class MeetingTypes
{
    public const string Professionals = "professionals";
    public const string InitialStrategy = "initial-strategy";
    public const string Review = "review";

    public static readonly IReadOnlyList<string> All = [Professionals, InitialStrategy, Review];
}

public sealed class ReviewOptions
{
    public const string SectionName = "Referral:Reviews";

    /// <summary>The first review is held within this many days of the initial strategy meeting (default 6 weeks).</summary>
    public int FirstReviewWithinDays { get; set; } = 42;

    /// <summary>Later reviews are held at least this often (default every 3 months).</summary>
    public int ReviewEveryMonths { get; set; } = 3;
}

/// <summary>
/// When the next reciprocal review is due. The initial strategy meeting starts the clock (first
/// review within 6 weeks), each review restarts it (every 3 months); a professionals meeting
/// moves nothing. A meeting may set an earlier date, never a later one: a child at risk is
/// not reviewed less often because a diary was full.
/// </summary>
public sealed class ReviewSchedule(ReviewOptions options)
{
    /// <summary>The latest date the next review may be set for after this meeting; null when no review is due yet.</summary>
    public DateOnly? LatestNextReview(string meetingType, DateOnly heldOn, DateOnly? currentDue) => meetingType switch
    {
        MeetingTypes.InitialStrategy => heldOn.AddDays(options.FirstReviewWithinDays),
        MeetingTypes.Review => heldOn.AddMonths(options.ReviewEveryMonths),
        _ => currentDue,
    };

    /// <summary>The next review date to record, or an error message for <c>nextReviewDate</c>.</summary>
    public (DateOnly? Due, string? Error) NextReview(string meetingType, DateOnly heldOn, DateOnly? currentDue, DateOnly? requested)
    {
        var latest = LatestNextReview(meetingType, heldOn, currentDue);
        if (requested is not { } wanted)
        {
            return (latest, null);
        }

        if (wanted <= heldOn)
        {
            return (null, "must be after the meeting.");
        }

        if (latest is { } limit && wanted > limit)
        {
            return (null, $"must be no later than {limit:yyyy-MM-dd} ({Rule(meetingType)}).");
        }

        return (wanted, null);
    }

    private string Rule(string meetingType) => meetingType switch
    {
        MeetingTypes.InitialStrategy => $"the first review is within {options.FirstReviewWithinDays} days of the initial strategy meeting",
        MeetingTypes.Review => $"reviews are at least every {options.ReviewEveryMonths} months",
        _ => "a professionals meeting cannot put off a review already due",
    };
}
