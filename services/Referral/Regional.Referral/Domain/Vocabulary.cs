namespace Regional.Referral.Domain;

/// <summary>Code lists the region agreed for referrals and reciprocal cases.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Sources = ["police", "school", "childrens-home", "health", "social-care", "other"];

    public static readonly IReadOnlyList<string> ClosureReasons =
        ["risk-reduced", "escalated-to-child-protection", "moved", "turned-18", "threshold-not-met", "other"];

    public static readonly IReadOnlyList<string> Levels = ["not-yet-assessed", "low", "medium", "high"];

    /// <summary>At most five outcomes in a plan (seed 001, Appendix C: a support plan of a few clear outcomes).</summary>
    public const int MaxPlanOutcomes = 5;

    public static string LevelName(RiskTool.RiskLevel level) => level switch
    {
        RiskTool.RiskLevel.NotYetAssessed => "not-yet-assessed",
        RiskTool.RiskLevel.Low => "low",
        RiskTool.RiskLevel.Medium => "medium",
        RiskTool.RiskLevel.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static int LevelRank(string? level) => level switch
    {
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };
}
