using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Rating;

namespace Regional.RiskTool.Tests;

/// <summary>Each kind of error, with the exact JSON path a service puts in its 422.</summary>
public sealed class When_an_assessment_is_validated
{
    private static readonly RiskAssessment Complete = new()
    {
        ToolVersion = Assess.Cre2021,
        Indicators =
        [
            new("going-missing", High, "Found at an address of concern in another county"),
            new("criminal-activity", Medium, "Arrested with older peers carrying cash"),
            new("education", None),
        ],
        VulnerabilityFactors = ["looked-after", "send"],
        Models = ["gangs-county-lines"],
        ExploitationTypes = ["criminal"],
    };

    private static ValidationError SingleError(RiskAssessment assessment) => Assert.Single(Assess.Catalog.Validate(assessment));

    [Fact]
    public void A_complete_assessment_has_no_errors()
    {
        Assert.Empty(Assess.Catalog.Validate(Complete));
    }

    [Fact]
    public void An_unknown_tool_version_is_refused_naming_the_known_ones()
    {
        var error = SingleError(Complete with { ToolVersion = "em-cre-2030.1" });

        Assert.Equal("toolVersion", error.Path);
        Assert.Equal(ValidationErrorKind.UnknownVersion, error.Kind);
        Assert.Equal("'em-cre-2030.1' is not a known risk tool version; known versions are em-cre-2019.1, em-cre-2021.1.", error.Message);
    }

    [Fact]
    public void A_missing_tool_version_is_required()
    {
        var error = SingleError(Complete with { ToolVersion = "" });

        Assert.Equal("toolVersion", error.Path);
        Assert.Equal(ValidationErrorKind.Required, error.Kind);
    }

    [Fact]
    public void An_unknown_indicator_is_named_by_its_code()
    {
        var error = SingleError(Complete with { Indicators = [new("going-mising", Low, "Late home")] });

        Assert.Equal("indicators[going-mising]", error.Path);
        Assert.Equal(ValidationErrorKind.UnknownCode, error.Kind);
        Assert.StartsWith("'going-mising' is not an indicator of em-cre-2021.1; its indicators are: ", error.Message);
        // The valid codes are listed, so a case system can correct the code without reading docs.
        Assert.Contains("going-missing", error.Message);
    }

    [Fact]
    public void An_indicator_of_another_version_is_unknown_in_this_one()
    {
        var error = SingleError(Complete with { Indicators = [new("self-harm", Low, "Punching walls")] });

        Assert.Equal("indicators[self-harm]", error.Path);
    }

    [Fact]
    public void An_unknown_vulnerability_factor_is_refused()
    {
        var error = SingleError(Complete with { VulnerabilityFactors = ["looked-after", "learning-disability"] });

        Assert.Equal("vulnerabilityFactors[learning-disability]", error.Path);
        Assert.Equal(ValidationErrorKind.UnknownCode, error.Kind);
        Assert.StartsWith("'learning-disability' is not one of the vulnerability factors of em-cre-2021.1; they are: ", error.Message);
        Assert.Contains("looked-after", error.Message);
    }

    [Fact]
    public void An_unknown_model_is_refused()
    {
        var error = SingleError(Complete with { Models = ["gangs"] });

        Assert.Equal("models[gangs]", error.Path);
        Assert.Equal(ValidationErrorKind.UnknownCode, error.Kind);
    }

    [Fact]
    public void An_unknown_exploitation_type_is_refused()
    {
        var error = SingleError(Complete with { ExploitationTypes = ["criminal", "cse"] });

        Assert.Equal("exploitationTypes[cse]", error.Path);
        Assert.Equal(ValidationErrorKind.UnknownCode, error.Kind);
    }

    [Theory]
    [InlineData(Low, null)]
    [InlineData(Medium, "")]
    [InlineData(High, "  \n ")]
    public void A_rating_above_none_without_evidence_is_refused(Rating rating, string? evidence)
    {
        var error = SingleError(Complete with { Indicators = [new("going-missing", rating, evidence)] });

        Assert.Equal("indicators[going-missing].evidence", error.Path);
        Assert.Equal(ValidationErrorKind.Required, error.Kind);
        Assert.Equal($"A {rating} rating needs the evidence it rests on.", error.Message);
    }

    [Fact]
    public void A_none_rating_needs_no_evidence()
    {
        Assert.Empty(Assess.Catalog.Validate(Complete with { Indicators = [new("going-missing", None)] }));
    }

    [Fact]
    public void An_undefined_rating_is_refused()
    {
        var error = SingleError(Complete with { Indicators = [new("going-missing", (Rating)9, "Evidence")] });

        Assert.Equal("indicators[going-missing].rating", error.Path);
        Assert.Equal(ValidationErrorKind.InvalidValue, error.Kind);
    }

    [Fact]
    public void An_indicator_rated_twice_is_refused_once()
    {
        var error = SingleError(Complete with { Indicators = [new("going-missing", Low, "Late"), new("going-missing", High, "Found")] });

        Assert.Equal("indicators[going-missing]", error.Path);
        Assert.Equal(ValidationErrorKind.DuplicateCode, error.Kind);
    }

    [Theory]
    [InlineData("vulnerabilityFactors[looked-after]")]
    [InlineData("models[online]")]
    [InlineData("exploitationTypes[sexual]")]
    public void A_code_listed_twice_is_refused(string path)
    {
        var assessment = path[..path.IndexOf('[')] switch
        {
            "vulnerabilityFactors" => Complete with { VulnerabilityFactors = ["looked-after", "looked-after"] },
            "models" => Complete with { Models = ["online", "online"] },
            _ => Complete with { ExploitationTypes = ["sexual", "sexual"] },
        };

        var error = SingleError(assessment);

        Assert.Equal(path, error.Path);
        Assert.Equal(ValidationErrorKind.DuplicateCode, error.Kind);
    }

    [Fact]
    public void An_indicator_without_a_code_is_named_by_its_position()
    {
        var error = SingleError(Complete with { Indicators = [new("going-missing", None), new(" ", Low, "Evidence")] });

        Assert.Equal("indicators[1].code", error.Path);
        Assert.Equal(ValidationErrorKind.Required, error.Kind);
    }

    [Fact]
    public void A_blank_model_is_named_by_its_position()
    {
        Assert.Equal("models[1]", SingleError(Complete with { Models = ["online", ""] }).Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_the_order_of_the_assessment()
    {
        var assessment = Complete with
        {
            Indicators = [new("going-missing", High), new("unknown", Low, "x")],
            Models = ["online", "online"],
            Override = new ProfessionalOverride(RiskLevel.Low, null, "J Smith"),
        };

        var errors = Assess.Catalog.Validate(assessment);

        Assert.Equal(
            ["indicators[going-missing].evidence", "indicators[unknown]", "models[online]", "override.rationale"],
            errors.Select(e => e.Path));
    }
}
