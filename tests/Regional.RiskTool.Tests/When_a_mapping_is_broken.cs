using System.Text.Json.Nodes;
using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Tests.Support.TinyTool;

namespace Regional.RiskTool.Tests;

/// <summary>tiny.1 has a, b, c; tiny.2 renames b to d and drops c. Each test breaks one thing.</summary>
public sealed class When_a_mapping_is_broken
{
    private static readonly JsonObject[] Versions =
    [
        Definition("tiny.1", "2020-01-01", "a", "b", "c"),
        Definition("tiny.2", "2021-01-01", "a", "d"),
    ];

    private static JsonObject Valid() => Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b", "d"), Entry("c")));

    private static IReadOnlyList<string> Problems(JsonObject mapping) => Refused(Versions, [mapping]).Problems;

    [Fact]
    public void The_unbroken_mapping_loads()
    {
        var catalog = Load(Versions, [Valid()]);

        Assert.Equal("tiny.1 -> tiny.2", Assert.Single(catalog.Mappings).ToString());
    }

    [Fact]
    public void A_mapping_from_a_version_that_is_not_loaded_is_refused()
    {
        var mapping = Valid();
        mapping["from"] = "tiny.0";

        Assert.Contains("mapping tiny.0 -> tiny.2: it maps from 'tiny.0', which is not a loaded version.", Problems(mapping));
    }

    [Fact]
    public void A_mapping_that_goes_back_in_time_is_refused()
    {
        var mapping = Mapping("tiny.2", "tiny.1", Entries(Entry("a", "a"), Entry("d", "b")), "c");

        Assert.Contains(
            "mapping tiny.2 -> tiny.1: it maps backwards: tiny.1 was published 2020-01-01, not after tiny.2 (2021-01-01).",
            Problems(mapping));
    }

    [Fact]
    public void An_old_code_that_the_old_version_does_not_have_is_refused()
    {
        var mapping = Valid();
        mapping["indicators"]!["map"]!.AsArray().Add(Entry("x", "a"));

        Assert.Contains("mapping tiny.1 -> tiny.2: indicators: 'x' is not a code of tiny.1.", Problems(mapping));
    }

    [Fact]
    public void A_new_code_that_the_new_version_does_not_have_is_refused()
    {
        var mapping = Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b", "d", "e"), Entry("c")));

        Assert.Contains("mapping tiny.1 -> tiny.2: indicators: 'b' maps to 'e', which is not a code of tiny.2.", Problems(mapping));
    }

    [Fact]
    public void An_old_indicator_left_out_is_refused_so_nothing_vanishes_unnoticed()
    {
        var mapping = Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b", "d")));

        Assert.Contains(
            "mapping tiny.1 -> tiny.2: indicators: tiny.1's 'c' is not mapped; map it to what it becomes, or to [] to drop it.",
            Problems(mapping));
    }

    [Fact]
    public void A_new_indicator_with_no_source_that_is_not_listed_as_new_is_refused()
    {
        var mapping = Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b"), Entry("c")));

        Assert.Contains(
            "mapping tiny.1 -> tiny.2: indicators: tiny.2's 'd' has no source; map something to it, or list it as new.",
            Problems(mapping));
    }

    [Fact]
    public void An_indicator_both_mapped_to_and_listed_as_new_is_refused()
    {
        var mapping = Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b", "d"), Entry("c")), "d");

        Assert.Contains("mapping tiny.1 -> tiny.2: indicators: 'd' is listed as new but is also mapped to from tiny.1.", Problems(mapping));
    }

    [Fact]
    public void An_old_code_mapped_twice_is_refused()
    {
        var mapping = Valid();
        mapping["indicators"]!["map"]!.AsArray().Add(Entry("c", "a"));

        Assert.Contains("mapping tiny.1 -> tiny.2: indicators: 'c' is mapped more than once.", Problems(mapping));
    }

    [Fact]
    public void A_vulnerability_factor_left_out_is_refused_like_an_indicator()
    {
        var mapping = Valid();
        mapping["vulnerabilityFactors"]!["map"] = new JsonArray();

        Assert.Contains(
            "mapping tiny.1 -> tiny.2: vulnerabilityFactors: tiny.1's 'looked-after' is not mapped; map it to what it becomes, or to [] to drop it.",
            Problems(mapping));
    }

    [Fact]
    public void The_same_mapping_twice_is_refused()
    {
        var e = Refused(Versions, [Valid(), Valid()]);

        Assert.Contains("mapping tiny.1 -> tiny.2: it is defined more than once.", e.Problems);
    }

    [Fact]
    public void Removing_an_indicator_from_the_shipped_mapping_is_caught()
    {
        var broken = Embedded.Mapping;
        var map = broken["indicators"]!["map"]!.AsArray();
        map.Remove(map.Single(e => (string?)e!["from"] == "gang-association"));

        var e = Assert.Throws<RiskToolDefinitionException>(() => Embedded.Load(Embedded.Definition2019, Embedded.Definition2021, broken));

        Assert.Equal(
            ["mapping em-cre-2019.1 -> em-cre-2021.1: indicators: em-cre-2019.1's 'gang-association' is not mapped; map it to what it becomes, or to [] to drop it."],
            e.Problems);
    }
}
