using System.Text.Json.Nodes;
using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Rating;
using static Regional.RiskTool.Tests.Support.TinyTool;

namespace Regional.RiskTool.Tests;

/// <summary>tiny.1 (a, b) -> tiny.2 (a, c: b renamed) -> tiny.3 (a, c, d: d added); tiny.4 (a, e) has no mapping in.</summary>
public sealed class When_a_mapping_chains_through_versions
{
    private static readonly JsonObject[] Definitions =
    [
        Definition("tiny.1", "2020-01-01", "a", "b"),
        Definition("tiny.2", "2021-01-01", "a", "c"),
        Definition("tiny.3", "2022-01-01", "a", "c", "d"),
        Definition("tiny.4", "2023-01-01", "a", "e"),
    ];

    private static readonly JsonObject OneToTwo = Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b", "c")));
    private static readonly JsonObject TwoToThree = Mapping("tiny.2", "tiny.3", Entries(Entry("a", "a"), Entry("c", "c")), "d");

    private static readonly RiskAssessment Old = Assess.With("tiny.1", ("a", High), ("b", Low));

    [Fact]
    public void A_version_two_steps_on_is_reached_through_the_one_between()
    {
        var catalog = Load(Definitions, [OneToTwo, TwoToThree]);

        var mapped = catalog.Map(Old, "tiny.3");

        Assert.Equal(["tiny.1", "tiny.2", "tiny.3"], mapped.Versions);
        Assert.Equal("tiny.3", mapped.Assessment.ToolVersion);
        Assert.Equal([new IndicatorRating("a", High, "Evidence for a"), new IndicatorRating("c", Low, "Evidence for b")], mapped.Assessment.Indicators);
    }

    [Fact]
    public void The_notes_of_every_step_are_kept_with_the_step_they_come_from()
    {
        var catalog = Load(Definitions, [OneToTwo, TwoToThree]);

        var notes = catalog.Map(Old, "tiny.3").Notes;

        Assert.Equal(
            [("tiny.1", "tiny.2", MappingChange.Renamed), ("tiny.2", "tiny.3", MappingChange.Added)],
            notes.Select(n => (n.FromVersion, n.ToVersion, n.Change)));
    }

    [Fact]
    public void A_direct_mapping_is_preferred_to_a_detour()
    {
        var direct = Mapping("tiny.1", "tiny.3", Entries(Entry("a", "a"), Entry("b", "c")), "d");
        var catalog = Load(Definitions, [OneToTwo, TwoToThree, direct]);

        Assert.Equal(["tiny.1", "tiny.3"], catalog.Map(Old, "tiny.3").Versions);
    }

    [Fact]
    public void A_version_that_no_mapping_leads_to_fails_clearly()
    {
        var catalog = Load(Definitions, [OneToTwo, TwoToThree]);

        var e = Assert.Throws<RiskToolMappingException>(() => catalog.Map(Old, "tiny.4"));

        Assert.Equal(
            "Cannot map from tiny.1 to tiny.4: no chain of mappings leads there. Mappings go forward only; the catalog has tiny.1 -> tiny.2, tiny.2 -> tiny.3.",
            e.Message);
    }

    [Fact]
    public void A_gap_in_the_chain_fails_rather_than_skipping_a_version()
    {
        var catalog = Load(Definitions, [TwoToThree]);

        Assert.Throws<RiskToolMappingException>(() => catalog.Map(Old, "tiny.3"));
    }

    [Fact]
    public void An_override_is_judged_again_at_every_step()
    {
        // tiny.1 gives Medium for one high; the override to High is carried through both steps.
        var catalog = Load(Definitions, [OneToTwo, TwoToThree]);
        var overridden = Assess.With("tiny.1", ("a", High)) with { Override = Assess.Override(RiskLevel.High) };

        var mapped = catalog.Map(overridden, "tiny.3");

        Assert.Equal(2, mapped.Notes.Count(n => n.Change == MappingChange.OverrideCarried));
        Assert.Equal(RiskLevel.High, catalog.Score(mapped.Assessment).FinalLevel);
    }
}
