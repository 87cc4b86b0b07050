using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Rating;

namespace Regional.RiskTool.Tests;

/// <summary>
/// The rules of the aligned tool, em-cre-2021.1, at and just below each threshold. Critical
/// indicators there: going-missing, risky-adults, sexual-health, criminal-activity, weapons-violence.
/// </summary>
public sealed class When_an_assessment_is_scored
{
    public static TheoryData<string> Critical => ["going-missing", "risky-adults", "sexual-health", "criminal-activity", "weapons-violence"];

    public static TheoryData<string> NotCritical =>
        ["risky-peers", "drugs-alcohol", "emotional-wellbeing", "unexplained-items", "online-risk", "education", "physical-injuries", "travel-out-of-area"];

    private static ScoredAssessment Score(params (string, Rating)[] ratings) => Assess.Score(Assess.In2021(ratings));

    [Fact]
    public void Nothing_rated_is_not_yet_assessed()
    {
        var scored = Score();

        Assert.Equal(RiskLevel.NotYetAssessed, scored.DerivedLevel);
        Assert.Equal(RiskLevel.NotYetAssessed, scored.FinalLevel);
        Assert.Equal("not-yet-assessed", scored.Reason.RuleId);
        Assert.Equal("Not yet assessed: No indicator has been rated yet.", scored.Explanation);
    }

    [Fact]
    public void Indicators_assessed_as_absent_give_low_because_the_assessment_was_made()
    {
        var scored = Score(("going-missing", None), ("risky-adults", None));

        Assert.Equal(RiskLevel.Low, scored.DerivedLevel);
        Assert.Equal("otherwise-low", scored.Reason.RuleId);
        Assert.Empty(scored.Reason.Indicators);
    }

    [Fact]
    public void Lows_never_add_up_to_more_than_low()
    {
        var everyIndicator = Assess.Catalog.Get(Assess.Cre2021).Indicators.Select(i => (i.Code, Low)).ToArray();

        var scored = Score(everyIndicator);

        Assert.Equal(RiskLevel.Low, scored.DerivedLevel);
        Assert.Equal(everyIndicator.Length, scored.Reason.Indicators.Count);
    }

    [Theory]
    [MemberData(nameof(NotCritical))]
    public void One_medium_on_an_indicator_that_is_not_critical_stays_low(string code)
    {
        var scored = Score((code, Medium), ("going-missing", Low));

        Assert.Equal(RiskLevel.Low, scored.DerivedLevel);
    }

    [Fact]
    public void Two_mediums_make_the_level_medium()
    {
        var scored = Score(("drugs-alcohol", Medium), ("online-risk", Medium));

        Assert.Equal(RiskLevel.Medium, scored.DerivedLevel);
        Assert.Equal("two-medium", scored.Reason.RuleId);
        Assert.Equal(["drugs-alcohol", "online-risk"], scored.Reason.Indicators);
    }

    [Theory]
    [MemberData(nameof(Critical))]
    public void One_medium_on_a_critical_indicator_makes_the_level_medium(string code)
    {
        var scored = Score((code, Medium));

        Assert.Equal(RiskLevel.Medium, scored.DerivedLevel);
        Assert.Equal("critical-medium", scored.Reason.RuleId);
    }

    [Fact]
    public void Three_mediums_are_still_medium()
    {
        var scored = Score(("drugs-alcohol", Medium), ("online-risk", Medium), ("education", Medium));

        Assert.Equal(RiskLevel.Medium, scored.DerivedLevel);
    }

    [Fact]
    public void Four_mediums_make_the_level_high()
    {
        var scored = Score(("drugs-alcohol", Medium), ("online-risk", Medium), ("education", Medium), ("risky-peers", Medium));

        Assert.Equal(RiskLevel.High, scored.DerivedLevel);
        Assert.Equal("four-medium", scored.Reason.RuleId);
        Assert.Equal(4, scored.Reason.Indicators.Count);
    }

    [Fact]
    public void A_high_counts_towards_the_medium_thresholds()
    {
        Assert.Equal(RiskLevel.High, Score(("drugs-alcohol", High), ("online-risk", Medium), ("education", Medium), ("risky-peers", Medium)).DerivedLevel);
        Assert.Equal("two-medium", Score(("drugs-alcohol", High), ("online-risk", Medium)).RulesApplied.Last().RuleId);
    }

    [Fact]
    public void Indicators_rated_none_do_not_count_towards_any_threshold()
    {
        var scored = Score(("drugs-alcohol", Medium), ("online-risk", None), ("education", None), ("risky-peers", None));

        Assert.Equal(RiskLevel.Low, scored.DerivedLevel);
    }

