using System.Text.Json.Nodes;
using Regional.RiskTool.Tests.Support;

namespace Regional.RiskTool.Tests;

/// <summary>Each test breaks one thing in a definition that otherwise loads, and expects the catalog to say what.</summary>
public sealed class When_a_definition_is_broken
{
    private static JsonObject Valid() => TinyTool.Definition("tiny.1", "2020-01-01", "a", "b", "c");

    private static string RefusedWith(JsonObject definition) => TinyTool.Refused([definition]).Message;

    [Fact]
    public void The_unbroken_definition_loads()
    {
        var catalog = TinyTool.Load([Valid()]);

        Assert.Equal(["tiny.1"], catalog.Versions);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_naming_the_source()
    {
        var e = Assert.Throws<RiskToolDefinitionException>(() =>
            RiskToolCatalog.Load([new RiskToolSource("em-cre-2099.1.json", "{ \"version\": ")], []));

        Assert.StartsWith("em-cre-2099.1.json: ", Assert.Single(e.Problems));
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var definition = Valid();
        definition["indicators"]![0]!.AsObject().Add("critcal", true);

        Assert.Contains("'critcal' could not be mapped", RefusedWith(definition));
    }

    [Fact]
    public void A_missing_field_is_refused_rather_than_defaulted()
    {
        var definition = Valid();
        definition["indicators"]![0]!.AsObject().Remove("name");

        Assert.Contains("missing required properties including: 'name'", RefusedWith(definition));
    }

    [Fact]
    public void An_unknown_rating_name_is_refused()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]![0]!["rating"] = "Severe";

        Assert.Contains("Path: $.scoring.rules[0].rating", RefusedWith(definition));
    }

    [Fact]
    public void A_duplicate_indicator_code_is_refused()
    {
        var definition = Valid();
        definition["indicators"]![2]!["code"] = "a";

        Assert.Contains("tiny.1: the indicator code 'a' is used more than once.", RefusedWith(definition));
    }

    [Fact]
    public void A_duplicate_exploitation_type_is_refused()
    {
        var definition = Valid();
        definition["exploitationTypes"]!.AsArray().Add(new JsonObject { ["code"] = "sexual", ["name"] = "Again" });

        Assert.Contains("tiny.1: the exploitation type code 'sexual' is used more than once.", RefusedWith(definition));
    }

    [Fact]
    public void A_code_that_is_not_lower_case_words_is_refused()
    {
        var definition = Valid();
        definition["indicators"]![0]!["code"] = "Going Missing";

        Assert.Contains("the indicator code 'Going Missing' must be lower-case words joined by hyphens.", RefusedWith(definition));
    }

    [Fact]
    public void A_version_id_without_an_edition_is_refused()
    {
        var definition = Valid();
        definition["version"] = "tiny";

        Assert.Contains("the version 'tiny' must be a lower-case name and an edition number", RefusedWith(definition));
    }

    [Fact]
    public void A_definition_without_indicators_is_refused()
    {
        var definition = TinyTool.Definition("tiny.1", "2020-01-01");
        definition["scoring"]!["rules"] = new JsonArray();

        Assert.Contains("tiny.1: it has no indicators.", RefusedWith(definition));
    }

    [Fact]
    public void A_blank_descriptor_is_refused()
    {
        var definition = Valid();
        definition["indicators"]![1]!["descriptors"]!["medium"] = " ";

        Assert.Contains("tiny.1: it needs a medium descriptor for indicator 'b'.", RefusedWith(definition));
    }

    [Fact]
    public void A_scoring_rule_that_refers_to_an_unknown_indicator_is_refused()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]!.AsArray().Add(TinyTool.Rule("critical", "High", 1, "High", "a", "going-mising"));

        Assert.Contains("tiny.1: scoring rule 'critical' refers to indicator 'going-mising', which this version does not have.", RefusedWith(definition));
    }

    [Fact]
    public void A_scoring_rule_that_could_never_apply_is_refused()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]![0]!["atLeast"] = 4;

        Assert.Contains("scoring rule 'two-high' needs 4 indicators but only 3 can count towards it, so it could never apply.", RefusedWith(definition));
    }

    [Fact]
    public void A_scoring_rule_that_gives_not_yet_assessed_is_refused()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]![0]!["level"] = "NotYetAssessed";

        Assert.Contains("scoring rule 'two-high' must give Low, Medium or High, not NotYetAssessed.", RefusedWith(definition));
    }

    [Fact]
    public void A_scoring_rule_that_counts_none_ratings_is_refused()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]![1]!["rating"] = "None";

        Assert.Contains("scoring rule 'one-high' must count ratings of Low or above", RefusedWith(definition));
    }

    [Fact]
    public void Two_scoring_rules_with_the_same_id_are_refused()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]![1]!["id"] = "two-high";

        Assert.Contains("the scoring rule code 'two-high' is used more than once.", RefusedWith(definition));
    }

    [Fact]
    public void A_scoring_rule_without_a_description_is_refused_because_practitioners_see_it_as_the_reason()
    {
        var definition = Valid();
        definition["scoring"]!["rules"]![1]!["description"] = "";

        Assert.Contains("it needs a description for scoring rule 'one-high'", RefusedWith(definition));
    }

    [Fact]
    public void The_same_version_defined_twice_is_refused()
    {
        var e = TinyTool.Refused([Valid(), Valid()]);

        Assert.Contains("tiny.1: the version is defined more than once.", e.Problems);
    }

    [Fact]
    public void A_file_named_after_another_version_is_refused()
    {
        var e = Assert.Throws<RiskToolDefinitionException>(() =>
            RiskToolCatalog.Load([new RiskToolSource("tiny.2.json", Valid().ToJsonString())], []));

        Assert.Contains("tiny.2.json: the file should be named 'tiny.1.json' after what it defines.", e.Problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var definition = Valid();
        definition["indicators"]![2]!["code"] = "a";
        definition["title"] = "";

        var e = TinyTool.Refused([definition]);

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains("tiny.1: it needs a title.", e.Problems);
    }

    [Fact]
    public void A_typo_in_the_aligned_tools_critical_indicators_is_caught()
    {
        var broken = Embedded.Definition2021;
        broken["scoring"]!["rules"]![0]!["among"]![1] = "risky-adult";

        var e = Assert.Throws<RiskToolDefinitionException>(() => Embedded.Load(Embedded.Definition2019, broken, Embedded.Mapping));

        Assert.Equal(
            "The risk tool definitions are not valid:\n - em-cre-2021.1: scoring rule 'critical-high' refers to indicator 'risky-adult', which this version does not have.",
            e.Message);
    }

    [Fact]
    public void The_shipped_json_loads_through_the_same_loader()
    {
        var catalog = Embedded.Load(Embedded.Definition2019, Embedded.Definition2021, Embedded.Mapping);

        Assert.Equal(Assess.Catalog.Versions, catalog.Versions);
    }
}
