namespace Regional.RiskTool;

/// <summary>
/// One assessment with a named tool version, as the practitioner records it. It carries no
/// derived level: that is always recomputed from the version's rules (<see cref="ScoredAssessment"/>).
/// </summary>
public sealed record RiskAssessment
{
    public required string ToolVersion { get; init; }
    public IReadOnlyList<IndicatorRating> Indicators { get; init; } = [];
    public IReadOnlyList<string> VulnerabilityFactors { get; init; } = [];
    public IReadOnlyList<string> Models { get; init; } = [];
    public IReadOnlyList<string> ExploitationTypes { get; init; } = [];
    public ProfessionalOverride? Override { get; init; }

    public IReadOnlyList<string> CodesOf(CodeCategory category) => category switch
    {
        CodeCategory.Indicator => Indicators.Select(i => i.Code).ToList(),
        CodeCategory.VulnerabilityFactor => VulnerabilityFactors,
        CodeCategory.Model => Models,
        CodeCategory.ExploitationType => ExploitationTypes,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}

/// <summary>An indicator the practitioner has rated. An indicator not listed has not been rated.</summary>
public sealed record IndicatorRating(string Code, Rating Rating, string? Evidence = null);

/// <summary>
/// The professionals' judgement where it differs from the derived level; the rationale is
/// what makes it defensible at review and across the border.
/// </summary>
public sealed record ProfessionalOverride(RiskLevel Level, string? Rationale, string? By);
