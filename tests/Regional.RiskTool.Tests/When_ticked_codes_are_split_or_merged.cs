using System.Text.Json.Nodes;
using static Regional.RiskTool.Tests.Support.TinyTool;

namespace Regional.RiskTool.Tests;

/// <summary>
/// The shipped mapping only renames and drops factors, models and types, so splits and merges
/// of ticked codes are shown on a small tool: tiny.1's looked-after becomes looked-after and
/// care-leaver; its online and street-grooming models become one grooming model.
/// </summary>
public sealed class When_ticked_codes_are_split_or_merged
{
    private static RiskToolCatalog Catalog()
    {
        var v1 = Definition("tiny.1", "2020-01-01", "a", "b");
        v1["models"] = Items("online", "street-grooming");
        var v2 = Definition("tiny.2", "2021-01-01", "a", "b");
        v2["vulnerabilityFactors"] = Items("looked-after", "care-leaver");
        v2["models"] = Items("grooming");

        var mapping = Mapping("tiny.1", "tiny.2", Entries(Entry("a", "a"), Entry("b", "b")));
        mapping["vulnerabilityFactors"]!["map"] = Entries(Entry("looked-after", "looked-after", "care-leaver"));
        mapping["models"]!["map"] = Entries(Entry("online", "grooming"), Entry("street-grooming", "grooming"));
        return Load([v1, v2], [mapping]);
    }

    private static JsonArray Items(params string[] codes) =>
        new(codes.Select(c => (JsonNode?)new JsonObject { ["code"] = c, ["name"] = $"Item {c}" }).ToArray());

    private static MappedAssessment Map(RiskAssessment assessment) => Catalog().Map(assessment, "tiny.2");

    [Fact]
    public void A_split_code_ticks_every_part_and_asks_for_the_wrong_ones_to_be_removed()
    {
        var mapped = Map(new RiskAssessment { ToolVersion = "tiny.1", VulnerabilityFactors = ["looked-after"] });

        Assert.Equal(["looked-after", "care-leaver"], mapped.Assessment.VulnerabilityFactors);
        var note = Assert.Single(mapped.Notes, n => n.Change == MappingChange.Split);
        Assert.Equal(CodeCategory.VulnerabilityFactor, note.Category);
        Assert.True(note.NeedsReview);
        Assert.Contains("all now recorded: remove any that do not apply", note.Message);
    }

    [Fact]
    public void Merged_codes_are_recorded_once_and_noted_for_information()
    {
        var mapped = Map(new RiskAssessment { ToolVersion = "tiny.1", Models = ["online", "street-grooming"] });

        Assert.Equal(["grooming"], mapped.Assessment.Models);
        var note = Assert.Single(mapped.Notes, n => n.Change == MappingChange.Merged);
        Assert.Equal(["online", "street-grooming"], note.From);
        Assert.False(note.NeedsReview);
    }

    [Fact]
    public void Codes_that_were_not_ticked_produce_neither_codes_nor_notes()
    {
        var mapped = Map(new RiskAssessment { ToolVersion = "tiny.1" });

        Assert.Empty(mapped.Assessment.VulnerabilityFactors);
        Assert.Empty(mapped.Assessment.Models);
        Assert.Empty(mapped.Notes);
    }
}
