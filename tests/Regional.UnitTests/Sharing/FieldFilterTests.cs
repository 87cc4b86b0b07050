using System.Text.Json.Nodes;
using Regional.Messaging;

namespace Regional.UnitTests.Sharing;

public sealed class When_a_message_is_cut_to_its_rule
{
    private static JsonObject Body() => JsonNode.Parse("""
        { "id": 1, "child": { "localId": "NC-1", "givenName": "Jo" }, "health": { "conditions": "asthma" }, "note": null,
          "plan": [ { "outcome": "safe", "who": "SW" }, { "outcome": "school", "who": "teacher" } ] }
        """)!.AsObject();

    [Fact]
    public void Fields_outside_the_rule_are_removed_and_named()
    {
        var body = Body();
        var removed = FieldFilter.Apply(body, ["id", "child.localId", "plan.outcome"]);
        Assert.Equal(["child.givenName", "health", "plan.who", "plan.who"], removed);
        Assert.Equal("""{"id":1,"child":{"localId":"NC-1"},"plan":[{"outcome":"safe"},{"outcome":"school"}]}""", body.ToJsonString());
    }

    [Fact]
    public void A_path_allows_its_whole_subtree()
    {
        var body = Body();
        FieldFilter.Apply(body, ["child", "health"]);
        Assert.Equal(["child.localId", "child.givenName", "health.conditions"], FieldFilter.Present(body));
    }

    [Fact]
    public void A_null_field_outside_the_rule_is_dropped_without_counting_as_removed()
    {
        var body = Body();
        var removed = FieldFilter.Apply(body, ["id", "child", "health", "plan"]);
        Assert.Empty(removed);
        Assert.False(body.ContainsKey("note"));
    }
}
