using Regional.Messaging;

namespace Regional.Placement.Domain;

/// <summary>
/// A missing episode of one of our children placed elsewhere (the placing authority's record).
/// The host gets a copy (<see cref="RegisterMissingEpisode"/>) by addressed message.
/// </summary>
public sealed class MissingEpisode : IVersioned
{
    public Guid Id { get; set; }

    public Guid PlacementId { get; set; }

    /// <summary>Copied from the placement so the repeat window can count a child's episodes across placements.</summary>
    public required string ChildLocalId { get; set; }

    public DateTimeOffset MissingSince { get; set; }

    public required string ReportedBy { get; set; }

    public required string Description { get; set; }

    public string? PhotoReference { get; set; }

    public List<string> RiskAssessedLocations { get; set; } = [];

    public List<string> Associates { get; set; } = [];

    public string? Phone { get; set; }

    public required string RiskLevel { get; set; }

    public string? LastSeenAt { get; set; }

    public int EpisodeNumberInWindow { get; set; }

    public bool Repeat { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public string? FoundWhere { get; set; }

    public string? FoundBy { get; set; }

    public DateTimeOffset? ReturnHomeInterviewDueBy { get; set; }

    /// <summary>offered, done or declined; only done or declined stop the clock.</summary>
    public string? ReturnHomeInterviewOutcome { get; set; }

    public string? ReturnHomeInterviewBy { get; set; }

    public bool? ReturnHomeInterviewIndependent { get; set; }

    public DateTimeOffset? ReturnHomeInterviewAt { get; set; }

    /// <summary>Set once by the sweep, so the escalation event goes once.</summary>
    public DateTimeOffset? ReturnHomeInterviewOverdueAt { get; set; }

    public int Version { get; set; }

    public bool IsOpen => ReturnedAt is null;
}

/// <summary>The host's copy of a missing episode of a child in its register: only what the placing authority sent.</summary>
public sealed class RegisterMissingEpisode
{
    public Guid EpisodeId { get; set; }

    public Guid PlacementId { get; set; }

    public required string ChildLocalId { get; set; }

    public DateTimeOffset MissingSince { get; set; }

    public required string ReportedBy { get; set; }

    public required string Description { get; set; }

    public string? PhotoReference { get; set; }

    public List<string> RiskAssessedLocations { get; set; } = [];

    public List<string> Associates { get; set; } = [];

    public string? Phone { get; set; }

    public required string RiskLevel { get; set; }

    public string? LastSeenAt { get; set; }

    public int EpisodeNumberInWindow { get; set; }

    public bool Repeat { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>When the last update was made at the placing authority; an older update arriving late is ignored.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public string? FoundWhere { get; set; }

    public string? FoundBy { get; set; }

    public DateTimeOffset? ReturnHomeInterviewDueBy { get; set; }

    public string? ReturnHomeInterviewOutcome { get; set; }

    public string? ReturnHomeInterviewBy { get; set; }

    public bool? ReturnHomeInterviewIndependent { get; set; }

    public DateTimeOffset? ReturnHomeInterviewAt { get; set; }
}

/// <summary>The clocks of missing episodes, as pure functions so that they can be tested alone.</summary>
public static class MissingClocks
{
    public static readonly string[] Outcomes = ["done", "declined", "offered"];

    /// <summary>
    /// The position of an episode among the child's episodes that began in the window ending at its
    /// start (the window includes the episode itself): 1 for the first, 3 for the third in 30 days.
    /// </summary>
    public static int EpisodeNumberInWindow(IEnumerable<DateTimeOffset> earlierStarts, DateTimeOffset start, TimeSpan window) =>
        1 + earlierStarts.Count(s => s <= start && s > start - window);

    public static bool IsRepeat(int episodeNumberInWindow, int threshold) => episodeNumberInWindow >= threshold;

    public static DateTimeOffset ReturnHomeInterviewDueBy(DateTimeOffset returnedAt, TimeSpan within) => returnedAt + within;

    /// <summary>Only an interview done or declined answers the clock; an offer alone does not.</summary>
    public static bool ReturnHomeInterviewAnswered(string? outcome) => outcome is "done" or "declined";

    public static bool IsReturnHomeInterviewOverdue(DateTimeOffset? dueBy, string? outcome, DateTimeOffset now) =>
        dueBy is { } due && !ReturnHomeInterviewAnswered(outcome) && now > due;
}
