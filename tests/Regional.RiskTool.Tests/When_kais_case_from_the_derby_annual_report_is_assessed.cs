using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Rating;

namespace Regional.RiskTool.Tests;

/// <summary>
/// Seed 001 (Derby CSE strategy annual report 2015-16), Appendix B: Kai, 13, referred by the
/// police as a CSE concern. The report's matrix writes evidence into every column it applies
/// to (going missing has entries under low, medium and high). The tool keeps one rating per
/// indicator, so each row below is rated at the highest column the report fills, and the
/// evidence of all its columns is kept. The report states the outcome, "Risk status: High risk
/// of CSE", not the thresholds behind it; these tests check the tool reaches the same level.
/// </summary>
public sealed class When_kais_case_from_the_derby_annual_report_is_assessed
{
    private static RiskAssessment Matrix(Rating goingMissing = High) => new()
    {
        ToolVersion = Assess.Cse2019,
        Indicators =
        [
            new("going-missing", goingMissing,
                "Low: missing episodes, police called 6 times in one month. Medium: associating with known CSE adults (party at known sex offender's home). "
                + "High: missing and found in a sex offender's home."),
            new("risky-individuals", Medium,
                "Low: associating with unknown males off and possibly on line. Medium: possibly been groomed off and on line; seen in hotspot."),
            new("drugs-alcohol", Medium,
                "Low: experimenting with drugs (cannabis use to be confirmed). Medium: associating with delinquent peer group."),
            new("self-harm", Low, "Possible self-harm (punching walls and doors)."),
            new("unexplained-items", Medium, "Unaccounted for goods (drugs/alcohol at party)."),
        ],
        VulnerabilityFactors =
        [
            "domestic-violence", "bullied", "low-self-esteem", "identity-issues", "substance-misuse", "self-harm",
            "isolation", "cultural-differences", "significant-loss", "previous-social-care", "missed-school", "family-conflict",
        ],
        // "Adult on Child", "In context to gangs and delinquent peer groups", "Risk taking that made
        // the child vulnerable to abuse", "On and off line abuse", "Party Scene/youth culture", "Peer on peer".
        Models = ["one-to-one-adult", "gangs", "risk-taking", "online", "street-grooming", "party", "peer-on-peer"],
        ExploitationTypes = ["sexual"],
    };

    [Fact]
    public void The_matrix_is_a_valid_assessment_with_the_2019_toolkit()
    {
        Assert.Empty(Assess.Catalog.Validate(Matrix()));
    }

    [Fact]
    public void The_matrix_gives_the_high_risk_status_the_report_records()
    {
        var scored = Assess.Score(Matrix());

        Assert.Equal(RiskLevel.High, scored.FinalLevel);
        Assert.False(scored.Overridden);
    }

    [Fact]
    public void Being_found_in_a_sex_offenders_home_is_what_makes_it_high()
    {
        // "one was known and would be deemed as having been a high risk of sexual harm to Kai"
        var scored = Assess.Score(Matrix());

        Assert.Equal("critical-high", scored.Reason.RuleId);
        Assert.Equal(["going-missing"], scored.Reason.Indicators);
    }

    [Fact]
    public void Without_that_episode_the_four_medium_concerns_would_still_make_it_high()
    {
        // Not in the report: what the tool does if the episode had not been known.
        var scored = Assess.Score(Matrix(goingMissing: Medium));

        Assert.Equal(RiskLevel.High, scored.DerivedLevel);
        Assert.Equal("four-medium", scored.Reason.RuleId);
        Assert.Equal(["going-missing", "risky-individuals", "drugs-alcohol", "unexplained-items"], scored.Reason.Indicators);
    }

    [Fact]
    public void Carried_into_the_aligned_tool_he_is_still_high_and_the_practitioner_is_told_what_to_review()
    {
        var mapped = Assess.Catalog.Map(Matrix(), Assess.Cre2021);

        Assert.Empty(Assess.Catalog.Validate(mapped.Assessment));
        Assert.Equal(RiskLevel.High, Assess.Score(mapped.Assessment).FinalLevel);
        Assert.True(mapped.NeedsReview);
        Assert.Contains(mapped.Notes, n => n.Change == MappingChange.Split && n.From.SequenceEqual(["risky-individuals"]));
        Assert.Contains(mapped.Notes, n => n.Change == MappingChange.Renamed && n.To.SequenceEqual(["emotional-wellbeing"]));
        Assert.Contains(mapped.Notes, n => n.Change == MappingChange.Renamed && n.To.SequenceEqual(["gangs-county-lines"]));
        // His gang association is exactly where the CRE tool asks about criminal exploitation.
        Assert.Contains(mapped.Notes, n => n.Change == MappingChange.Added && n.To.SequenceEqual(["criminal"]) && n.NeedsReview);
    }
}
