namespace Regional.RiskTool;

/// <summary>
/// An assessment with its overall level and the reason for it. Derived and final levels are
/// both kept so that an override is always visible as one.
/// </summary>
public sealed record ScoredAssessment(
    RiskAssessment Assessment,
    RiskLevel DerivedLevel,
    RiskLevel FinalLevel,
    RuleOutcome Reason,
    IReadOnlyList<RuleOutcome> RulesApplied,
    string Explanation)
{
    public string ToolVersion => Assessment.ToolVersion;
    public ProfessionalOverride? Override => Assessment.Override;
    public bool Overridden => Assessment.Override is not null;
}

/// <summary>
/// A rule that applied, with the indicators that satisfied it, so that a practitioner can see
/// exactly why the level is what it is.
/// </summary>
public sealed record RuleOutcome(string RuleId, RiskLevel Level, string Description, IReadOnlyList<string> Indicators);