    [Theory]
    [MemberData(nameof(NotCritical))]
    public void One_high_on_an_indicator_that_is_not_critical_makes_the_level_medium(string code)
    {
        var scored = Score((code, High));

        Assert.Equal(RiskLevel.Medium, scored.DerivedLevel);
        Assert.Equal("one-high", scored.Reason.RuleId);
    }

    [Fact]
    public void Two_highs_make_the_level_high()
    {
        var scored = Score(("drugs-alcohol", High), ("online-risk", High));

        Assert.Equal(RiskLevel.High, scored.DerivedLevel);
        Assert.Equal("two-high", scored.Reason.RuleId);
    }

    [Theory]
    [MemberData(nameof(Critical))]
    public void One_high_critical_indicator_makes_the_overall_level_high(string code)
    {
        var scored = Score((code, High));

        Assert.Equal(RiskLevel.High, scored.DerivedLevel);
        Assert.Equal("critical-high", scored.Reason.RuleId);
        Assert.Equal([code], scored.Reason.Indicators);
    }

    [Fact]
    public void What_is_critical_depends_on_the_version()
    {
        Assert.Equal(RiskLevel.High, Assess.Score(Assess.In2019(("risky-individuals", High))).DerivedLevel);
        Assert.Equal(RiskLevel.Medium, Assess.Score(Assess.In2019(("offending", High))).DerivedLevel);
        Assert.Equal(RiskLevel.High, Score(("criminal-activity", High)).DerivedLevel);
        Assert.Equal(RiskLevel.Medium, Score(("risky-peers", High)).DerivedLevel);
    }

    [Fact]
    public void When_several_rules_apply_the_highest_gives_the_reason_and_all_are_listed()
    {
        var scored = Score(("going-missing", High), ("drugs-alcohol", Medium), ("online-risk", Medium), ("education", Medium));

        Assert.Equal("critical-high", scored.Reason.RuleId);
        Assert.Equal(
            ["critical-high", "four-medium", "critical-medium", "one-high", "two-medium"],
            scored.RulesApplied.Select(r => r.RuleId));
    }

    [Fact]
    public void The_explanation_names_the_level_the_rule_and_the_indicators_behind_it()
    {
        var scored = Score(("going-missing", High), ("education", Low));

        Assert.Equal(
            "High: One high rating on a critical indicator makes the overall level high (Going missing High; rule critical-high).",
            scored.Explanation);
    }

    [Fact]
    public void Without_an_override_the_final_level_is_the_derived_level()
    {
        var scored = Score(("drugs-alcohol", High));

        Assert.False(scored.Overridden);
        Assert.Null(scored.Override);
        Assert.Equal(scored.DerivedLevel, scored.FinalLevel);
        Assert.Equal(Assess.Cre2021, scored.ToolVersion);
    }

    [Fact]
    public void The_thresholds_come_from_the_definition_not_the_code()
    {
        var strict = TinyTool.Definition("tiny.1", "2020-01-01", "a", "b");
        var lenient = TinyTool.Definition("tiny.2", "2021-01-01", "a", "b");
        lenient["scoring"]!["rules"]![0]!["atLeast"] = 1;
        var catalog = TinyTool.Load([strict, lenient]);

        Assert.Equal(RiskLevel.Medium, catalog.Score(Assess.With("tiny.1", ("a", High))).DerivedLevel);
        Assert.Equal(RiskLevel.High, catalog.Score(Assess.With("tiny.2", ("a", High))).DerivedLevel);
    }

    [Fact]
    public void The_order_of_the_rules_in_the_definition_does_not_change_the_level()
    {
        var reversed = TinyTool.Definition("tiny.1", "2020-01-01", "a", "b");
        reversed["scoring"]!["rules"] = new System.Text.Json.Nodes.JsonArray(
            TinyTool.Rule("one-high", "Medium", 1, "High"),
            TinyTool.Rule("two-high", "High", 2, "High"));
        var catalog = TinyTool.Load([reversed]);

        var scored = catalog.Score(Assess.With("tiny.1", ("a", High), ("b", High)));

        Assert.Equal(RiskLevel.High, scored.DerivedLevel);
        Assert.Equal("two-high", scored.Reason.RuleId);
    }

    [Fact]
    public void An_invalid_assessment_is_not_scored()
    {
        var e = Assert.Throws<InvalidAssessmentException>(() => Score(("going-mising", High)));

        Assert.Equal("indicators[going-mising]", Assert.Single(e.Errors).Path);
    }
}
