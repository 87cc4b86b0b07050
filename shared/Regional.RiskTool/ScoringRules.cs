namespace Regional.RiskTool;

/// <summary>
/// How a version derives the overall level. Every rule whose condition holds applies; the
/// highest level among them wins. When indicators are rated and no rule applies, the
/// fallback gives the level.
/// </summary>
public sealed record ScoringRules(IReadOnlyList<ScoringRule> Rules, FallbackRule Otherwise);

/// <summary>
/// "At least <see cref="AtLeast"/> indicators (of <see cref="Among"/>, or of all when it is
/// null) rated <see cref="Rating"/> or higher make the overall level at least <see cref="Level"/>."
/// </summary>
public sealed record ScoringRule(
    string Id,
    RiskLevel Level,
    int AtLeast,
    Rating Rating,
    string Description,
    IReadOnlyList<string>? Among = null)
{
    public bool AppliesTo(string indicatorCode) => Among is null || Among.Contains(indicatorCode);
}

public sealed record FallbackRule(string Id, RiskLevel Level, string Description);
