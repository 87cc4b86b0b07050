namespace Regional.RiskTool;

/// <summary>Derives the overall level from the version's rules; expects an assessment that has passed validation.</summary>
internal static class RiskScorer
{
    public const string NotYetAssessedRuleId = "not-yet-assessed";

    public static IReadOnlyList<RuleOutcome> Derive(RiskToolDefinition definition, IReadOnlyList<IndicatorRating> ratings)
    {
        if (ratings.Count == 0)
        {
            return [new RuleOutcome(NotYetAssessedRuleId, RiskLevel.NotYetAssessed, "No indicator has been rated yet", [])];
        }

        var applied = new List<RuleOutcome>();
        foreach (var rule in definition.Scoring.Rules)
        {
            var meeting = ratings
                .Where(r => rule.AppliesTo(r.Code) && r.Rating >= rule.Rating)
                .Select(r => r.Code)
                .ToList();
            if (meeting.Count >= rule.AtLeast)
            {
                applied.Add(new RuleOutcome(rule.Id, rule.Level, rule.Description, meeting));
            }
        }

        if (applied.Count == 0)
        {
            var fallback = definition.Scoring.Otherwise;
            var rated = ratings.Where(r => r.Rating > Rating.None).Select(r => r.Code).ToList();
            return [new RuleOutcome(fallback.Id, fallback.Level, fallback.Description, rated)];
        }

        // Highest level first; among equals, the definition's order, which is how the region wrote them.
        return applied.OrderByDescending(o => o.Level).ToList();
    }

    public static ScoredAssessment Score(RiskToolDefinition definition, RiskAssessment assessment)
    {
        var applied = Derive(definition, assessment.Indicators);
        var reason = applied[0];
        var final = assessment.Override?.Level ?? reason.Level;
        return new ScoredAssessment(assessment, reason.Level, final, reason, applied, Explain(definition, assessment, reason));
    }

    private static string Explain(RiskToolDefinition definition, RiskAssessment assessment, RuleOutcome reason)
    {
        var text = $"{Describe(reason.Level)}: {reason.Description}";
        if (reason.Indicators.Count > 0)
        {
            var ratings = assessment.Indicators.ToDictionary(r => r.Code, r => r.Rating);
            var named = reason.Indicators.Select(c => $"{definition.NameOf(CodeCategory.Indicator, c)} {ratings[c]}");
            text += $" ({string.Join(", ", named)}; rule {reason.RuleId})";
        }

        text += ".";

        if (assessment.Override is { } o)
        {
            text += $" Overridden to {Describe(o.Level)} by {o.By}: {o.Rationale?.Trim()}";
        }

        return text;
    }

    internal static string Describe(RiskLevel level) =>
        level == RiskLevel.NotYetAssessed ? "Not yet assessed" : level.ToString();
}
