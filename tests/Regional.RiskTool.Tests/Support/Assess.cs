namespace Regional.RiskTool.Tests.Support;

/// <summary>Short-hand for assessments in tests; every rating gets evidence unless a test is about evidence.</summary>
internal static class Assess
{
    public const string Cse2019 = "em-cre-2019.1";
    public const string Cre2021 = "em-cre-2021.1";

    public static RiskToolCatalog Catalog => RiskToolCatalog.Embedded;

    public static RiskAssessment With(string version, params (string Code, Rating Rating)[] ratings) => new()
    {
        ToolVersion = version,
        Indicators = ratings.Select(r => new IndicatorRating(r.Code, r.Rating, $"Evidence for {r.Code}")).ToList(),
    };

    public static RiskAssessment In2021(params (string Code, Rating Rating)[] ratings) => With(Cre2021, ratings);

    public static RiskAssessment In2019(params (string Code, Rating Rating)[] ratings) => With(Cse2019, ratings);

    public static ScoredAssessment Score(RiskAssessment assessment) => Catalog.Score(assessment);

    public static ProfessionalOverride Override(RiskLevel level, string? rationale = "Agreed at the strategy meeting on the evidence of the police and the school", string? by = "CRE coordinator, Derbyshire") =>
        new(level, rationale, by);
}
