using Regional.RiskTool.Tests.Support;

namespace Regional.RiskTool.Tests;

public sealed class When_the_embedded_definitions_are_loaded
{
    private static RiskToolDefinition Cse2019 => Assess.Catalog.Get(Assess.Cse2019);
    private static RiskToolDefinition Cre2021 => Assess.Catalog.Get(Assess.Cre2021);

    [Fact]
    public void Both_published_versions_load_oldest_first()
    {
        Assert.Equal([Assess.Cse2019, Assess.Cre2021], Assess.Catalog.Versions);
        Assert.Equal(Assess.Cre2021, Assess.Catalog.Latest.Version);
        Assert.Equal(new DateOnly(2019, 4, 1), Cse2019.Published);
        Assert.Equal(new DateOnly(2021, 4, 1), Cre2021.Published);
    }

    [Fact]
    public void The_embedded_catalog_is_loaded_once_and_shared()
    {
        Assert.Same(RiskToolCatalog.Embedded, RiskToolCatalog.Embedded);
    }

    [Fact]
    public void The_2019_toolkit_is_about_sexual_exploitation()
    {
        Assert.Contains("CSE", Cse2019.Title);
        Assert.Equal(["sexual", "trafficking"], Cse2019.ExploitationTypes.Select(t => t.Code));
    }

    [Fact]
    public void The_aligned_2021_tool_covers_every_exploitation_type_of_the_cre_strategy()
    {
        Assert.Contains("CRE", Cre2021.Title);
        Assert.Equal(
            ["sexual", "criminal", "labour", "trafficking-modern-slavery", "honour-based", "extremist-grooming"],
            Cre2021.ExploitationTypes.Select(t => t.Code));
    }

    [Fact]
    public void The_aligned_2021_tool_has_the_ten_models_of_exploitation_the_region_records()
    {
        Assert.Equal(
            ["boyfriend-girlfriend", "online", "street-grooming", "party", "one-to-one-adult",
             "organised-group", "peer-on-peer", "gangs-county-lines", "trafficking", "risk-taking"],
            Cre2021.Models.Select(m => m.Code));
    }

    [Theory]
    [InlineData("going-missing")]
    [InlineData("risky-adults")]
    [InlineData("risky-peers")]
    [InlineData("drugs-alcohol")]
    [InlineData("emotional-wellbeing")]
    [InlineData("unexplained-items")]
    [InlineData("online-risk")]
    [InlineData("sexual-health")]
    [InlineData("education")]
    [InlineData("physical-injuries")]
    [InlineData("criminal-activity")]
    [InlineData("weapons-violence")]
    public void The_aligned_tool_rates_the_indicators_of_the_regions_practice(string code)
    {
        Assert.True(Cre2021.HasIndicator(code));
    }

    [Theory]
    [InlineData("going-missing", "Going missing")]
    [InlineData("risky-individuals", "Associating with potential risky individuals")]
    [InlineData("drugs-alcohol", "Use of drugs and alcohol")]
    [InlineData("self-harm", "Self harm")]
    [InlineData("unexplained-items", "Unexplained items or money")]
    public void The_2019_toolkit_has_the_rows_of_the_matrix_in_the_derby_annual_report(string code, string name)
    {
        Assert.Equal(name, Cse2019.FindIndicator(code)?.Name);
    }

    [Theory]
    [InlineData("looked-after")]
    [InlineData("care-leaver")]
    [InlineData("send")]
    [InlineData("history-of-abuse")]
    [InlineData("family-breakdown")]
    [InlineData("substance-misuse-family")]
    [InlineData("domestic-violence")]
    public void The_aligned_tool_records_the_vulnerability_factors(string code)
    {
        Assert.True(Cre2021.HasCode(CodeCategory.VulnerabilityFactor, code));
    }

    [Fact]
    public void Every_indicator_describes_each_rating_differently()
    {
        foreach (var indicator in Assess.Catalog.Definitions.SelectMany(d => d.Indicators))
        {
            var d = indicator.Descriptors;
            Assert.All([d.Low, d.Medium, d.High], text => Assert.False(string.IsNullOrWhiteSpace(text)));
            Assert.Equal(3, new[] { d.Low, d.Medium, d.High }.Distinct().Count());
            Assert.Null(d.For(Rating.None));
            Assert.Equal(d.High, d.For(Rating.High));
        }
    }

    [Fact]
    public void The_2021_tool_splits_renames_merges_drops_and_adds_indicators_of_2019()
    {
        var indicators = Assert.Single(Assess.Catalog.Mappings).Indicators;

        Assert.Equal(["risky-adults", "risky-peers"], indicators.EntryFor("risky-individuals")!.To);
        Assert.Equal(["emotional-wellbeing"], indicators.EntryFor("self-harm")!.To);
        Assert.Equal(["offending", "gang-association"], indicators.SourcesOf("criminal-activity").Select(e => e.From));
        Assert.Empty(indicators.EntryFor("family-conflict")!.To);
        Assert.Equal(["weapons-violence", "travel-out-of-area"], indicators.New.Select(n => n.Code));
    }

    [Fact]
    public void Only_the_aligned_tool_treats_criminal_activity_as_critical()
    {
        static IEnumerable<string> Critical(RiskToolDefinition d) => d.Scoring.Rules.Single(r => r.Id == "critical-high").Among!;

        Assert.Equal(["going-missing", "risky-individuals", "sexual-health"], Critical(Cse2019));
        Assert.Equal(["going-missing", "risky-adults", "sexual-health", "criminal-activity", "weapons-violence"], Critical(Cre2021));
    }

    [Fact]
    public void Asking_for_an_unknown_version_names_the_known_ones()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Assess.Catalog.Get("em-cre-2030.1"));

        Assert.Equal("'em-cre-2030.1' is not a known risk tool version; known versions are em-cre-2019.1, em-cre-2021.1.", e.Message);
        Assert.False(Assess.Catalog.TryGet("em-cre-2030.1", out _));
        Assert.False(Assess.Catalog.Contains(null));
    }
}
