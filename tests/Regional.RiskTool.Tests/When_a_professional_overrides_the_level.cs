using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Rating;

namespace Regional.RiskTool.Tests;

public sealed class When_a_professional_overrides_the_level
{
    private static readonly RiskAssessment DerivedLow = Assess.In2021(("education", Low));
    private static readonly RiskAssessment DerivedHigh = Assess.In2021(("going-missing", High));

    [Fact]
    public void An_override_up_keeps_the_derived_level_beside_the_final_one()
    {
        var scored = Assess.Score(DerivedLow with { Override = Assess.Override(RiskLevel.High) });

        Assert.True(scored.Overridden);
        Assert.Equal(RiskLevel.Low, scored.DerivedLevel);
        Assert.Equal(RiskLevel.High, scored.FinalLevel);
        Assert.Equal("otherwise-low", scored.Reason.RuleId);
    }

    [Fact]
    public void An_override_down_with_a_rationale_is_accepted()
    {
        var scored = Assess.Score(DerivedHigh with
        {
            Override = Assess.Override(RiskLevel.Medium, "Missing episodes have stopped; mother engaged; offender recalled to prison"),
        });

        Assert.Equal(RiskLevel.High, scored.DerivedLevel);
        Assert.Equal(RiskLevel.Medium, scored.FinalLevel);
    }

    [Fact]
    public void The_explanation_records_who_overrode_and_why()
    {
        var scored = Assess.Score(DerivedLow with { Override = Assess.Override(RiskLevel.Medium, " Seen at a hotspot twice this week ", "J Smith") });

        Assert.EndsWith(". Overridden to Medium by J Smith: Seen at a hotspot twice this week", scored.Explanation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_override_without_a_rationale_is_refused(string? rationale)
    {
        var assessment = DerivedLow with { Override = Assess.Override(RiskLevel.High, rationale) };

        var e = Assert.Throws<InvalidAssessmentException>(() => Assess.Score(assessment));

        var error = Assert.Single(e.Errors);
        Assert.Equal("override.rationale", error.Path);
        Assert.Equal(ValidationErrorKind.Required, error.Kind);
    }

    [Fact]
    public void An_override_without_who_made_it_is_refused()
    {
        var errors = Assess.Catalog.Validate(DerivedLow with { Override = Assess.Override(RiskLevel.High, by: " ") });

        Assert.Equal("override.by", Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData("education", Low, RiskLevel.Low)]
    [InlineData("drugs-alcohol", High, RiskLevel.Medium)]
    [InlineData("going-missing", High, RiskLevel.High)]
    public void An_override_to_the_level_the_indicators_already_give_is_refused_as_pointless(string code, Rating rating, RiskLevel level)
    {
        var errors = Assess.Catalog.Validate(Assess.In2021((code, rating)) with { Override = Assess.Override(level) });

        var error = Assert.Single(errors);
        Assert.Equal("override.level", error.Path);
        Assert.Equal(ValidationErrorKind.PointlessOverride, error.Kind);
        Assert.Equal($"The indicators already give {level}; an override must change the level.", error.Message);
    }

    [Fact]
    public void An_override_to_not_yet_assessed_is_refused()
    {
        var errors = Assess.Catalog.Validate(DerivedLow with { Override = Assess.Override(RiskLevel.NotYetAssessed) });

        var error = Assert.Single(errors);
        Assert.Equal("override.level", error.Path);
        Assert.Equal(ValidationErrorKind.InvalidValue, error.Kind);
    }

    [Fact]
    public void An_override_to_an_undefined_level_is_refused()
    {
        var errors = Assess.Catalog.Validate(DerivedLow with { Override = Assess.Override((RiskLevel)7) });

        Assert.Equal("override.level", Assert.Single(errors).Path);
    }

    [Fact]
    public void An_override_before_any_indicator_is_rated_records_the_judgement_of_an_urgent_meeting()
    {
        var scored = Assess.Score(Assess.In2021() with { Override = Assess.Override(RiskLevel.High) });

        Assert.Equal(RiskLevel.NotYetAssessed, scored.DerivedLevel);
        Assert.Equal(RiskLevel.High, scored.FinalLevel);
    }

    [Fact]
    public void Whether_an_override_is_pointless_is_not_judged_on_indicators_that_are_wrong()
    {
        var assessment = Assess.In2021(("going-missing", High), ("not-an-indicator", Low)) with { Override = Assess.Override(RiskLevel.High) };

        var errors = Assess.Catalog.Validate(assessment);

        Assert.Equal(["indicators[not-an-indicator]"], errors.Select(e => e.Path));
    }
}
